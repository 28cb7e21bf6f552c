import assert from 'node:assert/strict';
import { test } from 'node:test';
import { financialYear, nextYearOf, yearsMovedOn } from './plan-years.ts';

test('yearsMovedOn with a short span moves both years on', () => {
  assert.equal(yearsMovedOn('Sufficiency plan 2025-26'), 'Sufficiency plan 2026-27');
});

test('yearsMovedOn with a long span and a slash keeps its writing', () => {
  assert.equal(yearsMovedOn('Work plan 2025/2026'), 'Work plan 2026/2027');
});

test('yearsMovedOn across a century turn writes two digits', () => {
  assert.equal(yearsMovedOn('Plan 2099-00'), 'Plan 2100-01');
});

test('yearsMovedOn with a lone year moves it on', () => {
  assert.equal(yearsMovedOn('Corporate parenting strategy 2026'), 'Corporate parenting strategy 2027');
});

test('yearsMovedOn without a year gives null', () => {
  assert.equal(yearsMovedOn('Corporate parenting strategy'), null);
});

test('financialYear of a date in March is the year before', () => {
  assert.equal(financialYear('2027-03-31'), '2026-27');
  assert.equal(financialYear('2026-04-01'), '2026-27');
});

test('nextYearOf a plan with a period starts the day after it ends, a year long', () => {
  assert.deepEqual(nextYearOf({ title: 'Improvement plan 2025-26', periodEnd: '2026-03-31' }, '2026-02-01'), {
    title: 'Improvement plan 2026-27',
    slug: 'improvement-plan-2026-27',
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
  });
});

test('nextYearOf a plan without years or a period names the next financial year', () => {
  assert.deepEqual(nextYearOf({ title: 'Task group plan', periodEnd: null }, '2026-12-03'), {
    title: 'Task group plan 2027-28',
    slug: 'task-group-plan-2027-28',
    periodStart: '2027-04-01',
    periodEnd: '2028-03-31',
  });
});
