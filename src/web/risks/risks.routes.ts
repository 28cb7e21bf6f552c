// The risk register page: a 5×5 likelihood × impact heat map of open risks and the register table.
import { z } from 'zod';
import type { PageRoutes } from '../routes.ts';
import { actionLinker } from '../kit/action-links.ts';
import { riskAnchors } from '../kit/paths.ts';
import { queryText } from '../kit/query.ts';
import { heatMap, riskRow } from './risks.view.ts';

const querySchema = z.object({ plan: queryText() });

const risksRoutes: PageRoutes = (server) => {
  server.get('/risks', async (request, reply) => {
    const ctx = request.ctx();
    const query = querySchema.parse(request.query);
    const [risks, link, plans] = await Promise.all([
      server.services.risks.list(ctx, query.plan !== undefined ? { plan: query.plan } : {}),
      actionLinker(server.services.actions, ctx),
      server.services.plans.list(ctx),
    ]);
    const planTitle = new Map(plans.map((p) => [p.slug, p.title]));
    const anchors = riskAnchors(risks);
    const rows = risks.map((r) => riskRow(r, anchors.get(r.id)!, link));
    const groups: { plan: string | null; title: string; rows: typeof rows }[] = [];
    for (const row of rows) {
      let group = groups.find((g) => g.plan === row.plan);
      if (!group) {
        group = { plan: row.plan, title: row.plan === null ? 'Risks to the whole authority' : (planTitle.get(row.plan) ?? row.plan), rows: [] };
        groups.push(group);
      }
      group.rows.push(row);
    }
    // Offer the plans to choose between only when risks come from more than one.
    const allRisks = query.plan === undefined ? risks : await server.services.risks.list(ctx);
    const planSlugs = [...new Set(allRisks.map((r) => r.plan).filter((p): p is string => p !== null))];
    return reply.page('risks/risks.njk', {
      selectedPlan: query.plan ?? null,
      selectedPlanTitle: query.plan !== undefined ? (planTitle.get(query.plan) ?? query.plan) : null,
      planFilters: planSlugs.length > 1 || query.plan !== undefined ? planSlugs.map((slug) => ({ slug, title: planTitle.get(slug) ?? slug })) : [],
      heatMap: heatMap(risks),
      groups,
      total: risks.length,
      open: risks.filter((r) => r.status !== 'closed').length,
    });
  });
  return Promise.resolve();
};

export default risksRoutes;
