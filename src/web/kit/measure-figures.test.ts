// How a figure's parts read beside it: a share "of" its whole, an average's total "across" its cases, a count alone, "c" when suppressed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partsText } from './measure-figures.ts';

const figure = (numerator: number | null, denominator: number | null, symbol: string | null = null) => ({ periodEnd: '2026-03-31', numerator, denominator, value: null, symbol, suppressed: false });

test('parts of a figure read as a share, an average, a count or suppressed', () => {
  assert.equal(partsText('percent', figure(312, 480)), '312 of 480');
  assert.equal(partsText('days', figure(29_519, 68)), '29,519 days across 68');
  assert.equal(partsText('score', figure(1_206, 90)), '1,206 across 90');
  assert.equal(partsText('count', figure(312, null)), '312');
  assert.equal(partsText('percent', figure(null, null, 'c')), 'c');
  assert.equal(partsText('percent', null), '');
});
