// The measure library page's rows: each measure's latest figure, target, RAG and benchmarks as the
// command line's `parentis measures` shows them, with small numbers suppressed.
import type { BenchmarkView, MeasureSummary } from '../../services/measure.service.ts';
import { formatValue, shown, type Reader } from '../../services/measure-reading.ts';
import { measurePath } from '../kit/paths.ts';

export const COMPARATORS = [
  { key: 'england', heading: 'England' },
  { key: 'region', heading: 'Region' },
  { key: 'sn-mean', heading: 'Statistical neighbours (mean)' },
  { key: 'sn-median', heading: 'Statistical neighbours (median)' },
  { key: 'judged-good', heading: 'Authorities judged good' },
] as const;

/** What the page shows for a suppressed figure, and says to a screen reader, under the authority's threshold. */
export const suppressedFigure = (threshold: number): Figure => ({ text: '[c]', hidden: `suppressed: fewer than ${threshold}` });

export interface Figure {
  text: string;
  /** Read to screen readers after the text (a suppressed figure's reason, a benchmark's year). */
  hidden?: string;
}

export interface MeasureRowView {
  code: string;
  title: string;
  href: string;
  unit: string;
  source: string;
  asAt: string | null;
  value: Figure | null;
  counts: Figure | null;
  target: string | null;
  targetLabel: string | null;
  rag: string | null;
  benchmarks: { heading: string; figure: Figure | null }[];
}


function benchmarkFigure(m: MeasureSummary, comparator: string): Figure | null {
  const b: BenchmarkView | undefined = m.benchmarks.find((x) => x.comparator === comparator);
  if (!b) return null;
  const text = b.value === null ? (b.symbol ?? '') : formatValue(m.unit, b.value);
  return { text: `${text} (${b.timePeriod})` };
}

/**
 * The rows as this reader may see them: a figure that reveals a small number (the services' rule and
 * the authority's threshold) is "[c]" for everyone but analysts, who see it marked as a small number.
 */
export function measureRows(measures: MeasureSummary[], reader: Reader): MeasureRowView[] {
  return measures.map((m) => {
    const latest = m.latest;
    // A count kept as a value alone is its own numerator.
    const figure = latest === null ? null : shown(m.unit, { ...latest, numerator: latest.numerator ?? (m.unit === 'count' ? latest.value : null), symbol: latest.symbol ?? null }, reader);
    const hidden = figure !== null && figure.suppressed && !reader.seesSmallNumbers;
    const marked = figure !== null && figure.suppressed && reader.seesSmallNumbers ? { hidden: 'small number: shown to analysts only' } : {};
    let value: Figure | null = null;
    let counts: Figure | null = null;
    if (latest !== null) {
      value = hidden ? suppressedFigure(reader.threshold) : { text: latest.value === null ? (latest.symbol ?? '') : formatValue(m.unit, latest.value), ...marked };
      if (latest.denominator !== null) counts = hidden ? suppressedFigure(reader.threshold) : { text: `${latest.numerator ?? ''} of ${latest.denominator}`, ...marked };
    }
    return {
      code: m.code,
      title: m.title,
      href: measurePath(m.code),
      unit: m.unit,
      source: m.source,
      asAt: latest?.periodEnd ?? null,
      value,
      counts,
      target: m.target ? formatValue(m.unit, m.target.value) : null,
      targetLabel: m.target?.label ?? null,
      // A RAG worked out from a suppressed figure would tell what it is near.
      rag: hidden ? null : m.rag,
      benchmarks: COMPARATORS.map((c) => ({ heading: c.heading, figure: benchmarkFigure(m, c.key) })),
    };
  });
}
