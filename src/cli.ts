// Command-line entry: `parentis <command>`. A failure prints one clear line and exits non-zero.
import { Command, CommanderError } from 'commander';
import { register as action } from './cli/commands/action.command.ts';
import { register as actions } from './cli/commands/actions.command.ts';
import { register as audit } from './cli/commands/audit.command.ts';
import { register as deadline } from './cli/commands/deadline.command.ts';
import { register as demo } from './cli/commands/demo.command.ts';
import { register as exportCommand } from './cli/commands/export.command.ts';
import { register as generate } from './cli/commands/generate.command.ts';
import { register as glossary } from './cli/commands/glossary.command.ts';
import { register as importCommand } from './cli/commands/import.command.ts';
import { register as import903 } from './cli/commands/import-903.command.ts';
import { register as importFigures } from './cli/commands/import-figures.command.ts';
import { register as indicators } from './cli/commands/indicators.command.ts';
import { register as init } from './cli/commands/init.command.ts';
import { register as measures } from './cli/commands/measures.command.ts';
import { register as migrate } from './cli/commands/migrate.command.ts';
import { register as plans } from './cli/commands/plans.command.ts';
import { register as refs } from './cli/commands/refs.command.ts';
import { register as risks } from './cli/commands/risks.command.ts';
import { register as round } from './cli/commands/round.command.ts';
import { register as snapshot } from './cli/commands/snapshot.command.ts';
import { register as serve } from './cli/commands/serve.command.ts';
import { register as status } from './cli/commands/status.command.ts';
import { register as token } from './cli/commands/token.command.ts';
import { register as update } from './cli/commands/update.command.ts';
import { register as user } from './cli/commands/user.command.ts';
import { register as voice } from './cli/commands/voice.command.ts';
import { dateOption } from './cli/options.ts';
import { debugEnabled } from './config.ts';
import { DataDirInUseError } from './composition.ts';
import { databaseInUseLine } from './cli/in-the-browser.ts';

export function buildProgram(): Command {
  const program = new Command('parentis')
    .description('Parentis: corporate parenting plans, actions and BRAG status for children\'s services')
    .option('--org <name>', 'the authority, when the database holds more than one')
    .option('--by <name>', 'who is making the change, for the audit trail (default: PARENTIS_USER or your login)')
    .option('--as-of <date>', 'work out overdue and days since update as at this date', dateOption)
    // Commander's own errors (unknown option, missing argument) become the same single line as ours.
    .configureOutput({ outputError: (text, write) => write(`parentis: ${text.replace(/^error: /, '').trim()} (see "parentis --help")\n`) })
    .exitOverride();
  for (const r of [serve, migrate, init, demo, plans, actions, action, update, status, deadline, exportCommand, importCommand, audit, risks, refs, voice, glossary, generate]) r(program);
  // Registered after import so that their sub-commands join it.
  for (const r of [import903, importFigures, indicators, measures]) r(program);
  for (const r of [user, token, round, snapshot]) r(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help that was asked for).
      return err.exitCode;
    }
    const message = err instanceof DataDirInUseError ? databaseInUseLine(err, argv.slice(2)) : err instanceof Error ? err.message : String(err);
    process.stderr.write(`parentis: ${message.split('\n')[0]}\n`);
    if (debugEnabled() && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

const code = await main(process.argv);
// `serve` keeps running; every other command ends here.
if (code !== 0 || !['serve'].includes(process.argv[2] ?? '')) process.exitCode = code;
