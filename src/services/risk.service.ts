// Use cases for the risk register: risks with their current score and trend, and re-scoring.
import { leadsProgramme, topLevelNode } from '../domain/action-permissions.ts';
import { groupBy } from '../domain/collections.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { riskRating, riskScore, riskTrend } from '../domain/risk.ts';
import type { Store } from '../repositories/store.ts';
import { staleError } from './stale-write.ts';
import { can } from '../domain/capabilities.ts';
import { requireCapability, type Ctx } from './context.ts';

export interface RiskView {
  id: number;
  plan: string | null;
  reference: string;
  title: string;
  impact: string;
  mitigation: string;
  owner: string;
  reviewDate: string | null;
  status: string;
  likelihood: number;
  impactScore: number;
  score: number;
  rating: ReturnType<typeof riskRating>;
  previousScore: number | null;
  trend: ReturnType<typeof riskTrend>;
  history: { likelihood: number; impact: number; score: number; recordedAt: string; recordedBy: string; note: string }[];
  actions: string[];
  version: number;
}

export class RiskService {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx, filters: { plan?: string } = {}): Promise<RiskView[]> {
    const repos = this.store.read;
    let planId: number | undefined;
    if (filters.plan !== undefined) {
      const plan = await repos.plans.findBySlug(ctx.organisationId, filters.plan);
      if (!plan) throw new NotFoundError(`There is no plan "${filters.plan}".`);
      planId = plan.id;
    }
    const risks = await repos.risks.list(ctx.organisationId, planId);
    const ids = risks.map((r) => r.id);
    const [scores, links] = await Promise.all([repos.risks.scores(ids), repos.risks.links(ids)]);
    const actionRows = await repos.actions.list({ organisationId: ctx.organisationId, ids: [...new Set(links.map((l) => l.actionId))] });
    const keyOf = new Map(actionRows.map((a) => [a.id, `${a.planSlug}:${a.number}`]));
    const scoresOf = groupBy(scores, (s) => s.riskId);
    const linksOf = groupBy(links, (l) => l.riskId);
    return risks.map((r) => {
      const history = scoresOf.get(r.id) ?? [];
      const current = history[history.length - 1] ?? { likelihood: 0, impact: 0 };
      const previous = history.length > 1 ? history[history.length - 2]! : null;
      return {
        id: r.id,
        plan: r.planSlug,
        reference: r.reference,
        title: r.title,
        impact: r.impact,
        mitigation: r.mitigation,
        owner: r.owner,
        reviewDate: r.reviewDate,
        status: r.status,
        likelihood: current.likelihood,
        impactScore: current.impact,
        score: riskScore(current),
        rating: riskRating(riskScore(current)),
        previousScore: previous ? riskScore(previous) : null,
        trend: riskTrend(previous, current),
        history: history.map((s) => ({
          likelihood: s.likelihood,
          impact: s.impact,
          score: riskScore(s),
          recordedAt: new Date(s.recordedAt).toISOString(),
          recordedBy: s.recordedBy,
          note: s.note,
        })),
        actions: (linksOf.get(r.id) ?? []).map((l) => keyOf.get(l.actionId) ?? String(l.actionId)),
        version: r.version,
      };
    });
  }

  /** Records a new likelihood × impact score; the old one stays in the history. */
  async rescore(
    ctx: Ctx,
    input: { plan: string; reference: string; likelihood: number; impact: number; note: string; expectedVersion?: number | undefined },
  ): Promise<void> {
    for (const [field, v] of [['likelihood', input.likelihood], ['impact', input.impact]] as const) {
      if (!Number.isInteger(v) || v < 1 || v > 5) throw new ValidationError(`${field} must be a whole number from 1 to 5`, field);
    }
    await this.store.transaction(async (repos) => {
      const plan = await repos.plans.findBySlug(ctx.organisationId, input.plan);
      if (!plan) throw new NotFoundError(`There is no plan "${input.plan}".`);
      const risk = await repos.risks.findByReference(ctx.organisationId, plan.id, input.reference);
      if (!risk) throw new NotFoundError(`Plan "${input.plan}" has no risk ${input.reference}.`);
      if (!can(ctx.role, 'risks.rescore-led')) requireCapability(ctx, 'risks.rescore', 're-score risks');
      // A lead re-scores the risks of the programmes they lead.
      if (!can(ctx.role, 'risks.rescore') && !(risk.nodeId !== null && leadsProgramme(topLevelNode(await repos.plans.nodes(plan.id), risk.nodeId), ctx.actor))) {
        throw new ForbiddenError(`Your role does not allow you to re-score risk ${input.reference}: it is not in a programme you lead.`);
      }
      const expected = input.expectedVersion ?? risk.version;
      const next = await repos.risks.bumpVersion(risk.id, expected);
      if (next === undefined) throw await staleError(repos, 'risk', risk.id, `Risk ${input.reference}`, expected, risk.version);
      const before = (await repos.risks.scores([risk.id])).at(-1);
      await repos.risks.insertScores([{ riskId: risk.id, likelihood: input.likelihood, impact: input.impact, recordedBy: ctx.actor, note: input.note.trim() }]);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'risk.rescored',
        entityType: 'risk',
        entityId: risk.id,
        entityKey: `${input.plan}:${input.reference}`,
        before: before ? { likelihood: before.likelihood, impact: before.impact } : null,
        after: { likelihood: input.likelihood, impact: input.impact, note: input.note.trim() },
      });
    });
  }
}
