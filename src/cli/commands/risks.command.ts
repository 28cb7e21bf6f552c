// parentis risks: the risk register with current scores and trend.
import type { Command } from 'commander';
import type { RiskView } from '../../services/risk.service.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  program
    .command('risks')
    .description('list the risk register with likelihood × impact scores and trend')
    .option('--plan <slug>', 'only this plan')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { plan?: string; format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const risks = await app.services.risks.list(ctx, opts.plan === undefined ? {} : { plan: opts.plan });
        write(
          render<RiskView>(
            risks,
            [
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
            format,
            (r) => r,
          ),
        );
      });
    });
}
