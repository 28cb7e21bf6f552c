// parentis plans: the plans with their BRAG roll-up.
import type { Command } from 'commander';
import type { PlanSummary } from '../../services/plan.service.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  program
    .command('plans')
    .description('list the plans with counts of actions by BRAG status and overdue')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const plans = await app.services.plans.list(ctx);
        write(
          render<PlanSummary>(
            plans,
            [
              { header: 'plan', value: (p) => p.slug },
              { header: 'title', value: (p) => p.title, width: 50 },
              { header: 'kind', value: (p) => p.kind },
              { header: 'actions', value: (p) => p.rollUp.actions },
              { header: 'B', value: (p) => p.rollUp.counts.B },
              { header: 'R', value: (p) => p.rollUp.counts.R },
              { header: 'A', value: (p) => p.rollUp.counts.A },
              { header: 'G', value: (p) => p.rollUp.counts.G },
              { header: 'no status', value: (p) => p.rollUp.counts.none },
              { header: 'overdue', value: (p) => p.rollUp.overdue },
            ],
            format,
            (p) => ({ plan: p.slug, title: p.title, kind: p.kind, status: p.status, periodStart: p.periodStart, periodEnd: p.periodEnd, ...p.rollUp }),
          ),
        );
      });
    });
}
