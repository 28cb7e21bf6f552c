// The parentis command line: its commands, and running one command line to its exit code.
import { Command, CommanderError } from 'commander';
import { register as action } from './commands/action.command.ts';
import { register as actions } from './commands/actions.command.ts';
import { register as audit } from './commands/audit.command.ts';
import { register as deadline } from './commands/deadline.command.ts';
import { register as demo } from './commands/demo.command.ts';
import { register as exportCommand } from './commands/export.command.ts';
import { register as generate } from './commands/generate.command.ts';
import { register as glossary } from './commands/glossary.command.ts';
import { register as importCommand } from './commands/import.command.ts';
import { register as import903 } from './commands/import-903.command.ts';
import { register as importFigures } from './commands/import-figures.command.ts';
import { register as indicators } from './commands/indicators.command.ts';
import { register as init } from './commands/init.command.ts';
import { register as measures } from './commands/measures.command.ts';
import { register as migrate } from './commands/migrate.command.ts';
import { register as plans } from './commands/plans.command.ts';
import { register as refs } from './commands/refs.command.ts';
import { register as risks } from './commands/risks.command.ts';
import { register as round } from './commands/round.command.ts';
import { register as snapshot } from './commands/snapshot.command.ts';
import { register as report } from './commands/report.command.ts';
import { register as serve } from './commands/serve.command.ts';
import { register as status } from './commands/status.command.ts';
import { register as token } from './commands/token.command.ts';
import { register as update } from './commands/update.command.ts';
import { register as user } from './commands/user.command.ts';
import { register as voice } from './commands/voice.command.ts';
import { dateOption } from './options.ts';
import { debugEnabled } from '../config.ts';
import { DataDirInUseError } from '../composition.ts';
import { databaseInUseLine } from './in-the-browser.ts';
import { io, withIo, type CommandIo } from './io.ts';

export function buildProgram(): Command {
  const program = new Command('parentis')
    .description('Parentis: corporate parenting plans, actions and BRAG status for children\'s services')
    .option('--org <name>', 'the authority, when the database holds more than one')
    .option('--by <name>', 'who is making the change, for the audit trail (default: PARENTIS_USER or your login)')
    .option('--as-of <date>', 'work out overdue and days since update as at this date', dateOption)
    // Commander's own errors (unknown option, missing argument) become the same single line as ours.
    .configureOutput({
      writeOut: (text) => io().stdout.write(text),
      writeErr: (text) => io().stderr.write(text),
      outputError: (text, write) => write(`parentis: ${text.replace(/^error: /, '').trim()} (see "parentis --help")\n`),
    })
    .exitOverride();
  for (const r of [serve, migrate, init, demo, plans, actions, action, update, status, deadline, exportCommand, importCommand, audit, risks, refs, voice, glossary, generate]) r(program);
  // Registered after import so that their sub-commands join it.
  for (const r of [import903, importFigures, indicators, measures]) r(program);
  for (const r of [user, token, round, snapshot, report]) r(program);
  return program;
}

/**
 * Runs one command line (argv as process.argv: node, script, then the arguments) and returns its exit
 * code; a failure prints one line on standard error. Given settings and streams stand in for the process's.
 */
export async function runCommandLine(argv: string[], given?: CommandIo): Promise<number> {
  if (given !== undefined) return withIo(given, () => runCommandLine(argv));
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help that was asked for).
      return err.exitCode;
    }
    const message = err instanceof DataDirInUseError ? databaseInUseLine(err, argv.slice(2)) : err instanceof Error ? err.message : String(err);
    io().stderr.write(`parentis: ${message.split('\n')[0]}\n`);
    if (debugEnabled(io().env) && err instanceof Error) io().stderr.write(`${err.stack}\n`);
    return 1;
  }
}
