// Small numbers: a count below the authority's threshold, or any figure that would reveal one (a
// percentage of a small group, or one whose complement is small), is shown as the DfE's "c".
import type { Unit } from './values.ts';

/** The DfE's own threshold: counts of 1 to 4 are suppressed. An authority may set its own. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

const small = (n: number | null, threshold: number): boolean => n !== null && n > 0 && n < threshold;

/**
 * Whether publishing this figure would reveal a number from 1 to threshold − 1: the count itself; a
 * percentage's numerator, denominator or the difference between them (which gives away the rest); an
 * average's number of cases. A rate per 10,000 has a population as denominator, so only its numerator.
 * Zero is not small: it identifies nobody.
 */
export function revealsSmallNumber(unit: Unit, numerator: number | null, denominator: number | null, threshold: number): boolean {
  if (unit === 'count' || unit === 'rate per 10,000') return small(numerator, threshold);
  if (unit === 'days' || unit === 'score') return small(denominator, threshold);
  if (small(numerator, threshold) || small(denominator, threshold)) return true;
  return numerator !== null && denominator !== null && small(denominator - numerator, threshold);
}
