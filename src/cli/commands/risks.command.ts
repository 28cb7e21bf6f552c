// parentis risks: the risk register with current scores and trend.
import type { Command } from 'commander';
import type { RiskView } from '../../services/risk.service.ts';
import { listCommand } from '../list-command.ts';

export function register(program: Command): void {
  listCommand<RiskView, { plan?: string }>(program, {
    name: 'risks',
    description: 'list the risk register with likelihood × impact scores and trend',
    options: (cmd) => cmd.option('--plan <slug>', 'only this plan'),
    load: ({ app, ctx }, opts) => app.services.risks.list(ctx, opts.plan === undefined ? {} : { plan: opts.plan }),
    columns: () => [
      { header: 'plan', value: (r) => r.plan },
      { header: 'ref', value: (r) => r.reference },
      { header: 'risk', value: (r) => r.title, width: 44 },
      { header: 'L×I', value: (r) => `${r.likelihood}×${r.impactScore}=${r.score}` },
      { header: 'rating', value: (r) => r.rating },
      { header: 'trend', value: (r) => r.trend },
      { header: 'owner', value: (r) => r.owner, width: 28 },
      { header: 'review', value: (r) => r.reviewDate },
      { header: 'status', value: (r) => r.status },
    ],
    json: (r) => r,
  });
}
