// The measure read model with known answers: the figure at a date ignores later periods, RAG in words with its reason, direction of travel by polarity, windows, benchmarks no newer than the figure, and suppression by reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BenchmarkView, Measure, TargetView } from './measure.service.ts';
import { formatGap, formatValue, readerFor, readMeasure, type StoredValue } from './measure-reading.ts';

const measure = (over: Partial<Measure> = {}): Measure => ({
  code: 'long-term-stability',
  title: 'Long-term stability',
  description: '',
  numerator: '',
  denominator: '',
  unit: 'percent',
  polarity: 'higher is better',
  frequency: 'monthly',
  source: 'ssda903',
  amberBand: 3,
  version: 1,
  ...over,
});

const ends = ['2017-01-31', '2017-02-28', '2017-03-31', '2017-04-30', '2017-05-31', '2017-06-30', '2017-07-31', '2017-08-31', '2017-09-30', '2017-10-31', '2017-11-30', '2017-12-31', '2018-01-31', '2018-02-28', '2018-03-31', '2018-04-30'];
/** 60% in January 2017 rising by one point a month: 60 … 75 out of 100. */
const values: StoredValue[] = ends.map((periodEnd, i) => ({ periodEnd, window: 'month', numerator: 60 + i, denominator: 100, value: 60 + i, symbol: null }));
const targets: TargetView[] = [{ id: 1, effectiveFrom: '2017-04-01', effectiveTo: null, value: 70, staged: true, label: 'stage 2', reason: '', setBy: 'Ana Analyst', setAt: '2017-03-01T09:00:00.000Z' }];
const analyst = readerFor('analyst', 5);
const viewer = readerFor('viewer', 5);

test('read measure at a date takes the latest period on or before it and never a later one', () => {
  const r = readMeasure(measure(), values, targets, [], '2017-12-15', analyst);
  assert.equal(r.current!.periodEnd, '2017-11-30');
  assert.equal(r.current!.value, 70);
  assert.deepEqual([r.history.length, r.history[0]!.periodEnd, r.history.at(-1)!.periodEnd], [11, '2017-01-31', '2017-11-30']);
});

test('read measure gives RAG as a word with the gap to the target and the tolerance', () => {
  assert.equal(readMeasure(measure(), values, targets, [], '2017-08-31', analyst).ragReason, 'Amber: 3.0 points below the 70.0% target, within the 3.0-point tolerance');
  assert.equal(readMeasure(measure(), values, targets, [], '2017-07-31', analyst).ragReason, 'Red: 4.0 points below the 70.0% target');
  assert.equal(readMeasure(measure(), values, targets, [], '2017-11-30', analyst).ragReason, 'Green: meets the 70.0% target');
  assert.equal(readMeasure(measure({ polarity: 'lower is better' }), values, targets, [], '2018-04-30', analyst).ragReason, 'Red: 5.0 points above the 70.0% target');
});

test('read measure gives direction of travel against the previous month and the same month last year by polarity', () => {
  const up = readMeasure(measure(), values, targets, [], '2018-03-31', analyst);
  assert.equal(up.previous!.words, 'Better than February 2018 (73.0%)');
  assert.equal(up.lastYear!.words, 'Better than March 2017 (62.0%)');
  const lower = readMeasure(measure({ polarity: 'lower is better' }), values, targets, [], '2018-03-31', analyst);
  assert.equal(lower.previous!.direction, 'worse');
  const neither = readMeasure(measure({ polarity: 'neither' }), values, targets, [], '2018-03-31', analyst);
  assert.equal(neither.previous!.words, 'Up from February 2018 (73.0%)');
  assert.equal(neither.rag, null);
});

test('read measure sums year to date and rolling 12 months for a measure kept month by month', () => {
  const r = readMeasure(measure({ source: 'manual' }), values, [], [], '2018-05-31', analyst);
  // April 2018 alone: 75/100; rolling 12 months May 2017 to April 2018: 64…75 = 834 of 1,200.
  assert.deepEqual([r.ytd!.numerator, r.ytd!.denominator], [75, 100]);
  assert.deepEqual([r.rolling12!.numerator, r.rolling12!.denominator, r.rolling12!.value], [834, 1200, 69.5]);
  assert.equal(readMeasure(measure(), values, [], [], '2018-05-31', analyst).ytd, null);
});

test('read measure picks each comparator at the newest year not after the figure, else the nearest later year', () => {
  const b = (timePeriod: number, value: number): BenchmarkView => ({ comparator: 'england', name: 'England', timePeriod, breakdown: null, value, symbol: null, authorities: null, indicatorKey: 'k' });
  const r = readMeasure(measure(), values, [], [b(2017, 68), b(2018, 69), b(2019, 70)], '2018-03-31', analyst);
  assert.deepEqual(r.benchmarks.map((x) => x.label), ['England 2017/18']);
  const later = readMeasure(measure(), values, [], [b(2022, 68), b(2021, 69)], '2018-03-31', analyst);
  assert.deepEqual(later.benchmarks.map((x) => x.label), ['England 2020/21']);
});

test('read measure shows a small number as c to a viewer and marked to an analyst', () => {
  const small: StoredValue[] = [{ periodEnd: '2018-03-31', window: 'year', numerator: 3, denominator: 40, value: 7.5, symbol: null }];
  const m = measure({ frequency: 'annual' });
  const seen = readMeasure(m, small, [], [], '2018-04-30', viewer);
  assert.deepEqual([seen.window, seen.current!.value, seen.current!.symbol, seen.current!.numerator, seen.rag], ['year', null, 'c', null, null]);
  const marked = readMeasure(m, small, [], [], '2018-04-30', analyst);
  assert.deepEqual([marked.current!.value, marked.current!.symbol, marked.current!.suppressed], [7.5, null, true]);
});

test('format values and gaps in whole days for averages of days, one place for percentages, as the definitions round them', () => {
  assert.equal(formatValue('days', 420), '420 days');
  assert.equal(formatValue('days', 419.6), '420 days');
  assert.equal(formatValue('percent', 8.25), '8.3%');
  assert.equal(formatValue('rate per 10,000', 71.4), '71 per 10,000');
  assert.equal(formatGap('days', 1.2), '1 day');
  assert.equal(formatGap('days', -35), '35 days');
  assert.equal(formatGap('percent', 1), '1.0 point');
});
