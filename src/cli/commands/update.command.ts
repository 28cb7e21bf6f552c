// parentis update add: a dated progress update on an action.
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { write } from '../output.ts';
import { dateOption, readText, versionOption } from '../options.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { todayFor } from '../../services/context.ts';

export function register(program: Command): void {
  const update = program.command('update').description('progress updates');
  update
    .command('add <action>')
    .description('add a dated progress update to an action (plan-slug:number)')
    .option('--text <text>', 'the update; blank lines separate paragraphs, lines starting "- " are bullets')
    .option('--file <file>', 'read the update from a file, or - for standard input')
    .option('--date <date>', 'date of the update (yyyy-mm-dd or dd/mm/yyyy); today if not given', dateOption)
    .option('--if-version <n>', 'refuse if the action has changed since this version', versionOption)
    .action(async (key: string, opts: { text?: string; file?: string; date?: string; ifVersion?: number }, cmd: Command) => {
      const body = readText(opts.text, opts.file);
      if (body === undefined || body.trim() === '') throw new ValidationError('Give the update with --text or --file', 'text');
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const a = await app.services.actions.addUpdate(ctx, key, {
          date: opts.date ?? todayFor(ctx),
          body,
          expectedVersion: opts.ifVersion,
        });
        write(`Added an update to ${a.key} (${a.updateCount} updates; now version ${a.version}).\n`);
      });
    });
}
