// Comparator figures from several authorities: the statistical-neighbour mean and median, leaving out
// authorities whose figure is suppressed or missing (never counting a symbol as zero).

export interface Summary {
  value: number | null;
  /** How many authorities had a figure. */
  authorities: number;
}

export function mean(values: readonly (number | null)[]): Summary {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { value: null, authorities: 0 };
  return { value: xs.reduce((a, b) => a + b, 0) / xs.length, authorities: xs.length };
}

export function median(values: readonly (number | null)[]): Summary {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { value: null, authorities: 0 };
  const mid = Math.floor(xs.length / 2);
  const value = xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { value, authorities: xs.length };
}
