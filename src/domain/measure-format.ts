// How a measure's figure is written wherever people read it (pages and the command line alike).

/** A value in the measure's unit: percentages and scores to one decimal place, everything else whole. */
export function formatMeasureValue(value: number | null, unit: string): string {
  if (value === null) return '';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  if (unit === 'score') return value.toFixed(1);
  return String(Math.round(value));
}
