// Use cases for actions: listing with derived figures, the full record, and the writes owners, leads
// and managers make (status, deadline revision, progress update, edits) with the approval workflow
// (status proposals and deadline requests, approved or rejected), each role-checked, audited and
// version-checked.
import {
  currentDeadline,
  daysSinceUpdate,
  isOverdue,
  pendingProposals,
  slippage,
  statusAt,
  trendBetween,
  type DeadlineEntry,
  type Slippage,
  type StatusEntry,
} from '../domain/action-derived.ts';
import { can } from '../domain/capabilities.ts';
import type { AuditEvent } from '../domain/audit-events.ts';
import { formatActionKey, parseActionKey } from '../domain/action-key.ts';
import {
  actionPermissions,
  isSamePerson,
  leadsProgramme,
  permissionWords,
  topLevelNode,
  type ActionPermission,
  type ActionPermissions,
  type ActionRelation,
} from '../domain/action-permissions.ts';
import { bragSchema, type Brag, type Trend } from '../domain/brag.ts';
import { daysBetween, isIsoDate } from '../domain/dates.ts';
import { ForbiddenError, NotFoundError, StaleWriteError, ValidationError } from '../domain/errors.ts';
import { z } from 'zod';
import { isoDateSchema } from '../domain/dates.ts';
import { parseInput } from '../domain/validation.ts';
import { ACTION_FLAGS, actionNumberSchema, ownerSchema, refSchema, type ActionFlag, type RefKind } from '../domain/plan-document.ts';
import { groupBy } from '../domain/collections.ts';
import type {
  ActionDeadline,
  ActionFacts,
  ActionHead,
  ActionOwner,
  ActionQuery,
  ActionRef,
  ActionStatus,
  ActionWithPlan,
  DeadlineRequest,
  RefCount,
} from '../repositories/action.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { asOfDate, requireCapability, type Ctx } from './context.ts';

export type { RefCount };

export interface OwnerView {
  name: string | null;
  role: string | null;
  /** "Name, Role", or whichever of the two is known. */
  label: string;
}

export interface ActionSummary {
  id: number;
  key: string;
  planId: number;
  plan: string;
  planTitle: string;
  nodeId: number;
  parentActionId: number | null;
  number: string;
  title: string;
  owners: OwnerView[];
  flags: ActionFlag[];
  refs: { kind: RefKind; value: string }[];
  status: Brag | null;
  statusAsAt: string | null;
  forecast: Brag | null;
  pendingProposal: Brag | null;
  deadline: string | null;
  originalDeadline: string | null;
  slippage: Slippage;
  overdue: boolean;
  lastUpdate: string | null;
  updateCount: number;
  daysSinceUpdate: number | null;
  /** Status trend between two dates, when asked for (ActionFilters.since). */
  trend?: Trend;
  version: number;
}

export interface StatusHistoryEntry extends StatusEntry {
  id: number;
  reason: string;
  proposedBy: string;
  rejectedBy: string | null;
  /** When a proposal was approved or rejected (null for entries recorded as approved, and for pending proposals). */
  decidedAt: string | null;
  decisionReason: string;
}

/** A status proposal waiting for a lead's or manager's decision. */
export interface ProposalView {
  id: number;
  status: Brag;
  kind: 'current' | 'forecast';
  asAt: string;
  reason: string;
  proposedBy: string;
  recordedAt: string;
}

/** A request to move an action's deadline, pending or decided. */
export interface DeadlineRequestView {
  id: number;
  dueDate: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decision: 'approved' | 'rejected' | 'withdrawn' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string;
}

export type Decision = 'approve' | 'reject';

/** An action with something waiting for a decision by the person asking. */
export interface AwaitingDecision extends ActionSummary {
  proposal: ProposalView | null;
  pendingDeadlineRequest: DeadlineRequestView | null;
}

export interface ActionDetail extends ActionSummary {
  description: string;
  successMeasures: string;
  outcome: string;
  path: { kind: string; number: string; title: string }[];
  deadlines: (DeadlineEntry & { id: number })[];
  statuses: StatusHistoryEntry[];
  updates: { id: number; date: string; author: string; body: string; createdAt: string }[];
  kpis: { title: string; measureCode: string | null; unit: string; targets: { by: string; value: number }[] }[];
  subActions: ActionSummary[];
  risks: { reference: string; title: string; owner: string; status: string }[];
  voiceItems: { council: string; priority: string; status: string }[];
  /**
   * What the person asking may do to this action, so pages offer only those. decideProposal and
   * decideDeadlineRequest are true only while there is something to decide.
   */
  may: ActionPermissions;
  /** The status proposal waiting for a decision, in full (pendingProposal is just its BRAG letter). */
  proposal: ProposalView | null;
  pendingDeadlineRequest: DeadlineRequestView | null;
  /** Every deadline request, oldest first, with its decision. */
  deadlineRequests: DeadlineRequestView[];
}

export interface ActionFilters {
  plan?: string | undefined;
  status?: Brag[] | undefined;
  owner?: string | undefined;
  overdue?: boolean | undefined;
  ref?: { kind: string; value: string } | undefined;
  text?: string | undefined;
  /** Adds each action's status trend from this date to the as-of date. */
  since?: string | undefined;
  /** Only open actions (not Blue) whose current deadline is on or before this date: overdue or due soon. */
  dueBy?: string | undefined;
}

export const newActionSchema = z
  .object({
    /** The node (theme, objective …) the action sits under; not needed for a sub-action. */
    nodeId: z.number().int().optional(),
    /** Makes this a sub-action of the action with this number. */
    parentNumber: actionNumberSchema.optional(),
    number: actionNumberSchema,
    title: z.string().trim().min(1, { message: 'Enter a title' }),
    description: z.string().trim().default(''),
    owners: z.array(ownerSchema).min(1, { message: 'an action needs at least one owner' }),
    deadline: isoDateSchema.optional(),
    successMeasures: z.string().trim().default(''),
    outcome: z.string().trim().default(''),
    flags: z.array(z.enum(ACTION_FLAGS)).default([]),
    refs: z.array(refSchema).default([]),
  })
  .strict();

export const ownerLabel = (o: { name: string | null; role: string | null }): string =>
  [o.name, o.role].filter((x): x is string => x !== null && x !== '').join(', ');

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const toStatusEntry = (s: ActionStatus): StatusHistoryEntry => ({
  id: s.id,
  status: s.status as Brag,
  kind: s.kind as 'current' | 'forecast',
  asAt: s.asAt,
  approvedBy: s.approvedBy,
  recordedAt: iso(s.recordedAt),
  reason: s.reason,
  proposedBy: s.proposedBy,
  rejectedBy: s.rejectedBy,
  decidedAt: s.decidedAt === null ? null : iso(s.decidedAt),
  decisionReason: s.decisionReason,
});

const toProposalView = (s: StatusHistoryEntry): ProposalView => ({
  id: s.id,
  status: s.status,
  kind: s.kind,
  asAt: s.asAt,
  reason: s.reason,
  proposedBy: s.proposedBy,
  recordedAt: s.recordedAt,
});

export const toDeadlineRequestView = (r: DeadlineRequest): DeadlineRequestView => ({
  id: r.id,
  dueDate: r.dueDate,
  reason: r.reason,
  requestedBy: r.requestedBy,
  requestedAt: iso(r.requestedAt),
  decision: r.decision as DeadlineRequestView['decision'],
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt === null ? null : iso(r.decidedAt),
  decisionReason: r.decisionReason,
});

const latestPending = (history: readonly StatusHistoryEntry[]): StatusHistoryEntry | undefined => pendingProposals(history).at(-1);

export const toDeadlineEntry = (d: ActionDeadline): DeadlineEntry & { id: number } => ({
  id: d.id,
  date: d.dueDate,
  reason: d.reason,
  setBy: d.setBy,
  setAt: iso(d.setAt),
});

/** What the derived figures of a set of actions are worked out from, read in a handful of queries. */
interface ActionParts {
  owners: Map<number, ActionOwner[]>;
  deadlines: Map<number, (DeadlineEntry & { id: number })[]>;
  statuses: Map<number, StatusHistoryEntry[]>;
  stats: Map<number, { last: string; count: number }>;
  refs: Map<number, ActionRef[]>;
}

async function loadParts(repos: Repositories, ids: number[]): Promise<ActionParts> {
  const [owners, deadlines, statuses, stats, refs] = await Promise.all([
    repos.actions.owners(ids),
    repos.actions.deadlines(ids),
    repos.actions.statuses(ids),
    repos.actions.updateStats(ids),
    repos.actions.refs(ids),
  ]);
  const byAction = <T extends { actionId: number }, U>(rows: T[], map: (r: T) => U): Map<number, U[]> =>
    new Map([...groupBy(rows, (r) => r.actionId)].map(([k, v]) => [k, v.map(map)]));
  return {
    owners: byAction(owners, (o) => o),
    deadlines: byAction(deadlines, toDeadlineEntry),
    statuses: byAction(statuses, toStatusEntry),
    stats,
    refs: byAction(refs, (r) => r),
  };
}

/** An action's summary worked out from its whole history (the action page, which shows that history). */
function summaryOf(a: ActionWithPlan, parts: ActionParts, asOf: string): ActionSummary {
  const history = parts.statuses.get(a.id) ?? [];
  const dl = parts.deadlines.get(a.id) ?? [];
  const current = statusAt(history);
  const forecast = statusAt(history, undefined, 'forecast');
  const pending = pendingProposals(history);
  const deadline = currentDeadline(dl)?.date ?? null;
  const stat = parts.stats.get(a.id);
  const lastUpdate = stat?.last ?? null;
  return {
    id: a.id,
    key: formatActionKey({ plan: a.planSlug, number: a.number }),
    planId: a.planId,
    plan: a.planSlug,
    planTitle: a.planTitle,
    nodeId: a.nodeId,
    parentActionId: a.parentActionId,
    number: a.number,
    title: a.title,
    owners: (parts.owners.get(a.id) ?? []).map((o) => ({ name: o.name, role: o.role, label: ownerLabel(o) })),
    flags: a.flags as ActionFlag[],
    refs: (parts.refs.get(a.id) ?? []).map((r) => ({ kind: r.kind as RefKind, value: r.value })),
    status: current?.status ?? null,
    statusAsAt: current?.asAt ?? null,
    forecast: forecast?.status ?? null,
    pendingProposal: pending.length > 0 ? pending[pending.length - 1]!.status : null,
    deadline,
    originalDeadline: dl[0]?.date ?? null,
    slippage: slippage(dl),
    overdue: isOverdue(deadline, current?.status ?? null, asOf),
    lastUpdate,
    updateCount: stat?.count ?? 0,
    daysSinceUpdate: daysSinceUpdate(lastUpdate, asOf),
    version: a.version,
  };
}

/**
 * An action's summary from the figures SQL picked out of its history (ActionFacts): the same
 * derived figures summaryOf works out from the whole history, without reading it.
 */
function summaryFromFacts(a: ActionHead, f: ActionFacts | undefined, asOf: string, trend?: Trend): ActionSummary {
  const status = (f?.status ?? null) as Brag | null;
  const deadline = f?.deadline ?? null;
  const lastUpdate = f?.lastUpdate ?? null;
  const owners = f?.owners ?? [];
  return {
    id: a.id,
    key: formatActionKey({ plan: a.planSlug, number: a.number }),
    planId: a.planId,
    plan: a.planSlug,
    planTitle: a.planTitle,
    nodeId: a.nodeId,
    parentActionId: a.parentActionId,
    number: a.number,
    title: a.title,
    owners: owners.map((o) => ({ name: o.name, role: o.role, label: ownerLabel(o) })),
    flags: a.flags as ActionFlag[],
    refs: (f?.refs ?? []).map((r) => ({ kind: r.kind as RefKind, value: r.value })),
    status,
    statusAsAt: f?.statusAsAt ?? null,
    forecast: (f?.forecast ?? null) as Brag | null,
    pendingProposal: (f?.pendingProposal ?? null) as Brag | null,
    deadline,
    originalDeadline: f?.originalDeadline ?? null,
    // slippage() over the history: revisions after the first, and days from the first set to the current.
    slippage:
      f === undefined || f.deadlineCount === 0 || f.firstSetDeadline === null || deadline === null
        ? { revisions: 0, daysMoved: 0 }
        : { revisions: f.deadlineCount - 1, daysMoved: daysBetween(f.firstSetDeadline, deadline) },
    overdue: isOverdue(deadline, status, asOf),
    lastUpdate,
    updateCount: f?.updateCount ?? 0,
    daysSinceUpdate: daysSinceUpdate(lastUpdate, asOf),
    ...(trend !== undefined ? { trend } : {}),
    version: a.version,
  };
}

/**
 * Builds summaries with every derived figure for a set of action rows in one query that reads only
 * each action's current entries; with `since`, each also carries its status trend from that date
 * to asOf, which needs the status history (one more query).
 */
export async function summarise(repos: Repositories, rows: ActionWithPlan[], asOf: string, since?: string): Promise<ActionSummary[]> {
  const ids = rows.map((r) => r.id);
  const [facts, statuses] = await Promise.all([repos.actions.facts(ids), since === undefined ? Promise.resolve([]) : repos.actions.statuses(ids)]);
  const historyOf = new Map([...groupBy(statuses, (s) => s.actionId)].map(([k, v]) => [k, v.map(toStatusEntry)]));
  return rows.map((a) => summaryFromFacts(a, facts.get(a.id), asOf, since === undefined ? undefined : trendBetween(historyOf.get(a.id) ?? [], since, asOf)));
}

/** Summaries of the actions a query finds, in plan order: one statement, no history read. */
export async function summariesOf(repos: Repositories, query: ActionQuery, asOf: string, openDueBy?: string): Promise<ActionSummary[]> {
  return (await repos.actions.summaries(query, { openDueBy })).map((row) => summaryFromFacts(row, row, asOf));
}

export class ActionService {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx, filters: ActionFilters = {}): Promise<ActionSummary[]> {
    const repos = this.store.read;
    const query: ActionQuery = { organisationId: ctx.organisationId, owner: filters.owner, ref: filters.ref, text: filters.text };
    if (filters.plan !== undefined) {
      const plan = await repos.plans.findBySlug(ctx.organisationId, filters.plan);
      if (!plan) throw new NotFoundError(`There is no plan "${filters.plan}". Run "parentis plans" to see the plans.`);
      query.planId = plan.id;
    }
    let out =
      filters.since === undefined
        ? await summariesOf(repos, query, asOfDate(ctx), filters.dueBy)
        : await summarise(repos, await repos.actions.list(query), asOfDate(ctx), filters.since);
    const dueBy = filters.dueBy;
    if (dueBy !== undefined) out = out.filter((a) => a.status !== 'B' && a.deadline !== null && a.deadline <= dueBy);
    if (filters.status !== undefined && filters.status.length > 0) {
      const wanted = new Set(filters.status);
      out = out.filter((a) => a.status !== null && wanted.has(a.status));
    }
    if (filters.overdue === true) out = out.filter((a) => a.overdue);
    return out;
  }

  async show(ctx: Ctx, key: string): Promise<ActionDetail> {
    return this.detail(this.store.read, ctx, await this.find(this.store.read, ctx, key));
  }

  /** The actions the signed-in person owns: an owner's name is theirs (ignoring case). */
  async mine(ctx: Ctx, filters: Omit<ActionFilters, 'owner'> = {}): Promise<ActionSummary[]> {
    const candidates = await this.list(ctx, { ...filters, owner: ctx.actor });
    return candidates.filter((a) => a.owners.some((o) => isSamePerson(o.name, ctx.actor)));
  }

  /**
   * Actions with a status proposal or deadline request the person asking may decide: all of them
   * for managers and administrators (and the command line), those in their programmes for a lead,
   * none for anyone else.
   */
  async awaitingDecision(ctx: Ctx): Promise<AwaitingDecision[]> {
    if (!can(ctx.role, 'actions.manage') && !can(ctx.role, 'actions.decide-led')) return [];
    const repos = this.store.read;
    const ids = await repos.actions.awaitingDecision(ctx.organisationId);
    const rows = await repos.actions.list({ organisationId: ctx.organisationId, ids });
    const nodesOf = groupBy(await repos.plans.nodesOfPlans([...new Set(rows.map((r) => r.planId))]), (n) => n.planId);
    const decidable = rows.filter((a) => {
      const may = actionPermissions(ctx.role, { owns: false, leads: leadsProgramme(topLevelNode(nodesOf.get(a.planId) ?? [], a.nodeId), ctx.actor) });
      return may.decideProposal || may.decideDeadlineRequest;
    });
    // Only what waits is read: the newest pending proposal and request are picked from those.
    const [summaries, statuses, requests] = await Promise.all([
      summarise(repos, decidable, asOfDate(ctx)),
      repos.actions.pendingStatuses(decidable.map((a) => a.id)),
      repos.actions.pendingDeadlineRequests(decidable.map((a) => a.id)),
    ]);
    const statusesOf = new Map([...groupBy(statuses, (s) => s.actionId)].map(([id, rows]) => [id, rows.map(toStatusEntry)]));
    const requestsOf = groupBy(requests, (r) => r.actionId);
    return summaries.map((a) => {
      const pending = latestPending(statusesOf.get(a.id) ?? []);
      const request = (requestsOf.get(a.id) ?? []).filter((r) => r.decision === null).at(-1);
      return { ...a, proposal: pending ? toProposalView(pending) : null, pendingDeadlineRequest: request ? toDeadlineRequestView(request) : null };
    });
  }

  /** How the person asking stands to an action; only owners and leads need the lookups. */
  private async relation(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionRelation> {
    if (can(ctx.role, 'actions.manage') || (!can(ctx.role, 'actions.update-own') && !can(ctx.role, 'actions.decide-led'))) return { owns: false, leads: false };
    const [owners, nodes] = await Promise.all([repos.actions.owners([a.id]), can(ctx.role, 'actions.decide-led') ? repos.plans.nodes(a.planId) : Promise.resolve([])]);
    return {
      owns: owners.some((o) => isSamePerson(o.name, ctx.actor)),
      leads: can(ctx.role, 'actions.decide-led') && leadsProgramme(topLevelNode(nodes, a.nodeId), ctx.actor),
    };
  }

  /** Refuses with ForbiddenError, naming what was refused, unless the matrix allows it. */
  private async authorise(repos: Repositories, ctx: Ctx, a: ActionWithPlan, permission: ActionPermission): Promise<void> {
    if (ctx.role === undefined) return;
    if (!actionPermissions(ctx.role, await this.relation(repos, ctx, a))[permission]) {
      throw new ForbiddenError(`Your role does not allow you to ${permissionWords[permission]} (${formatActionKey({ plan: a.planSlug, number: a.number })}).`);
    }
  }

  private async find(repos: Repositories, ctx: Ctx, keyText: string): Promise<ActionWithPlan> {
    const key = parseActionKey(keyText);
    const plan = await repos.plans.findBySlug(ctx.organisationId, key.plan);
    if (!plan) throw new NotFoundError(`There is no plan "${key.plan}". Run "parentis plans" to see the plans.`);
    const action = await repos.actions.findByNumber(plan.id, key.number);
    if (!action) throw new NotFoundError(`Plan "${key.plan}" has no action numbered ${key.number}.`);
    return action;
  }

  private async detail(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionDetail> {
    const asOf = asOfDate(ctx);
    const [parts, updates, kpis, nodes, subActions, risks, voiceItems, requests, relation] = await Promise.all([
      loadParts(repos, [a.id]),
      repos.actions.updates([a.id]),
      repos.actions.kpis([a.id]),
      repos.plans.nodes(a.planId),
      summariesOf(repos, { organisationId: ctx.organisationId, parentActionId: a.id }, asOf),
      repos.risks.forAction(a.id),
      repos.voice.forAction(a.id),
      repos.actions.deadlineRequests([a.id]),
      this.relation(repos, ctx, a),
    ]);
    const summary = summaryOf(a, parts, asOf);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const path: ActionDetail['path'] = [];
    for (let n = byId.get(a.nodeId); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) {
      path.unshift({ kind: n.kind, number: n.number, title: n.title });
    }
    const pending = latestPending(parts.statuses.get(a.id) ?? []);
    const pendingRequest = requests.filter((r) => r.decision === null).at(-1);
    const may = actionPermissions(ctx.role, relation);
    may.decideProposal &&= pending !== undefined;
    may.decideDeadlineRequest &&= pendingRequest !== undefined;
    return {
      ...summary,
      description: a.description,
      successMeasures: a.successMeasures,
      outcome: a.outcome,
      path,
      deadlines: parts.deadlines.get(a.id) ?? [],
      // In the order of the dates they describe; entries for one date in the order they were recorded.
      statuses: [...(parts.statuses.get(a.id) ?? [])].sort((x, y) => (x.asAt === y.asAt ? x.recordedAt.localeCompare(y.recordedAt) : x.asAt.localeCompare(y.asAt))),
      updates: updates.map((u) => ({ id: u.id, date: u.updateDate, author: u.author, body: u.body, createdAt: iso(u.createdAt) })),
      kpis: kpis.map((k) => ({ title: k.title, measureCode: k.measureCode, unit: k.unit, targets: k.targets })),
      subActions,
      risks: risks.map((r) => ({ reference: r.reference, title: r.title, owner: r.owner, status: r.status })),
      voiceItems: voiceItems.map((v) => ({ council: v.council, priority: v.priority, status: v.status })),
      may,
      proposal: pending ? toProposalView(pending) : null,
      pendingDeadlineRequest: pendingRequest ? toDeadlineRequestView(pendingRequest) : null,
      deadlineRequests: requests.map(toDeadlineRequestView),
    };
  }

  /**
   * Runs one change to an action in a transaction: locks the row, checks the caller's version is
   * still current, applies the change, moves the version on and writes the audit event.
   */
  private async change<T>(
    ctx: Ctx,
    keyText: string,
    expectedVersion: number | undefined,
    permission: ActionPermission,
    event: AuditEvent,
    apply: (
      repos: Repositories,
      a: ActionWithPlan,
    ) => Promise<{ before: unknown; after: unknown; result: T; event?: AuditEvent; also?: { event: AuditEvent; before: unknown; after: unknown }[] }>,
  ): Promise<T> {
    return this.store.transaction(async (repos) => {
      const a = await this.find(repos, ctx, keyText);
      await this.authorise(repos, ctx, a, permission);
      const locked = await repos.actions.lock(a.id);
      const version = locked?.version ?? a.version;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw await staleError(repos, 'action', a.id, `Action ${formatActionKey({ plan: a.planSlug, number: a.number })}`, expectedVersion, version);
      }
      const applied = await apply(repos, { ...a, version });
      await repos.actions.bumpVersion(a.id, version);
      for (const e of [{ event: applied.event ?? event, before: applied.before, after: applied.after }, ...(applied.also ?? [])]) {
        await repos.audit.record({
          organisationId: ctx.organisationId,
          actor: ctx.actor,
          event: e.event,
          entityType: 'action',
          entityId: a.id,
          entityKey: formatActionKey({ plan: a.planSlug, number: a.number }),
          before: e.before,
          after: e.after,
        });
      }
      return applied.result;
    });
  }

  /**
   * Records a BRAG status. Approved at once unless `approve` is false: then it is a proposal for a
   * lead or manager to decide (as proposeStatus), which replaces any proposal still waiting.
   */
  async setStatus(
    ctx: Ctx,
    key: string,
    input: {
      status: Brag;
      asAt: string;
      reason: string;
      kind?: 'current' | 'forecast';
      proposedBy?: string | undefined;
      approve?: boolean;
      expectedVersion?: number | undefined;
    },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.asAt)) throw new ValidationError('The as-at date must be a real date written yyyy-mm-dd', 'asAt');
    const status = parseInput(bragSchema, input.status, 'status');
    const kind = input.kind ?? 'current';
    const propose = input.approve === false;
    const event = propose ? 'action.status.proposed' : kind === 'forecast' ? 'action.forecast.set' : 'action.status.set';
    await this.change(ctx, key, input.expectedVersion, propose ? 'proposeStatus' : 'setStatus', event, async (repos, a) => {
      const history = (await repos.actions.statuses([a.id])).map(toStatusEntry);
      const before = statusAt(history, undefined, kind);
      const row = {
        actionId: a.id,
        kind,
        status,
        asAt: input.asAt,
        reason: input.reason.trim(),
        proposedBy: input.proposedBy ?? ctx.actor,
        approvedBy: propose ? null : ctx.actor,
      };
      const replaced = propose ? await this.withdrawProposals(repos, ctx, history) : [];
      await repos.actions.insertStatuses([row]);
      return {
        before: before ? { status: before.status, asAt: before.asAt, ...(replaced.length > 0 ? { replacedProposals: replaced } : {}) } : null,
        after: { status: row.status, asAt: row.asAt, reason: row.reason, proposedBy: row.proposedBy, approvedBy: row.approvedBy },
        result: undefined,
      };
    });
    return this.show(ctx, key);
  }

  /** Closes the proposals still waiting when a new one is made: only the newest waits for a decision. */
  private async withdrawProposals(repos: Repositories, ctx: Ctx, history: StatusHistoryEntry[]): Promise<{ status: Brag; asAt: string; proposedBy: string }[]> {
    const pending = pendingProposals(history);
    for (const p of pending) await repos.actions.decideStatus(p.id, { rejectedBy: ctx.actor }, 'Replaced by a later proposal');
    return pending.map((p) => ({ status: p.status, asAt: p.asAt, proposedBy: p.proposedBy }));
  }

  /**
   * An owner (or lead, or manager) proposes a BRAG status with the reason; it waits for a lead or
   * manager to approve it and never counts as the status until then. The as-at date is today (or asOf).
   */
  async proposeStatus(
    ctx: Ctx,
    key: string,
    input: { status: Brag; reason: string; asAt?: string | undefined; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (input.reason.trim() === '') throw new ValidationError('Give the reason for the status you propose', 'reason');
    return this.setStatus(ctx, key, { status: input.status, asAt: input.asAt ?? asOfDate(ctx), reason: input.reason, approve: false, expectedVersion: input.expectedVersion });
  }

  /**
   * Approves or rejects the status proposal waiting on an action. An approved proposal becomes the
   * status (if no later status is in force); a rejected one stays in the history, marked rejected
   * with the reason. Both are audited with the state before and after.
   */
  async decideProposal(
    ctx: Ctx,
    key: string,
    input: { decision: Decision; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    const { decision, reason } = parseDecision(input, 'the proposed status');
    await this.change(ctx, key, input.expectedVersion, 'decideProposal', 'action.status.approved', async (repos, a) => {
      const history = (await repos.actions.statuses([a.id])).map(toStatusEntry);
      const proposal = latestPending(history);
      if (!proposal) throw new ValidationError(`${formatActionKey({ plan: a.planSlug, number: a.number })} has no proposed status waiting for a decision`, 'decision');
      const before = statusAt(history, undefined, proposal.kind);
      await repos.actions.decideStatus(proposal.id, decision === 'approve' ? { approvedBy: ctx.actor } : { rejectedBy: ctx.actor }, reason);
      const after = statusAt((await repos.actions.statuses([a.id])).map(toStatusEntry), undefined, proposal.kind);
      const proposed = { status: proposal.status, asAt: proposal.asAt, reason: proposal.reason, proposedBy: proposal.proposedBy };
      return {
        event: decision === 'approve' ? 'action.status.approved' : 'action.status.rejected',
        before: { status: before?.status ?? null, asAt: before?.asAt ?? null, proposal: proposed },
        after: { status: after?.status ?? null, asAt: after?.asAt ?? null, decision: decision === 'approve' ? 'approved' : 'rejected', decidedBy: ctx.actor, reason },
        result: undefined,
      };
    });
    return this.show(ctx, key);
  }

  async reviseDeadline(
    ctx: Ctx,
    key: string,
    input: { date: string; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.date)) throw new ValidationError('The new deadline must be a real date written yyyy-mm-dd', 'date');
    const reason = input.reason.trim();
    await this.change(ctx, key, input.expectedVersion, 'reviseDeadline', 'action.deadline.revised', async (repos, a) => {
      const history = (await repos.actions.deadlines([a.id])).map(toDeadlineEntry);
      const before = currentDeadline(history);
      if (before !== null && reason === '') {
        throw new ValidationError('Give the reason the deadline is being revised', 'reason');
      }
      if (before?.date === input.date) throw new ValidationError(`The deadline is already ${input.date}`, 'date');
      await repos.actions.insertDeadlines([
        { actionId: a.id, dueDate: input.date, reason: reason === '' ? 'Original deadline' : reason, setBy: ctx.actor },
      ]);
      return { before: before ? { deadline: before.date } : null, after: { deadline: input.date, reason }, result: undefined };
    });
    return this.show(ctx, key);
  }

  /**
   * An owner asks for the deadline to move, with the reason; a lead or manager decides. Only the
   * newest request waits: an earlier one still waiting is withdrawn.
   */
  async requestDeadline(
    ctx: Ctx,
    key: string,
    input: { dueDate: string; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.dueDate)) throw new ValidationError('The deadline you ask for must be a real date written yyyy-mm-dd', 'dueDate');
    const reason = input.reason.trim();
    if (reason === '') throw new ValidationError('Give the reason the deadline needs to move', 'reason');
    await this.change(ctx, key, input.expectedVersion, 'requestDeadline', 'action.deadline.requested', async (repos, a) => {
      const current = currentDeadline((await repos.actions.deadlines([a.id])).map(toDeadlineEntry));
      if (current?.date === input.dueDate) throw new ValidationError(`The deadline is already ${input.dueDate}`, 'dueDate');
      const waiting = (await repos.actions.deadlineRequests([a.id])).filter((r) => r.decision === null);
      await repos.actions.decideDeadlineRequests(
        waiting.map((r) => r.id),
        { decision: 'withdrawn', decidedBy: ctx.actor, decisionReason: 'Replaced by a later request' },
      );
      const row = await repos.actions.insertDeadlineRequest({ actionId: a.id, dueDate: input.dueDate, reason, requestedBy: ctx.actor });
      return {
        before: { deadline: current?.date ?? null, ...(waiting.length > 0 ? { replacedRequests: waiting.map((r) => r.dueDate) } : {}) },
        after: { requestedDeadline: row.dueDate, reason, requestedBy: ctx.actor },
        result: undefined,
      };
    });
    return this.show(ctx, key);
  }

  /** Approves (the deadline moves, recorded in its history) or rejects the deadline request waiting on an action. */
  async decideDeadlineRequest(
    ctx: Ctx,
    key: string,
    input: { decision: Decision; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    const { decision, reason } = parseDecision(input, 'the deadline request');
    await this.change(ctx, key, input.expectedVersion, 'decideDeadlineRequest', 'action.deadline.request.approved', async (repos, a) => {
      const request = (await repos.actions.deadlineRequests([a.id])).filter((r) => r.decision === null).at(-1);
      if (!request) throw new ValidationError(`${formatActionKey({ plan: a.planSlug, number: a.number })} has no deadline request waiting for a decision`, 'decision');
      const before = currentDeadline((await repos.actions.deadlines([a.id])).map(toDeadlineEntry));
      await repos.actions.decideDeadlineRequests([request.id], {
        decision: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: ctx.actor,
        decisionReason: reason,
      });
      if (decision === 'approve' && before?.date !== request.dueDate) {
        await repos.actions.insertDeadlines([
          { actionId: a.id, dueDate: request.dueDate, reason: `${request.reason} (asked for by ${request.requestedBy})`, setBy: ctx.actor },
        ]);
      }
      const requested = { requestedDeadline: request.dueDate, reason: request.reason, requestedBy: request.requestedBy };
      return {
        event: decision === 'approve' ? 'action.deadline.request.approved' : 'action.deadline.request.rejected',
        before: { deadline: before?.date ?? null, request: requested },
        after: {
          deadline: decision === 'approve' ? request.dueDate : (before?.date ?? null),
          decision: decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: ctx.actor,
          reason,
        },
        result: undefined,
      };
    });
    return this.show(ctx, key);
  }

  /**
   * Adds a dated progress update. With `proposal`, the same change also proposes a status (as
   * proposeStatus, as at the update's date): one version, two audit events.
   */
  async addUpdate(
    ctx: Ctx,
    key: string,
    input: { date: string; body: string; expectedVersion?: number | undefined; proposal?: { status: Brag; reason?: string | undefined } | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.date)) throw new ValidationError('The update date must be a real date written yyyy-mm-dd', 'date');
    const body = input.body.trim();
    if (body === '') throw new ValidationError('Write the progress update', 'body');
    const proposal = input.proposal === undefined ? undefined : { status: parseInput(bragSchema, input.proposal.status, 'proposal.status'), reason: (input.proposal.reason ?? '').trim() };
    await this.change(ctx, key, input.expectedVersion, 'addUpdate', 'action.update.added', async (repos, a) => {
      const [row] = await repos.actions.insertUpdates([{ actionId: a.id, updateDate: input.date, author: ctx.actor, body }]);
      const also: { event: AuditEvent; before: unknown; after: unknown }[] = [];
      if (proposal !== undefined) {
        await this.authorise(repos, ctx, a, 'proposeStatus');
        const history = (await repos.actions.statuses([a.id])).map(toStatusEntry);
        const before = statusAt(history);
        const replaced = await this.withdrawProposals(repos, ctx, history);
        // The update is the reason when none is given: the lead reads them together.
        const reason = proposal.reason === '' ? body : proposal.reason;
        await repos.actions.insertStatuses([{ actionId: a.id, kind: 'current', status: proposal.status, asAt: input.date, reason, proposedBy: ctx.actor, approvedBy: null }]);
        also.push({
          event: 'action.status.proposed',
          before: before ? { status: before.status, asAt: before.asAt, ...(replaced.length > 0 ? { replacedProposals: replaced } : {}) } : null,
          after: { status: proposal.status, asAt: input.date, reason, proposedBy: ctx.actor, approvedBy: null },
        });
      }
      return { before: null, after: { id: row?.id, date: input.date, body }, result: undefined, also };
    });
    return this.show(ctx, key);
  }

  async edit(
    ctx: Ctx,
    key: string,
    input: {
      expectedVersion: number;
      title?: string;
      description?: string;
      successMeasures?: string;
      outcome?: string;
      flags?: ActionFlag[];
      owners?: { name: string | null; role: string | null }[];
    },
  ): Promise<ActionDetail> {
    if (input.title !== undefined && input.title.trim() === '') throw new ValidationError('Enter a title for the action', 'title');
    if (input.owners !== undefined && input.owners.length === 0) throw new ValidationError('An action needs at least one owner', 'owners');
    await this.change(ctx, key, input.expectedVersion, 'edit', 'action.edited', async (repos, a) => {
      const fields = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.successMeasures !== undefined ? { successMeasures: input.successMeasures.trim() } : {}),
        ...(input.outcome !== undefined ? { outcome: input.outcome.trim() } : {}),
        ...(input.flags !== undefined ? { flags: input.flags } : {}),
      };
      const before: Record<string, unknown> = {};
      for (const k of Object.keys(fields) as (keyof typeof fields)[]) before[k] = a[k];
      const after: Record<string, unknown> = { ...fields };
      if (Object.keys(fields).length > 0) await repos.actions.setFields(a.id, fields);
      if (input.owners !== undefined) {
        before.owners = (await repos.actions.owners([a.id])).map(ownerLabel);
        await repos.actions.replaceOwners(a.id, input.owners);
        after.owners = input.owners.map(ownerLabel);
      }
      return { before, after, result: undefined };
    });
    return this.show(ctx, key);
  }

  /** Adds an action (or a sub-action, with parentNumber) under a node of a plan, with its first deadline. */
  async create(ctx: Ctx, planSlug: string, raw: z.input<typeof newActionSchema>): Promise<ActionDetail> {
    requireCapability(ctx, 'actions.manage', 'add actions to a plan');
    const input = parseInput(newActionSchema, raw);
    const key = formatActionKey({ plan: planSlug, number: input.number });
    await this.store.transaction(async (repos) => {
      const plan = await repos.plans.findBySlug(ctx.organisationId, planSlug);
      if (!plan) throw new NotFoundError(`There is no plan "${planSlug}".`);
      if (await repos.actions.findByNumber(plan.id, input.number)) {
        throw new ValidationError(`Plan "${planSlug}" already has an action numbered ${input.number}`, 'number');
      }
      let nodeId = input.nodeId;
      let parentActionId: number | null = null;
      if (input.parentNumber !== undefined) {
        const parent = await repos.actions.findByNumber(plan.id, input.parentNumber);
        if (!parent) throw new ValidationError(`Plan "${planSlug}" has no action numbered ${input.parentNumber}`, 'parentNumber');
        nodeId = parent.nodeId;
        parentActionId = parent.id;
      }
      if (nodeId === undefined || !(await repos.plans.lockNode(plan.id, nodeId))) {
        throw new ValidationError(`Choose the part of plan "${planSlug}" the action belongs to`, 'nodeId');
      }
      const row = await repos.actions.insert({
        planId: plan.id,
        nodeId,
        parentActionId,
        position: await repos.plans.nextPosition(plan.id),
        number: input.number,
        title: input.title,
        description: input.description,
        successMeasures: input.successMeasures,
        outcome: input.outcome,
        flags: input.flags,
      });
      await repos.actions.insertOwners(input.owners.map((o, position) => ({ actionId: row.id, position, name: o.name ?? null, role: o.role ?? null })));
      if (input.deadline !== undefined) {
        await repos.actions.insertDeadlines([{ actionId: row.id, dueDate: input.deadline, reason: 'Original deadline', setBy: ctx.actor }]);
      }
      await repos.actions.insertRefs(input.refs.map((r) => ({ actionId: row.id, kind: r.kind, value: r.value })));
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'action.created',
        entityType: 'action',
        entityId: row.id,
        entityKey: key,
        before: null,
        after: input,
      });
    });
    return this.show(ctx, key);
  }

  /** Replaces an action's cross-references (challenge, inspection recommendation, programme, measure, tag). */
  async setRefs(ctx: Ctx, key: string, refs: { kind: RefKind; value: string }[], expectedVersion?: number): Promise<ActionDetail> {
    const checked = parseInput(z.array(refSchema), refs, 'refs');
    await this.change(ctx, key, expectedVersion, 'edit', 'action.refs.set', async (repos, a) => {
      const before = (await repos.actions.refs([a.id])).map((r) => `${r.kind}:${r.value}`);
      await repos.actions.replaceRefs(a.id, checked.map((r) => ({ actionId: a.id, kind: r.kind, value: r.value })));
      return { before: { refs: before }, after: { refs: checked.map((r) => `${r.kind}:${r.value}`) }, result: undefined };
    });
    return this.show(ctx, key);
  }

  /**
   * The authority's risks sharing a reference with the given ones: enough for a page to name a
   * risk's row on the register (plan-qualified only when two risks share a reference).
   */
  risksWithReferences(ctx: Ctx, references: readonly string[]): Promise<{ id: number; plan: string | null; reference: string }[]> {
    return this.store.read.actions.risksWithReferences(ctx.organisationId, [...new Set(references)]);
  }

  /** Actions carrying a cross-reference ("inspection 11" → its actions). */
  byRef(ctx: Ctx, kind: string, value: string): Promise<ActionSummary[]> {
    return this.list(ctx, { ref: { kind, value } });
  }

  refs(ctx: Ctx): Promise<RefCount[]> {
    return this.store.read.actions.refCounts(ctx.organisationId);
  }
}

/** A lead's decision on what is waiting: approve, or reject with a reason. */
function parseDecision(input: { decision: unknown; reason: string }, what: string): { decision: Decision; reason: string } {
  const { decision } = input;
  if (decision !== 'approve' && decision !== 'reject') throw new ValidationError('Choose whether to approve or reject', 'decision');
  const reason = input.reason.trim();
  if (decision === 'reject' && reason === '') throw new ValidationError(`Give the reason for rejecting ${what}`, 'reason');
  return { decision, reason };
}

/** The message a user sees when their edit is stale: what changed, by whom, and that nothing was saved. */
export async function staleError(
  repos: Repositories,
  entityType: string,
  entityId: number,
  what: string,
  expected: number,
  current: number,
): Promise<StaleWriteError> {
  const last = await repos.audit.latestFor(entityType, entityId);
  const by = last ? ` (${last.event.replace(/\./g, ' ')} by ${last.actor} at ${last.occurredAt.toISOString().slice(0, 16).replace('T', ' ')})` : '';
  return new StaleWriteError(
    `${what} was changed by someone else since you opened it: you had version ${expected}, it is now version ${current}${by}. Nothing was saved; look at it again and re-apply your change.`,
    current,
    last ? { actor: last.actor, event: last.event, at: last.occurredAt, after: last.after } : undefined,
  );
}
