// A measure's changes in words — "Target changed from 70% to 72% from 1 April 2026 (2026/27)" — and
// its targets grouped as in force, coming and past, for the measure page and the analyst's pages.
import type { Unit } from '../../measures/index.ts';
import type { FigureFacts, MeasureChange, TargetFacts } from '../../services/measure-changes.ts';
import { formatValue } from '../../services/measure-reading.ts';
import type { TargetView } from '../../services/measure.service.ts';
import { formatDate, formatDateTime } from '../view.ts';
import { partsOf } from '../kit/measure-figures.ts';

// Made once: toLocaleString with options builds a formatter on every call, and every measure page says its band.
const BAND = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** The amber band in the measure's own unit: "2 percentage points", "5 per 10,000", "10 days". */
export function bandText(unit: Unit, band: number | null): string {
  if (band === null || band === 0) return 'none: any miss is red';
  const n = BAND.format(band);
  if (unit === 'percent') return `${n} percentage ${band === 1 ? 'point' : 'points'}`;
  if (unit === 'rate per 10,000') return `${n} per 10,000 children`;
  if (unit === 'days') return `${n} ${band === 1 ? 'day' : 'days'}`;
  if (unit === 'score') return `${n} ${band === 1 ? 'point' : 'points'} of the score`;
  return `${n} (a count)`;
}

/** What the band is measured in, for the form's hint. */
export function bandUnitWords(unit: Unit): string {
  if (unit === 'percent') return 'percentage points (a 70% target with a 2-point band: 68% to just under 70% is amber)';
  if (unit === 'rate per 10,000') return 'children per 10,000 (the rate’s own unit)';
  if (unit === 'days') return 'days';
  if (unit === 'score') return 'points of the score';
  return 'the count itself (children or incidents)';
}

const span = (unit: Unit, t: TargetFacts): string =>
  `${formatValue(unit, t.value)} from ${formatDate(t.effectiveFrom)}${t.effectiveTo === null ? '' : ` to ${formatDate(t.effectiveTo)}`}${t.label === '' ? '' : ` (${t.label})`}`;

const figureWords = (unit: Unit, f: FigureFacts): string => {
  const value = formatValue(unit, f.value);
  const parts = unit === 'count' || f.denominator === null ? '' : ` (${partsOf(unit, f.numerator, f.denominator)})`;
  return `${value}${parts}`;
};

/** The change in words, without who and when. */
export function changeWords(unit: Unit, c: MeasureChange): string {
  switch (c.kind) {
    case 'target-added': {
      const targets = c.after.targets;
      const first = targets[0]!;
      if (targets.length === 1) {
        return c.before === null ? `Target set at ${span(unit, first)}` : `Target changed from ${formatValue(unit, c.before.value)} to ${span(unit, first)}`;
      }
      const steps = targets.map((t) => `${formatValue(unit, t.value)} from ${formatDate(t.effectiveFrom)}`).join(', ');
      const end = targets.at(-1)!.effectiveTo;
      return `${c.before === null ? 'Staged target set' : `Target changed from ${formatValue(unit, c.before.value)} to a staged target`}: ${steps}${end === null ? '' : `, until ${formatDate(end)}`}`;
    }
    case 'target-ended':
      return `Target of ${formatValue(unit, c.before.value)}${c.before.label === '' ? '' : ` (${c.before.label})`} ended: last in force on ${formatDate(c.after.effectiveTo)}`;
    case 'tolerance-changed': {
      const was = c.before.amberBand;
      const now = c.after.amberBand;
      if (was === null || was === 0) return `Amber band set at ${bandText(unit, now)}`;
      if (now === null || now === 0) return `Amber band removed (it was ${bandText(unit, was)}): any miss is red`;
      return `Amber band changed from ${bandText(unit, was)} to ${bandText(unit, now)}`;
    }
    case 'value-entered':
      return c.before === null
        ? `Figure for ${formatDate(c.after.periodEnd)} entered: ${figureWords(unit, c.after)}`
        : `Figure for ${formatDate(c.after.periodEnd)} changed from ${figureWords(unit, c.before)} to ${figureWords(unit, c.after)}`;
  }
}

export interface ChangeLine {
  words: string;
  by: string;
  at: string;
  reason: string;
}

/** Every change, newest first, with who made it, when and why. */
export const changeLines = (unit: Unit, changes: readonly MeasureChange[], kinds?: readonly MeasureChange['kind'][]): ChangeLine[] =>
  changes
    .filter((c) => kinds === undefined || kinds.includes(c.kind))
    .map((c) => ({ words: changeWords(unit, c), by: c.by, at: formatDateTime(c.at), reason: c.reason }))
    .reverse();

export interface TargetRow {
  id: number;
  value: string;
  from: string;
  to: string;
  kind: string;
  reason: string;
  setBy: string;
  /** A target that is not yet over can be ended. */
  mayEnd: boolean;
}

/** Targets in force today, coming (taking effect later) and past (ended before today). */
export function targetGroups(unit: Unit, targets: readonly TargetView[], today: string): { inForce: TargetRow[]; coming: TargetRow[]; past: TargetRow[] } {
  const row = (t: TargetView): TargetRow => ({
    id: t.id,
    value: formatValue(unit, t.value),
    from: formatDate(t.effectiveFrom),
    to: t.effectiveTo === null ? 'Until a later target' : formatDate(t.effectiveTo),
    kind: t.staged ? `Staged (${t.label})` : t.label === '' ? 'Target' : `Annual (${t.label})`,
    reason: t.reason,
    setBy: `${t.setBy}, ${formatDateTime(t.setAt)}`,
    mayEnd: t.effectiveTo === null || t.effectiveTo >= today,
  });
  return {
    inForce: targets.filter((t) => t.effectiveFrom <= today && (t.effectiveTo === null || t.effectiveTo >= today)).map(row),
    coming: targets.filter((t) => t.effectiveFrom > today).map(row),
    past: targets.filter((t) => t.effectiveTo !== null && t.effectiveTo < today).map(row),
  };
}
