// The measure read model: what a board reads about a measure at a date — the figure with its numerator
// and denominator, year to date and rolling 12 months, the target and RAG in words with the reason,
// the direction of travel, the last 13 periods and the benchmarks — with small numbers suppressed for
// everyone but analysts. A figure at a date is the latest period ending on or before it; nothing
// after the date is read (the 903 engine itself never uses events after a month end).
import { yearEndingLabel } from '../domain/reporting-periods.ts';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  monthEnd,
  monthIndex,
  QUARTILE_WORDS,
  quartileBand,
  ragFor,
  revealsSmallNumber,
  placesFor,
  roundFor,
  targetOn,
  windowFigure,
  type Polarity,
  type QuartileBand,
  type Rag,
  type Unit,
  type YearQuartiles,
} from '../measures/index.ts';
import type { BenchmarkView, Measure, TargetView } from './measure.service.ts';

/** Setting: the authority's small-number threshold (counts below it are suppressed). */
export { SUPPRESSION_SETTING } from '../repositories/measure.repository.ts';

/** The groups a dashboard shows its tiles in, in this order; measures not named here go under "Other measures". */
export const MEASURE_GROUPS: readonly { key: string; title: string; codes: readonly string[] }[] = [
  { key: 'cla', title: 'Children looked after', codes: ['cla', 'cla-rate', 'starters', 'starters-rate', 'ceased', 'ceased-rate', 're-entry', 'uasc', 'reviews-in-time', 'convictions'] },
  { key: 'stability', title: 'Stability', codes: ['placements-3plus', 'long-term-stability', 'placed-20-miles-out'] },
  { key: 'health', title: 'Health', codes: ['health-assessments', 'dental-checks', 'immunisations', 'development-checks', 'sdq-received', 'sdq-average', 'sdq-concern'] },
  { key: 'education', title: 'Education', codes: ['pep-up-to-date'] },
  { key: 'care-leavers', title: 'Care leavers', codes: [] },
  { key: 'adoption', title: 'Adoption', codes: ['adopted', 'adoption-a1', 'adoption-a2', 'adoption-a10'] },
  { key: 'missing', title: 'Missing', codes: ['missing-children', 'missing-incidents', 'away-children', 'away-incidents'] },
  { key: 'other', title: 'Other measures', codes: [] },
];

export function groupOf(code: string): { key: string; title: string } {
  if (code.startsWith('care-leavers-')) return { key: 'care-leavers', title: 'Care leavers' };
  const g = MEASURE_GROUPS.find((x) => x.codes.includes(code)) ?? MEASURE_GROUPS.at(-1)!;
  return { key: g.key, title: g.title };
}

/** Who is reading: analysts see small numbers (marked), everyone else sees "c". */
export interface Reader {
  seesSmallNumbers: boolean;
  threshold: number;
}

export interface ShownFigure {
  periodEnd: string;
  numerator: number | null;
  denominator: number | null;
  /** Unrounded; null when missing or suppressed for this reader. */
  value: number | null;
  /** "c" when suppressed for this reader; else the DfE symbol stored with the figure, if any. */
  symbol: string | null;
  /** The figure reveals a small number: hidden from this reader, or shown to an analyst but marked. */
  suppressed: boolean;
}

export type Direction = 'better' | 'worse' | 'no change' | 'up' | 'down';

export interface Comparison {
  periodEnd: string;
  figure: ShownFigure;
  change: number | null;
  direction: Direction | null;
  /** "Better than February 2018 (66.1%)". */
  words: string | null;
}

export interface BenchmarkFigure extends BenchmarkView {
  /** "England 2017/18". */
  label: string;
}

export interface MeasureReading {
  measure: Measure;
  group: { key: string; title: string };
  /** The date asked about; the figure is the latest period ending on or before it. */
  asAt: string;
  /** The value's window: a month end's figure, or a year's (to 31 March) for annual measures. */
  window: 'month' | 'year';
  current: ShownFigure | null;
  /** What the current figure's source says beside it, e.g. that too few years of history were held; null for none. */
  note: string | null;
  /** Summed from the months' numerators and denominators; only for monthly figures kept month by month (not the 903's, which are already 12-month or at-the-date figures). */
  ytd: ShownFigure | null;
  rolling12: ShownFigure | null;
  target: TargetView | null;
  rag: Rag | null;
  /** "Red", "Amber", "Green". */
  ragWord: string | null;
  /** "Red: 3.1 points below the 70% target". */
  ragReason: string | null;
  previous: Comparison | null;
  lastYear: Comparison | null;
  /** The last 13 periods, oldest first, ending with the current one. */
  history: ShownFigure[];
  /** For each comparator the newest published year not after the figure's (else the nearest later one), labelled with its year. */
  benchmarks: BenchmarkFigure[];
  /** The figure's DfE quartile band among every authority's published figures, where a table gives them. */
  quartile: QuartileReading | null;
}

export interface QuartileReading {
  /** A is the best quarter by the measure's polarity, D the worst. */
  band: QuartileBand;
  /** Authorities with a published figure that year (suppressed ones left out). */
  authorities: number;
  /** The published year (ending 31 March) the figure is placed among. */
  timePeriod: number;
  /** "Quartile B (second best quarter of 152 authorities, 2023/24)". */
  words: string;
}

export interface StoredValue {
  periodEnd: string;
  window: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  symbol: string | null;
  /** Said beside the figure (stored with it); null or absent for none. */
  note?: string | null;
}

const RAG_WORDS: Record<Rag, string> = { R: 'Red', A: 'Amber', G: 'Green' };
const COMPARATORS = ['england', 'region', 'sn-mean', 'sn-median', 'judged-good'];

/** A figure as this reader may see it. */
export function shown(unit: Unit, v: { periodEnd: string; numerator: number | null; denominator: number | null; value: number | null; symbol: string | null }, reader: Reader): ShownFigure {
  const suppressed = v.symbol === null && revealsSmallNumber(unit, v.numerator, v.denominator, reader.threshold);
  if (suppressed && !reader.seesSmallNumbers) return { periodEnd: v.periodEnd, numerator: null, denominator: null, value: null, symbol: 'c', suppressed };
  return { periodEnd: v.periodEnd, numerator: v.numerator, denominator: v.denominator, value: v.value, symbol: v.symbol, suppressed };
}

// The same as toLocaleString('en-GB', …) with these options, made once: toLocaleString builds a new
// formatter on every call, which was a fifth of a dashboard's working time.
const WITH_PLACES = [0, 1].map((places) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places }));
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A value with its unit, as a board reads it: "67.5%", "45 per 10,000", "380 days". */
export function formatValue(unit: Unit, value: number | null): string {
  const r = roundFor(unit, value);
  if (r === null) return 'no figure';
  const n = WITH_PLACES[placesFor(unit)]!.format(r);
  if (unit === 'percent') return `${n}%`;
  if (unit === 'rate per 10,000') return `${n} per 10,000`;
  if (unit === 'days') return `${n} days`;
  return n;
}

/** A gap between two figures in the unit's words: "3.1 points", "12 days", "2". */
export function formatGap(unit: Unit, gap: number): string {
  const n = WITH_PLACES[placesFor(unit)]!.format(Math.abs(gap));
  if (unit === 'percent') return `${n} ${n === '1.0' ? 'point' : 'points'}`;
  if (unit === 'days') return `${n} ${n === '1' ? 'day' : 'days'}`;
  return n;
}

const monthName = (date: string): string => MONTH_YEAR.format(new Date(`${date}T00:00:00Z`));

/** "Red: 3.1 points below the 70% target", "Amber: …, within the 3-point tolerance", "Green: meets the 70% target". */
export function ragReason(measure: Pick<Measure, 'unit' | 'polarity' | 'amberBand'>, rag: Rag, value: number, target: number): string {
  const gap = value - target;
  const targetText = `the ${formatValue(measure.unit, target)} target`;
  const rounded = roundFor(measure.unit, Math.abs(gap)) ?? 0;
  if (rounded === 0) return `${RAG_WORDS[rag]}: meets ${targetText}`;
  const side = gap > 0 ? 'above' : 'below';
  const tolerance = rag === 'A' && measure.amberBand !== null ? `, within the ${formatGap(measure.unit, measure.amberBand).replace(/ points?$/, '-point')} tolerance` : '';
  return `${RAG_WORDS[rag]}: ${formatGap(measure.unit, gap)} ${side} ${targetText}${tolerance}`;
}

function direction(polarity: Polarity, unit: Unit, now: number, then: number): Direction {
  const change = (roundFor(unit, now) ?? 0) - (roundFor(unit, then) ?? 0);
  if (Math.abs(change) < 1e-9) return 'no change';
  if (polarity === 'neither') return change > 0 ? 'up' : 'down';
  return (change > 0) === (polarity === 'higher is better') ? 'better' : 'worse';
}

function compare(measure: Measure, current: ShownFigure | null, earlier: ShownFigure | undefined, label: string): Comparison | null {
  if (!earlier) return null;
  const canCompare = current !== null && current.value !== null && earlier.value !== null;
  const dir = canCompare ? direction(measure.polarity, measure.unit, current.value!, earlier.value!) : null;
  const words =
    dir === null
      ? null
      : `${dir === 'no change' ? 'No change from' : dir === 'up' ? 'Up from' : dir === 'down' ? 'Down from' : dir === 'better' ? 'Better than' : 'Worse than'} ${label} (${formatValue(measure.unit, earlier.value)})`;
  return { periodEnd: earlier.periodEnd, figure: earlier, change: canCompare ? current.value! - earlier.value! : null, direction: dir, words };
}

/** yyyy-mm-dd twelve months earlier, at its month end. */
const yearEarlier = (date: string): string => monthEnd(`${Number(date.slice(0, 4)) - 1}${date.slice(4, 8)}01`);

/** The DfE's year a period falls in: the year ending 31 March. */
export const collectionYear = (date: string): number => Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 4 ? 1 : 0);

/** One measure read at a date from its stored values (no breakdown), targets and benchmarks. */
export function readMeasure(
  measure: Measure,
  values: readonly StoredValue[],
  targets: readonly TargetView[],
  benchmarks: readonly BenchmarkView[],
  asAt: string,
  reader: Reader,
  quartiles: readonly YearQuartiles[] = [],
): MeasureReading {
  const months = values.filter((v) => v.window === 'month');
  const window: 'month' | 'year' = months.length > 0 || values.every((v) => v.window !== 'year') ? 'month' : 'year';
  const own = (window === 'month' ? months : values.filter((v) => v.window === 'year')).filter((v) => v.periodEnd <= asAt);
  const latest = own.at(-1);
  const current = latest ? shown(measure.unit, latest, reader) : null;
  const hidden = current?.symbol === 'c';
  const target = latest ? (targetOn(targets, latest.periodEnd) ?? null) : null;
  const rag = latest && !hidden ? ragFor(latest.value, target?.value, measure.polarity, measure.amberBand) : null;

  let ytd: ShownFigure | null = null;
  let rolling12: ShownFigure | null = null;
  if (latest && window === 'month' && measure.source !== 'ssda903') {
    const monthly = monthIndex(own.map((v) => ({ periodEnd: v.periodEnd, numerator: v.numerator, denominator: v.denominator })));
    const y = windowFigure(measure.unit, monthly, 'ytd', latest.periodEnd);
    const r = windowFigure(measure.unit, monthly, 'rolling12', latest.periodEnd);
    ytd = shown(measure.unit, { ...y, symbol: null }, reader);
    rolling12 = r.value === null ? null : shown(measure.unit, { ...r, symbol: null }, reader);
  }

  const byEnd = new Map(own.map((v) => [v.periodEnd, v]));
  const earlier = (end: string | undefined): ShownFigure | undefined => {
    const v = end === undefined ? undefined : byEnd.get(end);
    return v ? shown(measure.unit, v, reader) : undefined;
  };
  const previousEnd = own.at(-2)?.periodEnd;
  const previous = latest ? compare(measure, current, earlier(previousEnd), previousEnd === undefined ? '' : window === 'month' ? monthName(previousEnd) : `March ${previousEnd.slice(0, 4)}`) : null;
  const lastYearEnd = latest && window === 'month' ? yearEarlier(latest.periodEnd) : undefined;
  const lastYear = lastYearEnd !== undefined ? compare(measure, current, earlier(lastYearEnd), monthName(lastYearEnd)) : null;

  const year = latest ? collectionYear(latest.periodEnd) : collectionYear(asAt);
  const plain = benchmarks.filter((b) => b.breakdown === null);
  const chosen = COMPARATORS.flatMap((c) => {
    // The newest year not after the figure's; when every published year is later (an old return),
    // the nearest one, which its label names.
    const b = yearFor(plain.filter((x) => x.comparator === c), year);
    if (!b) return [];
    return [{ ...b, label: `${b.name} ${yearEndingLabel(b.timePeriod)}` }];
  });

  return {
    measure,
    group: groupOf(measure.code),
    quartile: latest && !hidden && latest.value !== null ? quartileOf(measure, latest.value, year, quartiles) : null,
    asAt,
    window,
    current,
    note: latest?.note ?? null,
    ytd,
    rolling12,
    target,
    rag,
    ragWord: rag === null ? null : RAG_WORDS[rag],
    ragReason: rag === null || target === null || latest?.value == null ? null : ragReason(measure, rag, latest.value, target.value),
    previous,
    lastYear,
    history: own.slice(-13).map((v) => shown(measure.unit, v, reader)),
    benchmarks: chosen,
  };
}

/** The year a figure is compared with: the newest published not after its own, else the earliest. */
function yearFor<T extends { timePeriod: number }>(rows: readonly T[], year: number): T | undefined {
  const sorted = [...rows].sort((a, b) => a.timePeriod - b.timePeriod);
  return sorted.filter((x) => x.timePeriod <= year).at(-1) ?? sorted[0];
}

/** The figure's quartile band among the published year's authorities (the year chosen as for benchmarks). */
export function quartileOf(measure: Pick<Measure, 'code' | 'polarity'>, value: number, year: number, quartiles: readonly YearQuartiles[]): QuartileReading | null {
  const q = yearFor(quartiles.filter((x) => x.measureCode === measure.code), year);
  if (!q) return null;
  const band = quartileBand(value, q, measure.polarity);
  if (band === null) return null;
  return { band, authorities: q.authorities, timePeriod: q.timePeriod, words: `Quartile ${band} (${QUARTILE_WORDS[band]} of ${q.authorities} authorities, ${yearEndingLabel(q.timePeriod)})` };
}

/** The reader for a context: the command line (no role) and analysts see small numbers. */
export function readerFor(role: string | undefined, threshold: number | undefined): Reader {
  return { seesSmallNumbers: role === undefined || role === 'analyst', threshold: threshold ?? DEFAULT_SUPPRESSION_THRESHOLD };
}
