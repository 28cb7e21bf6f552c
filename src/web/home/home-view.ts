// The home page by role: what each person has to do or to know first — an owner their requests and
// actions, a lead the decisions waiting for them, a manager the plans' state and what is late, a board
// member the dashboard's headline — with every action listed once and named by plan title and number.
import type { SnapshotComparison } from '../../services/reporting/snapshot.service.ts';
import { plural } from '../view.ts';
import { can } from '../../domain/capabilities.ts';
import { daysBetween } from '../../domain/dates.ts';
import type { Role } from '../../domain/roles.ts';
import type { ActionSummary, AwaitingDecision } from '../../services/actions/index.ts';
import type { PlanSummary } from '../../services/plan.service.ts';
import type { MyRequest, RoundSummary } from '../../services/reporting/round.service.ts';
import { actionPath, measurePath, planPath, roundPath } from '../kit/paths.ts';

/** An update older than this many days is late: boards ask for one at least monthly. */
export const LATE_UPDATE_DAYS = 30;
/** Deadlines this many days ahead count as due. */
export const DUE_WITHIN_DAYS = 30;
/** At most this many overdue actions are listed; the plan pages filter the rest. */
export const OVERDUE_SHOWN = 15;
/** At most this many red or amber measures are named in the headline; the dashboard has them all. */
export const HEADLINE_SHOWN = 8;

/** The parts a home page can have, in the order they appear. */
export type HomeSection = 'decisions' | 'mine' | 'late' | 'plans' | 'headline' | 'sinceLastBoard';

/**
 * What each role sees first. Within a part, only what the role may do is offered (capabilities decide
 * the links); "mine" appears for a role that cannot be asked to update only when an action names them.
 */
export const HOME_SECTIONS: Record<Role, readonly HomeSection[]> = {
  admin: ['decisions', 'late', 'plans', 'mine'],
  manager: ['decisions', 'late', 'plans', 'mine'],
  lead: ['decisions', 'mine'],
  owner: ['mine'],
  analyst: ['headline'],
  viewer: ['headline', 'sinceLastBoard', 'plans'],
};

/** Why an action of one's own needs attention, most pressing first. */
export type Attention = 'overdue' | 'update-asked' | 'update-late' | 'due-soon';

export interface HomeRow {
  key: string;
  href: string;
  number: string;
  title: string;
  plan: string;
  planTitle: string;
  owners: string[];
  deadline: string | null;
  overdue: boolean;
  daysToDeadline: number | null;
  status: string | null;
  pendingProposal: string | null;
  lastUpdate: string | null;
  daysSinceUpdate: number | null;
  /** Still to do: not Blue (complete) and not closed as no longer needed. */
  open: boolean;
}

export const homeRow = (a: ActionSummary, asOf: string): HomeRow => ({
  key: a.key,
  href: actionPath(a.key),
  number: a.number,
  title: a.title,
  plan: a.plan,
  planTitle: a.planTitle,
  owners: a.owners.map((o) => o.label),
  deadline: a.deadline,
  overdue: a.overdue,
  daysToDeadline: a.deadline === null ? null : daysBetween(asOf, a.deadline),
  status: a.status,
  pendingProposal: a.pendingProposal,
  lastUpdate: a.lastUpdate,
  daysSinceUpdate: a.daysSinceUpdate,
  open: a.status !== 'B' && !a.closed,
});

const byDeadline = (a: HomeRow, b: HomeRow): number => (a.deadline ?? '').localeCompare(b.deadline ?? '');

const isDueSoon = (r: HomeRow): boolean => r.open && r.daysToDeadline !== null && r.daysToDeadline >= 0 && r.daysToDeadline <= DUE_WITHIN_DAYS;
const isUpdateLate = (r: HomeRow): boolean => r.open && (r.daysSinceUpdate === null || r.daysSinceUpdate > LATE_UPDATE_DAYS);

/** Overdue actions, the most recently missed first (the ones a reminder can still rescue). */
export const overdue = (rows: HomeRow[]): HomeRow[] => rows.filter((r) => r.overdue).sort((a, b) => byDeadline(b, a));

/** Overdue counts per plan, for links to each plan filtered to its overdue actions. */
export function overdueByPlan(rows: HomeRow[]): { plan: string; planTitle: string; count: number; href: string }[] {
  const counts = new Map<string, { plan: string; planTitle: string; count: number; href: string }>();
  for (const r of rows) {
    if (!r.overdue) continue;
    const c = counts.get(r.plan) ?? { plan: r.plan, planTitle: r.planTitle, count: 0, href: `${planPath(r.plan)}?overdue=yes&sort=deadline` };
    c.count += 1;
    counts.set(r.plan, c);
  }
  return [...counts.values()];
}

export interface MineRow extends HomeRow {
  attention: Attention[];
  /** The open request for an update in a reporting round, when there is one. */
  request: { period: string; dueDate: string; late: boolean } | null;
  updateHref: string;
}

const ATTENTION_ORDER: Attention[] = ['overdue', 'update-asked', 'update-late', 'due-soon'];

/**
 * The person's own open actions, each once, with every reason it needs attention and the round's
 * request for an update folded in; the most pressing first, then by deadline. Complete (Blue) actions
 * are counted, not listed.
 */
export function mineRows(rows: HomeRow[], requests: MyRequest[]): { open: MineRow[]; complete: number } {
  const asked = new Map(requests.map((r) => [r.actionKey, r]));
  const open = rows
    .filter((r) => r.status !== 'B' || asked.has(r.key))
    .map((r): MineRow => {
      const request = asked.get(r.key);
      const attention: Attention[] = [];
      if (r.overdue) attention.push('overdue');
      if (request) attention.push('update-asked');
      else if (isUpdateLate(r)) attention.push('update-late');
      if (isDueSoon(r)) attention.push('due-soon');
      return { ...r, attention, request: request ? { period: request.period, dueDate: request.dueDate, late: request.late } : null, updateHref: actionPath(r.key, 'update') };
    });
  const rank = (r: MineRow): number => (r.attention.length === 0 ? ATTENTION_ORDER.length : ATTENTION_ORDER.indexOf(r.attention[0]!));
  open.sort((a, b) => rank(a) - rank(b) || byDeadline(a, b));
  return { open, complete: rows.length - open.length };
}

/** Requests for updates on actions the person's list does not hold (e.g. asked of them by a role title). */
export const otherRequests = (requests: MyRequest[], mine: HomeRow[]): (MyRequest & { href: string })[] => {
  const listed = new Set(mine.map((r) => r.key));
  return requests.filter((r) => !listed.has(r.actionKey)).map((r) => ({ ...r, href: actionPath(r.actionKey, 'update') }));
};

export interface DecisionAsk {
  what: 'status' | 'deadline';
  formHref: string;
  status: string | null;
  dueDate: string | null;
  by: string;
  reason: string;
  since: string;
}

export interface DecisionRow {
  key: string;
  href: string;
  number: string;
  title: string;
  planTitle: string;
  overdue: boolean;
  /** A proposed status, a requested deadline, or both: one row per action. */
  asks: DecisionAsk[];
  since: string;
}

/** One row per action waiting for a decision, with what is asked of it; the longest waiting first. */
export function decisionRows(items: AwaitingDecision[]): DecisionRow[] {
  const out: DecisionRow[] = [];
  for (const a of items) {
    const asks: DecisionAsk[] = [];
    if (a.proposal) {
      asks.push({ what: 'status', formHref: actionPath(a.key, 'decision'), status: a.proposal.status, dueDate: null, by: a.proposal.proposedBy, reason: a.proposal.reason, since: a.proposal.recordedAt });
    }
    if (a.pendingDeadlineRequest) {
      const r = a.pendingDeadlineRequest;
      asks.push({ what: 'deadline', formHref: actionPath(a.key, 'deadline-decision'), status: null, dueDate: r.dueDate, by: r.requestedBy, reason: r.reason, since: r.requestedAt });
    }
    if (asks.length === 0) continue;
    const since = asks.map((x) => x.since).sort()[0]!;
    out.push({ key: a.key, href: actionPath(a.key), number: a.number, title: a.title, planTitle: a.planTitle, overdue: a.overdue, asks, since });
  }
  return out.sort((x, y) => x.since.localeCompare(y.since));
}

export interface PlanState {
  title: string;
  href: string;
  status: string;
  rollUp: PlanSummary['rollUp'];
  overdueHref: string;
}

/** Each plan still running (drafts and closed plans left to the plans page) with its counts by BRAG status. */
export const planStates = (plans: PlanSummary[]): PlanState[] =>
  plans
    .filter((p) => p.status !== 'closed')
    .map((p) => ({ title: p.title, href: planPath(p.slug), status: p.status, rollUp: p.rollUp, overdueHref: `${planPath(p.slug)}?overdue=yes&sort=deadline` }));

export interface LateRound {
  period: string;
  href: string;
  dueDate: string;
  outstanding: number;
  requests: number;
  late: boolean;
}

/** Open rounds still waiting for updates, the ones past their due date first. */
export const lateRounds = (rounds: RoundSummary[]): LateRound[] =>
  rounds
    .filter((r) => r.outstanding > 0)
    .map((r) => ({ period: r.period, href: roundPath(r.id), dueDate: r.dueDate, outstanding: r.outstanding, requests: r.requests, late: r.late }))
    .sort((a, b) => Number(b.late) - Number(a.late) || a.dueDate.localeCompare(b.dueDate));

export interface HeadlineMeasure {
  title: string;
  href: string;
  rag: 'R' | 'A';
  ragWord: string;
  reason: string;
}

export interface Headline {
  asAt: string;
  all: number;
  red: number;
  amber: number;
  green: number;
  /** The red measures first, then the amber, at most HEADLINE_SHOWN. */
  attention: HeadlineMeasure[];
}

/** The dashboard's headline from its measures: counts by RAG and the measures that are red or amber. */
export function headline(asAt: string, readings: { measure: { code: string; title: string }; rag: string | null; ragWord: string | null; ragReason: string | null }[]): Headline {
  const count = (rag: string): number => readings.filter((r) => r.rag === rag).length;
  const attention = readings
    .filter((r) => r.rag === 'R' || r.rag === 'A')
    .map((r) => ({ title: r.measure.title, href: measurePath(r.measure.code), rag: r.rag as 'R' | 'A', ragWord: r.ragWord ?? '', reason: r.ragReason ?? r.ragWord ?? '' }))
    .sort((a, b) => (a.rag === b.rag ? 0 : a.rag === 'R' ? -1 : 1));
  return { asAt, all: readings.length, red: count('R'), amber: count('A'), green: count('G'), attention: attention.slice(0, HEADLINE_SHOWN) };
}

/** Whether the role may record progress on its own actions (or on any), so their list offers the update form. */
export const mayUpdate = (role: Role): boolean => can(role, 'actions.update-own') || can(role, 'actions.manage');

/** What changed since the last board, in a line each: counts of what the changes page lists. */
export function sinceLastBoardLines(c: SnapshotComparison): string[] {
  if (c.changes === null) return [`This is the first snapshot: the next closed round will be compared with it.`];
  const x = c.changes;
  const worse = x.statuses.filter((m) => m.trend === 'worsened').length;
  const better = x.statuses.filter((m) => m.trend === 'improved').length;
  // An action given its first status moved, but is neither better nor worse: said apart, so the
  // parts add up to the whole.
  const first = x.statuses.filter((m) => m.trend === 'new').length;
  const parts = [...(first > 0 ? [`${first} given a status for the first time`] : []), `${better} better`, `${worse} worse`];
  const lines = [
    x.statuses.length > 0 ? `${plural(x.statuses.length, 'action')} moved BRAG status (${parts.join(', ')})` : '',
    x.deadlines.length > 0 ? `${plural(x.deadlines.length, 'deadline')} slipped` : '',
    x.newActions.length > 0 ? `${plural(x.newActions.length, 'new action')}` : '',
    x.newRisks.length > 0 ? `${plural(x.newRisks.length, 'new risk')}` : '',
    x.closedRisks.length > 0 ? `${plural(x.closedRisks.length, 'risk')} closed` : '',
    x.rescoredRisks.length > 0 ? `${plural(x.rescoredRisks.length, 'risk')} re-scored` : '',
    x.measures.length > 0 ? `${plural(x.measures.length, 'measure')} changed RAG` : '',
  ].filter((l) => l !== '');
  return lines.length > 0 ? lines : ['Nothing moved: the same statuses, deadlines, risks and RAG as the snapshot before.'];
}
