// The measure page's view: the trend chart (figures, the target step and benchmark lines) with the
// table behind it, year to date beside rolling 12 months, breakdowns, the definition in plain words,
// and the rows the CSV and .xlsx downloads hold (with "c" for a small number, as on the page).
import { onceEach } from '../../domain/collections.ts';
import { renderSvg, trendSpec } from '../../charts/charts.ts';
import { roundFor, targetOn, type Unit } from '../../measures/index.ts';
import { formatValue, type ShownFigure } from '../../services/measure-reading.ts';
import type { MeasurePage } from '../../services/measure.service.ts';
import { figureText, partsText } from '../kit/measure-figures.ts';
import { formatCount, formatDate } from '../view.ts';

export interface SeriesRow {
  periodEnd: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  target: string;
  hidden: boolean;
  markedSmall: boolean;
  commentary: string;
}

const count = (f: ShownFigure, which: 'numerator' | 'denominator'): string => {
  if (f.symbol === 'c') return 'c';
  const v = f[which];
  return v === null ? '' : formatCount(v);
};

// A measure's page is worked out once per change of its figures and shared by every request (see
// MeasureService), so its table and chart are made once with it.

/** The table of every period; the same rows for every request while the figures stay the same. */
export const seriesRows: (page: MeasurePage) => readonly SeriesRow[] = onceEach(makeSeriesRows);

function makeSeriesRows(page: MeasurePage): SeriesRow[] {
  const unit = page.reading.measure.unit;
  const notes = new Map(page.commentary.map((c) => [c.periodEnd, c.body]));
  return page.series.map((f) => {
    const t = targetOn(page.targets, f.periodEnd);
    return {
      periodEnd: f.periodEnd,
      period: page.reading.window === 'year' ? `Year to ${formatDate(f.periodEnd)}` : formatDate(f.periodEnd),
      value: figureText(unit, f),
      numerator: count(f, 'numerator'),
      denominator: unit === 'count' ? '' : count(f, 'denominator'),
      target: t ? formatValue(unit, t.value) : '',
      hidden: f.symbol === 'c',
      markedSmall: f.suppressed && f.symbol !== 'c',
      commentary: notes.get(f.periodEnd) ?? '',
    };
  });
}

/** The trend chart: the figures over time, the target as a dashed step line, the latest benchmarks as reference lines. */
export const trendChart: (page: MeasurePage) => ReturnType<typeof drawTrendChart> = onceEach(drawTrendChart);

async function drawTrendChart(page: MeasurePage): Promise<{ svg: string; name: string; description: string } | null> {
  const r = page.reading;
  const unit: Unit = r.measure.unit;
  const points = page.series.map((f) => ({ periodEnd: f.periodEnd, value: f.symbol === 'c' ? null : f.value, noted: page.seriesNotes.has(f.periodEnd) }));
  if (points.filter((p) => p.value !== null).length < 2) return null;
  const targets = page.series.map((f) => ({ periodEnd: f.periodEnd, value: targetOn(page.targets, f.periodEnd)?.value ?? null }));
  // A count's benchmarks are other places' totals (England's 81,770 beside an authority's 520): as lines they would
  // flatten the authority's own figures to the axis, so they stay in the benchmarks table; rates and shares are drawn.
  const lines =
    unit === 'count' ? [] : r.benchmarks.filter((b) => b.value !== null && ['england', 'region', 'sn-mean'].includes(b.comparator)).map((b) => ({ label: b.label, value: b.value! }));
  const visible = page.series.filter((f) => f.symbol !== 'c' && f.value !== null);
  const first = visible[0]!;
  const last = visible.at(-1)!;
  const name = `${r.measure.title}: trend${targets.some((t) => t.value !== null) ? ' with target' : ''}${lines.length > 0 ? ' and benchmarks' : ''}`;
  const description = [
    `From ${figureText(unit, first)} at ${formatDate(first.periodEnd)} to ${figureText(unit, last)} at ${formatDate(last.periodEnd)}, over ${page.series.length} periods${visible.length < page.series.length ? ' (small numbers not shown)' : ''}.`,
    r.target ? `The target is ${formatValue(unit, r.target.value)} (the dashed line).` : '',
    lines.length > 0 ? `Reference lines: ${lines.map((l) => `${l.label} ${formatValue(unit, l.value)}`).join('; ')}.` : '',
    page.seriesNotes.size > 0 ? `${page.seriesNotes.size === 1 ? '1 figure carries' : `${page.seriesNotes.size} figures carry`} a note (an open circle on the chart; the download gives the note beside the figure), from ${formatDate([...page.seriesNotes.keys()][0]!)}: ${[...page.seriesNotes.values()][0]}.` : '',
    'The table below the chart gives every figure.',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const svg = await renderSvg(trendSpec({ title: r.measure.title, description, unit: unitLabel(unit), points, targets: targets.some((t) => t.value !== null) ? targets : [], lines }), name);
  return { svg, name, description };
}

export const unitLabel = (unit: Unit): string => (unit === 'percent' ? 'Per cent' : unit === 'rate per 10,000' ? 'Per 10,000 children' : unit === 'days' ? 'Days' : unit === 'score' ? 'Score' : 'Number');

/** The download's rows: a header, then one row per period; a small number is "c", as on the page. */
export function downloadRows(page: MeasurePage): (string | number | null)[][] {
  const unit = page.reading.measure.unit;
  const rows: (string | number | null)[][] = [['measure', 'period_end', 'window', 'value', 'numerator', 'denominator', 'target', 'commentary', 'note']];
  const notes = new Map(page.commentary.map((c) => [c.periodEnd, c.body]));
  for (const f of page.series) {
    const hidden = f.symbol === 'c';
    rows.push([
      page.reading.measure.code,
      f.periodEnd,
      page.reading.window,
      hidden ? 'c' : f.value === null ? (f.symbol ?? null) : roundFor(unit, f.value),
      hidden ? 'c' : f.numerator,
      hidden ? 'c' : unit === 'count' ? null : f.denominator,
      targetOn(page.targets, f.periodEnd)?.value ?? null,
      notes.get(f.periodEnd) ?? null,
      page.seriesNotes.get(f.periodEnd) ?? null,
    ]);
  }
  return rows;
}

export { partsText };
