// Closing a reporting round freezes what the board was told into a numbered, named snapshot: every
// action of the round's plans (status, forecast, deadlines, updates in the period), the programmes'
// statuses, the risk register, the young people's priorities and the measures as at the period end
// (small numbers suppressed as the board sees them). Snapshots are read back exactly as stored.
import { groupBy } from '../../domain/collections.ts';
import { emptyCounts, type Brag, type BragCounts } from '../../domain/brag.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  defaultSnapshotName,
  snapshotChanges,
  type SnapshotAction,
  type SnapshotChanges,
  type SnapshotContent,
  type SnapshotMeasure,
  type SnapshotNode,
  type SnapshotPriority,
  type SnapshotProgramme,
  type SnapshotFigure,
  type SnapshotGlossaryTerm,
  type SnapshotReport,
  type SnapshotReference,
  type SnapshotRisk,
} from '../../domain/snapshot.ts';
import type { PlanNode } from '../../repositories/plan.repository.ts';
import type { Round } from '../../repositories/round.repository.ts';
import type { Snapshot } from '../../repositories/snapshot.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { requireCapability, todayFor, type Ctx } from '../context.ts';
import type { Unit } from '../../measures/values.ts';
import { formatValue, readerFor, type MeasureReading, type Reader } from '../measure-reading.ts';
import { aimedMeasureCodes } from '../reference.service.ts';
import { DRAFT_MARK } from '../../reports/common.ts';
import { readBreakdowns, readMeasures, suppressionThreshold } from '../measure.service.ts';
import { riskRating, riskScore, riskTrend } from '../../domain/risk.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { listRisks } from '../risk.service.ts';
import { latestProgrammeStatuses, type ProgrammeStatusEntry } from './programme-status.service.ts';
import { annualOf } from '../../domain/report-text.ts';
import { listVoice } from '../voice.service.ts';

/** The board a round's report goes to, in the default name. */
export const DEFAULT_BOARD = 'Corporate Parenting Board';
export const NAME_MAX = 200;

export interface SnapshotSummary {
  number: number;
  name: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  roundId: number;
  takenAt: Date;
  takenBy: string;
}

export interface SnapshotView extends SnapshotSummary {
  content: SnapshotContent;
}

export interface SnapshotComparison {
  snapshot: SnapshotSummary;
  /** The snapshot compared against; null when this is the first. */
  since: SnapshotSummary | null;
  changes: SnapshotChanges | null;
}

const summaryOf = (s: Snapshot): SnapshotSummary => ({
  number: s.number,
  name: s.name,
  period: s.period,
  periodStart: s.periodStart,
  periodEnd: s.periodEnd,
  roundId: s.roundId,
  takenAt: s.takenAt,
  takenBy: s.takenBy,
});

const letter = (v: string | null): Brag | null => (v === 'B' || v === 'R' || v === 'A' || v === 'G' ? v : null);

/** What the programmes' counts need of a plan: its parts, and each action's part and current status. */
export interface PlanOutline {
  slug: string;
  title: string;
  nodes: readonly Pick<SnapshotNode, 'id'>[];
  actions: readonly Pick<SnapshotAction, 'nodeId' | 'status'>[];
}

/**
 * The round's plans (by title) with their parts and each action's current status. The actions
 * section itself, with the histories and the updates' text, is built and stored by the database
 * (SnapshotRepository.insertActionsSection) and never read here: at 1,500 actions carrying it to
 * JavaScript and back cost more than all the rest of closing.
 */
async function outlinePlans(repos: Repositories, round: Round, asAt: string | null): Promise<{ plans: PlanOutline[]; nodes: PlanNode[] }> {
  const plans = await repos.rounds.plansOfRounds([round.id]);
  const ids = plans.map((p) => p.planId);
  const nodes = await repos.plans.nodesOfPlans(ids);
  const actions = await repos.snapshots.actionStatuses(ids, asAt);
  const nodesOf = groupBy(nodes, (n) => n.planId);
  const actionsOf = groupBy(actions, (a) => a.planId);
  return {
    plans: plans.map((p) => ({
      slug: p.slug,
      title: p.title,
      nodes: (nodesOf.get(p.planId) ?? []).map((n) => ({ id: n.id })),
      actions: (actionsOf.get(p.planId) ?? []).map((a) => ({ nodeId: a.nodeId, status: letter(a.status) })),
    })),
    nodes,
  };
}

/**
 * The programmes (each plan's top-level parts) with the status, trend and reason recorded on them
 * and their actions' BRAG counts. Where per-period programme statuses are kept, this is the one
 * place to read the period's entry instead of the part's current status.
 */
export function gatherProgrammeStatuses(plans: readonly PlanOutline[], nodes: readonly PlanNode[], entered: ReadonlyMap<number, ProgrammeStatusEntry> = new Map()): SnapshotProgramme[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const topOf = (id: number): PlanNode | undefined => {
    let n = byId.get(id);
    while (n && n.parentId !== null) n = byId.get(n.parentId);
    return n;
  };
  return plans.flatMap((p) => {
    const top = nodes.filter((n) => n.parentId === null && p.nodes.some((x) => x.id === n.id)).sort((a, b) => a.position - b.position);
    const counts = new Map<number, BragCounts>(top.map((n) => [n.id, emptyCounts()]));
    for (const a of p.actions) {
      const c = counts.get(topOf(a.nodeId)?.id ?? -1);
      if (c) c[a.status ?? 'none'] += 1;
    }
    return top.map((n) => {
      // The lead's entry for the period when there is one, else what the plan itself says.
      const e = entered.get(n.id);
      return {
        plan: p.slug,
        planTitle: p.title,
        number: n.number,
        title: n.title,
        status: e ? e.status : letter(n.status),
        trend: e ? e.trend : n.statusTrend,
        reason: e ? e.reason : n.statusReason,
        asAt: e ? e.asAt : n.statusAsAt,
        counts: counts.get(n.id)!,
        deliveryGroup: e ? e.deliveryGroup : n.deliveryGroup,
        chair: e ? e.chair : n.chair,
      };
    });
  });
}

/**
 * The risk register, or as it stood at `asAt`: each risk scored by its assessments made by then (its
 * trend against the one before), risks first assessed later left out, and a closure after it not yet
 * made.
 */
async function gatherRisks(repos: Repositories, ctx: Ctx, asAt: string | null): Promise<SnapshotRisk[]> {
  return (await listRisks(repos, ctx)).flatMap((r) => {
    const known = asAt === null ? r.history : r.history.filter((h) => h.assessedOn <= asAt);
    if (r.history.length > 0 && known.length === 0) return [];
    const current = known.at(-1) ?? { likelihood: r.likelihood, impact: r.impactScore };
    const previous = known.length > 1 ? known.at(-2)! : null;
    const closed = r.closedOn !== null && (asAt === null || r.closedOn <= asAt);
    return [
      {
        plan: r.plan,
        reference: r.reference,
        title: r.title,
        owner: r.owner,
        mitigation: r.mitigation,
        likelihood: current.likelihood,
        impact: current.impact,
        score: riskScore(current),
        rating: riskRating(riskScore(current)),
        trend: known.length === 0 ? r.trend : riskTrend(previous, current),
        status: r.closedOn !== null && !closed ? 'open' : r.status,
        reviewDate: r.reviewDate,
        closedOn: closed ? r.closedOn : null,
      },
    ];
  });
}

/**
 * The young people's priorities with the responses made by `asAt`; `asOfThen` leaves out those raised
 * later and shows one answered later as still open (or in progress, when something had been done).
 */
async function gatherPriorities(repos: Repositories, ctx: Ctx, asAt: string, asOfThen: boolean): Promise<SnapshotPriority[]> {
  return (await listVoice(repos, ctx))
    .filter((v) => !asOfThen || v.raisedOn <= asAt)
    .map((v) => {
      const responses = v.responses.filter((r) => r.respondedOn <= asAt);
      const answered = !asOfThen || v.answeredOn === null || v.answeredOn <= asAt;
      const laterResponses = responses.length < v.responses.length;
      return {
        council: v.council,
        priority: v.priority,
        youSaid: v.youSaid,
        status: answered ? v.status : responses.length > 0 ? 'in-progress' : 'open',
        raisedOn: v.raisedOn,
        answeredOn: answered ? v.answeredOn : null,
        weDid: laterResponses || !answered ? (responses.at(-1)?.weDid ?? '') : v.weDid,
        responses: responses.map((r) => ({ respondedOn: r.respondedOn, weDid: r.weDid })),
      };
    });
}

/** The measures as a board member reads them on a day, small numbers suppressed, with the reader that read them. */
async function boardReadings(repos: Repositories, ctx: Ctx, asAt: string): Promise<{ reader: Reader; readings: MeasureReading[] }> {
  const reader = readerFor('viewer', await suppressionThreshold(repos, ctx.organisationId));
  return { reader, readings: await readMeasures(repos, ctx.organisationId, reader, { asAt }) };
}

/** Every measure as a board member reads it at the period end (`readings`): small numbers shown as "c". */
async function gatherMeasures(repos: Repositories, ctx: Ctx, periodEnd: string, { reader, readings }: { reader: Reader; readings: readonly MeasureReading[] }): Promise<SnapshotMeasure[]> {
  const commentary = groupBy(await repos.snapshots.commentary(ctx.organisationId, periodEnd), (c) => `${c.measureCode}:${c.periodEnd}`);
  const breakdowns = await readBreakdowns(repos, ctx.organisationId, reader, readings);
  return readings.map((r) => {
    const unit = r.measure.unit;
    const said = commentary.get(`${r.measure.code}:${r.current?.periodEnd ?? ''}`) ?? [];
    return {
      code: r.measure.code,
      title: r.measure.title,
      group: r.group.title,
      periodEnd: r.current?.periodEnd ?? null,
      value: shown(r),
      numerator: r.current?.numerator ?? null,
      denominator: r.current?.denominator ?? null,
      target: r.target === null ? null : formatValue(unit, r.target.value),
      rag: r.rag,
      ragReason: r.ragReason,
      direction: r.previous?.words ?? null,
      benchmarks: r.benchmarks.map((b) => ({ label: b.label, value: b.value === null ? (b.symbol ?? 'no figure') : formatValue(unit, b.value) })),
      commentary: said.at(-1)?.body ?? null,
      note: r.note,
      unit,
      series: r.history.map((h) => ({ periodEnd: h.periodEnd, value: h.value, shown: shownText(unit, h) })),
      breakdowns: (breakdowns.get(r.measure.code) ?? []).flatMap((t) => t.rows.map((b) => ({ dimension: t.dimension, category: b.category, value: b.figure.value, shown: shownText(unit, b.figure) }))),
    };
  });
}

/** A figure's text as a board member reads it: "67.5%", "c", "no figure". */
const shownText = (unit: Unit, f: { value: number | null; symbol: string | null }): string => (f.value === null ? (f.symbol ?? 'no figure') : formatValue(unit, f.value));

/** A reading's figure as a board member reads it (shownText). */
const shown = (r: MeasureReading): string => (r.current === null ? 'no figure' : shownText(r.measure.unit, r.current));

/**
 * The inspection's areas for improvement, recorded or cited by an action of the round, each with the
 * round's actions citing it and the measures they aim to move: the figure when the reference was
 * issued (before) beside the one at the period end (after), small numbers suppressed.
 */
async function gatherReferences(repos: Repositories, ctx: Ctx, roundId: number, atPeriodEnd: { reader: Reader; readings: readonly MeasureReading[] }): Promise<SnapshotReference[]> {
  const actions = await repos.snapshots.roundActions(roundId);
  const ids = actions.map((a) => a.id);
  const [refs, kpis, recorded] = await Promise.all([repos.actions.refs(ids), repos.actions.kpis(ids), repos.references.list(ctx.organisationId)]);
  const cited = refs.filter((r) => r.kind === 'inspection');
  const values = [...new Set([...recorded.filter((r) => r.kind === 'inspection').map((r) => r.value), ...cited.map((r) => r.value)])];
  if (values.length === 0) return [];
  const { reader } = atPeriodEnd;
  const after = new Map(atPeriodEnd.readings.map((r) => [r.measure.code, r]));
  const beforeOn = new Map<string, Map<string, MeasureReading>>();
  const figure = (r: MeasureReading | undefined): SnapshotFigure | null => (r?.current ? { periodEnd: r.current.periodEnd, value: shown(r) } : null);
  const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  const out: SnapshotReference[] = [];
  for (const value of values.sort(byNumber)) {
    const row = recorded.find((r) => r.kind === 'inspection' && r.value.toLowerCase() === value.toLowerCase());
    const citing = new Set(cited.filter((r) => r.value.toLowerCase() === value.toLowerCase()).map((r) => r.actionId));
    const answering = actions.filter((a) => citing.has(a.id));
    const codes = aimedMeasureCodes(
      refs.filter((r) => citing.has(r.actionId)),
      kpis.filter((k) => citing.has(k.actionId)),
    );
    const issuedOn = row?.issuedOn ?? null;
    if (issuedOn !== null && !beforeOn.has(issuedOn)) beforeOn.set(issuedOn, new Map((await readMeasures(repos, ctx.organisationId, reader, { asAt: issuedOn })).map((r) => [r.measure.code, r])));
    out.push({
      kind: 'inspection',
      value: row?.value ?? value,
      title: row?.title ?? '',
      body: row?.body ?? '',
      source: row?.source ?? '',
      issuedOn,
      actions: answering.map((a) => a.key),
      // A code the measures library does not hold yet is listed under its success measure's words, with no figures.
      measures: codes.map((code) => {
        const now = after.get(code);
        const title = now?.measure.title ?? kpis.find((k) => k.measureCode === code && citing.has(k.actionId))?.title ?? code;
        return { code, title, before: issuedOn === null ? null : figure(beforeOn.get(issuedOn)!.get(code)), after: figure(now) };
      }),
    });
  }
  return out;
}

export class SnapshotService {
  constructor(private readonly store: Store) {}

  /** The name a snapshot taken today gets unless another is given. */
  defaultName(ctx: Ctx): string {
    return defaultSnapshotName(DEFAULT_BOARD, todayFor(ctx));
  }

  /**
   * Closes a round: in one transaction, freezes the snapshot (numbered after the authority's last)
   * and stops the round's reminders still to send. A round is closed once; closing again is refused.
   * With `asAt` (yyyy-mm-dd, not after today) the snapshot holds what stood on that day: statuses,
   * forecasts and deadlines recorded by its end, updates dated by it, risks as assessed by it,
   * priorities raised and answered by it, and measures for periods ending by it.
   */
  async close(ctx: Ctx, roundId: number, input: { name?: string | undefined; asAt?: string | undefined } = {}): Promise<SnapshotSummary> {
    requireCapability(ctx, 'rounds.manage', 'close reporting rounds');
    const name = (input.name ?? '').trim().replace(/\s+/g, ' ') || this.defaultName(ctx);
    if (name.length > NAME_MAX) throw new ValidationError(`The name must be ${NAME_MAX} characters or fewer`, 'name');
    const now = todayFor(ctx);
    // Without a date the snapshot holds everything recorded so far, whatever clock wrote it.
    const asAt = input.asAt?.trim() || null;
    if (asAt !== null && !isIsoDate(asAt)) throw new ValidationError('The "as at" date must be a real date written yyyy-mm-dd', 'asAt');
    if (asAt !== null && asAt > now) throw new ValidationError(`The "as at" date ${asAt} is in the future: a snapshot can only hold what stood on ${now} or before`, 'asAt');
    const today = asAt ?? now;
    return this.store.transaction(async (repos) => {
      // Numbered first: that locks the authority, so two closes of one round run one after the other.
      const number = await repos.snapshots.nextNumber(ctx.organisationId);
      // Locked: report text being saved at this moment is either in the snapshot or refused as closed.
      const round = await repos.rounds.lock(ctx.organisationId, roundId);
      if (!round) throw new NotFoundError(`There is no reporting round ${roundId}.`);
      const [closed] = await repos.snapshots.byRounds([round.id]);
      if (closed) throw new ValidationError(`The round for ${round.period} was closed already: it is snapshot ${closed.number}, "${closed.name}"`, 'round');
      const { snapshot, content, actions } = await this.freeze(repos, ctx, round, number, name, asAt, today);
      const remindersStopped = await repos.rounds.skipScheduled(round.id);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'round.closed',
        entityType: 'round',
        entityId: round.id,
        entityKey: round.period,
        before: null,
        after: { snapshot: number, remindersStopped },
      });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'snapshot.taken',
        entityType: 'snapshot',
        entityId: snapshot.id,
        entityKey: String(number),
        before: null,
        after: { number, name, period: round.period, actions, risks: content.risks.length, measures: content.measures.length },
      });
      return summaryOf(snapshot);
    });
  }

  /** Stores a snapshot of the round, numbered `number`, with every section. */
  private async freeze(
    repos: Repositories,
    ctx: Ctx,
    round: Round,
    number: number,
    name: string,
    asAt: string | null,
    today: string,
  ): Promise<{ snapshot: Snapshot; content: Omit<SnapshotContent, 'actions'>; actions: number }> {
    const snapshot = await repos.snapshots.insert({
      organisationId: ctx.organisationId,
      number,
      roundId: round.id,
      name,
      period: round.period,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      takenBy: ctx.actor,
    });
    await repos.snapshots.insertActionsSection(snapshot.id, round.id, round.periodStart, today, asAt);
    const { plans, nodes } = await outlinePlans(repos, round, asAt);
    const periodEnd = round.periodEnd < today ? round.periodEnd : today;
    const organisation = (await repos.organisations.list()).find((o) => o.id === ctx.organisationId);
    // Read once: the measures section and the inspection's "after" figures are the same readings.
    const atPeriodEnd = await boardReadings(repos, ctx, periodEnd);
    const content: Omit<SnapshotContent, 'actions'> = {
      programmes: gatherProgrammeStatuses(plans, nodes, await latestProgrammeStatuses(repos, nodes.filter((n) => n.parentId === null), periodEnd)),
      risks: await gatherRisks(repos, ctx, asAt),
      priorities: await gatherPriorities(repos, ctx, today, asAt !== null),
      measures: await gatherMeasures(repos, ctx, periodEnd, atPeriodEnd),
      report: { authority: organisation?.name ?? '', narrative: round.narrative, decisions: round.decisions, annual: annualOf(round) },
      references: await gatherReferences(repos, ctx, round.id, atPeriodEnd),
      glossary: (await repos.glossary.list(ctx.organisationId)).map((g) => ({ term: g.term, expansion: g.expansion, definition: g.definition })),
    };
    await repos.snapshots.insertSections(snapshot.id, content);
    return { snapshot, content, actions: plans.reduce((n, p) => n + p.actions.length, 0) };
  }

  /**
   * What closing the round today would freeze, without closing it: the same builder in a transaction
   * that is rolled back, so nothing is stored, numbered or stopped. For draft reports.
   */
  async draft(ctx: Ctx, roundId?: number): Promise<SnapshotView> {
    class Draft extends Error {
      constructor(readonly view: SnapshotView) {
        super('draft');
      }
    }
    try {
      await this.store.transaction(async (repos) => {
        const number = await repos.snapshots.nextNumber(ctx.organisationId);
        const round = roundId === undefined ? await repos.snapshots.newestOpenRound(ctx.organisationId) : await repos.rounds.find(ctx.organisationId, roundId);
        if (!round) throw new NotFoundError(roundId === undefined ? 'There is no open reporting round to draft a report from: open one first.' : `There is no reporting round ${roundId}.`);
        const [closed] = await repos.snapshots.byRounds([round.id]);
        if (closed) throw new ValidationError(`The round for ${round.period} is closed: its report is snapshot ${closed.number}'s`, 'round');
        const { snapshot } = await this.freeze(repos, ctx, round, number, DRAFT_MARK, null, todayFor(ctx));
        throw new Draft({ ...summaryOf(snapshot), content: await this.contentOf(repos, snapshot) });
      });
    } catch (e) {
      if (e instanceof Draft) return e.view;
      throw e;
    }
    throw new Error('A draft snapshot was not built');
  }

  async list(ctx: Ctx): Promise<SnapshotSummary[]> {
    return (await this.store.read.snapshots.list(ctx.organisationId)).map(summaryOf);
  }

  private async find(repos: Repositories, ctx: Ctx, number: number): Promise<Snapshot> {
    const s = await repos.snapshots.byNumber(ctx.organisationId, number);
    if (!s) throw new NotFoundError(`There is no snapshot ${number}.`);
    return s;
  }

  private async contentOf(repos: Repositories, s: Snapshot): Promise<SnapshotContent> {
    const sections = await repos.snapshots.sections(s.id);
    return {
      actions: (sections.get('actions') ?? []) as SnapshotContent['actions'],
      programmes: (sections.get('programmes') ?? []) as SnapshotContent['programmes'],
      risks: (sections.get('risks') ?? []) as SnapshotContent['risks'],
      priorities: (sections.get('priorities') ?? []) as SnapshotContent['priorities'],
      measures: (sections.get('measures') ?? []) as SnapshotContent['measures'],
      // Snapshots taken before these were frozen have none: the reports say so rather than read live data.
      ...(sections.has('report') ? { report: sections.get('report') as SnapshotReport } : {}),
      ...(sections.has('references') ? { references: sections.get('references') as SnapshotReference[] } : {}),
      ...(sections.has('glossary') ? { glossary: sections.get('glossary') as SnapshotGlossaryTerm[] } : {}),
    };
  }

  /** A snapshot as it was stored. */
  async show(ctx: Ctx, number: number): Promise<SnapshotView> {
    const repos = this.store.read;
    const s = await this.find(repos, ctx, number);
    return { ...summaryOf(s), content: await this.contentOf(repos, s) };
  }

  /** The snapshot before this one, as stored, or null for the first. */
  async before(ctx: Ctx, number: number): Promise<SnapshotView | null> {
    const repos = this.store.read;
    const earlier = await repos.snapshots.before(ctx.organisationId, number);
    return earlier === undefined ? null : { ...summaryOf(earlier), content: await this.contentOf(repos, earlier) };
  }

  /** The newest snapshot against the one before it (what changed since the last board), or null before any round is closed. */
  async latestChanges(ctx: Ctx): Promise<SnapshotComparison | null> {
    const [newest] = await this.store.read.snapshots.list(ctx.organisationId); // newest first
    return newest === undefined ? null : this.changes(ctx, newest.number);
  }

  /** What changed between an earlier snapshot (the one before, unless given) and this one. */
  async changes(ctx: Ctx, number: number, since?: number): Promise<SnapshotComparison> {
    const repos = this.store.read;
    const s = await this.find(repos, ctx, number);
    if (since !== undefined && since >= number) throw new ValidationError(`Compare with an earlier snapshot than ${number}`, 'since');
    const earlier = since === undefined ? await repos.snapshots.before(ctx.organisationId, number) : await this.find(repos, ctx, since);
    if (!earlier) return { snapshot: summaryOf(s), since: null, changes: null };
    const [older, newer] = await Promise.all([this.contentOf(repos, earlier), this.contentOf(repos, s)]);
    return { snapshot: summaryOf(s), since: summaryOf(earlier), changes: snapshotChanges(older, newer) };
  }
}
