// BRAG status: Blue (complete / business as usual), Red, Amber, Green; ordering and trend.
import { z } from 'zod';

export const BRAG = ['B', 'R', 'A', 'G'] as const;
export type Brag = (typeof BRAG)[number];
export const bragSchema = z.enum(BRAG, { message: 'status must be one of B, R, A, G' });

export const BRAG_LABEL: Record<Brag, string> = { B: 'Blue', R: 'Red', A: 'Amber', G: 'Green' };

/** Worst to best: a move up this list is an improvement. Blue is complete, the best place to be. */
const RANK: Record<Brag, number> = { R: 0, A: 1, G: 2, B: 3 };

export type Trend = 'improved' | 'worsened' | 'unchanged' | 'new' | 'none';

/** Trend from the status at one date to the status at a later date. */
export function statusTrend(from: Brag | null, to: Brag | null): Trend {
  if (to === null) return 'none';
  if (from === null) return 'new';
  const d = RANK[to] - RANK[from];
  return d > 0 ? 'improved' : d < 0 ? 'worsened' : 'unchanged';
}

export function parseBrag(value: string): Brag {
  const v = value.trim().toUpperCase();
  const byName: Record<string, Brag> = { BLUE: 'B', RED: 'R', AMBER: 'A', GREEN: 'G' };
  const found = (BRAG as readonly string[]).includes(v) ? (v as Brag) : byName[v];
  if (!found) throw new RangeError(`"${value}" is not a BRAG status: use B, R, A or G (Blue, Red, Amber, Green)`);
  return found;
}

export interface BragCounts { B: number; R: number; A: number; G: number; none: number }
export const emptyCounts = (): BragCounts => ({ B: 0, R: 0, A: 0, G: 0, none: 0 });
