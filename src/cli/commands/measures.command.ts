// parentis measures: the measure library with each measure's latest value, target, RAG and benchmarks.
import type { Command } from 'commander';
import { formatValue } from '../../services/measure-reading.ts';
import type { BenchmarkView, MeasureSummary } from '../../services/measure.service.ts';

/** A figure as the pages write it ("67.5%", "45 per 10,000"); nothing where there is none. */
const fmt = (value: number | null, unit: MeasureSummary['unit']): string => (value === null ? '' : formatValue(unit, value));
import { listCommand } from '../list-command.ts';

const bench = (m: MeasureSummary, comparator: string): string => {
  const b: BenchmarkView | undefined = m.benchmarks.find((x) => x.comparator === comparator);
  if (!b) return '';
  return `${b.value === null ? (b.symbol ?? '') : fmt(b.value, m.unit)} (${b.timePeriod})`;
};

export function register(program: Command): void {
  listCommand<MeasureSummary, { code?: string }>(program, {
    name: 'measures',
    description: 'the measure library: latest value, target, RAG and benchmarks (England, region, statistical neighbours, authorities judged good)',
    options: (cmd) => cmd.option('--code <code>', 'one measure'),
    load: ({ app, ctx }, opts) => app.services.measures.list(ctx, { code: opts.code }),
    columns: () => [
      { header: 'Code', value: (m) => m.code, width: 24 },
      { header: 'Title', value: (m) => m.title, width: 36 },
      { header: 'As at', value: (m) => m.latest?.periodEnd },
      { header: 'Value', value: (m) => (m.latest ? fmt(m.latest.value, m.unit) : '') },
      { header: 'Num / den', value: (m) => (m.latest && m.latest.denominator !== null ? `${m.latest.numerator} / ${m.latest.denominator}` : (m.latest?.numerator ?? '')) },
      { header: 'Target', value: (m) => (m.target ? fmt(m.target.value, m.unit) : '') },
      { header: 'RAG', value: (m) => m.rag },
      { header: 'England', value: (m) => bench(m, 'england') },
      { header: 'Region', value: (m) => bench(m, 'region') },
      { header: 'SN mean', value: (m) => bench(m, 'sn-mean') },
      { header: 'SN median', value: (m) => bench(m, 'sn-median') },
      { header: 'Judged good', value: (m) => bench(m, 'judged-good') },
    ],
    json: (m) => ({
      code: m.code,
      title: m.title,
      description: m.description,
      numerator: m.numerator,
      denominator: m.denominator,
      unit: m.unit,
      polarity: m.polarity,
      frequency: m.frequency,
      source: m.source,
      amberBand: m.amberBand,
      version: m.version,
      latest: m.latest,
      target: m.target,
      rag: m.rag,
      benchmarks: m.benchmarks,
    }),
  });
}
