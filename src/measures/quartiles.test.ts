// The DfE quartile band on hand-made figures with known answers: R's type-7 quartile points, a figure
// on a point falling in the quarter below it, suppressed authorities left out, and A the best quarter
// by polarity.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DfeFigure } from './dfe-tables.ts';
import { quartileBand, quartilePoints, quartilesFor } from './quartiles.ts';

// Eight authorities with 10 … 80 and a ninth suppressed: n = 8, so the lower quartile sits at
// position 1 + 7 × 0.25 = 2.75 (20 + 0.75 × 10 = 27.5), the median at 4.5 (45), the upper at 6.25 (62.5).
const eight = [10, 20, 30, 40, 50, 60, 70, 80, null];

test('quartile points of hand-made figures are R’s default quantiles, suppressed figures left out', () => {
  assert.deepEqual(quartilePoints(eight), { q0: 10, q1: 27.5, q2: 45, q3: 62.5, q4: 80, authorities: 8 });
});

test('quartile points of fewer than four figures are none', () => {
  assert.equal(quartilePoints([10, 20, null, 30]), null);
});

test('quartile band for higher is better makes the top quarter A and puts a figure on a point in the quarter below', () => {
  const p = quartilePoints(eight)!;
  assert.deepEqual([80, 63, 62.5, 45.1, 45, 27.6, 27.5, 10].map((v) => quartileBand(v, p, 'higher is better')), ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
});

test('quartile band for lower is better makes the bottom quarter A', () => {
  const p = quartilePoints(eight)!;
  assert.deepEqual([10, 27.5, 27.6, 45, 45.1, 62.5, 63, 80].map((v) => quartileBand(v, p, 'lower is better')), ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
});

test('quartile band outside the published range takes the quarter at that end, and none without a better direction', () => {
  const p = quartilePoints(eight)!;
  assert.equal(quartileBand(95, p, 'higher is better'), 'A');
  assert.equal(quartileBand(5, p, 'higher is better'), 'D');
  assert.equal(quartileBand(50, p, 'neither'), null);
});

const figure = (code: string, year: number, la: string, value: number | null, over: Partial<DfeFigure> = {}): DfeFigure => ({
  code,
  indicatorKey: code,
  unit: 'percent',
  breakdown: null,
  timePeriod: year,
  level: 'Local authority',
  oldLaCode: la,
  newLaCode: `E0${la}`,
  laName: la,
  regionCode: 'E1',
  regionName: 'Region',
  numerator: { value: null, symbol: null },
  denominator: { value: null, symbol: null },
  value: value === null ? { value: null, symbol: 'c' } : { value, symbol: null },
  ...over,
});

test('quartiles for DfE figures take each indicator and year apart, authorities only, without breakdowns', () => {
  const figures = [
    ...eight.map((v, i) => figure('placements-3plus', 2025, String(800 + i), v)),
    figure('placements-3plus', 2025, '', 99, { level: 'National' }),
    figure('placements-3plus', 2025, '801', 99, { breakdown: { dimension: 'age', category: '0-4' } }),
    ...[1, 2, 3].map((v, i) => figure('placements-3plus', 2024, String(800 + i), v)),
  ];
  assert.deepEqual(quartilesFor(figures), [{ measureCode: 'placements-3plus', timePeriod: 2025, q0: 10, q1: 27.5, q2: 45, q3: 62.5, q4: 80, authorities: 8 }]);
});
