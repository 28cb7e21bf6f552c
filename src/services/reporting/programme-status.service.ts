// Programme status per reporting period: each programme (the top-level part of a plan) gets its
// delivery group, chair, BRAG status, trend and reason entered by its lead for the period, kept with
// every earlier entry. The latest entry at a period's end is what the board's summary reports.
import { leadsProgramme } from '../../domain/action-permissions.ts';
import { bragSchema, type Brag } from '../../domain/brag.ts';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { NODE_TRENDS } from '../../domain/plan-document.ts';
import { periodDescription, type ReportingPeriod } from '../../domain/reporting-periods.ts';
import { parseInput } from '../../domain/validation.ts';
import type { PlanNode } from '../../repositories/plan.repository.ts';
import type { ProgrammeStatusRow } from '../../repositories/programme.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { auditActor, type Ctx } from '../context.ts';
import { requireCurrentVersion } from '../stale-write.ts';

export type ProgrammeTrend = (typeof NODE_TRENDS)[number];

export const programmeTrendLabels: Record<ProgrammeTrend, string> = { improving: 'Improving', stable: 'Steady', worsening: 'Worsening' };

/** One programme's status for one period, as entered (or, before any entry, as the plan gave it). */
export interface ProgrammeStatusEntry {
  /** null for the status the plan itself carried before anyone entered one. */
  id: number | null;
  period: string | null;
  asAt: string;
  status: Brag;
  trend: ProgrammeTrend | null;
  reason: string;
  deliveryGroup: string | null;
  chair: string | null;
  enteredBy: string | null;
  enteredAt: Date | null;
}

export interface ProgrammeView {
  nodeId: number;
  planId: number;
  planSlug: string;
  planTitle: string;
  number: string;
  title: string;
  lead: string | null;
  /** As the newest entry has them, else as the plan has them. */
  deliveryGroup: string | null;
  chair: string | null;
  /** The newest status at the period's end (or null). */
  latest: ProgrammeStatusEntry | null;
  /** The newest entry made for this very period, if any. */
  thisPeriod: ProgrammeStatusEntry | null;
  /** How many entries the programme has: the version a form is sent from. */
  version: number;
  /** Whether the person asking may enter this programme's status. */
  mayEnter: boolean;
}

export interface RoundOfProgrammes {
  id: number;
  period: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  plans: { id: number; slug: string; title: string }[];
}

export interface ProgrammeStatusInput {
  status: unknown;
  trend: unknown;
  reason: string;
  deliveryGroup: string;
  chair: string;
  expectedVersion?: number | undefined;
}

const trendOf = (v: string | null): ProgrammeTrend | null => ((NODE_TRENDS as readonly string[]).includes(v ?? '') ? (v as ProgrammeTrend) : null);

const entryOf = (r: ProgrammeStatusRow): ProgrammeStatusEntry => ({
  id: r.id,
  period: r.period,
  asAt: r.periodEnd,
  status: r.status as Brag,
  trend: trendOf(r.trend),
  reason: r.reason,
  deliveryGroup: r.deliveryGroup,
  chair: r.chair,
  enteredBy: r.enteredBy,
  enteredAt: r.enteredAt,
});

/** The status a plan document gave its programme, as the first entry of its history. */
const fromPlan = (n: PlanNode): ProgrammeStatusEntry | null =>
  n.status === null || n.statusAsAt === null
    ? null
    : { id: null, period: null, asAt: n.statusAsAt, status: n.status as Brag, trend: trendOf(n.statusTrend), reason: n.statusReason, deliveryGroup: n.deliveryGroup, chair: n.chair, enteredBy: null, enteredAt: null };

/** A programme's history, oldest first: the plan's own status, then every entry. */
function historyOf(n: PlanNode, rows: readonly ProgrammeStatusRow[]): ProgrammeStatusEntry[] {
  const own = fromPlan(n);
  return [...(own ? [own] : []), ...rows.filter((r) => r.nodeId === n.id).map(entryOf)].sort((a, b) => a.asAt.localeCompare(b.asAt) || (a.id ?? 0) - (b.id ?? 0));
}

/** The newest status at a period's end: the latest period not after it, the last entered for that period. */
const latestAt = (history: readonly ProgrammeStatusEntry[], periodEnd: string): ProgrammeStatusEntry | null => history.filter((e) => e.asAt <= periodEnd).at(-1) ?? null;

/** Each programme's newest status at a period's end (entered for a period, else the plan's own), by its plan part's id. */
export async function latestProgrammeStatuses(repos: Repositories, programmes: readonly PlanNode[], periodEnd: string): Promise<Map<number, ProgrammeStatusEntry>> {
  const rows = await repos.programmes.entries(programmes.map((n) => n.id));
  const out = new Map<number, ProgrammeStatusEntry>();
  for (const n of programmes) {
    const latest = latestAt(historyOf(n, rows), periodEnd);
    if (latest) out.set(n.id, latest);
  }
  return out;
}

const mayEnter = (ctx: Ctx, node: PlanNode): boolean => can(ctx.role, 'programmes.status') || (can(ctx.role, 'programmes.status-led') && leadsProgramme(node, ctx.actor));

const programmeWords = (n: Pick<PlanNode, 'number' | 'title'>): string => `Programme ${`${n.number} ${n.title}`.trim()}`;

export class ProgrammeStatusService {
  constructor(private readonly store: Store) {}

  /** Managers, administrators and programme leads: the round's programme pages are theirs. */
  private requireReader(ctx: Ctx): void {
    if (!can(ctx.role, 'programmes.status') && !can(ctx.role, 'programmes.status-led')) throw new ForbiddenError("Your role does not allow you to see a round's programme status.");
  }

  private async roundOf(repos: Repositories, ctx: Ctx, roundId: number): Promise<RoundOfProgrammes> {
    const round = await repos.rounds.find(ctx.organisationId, roundId);
    if (!round) throw new NotFoundError(`There is no reporting round ${roundId}.`);
    const plans = await repos.rounds.plansOfRounds([round.id]);
    const period: ReportingPeriod = { frequency: round.frequency as ReportingPeriod['frequency'], label: round.period, start: round.periodStart, end: round.periodEnd };
    return {
      id: round.id,
      period: round.period,
      description: periodDescription(period),
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      plans: plans.map((p) => ({ id: p.planId, slug: p.slug, title: p.title })),
    };
  }

  private async views(repos: Repositories, ctx: Ctx, round: RoundOfProgrammes, onlyNode?: number): Promise<{ view: ProgrammeView; history: ProgrammeStatusEntry[] }[]> {
    const nodes = (await repos.plans.nodesOfPlans(round.plans.map((p) => p.id))).filter((n) => n.parentId === null && (onlyNode === undefined || n.id === onlyNode));
    const rows = await repos.programmes.entries(nodes.map((n) => n.id));
    const plans = new Map(round.plans.map((p) => [p.id, p]));
    return nodes.map((n) => {
      const history = historyOf(n, rows);
      const entered = rows.filter((r) => r.nodeId === n.id);
      const newest = history.at(-1);
      return {
        history,
        view: {
          nodeId: n.id,
          planId: n.planId,
          planSlug: plans.get(n.planId)?.slug ?? '',
          planTitle: plans.get(n.planId)?.title ?? '',
          number: n.number,
          title: n.title,
          lead: n.lead,
          deliveryGroup: newest?.deliveryGroup ?? n.deliveryGroup,
          chair: newest?.chair ?? n.chair,
          latest: latestAt(history, round.periodEnd),
          thisPeriod: entered.filter((r) => r.period === round.period).map(entryOf).at(-1) ?? null,
          version: entered.length,
          mayEnter: mayEnter(ctx, n),
        },
      };
    });
  }

  /** The programmes of a round's plans, each with its newest status at the period's end and this period's entry. */
  async forRound(ctx: Ctx, roundId: number): Promise<{ round: RoundOfProgrammes; programmes: ProgrammeView[] }> {
    this.requireReader(ctx);
    const repos = this.store.read;
    const round = await this.roundOf(repos, ctx, roundId);
    return { round, programmes: (await this.views(repos, ctx, round)).map((v) => v.view) };
  }

  /** One programme of a round, with its whole history (newest first). */
  async show(ctx: Ctx, roundId: number, nodeId: number): Promise<{ round: RoundOfProgrammes; programme: ProgrammeView; history: ProgrammeStatusEntry[] }> {
    this.requireReader(ctx);
    const repos = this.store.read;
    const round = await this.roundOf(repos, ctx, roundId);
    const [found] = await this.views(repos, ctx, round, nodeId);
    if (!found) throw new NotFoundError(`Reporting round ${round.period} has no programme ${nodeId}.`);
    return { round, programme: found.view, history: [...found.history].reverse() };
  }

  /**
   * Enters a programme's status for the round's period: a new entry, never a change to an earlier
   * one. Refused when someone entered one since the person's form was drawn (its version).
   */
  async enter(ctx: Ctx, roundId: number, nodeId: number, input: ProgrammeStatusInput): Promise<ProgrammeStatusEntry> {
    this.requireReader(ctx);
    const status = parseInput(bragSchema, input.status, 'status');
    if (!(NODE_TRENDS as readonly unknown[]).includes(input.trend)) throw new ValidationError('Choose whether the status is improving, steady or worsening', 'trend');
    const trend = input.trend as ProgrammeTrend;
    const reason = input.reason.trim();
    if (reason === '') throw new ValidationError('Give the reason for the status', 'reason');
    return this.store.transaction(async (repos) => {
      const round = await this.roundOf(repos, ctx, roundId);
      const planIds = new Set(round.plans.map((p) => p.id));
      const plain = (await repos.plans.nodesOfPlans([...planIds])).find((n) => n.id === nodeId && n.parentId === null);
      const node = plain === undefined ? undefined : await repos.plans.lockNode(plain.planId, plain.id);
      if (!node) throw new NotFoundError(`Reporting round ${round.period} has no programme ${nodeId}.`);
      if (!mayEnter(ctx, node)) throw new ForbiddenError(`Your role does not allow you to enter the status of ${programmeWords(node)}: it is not a programme you lead.`);
      const rows = await repos.programmes.entries([node.id]);
      await requireCurrentVersion(repos, { entityType: 'programme', entityId: node.id, what: programmeWords(node) }, input.expectedVersion, rows.length);
      const previous = historyOf(node, rows).at(-1);
      const row = await repos.programmes.insert({
        organisationId: ctx.organisationId,
        nodeId: node.id,
        period: round.period,
        periodStart: round.periodStart,
        periodEnd: round.periodEnd,
        status,
        trend,
        reason,
        deliveryGroup: input.deliveryGroup.trim() === '' ? null : input.deliveryGroup.trim(),
        chair: input.chair.trim() === '' ? null : input.chair.trim(),
        enteredBy: ctx.actor,
      });
      const words = (e: ProgrammeStatusEntry) => ({ period: e.period, status: e.status, trend: e.trend, reason: e.reason, deliveryGroup: e.deliveryGroup, chair: e.chair });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: auditActor(ctx),
        event: 'programme.status.entered',
        entityType: 'programme',
        entityId: node.id,
        entityKey: programmeWords(node),
        before: previous ? words(previous) : null,
        after: words(entryOf(row)),
      });
      return entryOf(row);
    });
  }

  /**
   * Each programme of these plans with its newest status at a period's end (the latest period not
   * after it; for one period, the last entered), or the status its plan gave it; null when it has none.
   */
  async programmeStatusesAt(ctx: Ctx, planIds: readonly number[], periodEnd: string): Promise<(ProgrammeStatusEntry & { nodeId: number; planId: number; number: string; title: string })[]> {
    const repos = this.store.read;
    const plans = new Set((await repos.plans.list(ctx.organisationId)).map((p) => p.id));
    const nodes = (await repos.plans.nodesOfPlans(planIds.filter((id) => plans.has(id)))).filter((n) => n.parentId === null);
    const rows = await repos.programmes.entries(nodes.map((n) => n.id));
    return nodes.flatMap((n) => {
      const latest = latestAt(historyOf(n, rows), periodEnd);
      return latest ? [{ ...latest, nodeId: n.id, planId: n.planId, number: n.number, title: n.title }] : [];
    });
  }
}
