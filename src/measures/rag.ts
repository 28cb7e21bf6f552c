// Red, amber or green against a target, through the measure's polarity and its amber tolerance band.
import type { Polarity } from './values.ts';

export type Rag = 'R' | 'A' | 'G';

/**
 * G when the value meets the target in the direction that is better; A when it misses by no more than
 * the amber band (in the measure's own unit, e.g. 2 percentage points); R beyond that. No RAG for a
 * measure without a better direction, or without a value or target.
 */
export function ragFor(value: number | null, target: number | null | undefined, polarity: Polarity, amberBand: number | null = 0): Rag | null {
  if (value === null || target === null || target === undefined || polarity === 'neither') return null;
  const shortfall = polarity === 'higher is better' ? target - value : value - target;
  // Figures are compared at a fixed precision so 66.66666 against a 66.67 target is not a miss by rounding.
  const miss = Math.round(shortfall * 1e6) / 1e6;
  if (miss <= 0) return 'G';
  if (miss <= (amberBand ?? 0)) return 'A';
  return 'R';
}
