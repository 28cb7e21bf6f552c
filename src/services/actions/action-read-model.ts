// The read model of actions: the shapes pages, the API and the command line show (summaries with
// derived figures, the full record, proposals and deadline requests) and how they are worked out
// from the rows the repositories read.
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
} from '../../domain/action-derived.ts';
import { formatActionKey } from '../../domain/action-key.ts';
import type { ActionPermissions } from '../../domain/action-permissions.ts';
import type { Brag, Trend } from '../../domain/brag.ts';
import { groupBy } from '../../domain/collections.ts';
import { daysBetween } from '../../domain/dates.ts';
import type { ActionFlag, RefKind } from '../../domain/plan-document.ts';
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
} from '../../repositories/action.repository.ts';
import type { Repositories } from '../../repositories/store.ts';

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
  /** Closed as no longer needed: out of open and chase lists, never overdue (its status stays in the history). */
  closed: boolean;
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
  /** Why it was closed as no longer needed, when it was. */
  closure: { on: string; reason: string; by: string } | null;
  /** The action in an earlier plan this one carries over (its history is there). */
  rolledFrom: ActionLink | null;
  /** The actions in later plans that carry this one over. */
  carriedInto: ActionLink[];
  /** Why nothing about the action can be changed now (its plan archived, or it closed); null when it can. */
  frozen: string | null;
}

/** Another action named from this one: its key, number and plan. */
export interface ActionLink {
  key: string;
  number: string;
  plan: string;
  planTitle: string;
}

export interface ActionFilters {
  plan?: string | undefined;
  status?: Brag[] | undefined;
  owner?: string | undefined;
  overdue?: boolean | undefined;
  ref?: { kind: string; value: string } | undefined;
  /** Only actions aiming to move this library measure (a measure cross-reference, or a success measure tied to its code). */
  aimsAt?: string | undefined;
  text?: string | undefined;
  /** Adds each action's status trend from this date to the as-of date. */
  since?: string | undefined;
  /** Only open actions (not Blue) whose current deadline is on or before this date: overdue or due soon. */
  dueBy?: string | undefined;
}
export const ownerLabel = (o: { name: string | null; role: string | null }): string =>
  [o.name, o.role].filter((x): x is string => x !== null && x !== '').join(', ');

export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

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

export const toProposalView = (s: StatusHistoryEntry): ProposalView => ({
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

export const latestPending = (history: readonly StatusHistoryEntry[]): StatusHistoryEntry | undefined => pendingProposals(history).at(-1);

export const toDeadlineEntry = (d: ActionDeadline): DeadlineEntry & { id: number } => ({
  id: d.id,
  date: d.dueDate,
  reason: d.reason,
  setBy: d.setBy,
  setAt: iso(d.setAt),
});

/** What the derived figures of a set of actions are worked out from, read in a handful of queries. */
export interface ActionParts {
  owners: Map<number, ActionOwner[]>;
  deadlines: Map<number, (DeadlineEntry & { id: number })[]>;
  statuses: Map<number, StatusHistoryEntry[]>;
  stats: Map<number, { last: string; count: number }>;
  refs: Map<number, ActionRef[]>;
}

export async function loadParts(repos: Repositories, ids: number[]): Promise<ActionParts> {
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

/** The fields of a summary that come from the action's own row. */
function headOf(a: ActionHead): Pick<ActionSummary, 'id' | 'key' | 'planId' | 'plan' | 'planTitle' | 'nodeId' | 'parentActionId' | 'number' | 'title' | 'closed'> {
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
    closed: a.closedOn !== null,
  };
}

/** How a page names another action: its key, number and plan. */
export const linkOf = (a: Pick<ActionWithPlan, 'planSlug' | 'planTitle' | 'number'>): ActionLink => ({
  key: formatActionKey({ plan: a.planSlug, number: a.number }),
  number: a.number,
  plan: a.planSlug,
  planTitle: a.planTitle,
});

/** An action's summary worked out from its whole history (the action page, which shows that history). */
export function summaryOf(a: ActionWithPlan, parts: ActionParts, asOf: string): ActionSummary {
  const history = parts.statuses.get(a.id) ?? [];
  const dl = parts.deadlines.get(a.id) ?? [];
  const current = statusAt(history);
  const forecast = statusAt(history, undefined, 'forecast');
  const pending = pendingProposals(history);
  const deadline = currentDeadline(dl)?.date ?? null;
  const stat = parts.stats.get(a.id);
  const lastUpdate = stat?.last ?? null;
  return {
    ...headOf(a),
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
    overdue: a.closedOn === null && isOverdue(deadline, current?.status ?? null, asOf),
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
    ...headOf(a),
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
    overdue: a.closedOn === null && isOverdue(deadline, status, asOf),
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
