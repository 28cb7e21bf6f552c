// Figures as measures hold them: a value worked out from numerator and denominator by the unit, and
// the DfE's symbols for figures that are suppressed or missing, which are kept and never read as zero.

export const UNITS = ['percent', 'rate per 10,000', 'count', 'days', 'score'] as const;
export type Unit = (typeof UNITS)[number];

export const POLARITIES = ['higher is better', 'lower is better', 'neither'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** c suppressed · k rounds to zero (under 0.5%) · x not available · z not applicable · low (too few to show). */
export const DFE_SYMBOLS = ['c', 'k', 'x', 'z', 'low'] as const;
export type DfeSymbol = (typeof DFE_SYMBOLS)[number];

export interface Figure {
  value: number | null;
  symbol: DfeSymbol | null;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads one published cell: a number, or one of the DfE symbols (kept as the symbol, value null).
 * Thousands separators are tolerated. Anything else is a RangeError naming the cell's text.
 */
export function parseDfeCell(text: string): Figure {
  const t = text.trim();
  const lower = t.toLowerCase();
  if ((DFE_SYMBOLS as readonly string[]).includes(lower)) return { value: null, symbol: lower as DfeSymbol };
  if (t === '') return { value: null, symbol: 'x' };
  const plain = t.replace(/,/g, '');
  if (NUMBER.test(plain)) return { value: Number(plain), symbol: null };
  throw new RangeError(`"${text}" is neither a number nor one of the symbols ${DFE_SYMBOLS.join(', ')}`);
}

/** The value a numerator and denominator give in a unit; null when it cannot be worked out. */
export function valueOf(unit: Unit, numerator: number | null, denominator: number | null): number | null {
  if (numerator === null) return null;
  if (unit === 'count') return numerator;
  if (denominator === null || denominator === 0) return null;
  const ratio = numerator / denominator;
  if (unit === 'percent') return ratio * 100;
  if (unit === 'rate per 10,000') return ratio * 10_000;
  // days and score are averages: the numerator is the total, the denominator the number of cases.
  return ratio;
}

/**
 * Decimal places a figure in this unit is shown with: percentages and average scores to one place; rates,
 * counts and average days to whole numbers (DfE gives the adoption timeliness averages in whole days).
 */
export const placesFor = (unit: Unit): 0 | 1 => (unit === 'percent' || unit === 'score' ? 1 : 0);

/** Rounds for display, to placesFor's decimal places. */
export function roundFor(unit: Unit, value: number | null): number | null {
  if (value === null) return null;
  const f = 10 ** placesFor(unit);
  return Math.round(value * f) / f;
}
