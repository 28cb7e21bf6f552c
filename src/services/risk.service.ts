// Use cases for the risk register: risks with their current score and trend; adding, editing,
// re-scoring and closing risks, and linking them to actions and measures.
import { leadsProgramme, topLevelNode } from '../domain/action-permissions.ts';
import { groupBy } from '../domain/collections.ts';
import { isIsoDate } from '../domain/dates.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { riskRating, riskScore, riskTrend } from '../domain/risk.ts';
import type { Risk } from '../repositories/risk.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { actionIdsForKeys } from './action-keys.ts';
import { staleError } from './stale-write.ts';
import { can } from '../domain/capabilities.ts';
import { requireCapability, todayFor, type Ctx } from './context.ts';

/** A risk's own words, owner, review date and links, as the add and edit forms give them. */
export interface RiskFields {
  title: string;
  impact: string;
  mitigation: string;
  owner: string;
  reviewDate: string | null;
  /** Keys (plan-slug:number) of the actions that mitigate it. */
  actions: string[];
  /** Ids of the measures it would move. */
  measures: number[];
}

/** A likelihood × impact score given on a day, with the reason for it. */
export interface RiskScoreInput {
  likelihood: number;
  impact: number;
  assessedOn: string;
  note: string;
}

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
  history: { likelihood: number; impact: number; score: number; recordedAt: string; assessedOn: string; recordedBy: string; note: string }[];
  actions: string[];
  measures: { id: number; code: string; title: string }[];
  closedOn: string | null;
  closedReason: string;
  /** The programme (top-level part of its plan) the risk sits in, if any: its lead re-scores it. */
  nodeId: number | null;
  version: number;
}

/** The register (or one plan's part of it) read through the given repositories: current score, trend, history and links. */
export async function listRisks(repos: Repositories, ctx: Ctx, filters: { plan?: string } = {}): Promise<RiskView[]> {
  let planId: number | undefined;
  if (filters.plan !== undefined) {
    const plan = await repos.plans.findBySlug(ctx.organisationId, filters.plan);
    if (!plan) throw new NotFoundError(`There is no plan "${filters.plan}".`);
    planId = plan.id;
  }
  const risks = await repos.risks.list(ctx.organisationId, planId);
  const ids = risks.map((r) => r.id);
  const [scores, links, measureLinks] = await Promise.all([repos.risks.scores(ids), repos.risks.links(ids), repos.risks.measureLinks(ids)]);
  const actionRows = await repos.actions.list({ organisationId: ctx.organisationId, ids: [...new Set(links.map((l) => l.actionId))] });
  const keyOf = new Map(actionRows.map((a) => [a.id, `${a.planSlug}:${a.number}`]));
  const scoresOf = groupBy(scores, (s) => s.riskId);
  const linksOf = groupBy(links, (l) => l.riskId);
  const measuresOf = groupBy(measureLinks, (l) => l.riskId);
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
        assessedOn: s.assessedOn ?? new Date(s.recordedAt).toISOString().slice(0, 10),
        recordedBy: s.recordedBy,
        note: s.note,
      })),
      actions: (linksOf.get(r.id) ?? []).map((l) => keyOf.get(l.actionId) ?? String(l.actionId)),
      measures: (measuresOf.get(r.id) ?? []).map((m) => ({ id: m.measureId, code: m.code, title: m.title })),
      closedOn: r.closedOn,
      closedReason: r.closedReason,
      nodeId: r.nodeId,
      version: r.version,
    };
  });
}

export class RiskService {
  constructor(private readonly store: Store) {}

  list(ctx: Ctx, filters: { plan?: string } = {}): Promise<RiskView[]> {
    return listRisks(this.store.read, ctx, filters);
  }

  /** One risk by its id, as the register shows it. */
  async get(ctx: Ctx, id: number): Promise<RiskView> {
    const risk = (await this.list(ctx)).find((r) => r.id === id);
    if (!risk) throw new NotFoundError(`There is no risk ${id}.`);
    return risk;
  }

  /** The measures a risk can be linked to. */
  async measureChoices(ctx: Ctx): Promise<{ id: number; code: string; title: string }[]> {
    const measures = await this.store.read.measures.list(ctx.organisationId);
    return measures.map((m) => ({ id: m.id, code: m.code, title: m.title }));
  }

  /** Whether this person may re-score this risk: any risk for managers, their programmes' risks for a lead. */
  async mayRescore(ctx: Ctx, risk: Pick<RiskView, 'plan' | 'nodeId'>): Promise<boolean> {
    if (can(ctx.role, 'risks.rescore')) return true;
    if (!can(ctx.role, 'risks.rescore-led') || risk.nodeId === null || risk.plan === null) return false;
    const plan = await this.store.read.plans.findBySlug(ctx.organisationId, risk.plan);
    return plan !== undefined && leadsProgramme(topLevelNode(await this.store.read.plans.nodes(plan.id), risk.nodeId), ctx.actor);
  }

  /** Adds a risk to a plan's register (or the authority's own, with no plan) with its first score. */
  async add(ctx: Ctx, input: RiskFields & { plan: string | null; reference: string; score: RiskScoreInput }): Promise<{ id: number }> {
    requireCapability(ctx, 'risks.manage', 'add risks');
    const reference = input.reference.trim();
    if (reference === '') throw new ValidationError('Enter a reference for the risk, for example R7', 'reference');
    checkScore(ctx, input.score, null);
    return this.store.transaction(async (repos) => {
      let planId: number | null = null;
      if (input.plan !== null) {
        const plan = await repos.plans.findBySlug(ctx.organisationId, input.plan);
        if (!plan) throw new ValidationError(`There is no plan "${input.plan}".`, 'plan');
        if (plan.archivedAt !== null) throw new ValidationError(`"${plan.title}" is archived: its register takes no new risks. Take it out of the archive first, or choose another register`, 'plan');
        planId = plan.id;
      }
      if (await repos.risks.findByReference(ctx.organisationId, planId, reference)) {
        throw new ValidationError(`There is already a risk ${reference} in this register: choose another reference`, 'reference');
      }
      const actionIds = await actionIdsForKeys(repos, ctx, input.actions, 'actions');
      const measureIds = await measureIdsOf(repos, ctx, input.measures);
      const row = await repos.risks.insert({
        organisationId: ctx.organisationId,
        planId,
        nodeId: null,
        reference,
        title: input.title,
        impact: input.impact,
        mitigation: input.mitigation,
        owner: input.owner,
        reviewDate: input.reviewDate,
        status: 'open',
      });
      await repos.risks.insertScores([scoreRow(ctx, row.id, input.score)]);
      await repos.risks.linkActions(row.id, actionIds);
      await repos.risks.setMeasures(row.id, measureIds);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'risk.added',
        entityType: 'risk',
        entityId: row.id,
        entityKey: riskKey(input.plan, reference),
        before: null,
        after: { ...fieldsOf(input), likelihood: input.score.likelihood, impactScore: input.score.impact, assessedOn: input.score.assessedOn, note: input.score.note },
      });
      return { id: row.id };
    });
  }

  /** Changes a risk's words, owner, review date and links, unless someone else changed it first. */
  async edit(ctx: Ctx, id: number, expectedVersion: number, input: RiskFields): Promise<void> {
    requireCapability(ctx, 'risks.manage', 'edit risks');
    await this.store.transaction(async (repos) => {
      const risk = await lockRisk(repos, ctx, id);
      const before = await this.linksOf(repos, risk);
      const actionIds = await actionIdsForKeys(repos, ctx, input.actions, 'actions');
      const measureIds = await measureIdsOf(repos, ctx, input.measures);
      const updated = await repos.risks.update(id, expectedVersion, {
        title: input.title,
        impact: input.impact,
        mitigation: input.mitigation,
        owner: input.owner,
        reviewDate: input.reviewDate,
      });
      if (!updated) throw await staleError(repos, 'risk', id, `Risk ${risk.reference}`, expectedVersion, risk.version);
      await repos.risks.setActions(id, actionIds);
      await repos.risks.setMeasures(id, measureIds);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'risk.edited',
        entityType: 'risk',
        entityId: id,
        entityKey: riskKey(risk.planSlug, risk.reference),
        before: { ...fieldsOf({ ...risk, actions: before.actions, measures: [] }), measures: before.measures },
        after: { ...fieldsOf(input), measures: (await repos.risks.measureLinks([id])).map((m) => m.code) },
      });
    });
  }

  /** Re-scores a risk found by its id: the new score on its day and with its reason; the old ones stay. */
  async rescoreById(ctx: Ctx, id: number, expectedVersion: number, score: RiskScoreInput): Promise<void> {
    if (!can(ctx.role, 'risks.rescore-led')) requireCapability(ctx, 'risks.rescore', 're-score risks');
    await this.store.transaction(async (repos) => {
      const risk = await lockRisk(repos, ctx, id);
      if (!can(ctx.role, 'risks.rescore') && !(await ledByActor(repos, ctx, risk))) {
        throw new ForbiddenError(`Your role does not allow you to re-score risk ${risk.reference}: it is not in a programme you lead.`);
      }
      if (risk.status === 'closed') throw new ValidationError(`Risk ${risk.reference} is closed: it is no longer scored`, 'likelihood');
      const history = await repos.risks.scores([id]);
      const last = history.at(-1);
      checkScore(ctx, score, last ? (last.assessedOn ?? new Date(last.recordedAt).toISOString().slice(0, 10)) : null);
      const next = await repos.risks.bumpVersion(id, expectedVersion);
      if (next === undefined) throw await staleError(repos, 'risk', id, `Risk ${risk.reference}`, expectedVersion, risk.version);
      await repos.risks.insertScores([scoreRow(ctx, id, score)]);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'risk.rescored',
        entityType: 'risk',
        entityId: id,
        entityKey: riskKey(risk.planSlug, risk.reference),
        before: last ? { likelihood: last.likelihood, impact: last.impact } : null,
        after: { likelihood: score.likelihood, impact: score.impact, assessedOn: score.assessedOn, note: score.note.trim() },
      });
    });
  }

  /** Closes a risk on a day, with the reason; it leaves the heat map but stays in the register. */
  async close(ctx: Ctx, id: number, expectedVersion: number, input: { closedOn: string; reason: string }): Promise<void> {
    requireCapability(ctx, 'risks.manage', 'close risks');
    if (!isIsoDate(input.closedOn)) throw new ValidationError('Enter the date the risk was closed', 'closedOn');
    if (input.closedOn > todayFor(ctx)) throw new ValidationError('The date the risk was closed must be today or in the past', 'closedOn');
    if (input.reason.trim() === '') throw new ValidationError('Enter why the risk is being closed', 'reason');
    await this.store.transaction(async (repos) => {
      const risk = await lockRisk(repos, ctx, id);
      if (risk.status === 'closed' && risk.version === expectedVersion) throw new ValidationError(`Risk ${risk.reference} is already closed`, 'reason');
      const updated = await repos.risks.update(id, expectedVersion, { status: 'closed', closedOn: input.closedOn, closedReason: input.reason.trim() });
      if (!updated) throw await staleError(repos, 'risk', id, `Risk ${risk.reference}`, expectedVersion, risk.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'risk.closed',
        entityType: 'risk',
        entityId: id,
        entityKey: riskKey(risk.planSlug, risk.reference),
        before: { status: risk.status },
        after: { status: 'closed', closedOn: input.closedOn, reason: input.reason.trim() },
      });
    });
  }

  private async linksOf(repos: Repositories, risk: Risk): Promise<{ actions: string[]; measures: string[] }> {
    const [links, measures] = await Promise.all([repos.risks.links([risk.id]), repos.risks.measureLinks([risk.id])]);
    const actions = await repos.actions.list({ organisationId: risk.organisationId, ids: links.map((l) => l.actionId) });
    return { actions: actions.map((a) => `${a.planSlug}:${a.number}`), measures: measures.map((m) => m.code) };
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

const riskKey = (plan: string | null, reference: string): string => `${plan ?? 'authority'}:${reference}`;

function fieldsOf(f: Omit<RiskFields, 'measures'> & { measures?: unknown }) {
  return { title: f.title, impact: f.impact, mitigation: f.mitigation, owner: f.owner, reviewDate: f.reviewDate, actions: f.actions };
}

async function lockRisk(repos: Repositories, ctx: Ctx, id: number): Promise<Risk> {
  const risk = await repos.risks.lock(ctx.organisationId, id);
  if (!risk) throw new NotFoundError(`There is no risk ${id}.`);
  return risk;
}

async function ledByActor(repos: Repositories, ctx: Ctx, risk: Risk): Promise<boolean> {
  return risk.nodeId !== null && risk.planId !== null && leadsProgramme(topLevelNode(await repos.plans.nodes(risk.planId), risk.nodeId), ctx.actor);
}

/** A score's numbers are 1 to 5; its day is not in the future nor before the last score's. */
function checkScore(ctx: Ctx, s: RiskScoreInput, lastAssessedOn: string | null): void {
  for (const [field, v] of [['likelihood', s.likelihood], ['impact', s.impact]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 5) throw new ValidationError(`Choose the ${field} from 1 to 5`, field);
  }
  if (!isIsoDate(s.assessedOn)) throw new ValidationError('Enter the date of the assessment', 'assessedOn');
  if (s.assessedOn > todayFor(ctx)) throw new ValidationError('The date of the assessment must be today or in the past', 'assessedOn');
  if (lastAssessedOn !== null && s.assessedOn < lastAssessedOn) {
    throw new ValidationError(`The date of the assessment must be on or after the last one, ${lastAssessedOn}`, 'assessedOn');
  }
}

const scoreRow = (ctx: Ctx, riskId: number, s: RiskScoreInput) => ({
  riskId,
  likelihood: s.likelihood,
  impact: s.impact,
  assessedOn: s.assessedOn,
  recordedBy: ctx.actor,
  note: s.note.trim(),
});

async function measureIdsOf(repos: Repositories, ctx: Ctx, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const known = new Set((await repos.measures.list(ctx.organisationId)).map((m) => m.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new ValidationError('Choose measures from the list', 'measures');
  return [...new Set(ids)];
}
