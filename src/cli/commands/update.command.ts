// parentis update add: a dated progress update on an action, optionally with the status it reports.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { BRAG_LABEL, parseBrag, type Brag } from '../../domain/brag.ts';
import { ValidationError } from '../../domain/errors.ts';
import { write } from '../output.ts';
import { dateOption, readText, versionOption } from '../options.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { todayFor } from '../../services/context.ts';

function bragOption(value: string): Brag {
  try {
    return parseBrag(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function register(program: Command): void {
  const update = program.command('update').description('progress updates');
  update
    .command('add <action>')
    .description('add a dated progress update to an action (plan-slug:number)')
    .option('--text <text>', 'the update; blank lines separate paragraphs, lines starting "- " are bullets')
    .option('--file <file>', 'read the update from a file, or - for standard input')
    .option('--date <date>', 'date of the update (yyyy-mm-dd or dd/mm/yyyy): today or earlier, 2000 or later; today if not given', dateOption)
    .option('--status <brag>', 'the BRAG status (B, R, A or G) the update reports, recorded as at its date in the same change', bragOption)
    .option('--reason <text>', 'why the action has that status; the update itself if not given')
    .option('--if-version <n>', 'refuse if the action has changed since this version', versionOption)
    .action(
      async (key: string, opts: { text?: string; file?: string; date?: string; status?: Brag; reason?: string; ifVersion?: number }, cmd: Command) => {
        const body = readText(opts.text, opts.file);
        if (body === undefined || body.trim() === '') throw new ValidationError('Give the update with --text or --file', 'text');
        if (opts.reason !== undefined && opts.status === undefined) throw new ValidationError('--reason goes with --status', 'reason');
        await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
          const done = await app.services.actions.recordProgress(ctx, key, {
            date: opts.date ?? todayFor(ctx),
            body,
            expectedVersion: opts.ifVersion,
            status: opts.status === undefined ? undefined : { status: opts.status, reason: opts.reason },
          });
          const status =
            opts.status === undefined || done.status === null
              ? ''
              : done.status === 'set'
                ? ` and recorded ${BRAG_LABEL[opts.status]} as at its date`
                : ` and proposed ${BRAG_LABEL[opts.status]}, which waits for approval`;
          write(`Added an update to ${done.key}${status} (now version ${done.version}).\n`);
        });
      },
    );
}
