// The measure page's trend chart: benchmark lines drawn for shares and rates but not beside a count, and a figure
// with a note drawn as an open circle, named in the legend and counted in the caption.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MeasurePage } from '../../services/measure.service.ts';
import { trendChart } from './measure-page.view.ts';

function page(unit: string, notes: [string, string][] = []): MeasurePage {
  const series = ['2026-08-31', '2026-09-30', '2026-10-31'].map((periodEnd, i) => ({ periodEnd, numerator: 500 + i, denominator: null, value: 500 + i, symbol: null, suppressed: false }));
  const england = { comparator: 'england', name: 'England', label: 'England 2024/25', timePeriod: 2025, breakdown: null, value: 81_770, symbol: null, authorities: null, indicatorKey: 'cla' };
  return {
    reading: { measure: { code: `m-${unit}`, title: `A ${unit} measure`, unit }, benchmarks: [england], target: null },
    series,
    seriesNotes: new Map(notes),
    targets: [],
  } as unknown as MeasurePage;
}

test('a count is drawn without other places’ totals as lines; a share with them', async () => {
  const count = await trendChart(page('count'));
  assert.doesNotMatch(count!.description, /Reference lines/);
  assert.doesNotMatch(count!.svg, /England 2024\/25/);
  const share = await trendChart(page('percent'));
  assert.match(share!.description, /Reference lines: England 2024\/25/);
  assert.match(share!.svg, /England 2024\/25/);
});

test('a figure with a note is an open circle named in the legend, and the caption counts it', async () => {
  const plain = await trendChart(page('count'));
  assert.doesNotMatch(plain!.svg, /Figure with a note/, 'no legend without a noted figure');
  const noted = await trendChart(page('count', [['2026-08-31', 'the files loaded begin on 1 April 2026']]));
  assert.match(noted!.svg, /Figure with a note \(see the caption\)/);
  assert.match(noted!.description, /1 figure carries a note \(an open circle on the chart; the download gives the note beside the figure\), from 31 August 2026: the files loaded begin on 1 April 2026\./);
});
