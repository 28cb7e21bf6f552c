// Benchmarks for one authority from the DfE's published figures: England, its region, and the mean
// and median of its statistical neighbours' published figures, per indicator, year and breakdown.
import { mean, median } from './benchmarks.ts';
import type { DfeFigure } from './dfe-tables.ts';
import type { DfeSymbol } from './values.ts';

export type Comparator = 'england' | 'region' | 'sn-mean' | 'sn-median' | 'judged-good';

export interface BenchmarkFigure {
  measureCode: string;
  indicatorKey: string;
  comparator: Comparator;
  comparatorName: string;
  timePeriod: number;
  breakdownDimension: string;
  breakdownCategory: string;
  value: number | null;
  symbol: DfeSymbol | null;
  /** Authorities behind a mean or median. */
  authorities: number | null;
}

export interface ComparatorGroups {
  regionCode: string;
  regionName: string;
  /** 3-digit codes of the statistical neighbours (empty: no neighbour figures). */
  neighbours: string[];
  /** 3-digit codes of authorities judged good or outstanding (empty: none). */
  judgedGood?: string[];
}

const key = (f: DfeFigure): string => [f.code, f.timePeriod, f.breakdown?.dimension ?? '', f.breakdown?.category ?? ''].join('|');

export function benchmarksFor(figures: readonly DfeFigure[], groups: ComparatorGroups): BenchmarkFigure[] {
  const byKey = new Map<string, DfeFigure[]>();
  for (const f of figures) {
    const k = key(f);
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  const neighbours = new Set(groups.neighbours);
  const good = new Set(groups.judgedGood ?? []);
  const out: BenchmarkFigure[] = [];
  for (const list of byKey.values()) {
    const first = list[0]!;
    const base = {
      measureCode: first.code,
      indicatorKey: first.indicatorKey,
      timePeriod: first.timePeriod,
      breakdownDimension: first.breakdown?.dimension ?? '',
      breakdownCategory: first.breakdown?.category ?? '',
    };
    const england = list.find((f) => f.level === 'National');
    if (england) out.push({ ...base, comparator: 'england', comparatorName: 'England', value: england.value.value, symbol: england.value.symbol, authorities: null });
    const region = list.find((f) => f.level === 'Regional' && f.regionCode === groups.regionCode);
    if (region) out.push({ ...base, comparator: 'region', comparatorName: region.regionName, value: region.value.value, symbol: region.value.symbol, authorities: null });
    const group = (codes: Set<string>, comparator: 'sn-mean' | 'sn-median' | 'judged-good', name: string, summarise: typeof mean): void => {
      if (codes.size === 0) return;
      const values = list.filter((f) => f.level === 'Local authority' && codes.has(f.oldLaCode)).map((f) => f.value.value);
      const s = summarise(values);
      out.push({ ...base, comparator, comparatorName: name, value: s.value, symbol: s.value === null ? 'x' : null, authorities: s.authorities });
    };
    group(neighbours, 'sn-mean', 'Statistical neighbours (mean)', mean);
    group(neighbours, 'sn-median', 'Statistical neighbours (median)', median);
    group(good, 'judged-good', 'Authorities judged good or outstanding (mean)', mean);
  }
  return out;
}
