// Time windows over monthly figures: the month itself, the financial year to date (from 1 April) and
// the rolling 12 months, each summed from the months' numerators and denominators (never averaged
// from their percentages, which would weight a small month like a large one).
import { valueOf, type Unit } from './values.ts';

export const WINDOWS = ['month', 'ytd', 'rolling12', 'year'] as const;
export type Window = (typeof WINDOWS)[number];

export interface MonthlyFigure {
  /** The last day of the month, yyyy-mm-dd. */
  periodEnd: string;
  numerator: number | null;
  denominator: number | null;
}

export interface WindowFigure {
  periodEnd: string;
  window: Window;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Months the window should hold, and those it found; the value is null unless all are there. */
  monthsExpected: number;
  monthsFound: number;
}

// A page reads the month end of every figure several times over (60 months, each window of each
// period), and building a Date for each was most of a measure page's time: the answers are kept.
const monthEnds_ = new Map<string, string>();

/** The last day of the month of an ISO date. */
export function monthEnd(date: string): string {
  const known = monthEnds_.get(date);
  if (known !== undefined) return known;
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  // Dates come from stored figures and pages, a few thousand at most; the bound is only a guard.
  if (monthEnds_.size >= 100_000) monthEnds_.clear();
  monthEnds_.set(date, last);
  return last;
}

/** Month ends from `from` to `to` inclusive (each taken to its own month end). */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = monthEnd(to);
  for (;;) {
    const e = monthEnd(`${y}-${String(m).padStart(2, '0')}-01`);
    if (e > end) break;
    out.push(e);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** 1 April of the financial year a date falls in. */
export function financialYearStart(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${m >= 4 ? y : y - 1}-04-01`;
}

/** The month ends a window covers, ending at periodEnd. */
export function windowMonths(window: Window, periodEnd: string): string[] {
  const end = monthEnd(periodEnd);
  if (window === 'month') return [end];
  if (window === 'ytd') return monthEnds(financialYearStart(end), end);
  // rolling12 and year: the twelve months ending here (a year is the rolling 12 to 31 March).
  const [y, m] = end.split('-').map(Number) as [number, number];
  const startMonth = m === 12 ? 1 : m + 1;
  const startYear = m === 12 ? y : y - 1;
  return monthEnds(`${startYear}-${String(startMonth).padStart(2, '0')}-01`, end);
}

const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b ?? 0), 0));

/** Monthly figures by their month end (the first of any duplicates), to work out many windows from one lookup. */
export type MonthIndex = ReadonlyMap<string, MonthlyFigure>;

export function monthIndex(monthly: readonly MonthlyFigure[]): MonthIndex {
  const byMonth = new Map<string, MonthlyFigure>();
  for (const f of monthly) {
    const end = monthEnd(f.periodEnd);
    if (!byMonth.has(end)) byMonth.set(end, f);
  }
  return byMonth;
}

/** One window's figure from monthly figures (one per month end; later duplicates are ignored). */
export function windowFigure(unit: Unit, monthly: MonthlyFigure[] | MonthIndex, window: Window, periodEnd: string): WindowFigure {
  const byMonth = Array.isArray(monthly) ? monthIndex(monthly) : monthly;
  const months = windowMonths(window, periodEnd);
  const found = months.map((m) => byMonth.get(m)).filter((f): f is MonthlyFigure => f !== undefined);
  const complete = found.length === months.length;
  const numerator = complete ? sum(found.map((f) => f.numerator)) : null;
  const denominator = complete && unit !== 'count' ? sum(found.map((f) => f.denominator)) : null;
  return {
    periodEnd: monthEnd(periodEnd),
    window,
    numerator,
    denominator,
    value: complete ? valueOf(unit, numerator, denominator) : null,
    monthsExpected: months.length,
    monthsFound: found.length,
  };
}

/** The window's figure at every month end the monthly figures cover. */
export function windowSeries(unit: Unit, monthly: MonthlyFigure[], window: Window): WindowFigure[] {
  const ends = [...new Set(monthly.map((f) => monthEnd(f.periodEnd)))].sort();
  const byMonth = monthIndex(monthly);
  return ends.map((e) => windowFigure(unit, byMonth, window, e));
}
