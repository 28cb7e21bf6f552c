// The DfE quartile band of a figure among every authority's published figures for a year, as LAIT
// computes it (DfE's LA Interactive Tool, `calculate_quartile_band`): the quartile points are R's
// default quantiles (type 7) of the authorities with a figure, suppressed ones left out; A is the
// best quarter by the measure's polarity, D the worst; a figure on a quartile point falls in the
// quarter below it (by value).
import type { DfeFigure } from './dfe-tables.ts';
import type { Polarity } from './values.ts';

export type QuartileBand = 'A' | 'B' | 'C' | 'D';

export interface QuartilePoints {
  /** The lowest figure, the lower quartile, the median, the upper quartile and the highest figure. */
  q0: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  /** How many authorities had a figure. */
  authorities: number;
}

/** The fewest authorities a band is given among: fewer figures do not make quarters. */
export const MIN_QUARTILE_AUTHORITIES = 4;

/** R's quantile type 7 of sorted figures at p (0 to 1). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The quartile points of the figures given (null and non-finite ones left out); null with too few. */
export function quartilePoints(values: readonly (number | null)[]): QuartilePoints | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length < MIN_QUARTILE_AUTHORITIES) return null;
  return { q0: xs[0]!, q1: quantile(xs, 0.25), q2: quantile(xs, 0.5), q3: quantile(xs, 0.75), q4: xs.at(-1)!, authorities: xs.length };
}

/**
 * The band of a figure: by value, up to the lower quartile is the first quarter, then up to the
 * median, up to the upper quartile, and above it; for "lower is better" the first quarter is A, for
 * "higher is better" it is D. A figure outside the published range takes the quarter at that end.
 * None for a measure with no better direction.
 */
export function quartileBand(value: number, points: QuartilePoints, polarity: Polarity): QuartileBand | null {
  if (polarity === 'neither') return null;
  // Compared at a fixed precision, so a figure equal to a quartile point is not pushed up by rounding.
  const v = Math.round(value * 1e6) / 1e6;
  const at = (q: number): number => Math.round(q * 1e6) / 1e6;
  const quarter = v <= at(points.q1) ? 0 : v <= at(points.q2) ? 1 : v <= at(points.q3) ? 2 : 3;
  const bands: QuartileBand[] = polarity === 'lower is better' ? ['A', 'B', 'C', 'D'] : ['D', 'C', 'B', 'A'];
  return bands[quarter]!;
}

export const QUARTILE_WORDS: Record<QuartileBand, string> = {
  A: 'best quarter',
  B: 'second best quarter',
  C: 'third best quarter',
  D: 'worst quarter',
};

export interface YearQuartiles extends QuartilePoints {
  measureCode: string;
  timePeriod: number;
}

/**
 * For each indicator and year, the quartile points of the authorities' own figures (no breakdown):
 * an authority appearing twice in a year counts once, with its first figure.
 */
export function quartilesFor(figures: readonly DfeFigure[]): YearQuartiles[] {
  const groups = new Map<string, { code: string; year: number; byLa: Map<string, number | null> }>();
  for (const f of figures) {
    if (f.level !== 'Local authority' || f.breakdown !== null) continue;
    const k = `${f.code}|${f.timePeriod}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { code: f.code, year: f.timePeriod, byLa: new Map() }));
    if (!g.byLa.has(f.oldLaCode)) g.byLa.set(f.oldLaCode, f.value.value);
  }
  const out: YearQuartiles[] = [];
  for (const g of groups.values()) {
    const points = quartilePoints([...g.byLa.values()]);
    if (points) out.push({ measureCode: g.code, timePeriod: g.year, ...points });
  }
  return out.sort((a, b) => a.measureCode.localeCompare(b.measureCode) || a.timePeriod - b.timePeriod);
}
