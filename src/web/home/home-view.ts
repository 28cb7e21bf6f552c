// The home page's lists: the person's own actions, what is due, their late updates, and what waits
// for their decision.
import { daysBetween } from '../../domain/dates.ts';
import type { ActionSummary, AwaitingDecision } from '../../services/actions/index.ts';
import { actionPath } from '../kit/paths.ts';

/** An update older than this many days is late: boards ask for one at least monthly. */
export const LATE_UPDATE_DAYS = 30;
/** Deadlines this many days ahead count as due. */
export const DUE_WITHIN_DAYS = 30;
/** At most this many overdue actions are listed; the plan pages filter the rest. */
export const OVERDUE_SHOWN = 15;

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

/** Open actions (not Blue, not closed) whose deadline falls in the next DUE_WITHIN_DAYS days, soonest first. */
export const dueSoon = (rows: HomeRow[]): HomeRow[] =>
  rows.filter((r) => r.open && r.daysToDeadline !== null && r.daysToDeadline >= 0 && r.daysToDeadline <= DUE_WITHIN_DAYS).sort(byDeadline);

/** Overdue actions, the most recently missed first (the ones a reminder can still rescue). */
export const overdue = (rows: HomeRow[]): HomeRow[] => rows.filter((r) => r.overdue).sort((a, b) => byDeadline(b, a));

/** Open actions (not Blue, not closed) with no progress update in the last LATE_UPDATE_DAYS days (or none at all), longest first. */
export const lateUpdates = (rows: HomeRow[]): HomeRow[] =>
  rows
    .filter((r) => r.open && (r.daysSinceUpdate === null || r.daysSinceUpdate > LATE_UPDATE_DAYS))
    .sort((a, b) => (a.lastUpdate ?? '').localeCompare(b.lastUpdate ?? ''));

/** Overdue counts per plan, for links to each plan filtered to its overdue actions. */
export function overdueByPlan(rows: HomeRow[]): { plan: string; planTitle: string; count: number; href: string }[] {
  const counts = new Map<string, { plan: string; planTitle: string; count: number; href: string }>();
  for (const r of rows) {
    if (!r.overdue) continue;
    const c = counts.get(r.plan) ?? { plan: r.plan, planTitle: r.planTitle, count: 0, href: `/plans/${encodeURIComponent(r.plan)}?overdue=yes&sort=deadline` };
    c.count += 1;
    counts.set(r.plan, c);
  }
  return [...counts.values()];
}

export interface DecisionRow {
  href: string;
  formHref: string;
  key: string;
  number: string;
  title: string;
  planTitle: string;
  what: 'status' | 'deadline';
  status: string | null;
  dueDate: string | null;
  by: string;
  reason: string;
  since: string;
}

/** One row per thing to decide: a proposed status, a requested deadline, or both for one action. */
export function decisionRows(items: AwaitingDecision[]): DecisionRow[] {
  const out: DecisionRow[] = [];
  for (const a of items) {
    const base = { href: actionPath(a.key), key: a.key, number: a.number, title: a.title, planTitle: a.planTitle };
    if (a.proposal) {
      out.push({ ...base, formHref: actionPath(a.key, 'decision'), what: 'status', status: a.proposal.status, dueDate: null, by: a.proposal.proposedBy, reason: a.proposal.reason, since: a.proposal.recordedAt });
    }
    if (a.pendingDeadlineRequest) {
      const r = a.pendingDeadlineRequest;
      out.push({ ...base, formHref: actionPath(a.key, 'deadline-decision'), what: 'deadline', status: null, dueDate: r.dueDate, by: r.requestedBy, reason: r.reason, since: r.requestedAt });
    }
  }
  return out.sort((x, y) => x.since.localeCompare(y.since));
}
