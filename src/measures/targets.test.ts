// Targets in force on a date and the RAG they give through polarity and the amber band.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ragFor } from './rag.ts';
import { annualTarget, stagedTargets, targetOn } from './targets.ts';

const staged = stagedTargets([
  { from: '2017-04-01', value: 12, label: 'stage 1' },
  { from: '2018-04-01', value: 10, label: 'stage 2' },
  { from: '2019-04-01', value: 8, label: 'stage 3' },
]);

test('staged target on a date is the step that took effect last', () => {
  assert.equal(targetOn(staged, '2017-06-30')?.value, 12);
  assert.equal(targetOn(staged, '2018-03-31')?.value, 12);
  assert.equal(targetOn(staged, '2018-04-01')?.value, 10);
  assert.equal(targetOn(staged, '2025-01-31')?.value, 8);
});

test('staged target before the first step is none', () => {
  assert.equal(targetOn(staged, '2017-03-31'), undefined);
});

test('annual target covers its financial year only', () => {
  const t = [annualTarget(2018, 85)];
  assert.equal(targetOn(t, '2017-04-01')?.value, 85);
  assert.equal(targetOn(t, '2018-03-31')?.label, '2017/18');
  assert.equal(targetOn(t, '2018-04-01'), undefined);
});

test('staged step replaces an annual target that still runs', () => {
  const t = [annualTarget(2018, 85), ...stagedTargets([{ from: '2017-10-01', value: 88 }])];
  assert.equal(targetOn(t, '2017-09-30')?.value, 85);
  assert.equal(targetOn(t, '2017-10-31')?.value, 88);
});

test('rag for higher is better is green at target, amber within the band, red beyond', () => {
  assert.equal(ragFor(85, 85, 'higher is better', 2), 'G');
  assert.equal(ragFor(83.5, 85, 'higher is better', 2), 'A');
  assert.equal(ragFor(82.9, 85, 'higher is better', 2), 'R');
});

test('rag for lower is better mirrors the band', () => {
  assert.equal(ragFor(9, 10, 'lower is better', 1), 'G');
  assert.equal(ragFor(11, 10, 'lower is better', 1), 'A');
  assert.equal(ragFor(11.5, 10, 'lower is better', 1), 'R');
});

test('rag is none without a direction, a value or a target', () => {
  assert.equal(ragFor(5, 10, 'neither', 1), null);
  assert.equal(ragFor(null, 10, 'higher is better', 1), null);
  assert.equal(ragFor(5, undefined, 'higher is better', 1), null);
});
