// Small-number suppression: counts, percentages and their complements, averages and rates, at the edges of the threshold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { revealsSmallNumber } from './suppression.ts';

test('reveals small number for a count of 1 to 4 but not 0 or 5', () => {
  assert.deepEqual([0, 1, 4, 5].map((n) => revealsSmallNumber('count', n, null, 5)), [false, true, true, false]);
});

test('reveals small number for a percentage whose numerator, denominator or complement is small', () => {
  assert.equal(revealsSmallNumber('percent', 3, 200, 5), true);
  assert.equal(revealsSmallNumber('percent', 10, 4, 5), true);
  assert.equal(revealsSmallNumber('percent', 197, 200, 5), true);
  assert.equal(revealsSmallNumber('percent', 20, 200, 5), false);
  assert.equal(revealsSmallNumber('percent', 0, 200, 5), false);
  assert.equal(revealsSmallNumber('percent', 200, 200, 5), false);
});

test('reveals small number for an average of few cases and a rate of few children', () => {
  assert.equal(revealsSmallNumber('days', 1_400, 3, 5), true);
  assert.equal(revealsSmallNumber('days', 4_000, 12, 5), false);
  assert.equal(revealsSmallNumber('rate per 10,000', 4, 70_000, 5), true);
  assert.equal(revealsSmallNumber('rate per 10,000', 400, 70_000, 5), false);
});

test('reveals small number follows an authority threshold of 10', () => {
  assert.equal(revealsSmallNumber('count', 7, null, 10), true);
  assert.equal(revealsSmallNumber('count', 7, null, 5), false);
});
