// Targets in force on a date: annual targets (1 April to 31 March) and staged targets that step
// towards an end goal, each effective from a date until the next one (or its own end date).
import { yearEndingLabel } from '../domain/reporting-periods.ts';

export interface Target {
  effectiveFrom: string;
  effectiveTo: string | null;
  value: number;
  staged: boolean;
  label: string;
}

/**
 * The target in force on a date: among those whose span covers it, the one that took effect last
 * (a staged step replaces the step before it). Undefined when none covers the date.
 */
export function targetOn<T extends Target>(targets: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const t of targets) {
    if (t.effectiveFrom > date) continue;
    if (t.effectiveTo !== null && t.effectiveTo < date) continue;
    if (best === undefined || t.effectiveFrom > best.effectiveFrom) best = t;
  }
  return best;
}

/** An annual target for the financial year ending 31 March of `yearEnding`. */
export function annualTarget(yearEnding: number, value: number, label = yearEndingLabel(yearEnding)): Target {
  return { effectiveFrom: `${yearEnding - 1}-04-01`, effectiveTo: `${yearEnding}-03-31`, value, staged: false, label };
}

/** Staged targets: each step runs from its date until the day before the next step; the last is open-ended unless `end` is given. */
export function stagedTargets(steps: readonly { from: string; value: number; label?: string }[], end: string | null = null): Target[] {
  const sorted = [...steps].sort((a, b) => a.from.localeCompare(b.from));
  return sorted.map((s, i) => {
    const next = sorted[i + 1];
    return {
      effectiveFrom: s.from,
      effectiveTo: next === undefined ? end : dayBefore(next.from),
      value: s.value,
      staged: true,
      label: s.label ?? `stage ${i + 1}`,
    };
  });
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
