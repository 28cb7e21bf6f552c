// parentis plans: the plans with their BRAG roll-up.
import type { Command } from 'commander';
import type { PlanSummary } from '../../services/plan.service.ts';
import { listCommand } from '../list-command.ts';

export function register(program: Command): void {
  listCommand<PlanSummary, object>(program, {
    name: 'plans',
    description: 'list the plans with counts of actions by BRAG status and overdue',
    load: ({ app, ctx }) => app.services.plans.list(ctx),
    columns: () => [
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
    json: (p) => ({ plan: p.slug, title: p.title, kind: p.kind, status: p.status, periodStart: p.periodStart, periodEnd: p.periodEnd, ...p.rollUp }),
  });
}
