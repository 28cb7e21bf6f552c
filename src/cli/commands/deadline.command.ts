// parentis deadline revise: moves an action's deadline, keeping the old one and the reason.
import type { Command } from 'commander';
import { write } from '../output.ts';
import { dateOption, versionOption } from '../options.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  const deadline = program.command('deadline').description('deadlines');
  deadline
    .command('revise <action> <date>')
    .description('revise the deadline of an action (plan-slug:number); the history keeps every earlier deadline')
    .requiredOption('--reason <text>', 'why the deadline moves')
    .option('--if-version <n>', 'refuse if the action has changed since this version', versionOption)
    .action(async (key: string, dateText: string, opts: { reason: string; ifVersion?: number }, cmd: Command) => {
      const date = dateOption(dateText);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const a = await app.services.actions.reviseDeadline(ctx, key, { date, reason: opts.reason, expectedVersion: opts.ifVersion });
        write(`Deadline of ${a.key} is now ${a.deadline} (revised ${a.slippage.revisions} time(s); now version ${a.version}).\n`);
      });
    });
}
