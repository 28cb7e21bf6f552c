// Figures derived from an action's history — never typed by hand: current status and deadline,
// overdue, slippage, days since the last update, trend between two dates, and roll-ups.
import { emptyCounts, statusTrend, type Brag, type BragCounts, type Trend } from './brag.ts';
import { daysBetween } from './dates.ts';

export interface StatusEntry {
  status: Brag;
  kind: 'current' | 'forecast';
  asAt: string;
  approvedBy: string | null;
  /** ISO date-time the entry was recorded; breaks ties between entries with one as-at date. */
  recordedAt: string;
  /** Set when a proposal was turned down: it never becomes the status and no longer waits. */
  rejectedBy?: string | null | undefined;
}

export interface DeadlineEntry {
  date: string;
  reason: string;
  setBy: string;
  /** ISO date-time the deadline was set; the latest set is the current deadline. */
  setAt: string;
}

const byAsAt = (a: StatusEntry, b: StatusEntry): number =>
  a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;

/** The approved status of the given kind in force on a date (or latest, without a date). */
export function statusAt(entries: readonly StatusEntry[], date?: string, kind: StatusEntry['kind'] = 'current'): StatusEntry | null {
  let found: StatusEntry | null = null;
  for (const e of entries) {
    if (e.kind !== kind || e.approvedBy === null) continue;
    if (date !== undefined && e.asAt > date) continue;
    if (found === null || byAsAt(found, e) <= 0) found = e;
  }
  return found;
}

/** Proposals still waiting for a decision (neither approved nor rejected), oldest first. */
export function pendingProposals<E extends StatusEntry>(entries: readonly E[]): E[] {
  return entries.filter((e) => e.approvedBy === null && (e.rejectedBy ?? null) === null).sort(byAsAt);
}

export function currentDeadline(deadlines: readonly DeadlineEntry[]): DeadlineEntry | null {
  let found: DeadlineEntry | null = null;
  for (const d of deadlines) if (found === null || d.setAt >= found.setAt) found = d;
  return found;
}

export interface Slippage {
  /** How many times the deadline was moved after it was first set. */
  revisions: number;
  /** Days from the first deadline to the current one (negative when brought forward). */
  daysMoved: number;
}

export function slippage(deadlines: readonly DeadlineEntry[]): Slippage {
  if (deadlines.length === 0) return { revisions: 0, daysMoved: 0 };
  const ordered = [...deadlines].sort((a, b) => (a.setAt < b.setAt ? -1 : a.setAt > b.setAt ? 1 : 0));
  return { revisions: ordered.length - 1, daysMoved: daysBetween(ordered[0]!.date, ordered[ordered.length - 1]!.date) };
}

/** Overdue: the current deadline has passed and the action is not Blue (complete). */
export function isOverdue(deadline: string | null, status: Brag | null, asOf: string): boolean {
  return deadline !== null && deadline < asOf && status !== 'B';
}

export function daysSinceUpdate(lastUpdate: string | null, asOf: string): number | null {
  return lastUpdate === null ? null : daysBetween(lastUpdate, asOf);
}

export function trendBetween(entries: readonly StatusEntry[], from: string, to: string): Trend {
  return statusTrend(statusAt(entries, from)?.status ?? null, statusAt(entries, to)?.status ?? null);
}

export interface RollUp {
  actions: number;
  counts: BragCounts;
  overdue: number;
}

export const emptyRollUp = (): RollUp => ({ actions: 0, counts: emptyCounts(), overdue: 0 });

export function addToRollUp(r: RollUp, status: Brag | null, overdue: boolean): void {
  r.actions += 1;
  r.counts[status ?? 'none'] += 1;
  if (overdue) r.overdue += 1;
}

/** Adds a group of actions sharing one current status, of which `overdue` are overdue (counts grouped in SQL). */
export function addCountsToRollUp(r: RollUp, status: Brag | null, actions: number, overdue: number): void {
  r.actions += actions;
  r.counts[status ?? 'none'] += actions;
  r.overdue += overdue;
}

export function mergeRollUp(into: RollUp, from: RollUp): void {
  into.actions += from.actions;
  into.overdue += from.overdue;
  for (const k of Object.keys(into.counts) as (keyof BragCounts)[]) into.counts[k] += from.counts[k];
}
