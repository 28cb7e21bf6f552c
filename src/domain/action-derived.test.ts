// Figures derived from an action's history: status at a date, trend, slippage and overdue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentDeadline, isOverdue, slippage, statusAt, trendBetween, daysSinceUpdate, type StatusEntry } from './action-derived.ts';

const entry = (status: StatusEntry['status'], asAt: string, extra: Partial<StatusEntry> = {}): StatusEntry => ({
  status,
  asAt,
  kind: 'current',
  approvedBy: 'Lead',
  recordedAt: `${asAt}T12:00:00.000Z`,
  ...extra,
});

const history = [entry('G', '2017-07-31'), entry('A', '2017-11-03'), entry('R', '2018-02-09'), entry('B', '2018-06-30', { approvedBy: null })];

test('status at a date takes the latest approved entry on or before it', () => {
  assert.equal(statusAt(history, '2017-12-31')?.status, 'A');
  assert.equal(statusAt(history, '2017-07-30'), null);
  assert.equal(statusAt(history)?.status, 'R');
});

test('status at ignores forecasts unless asked for them', () => {
  const withForecast = [...history, entry('G', '2018-03-01', { kind: 'forecast' })];
  assert.equal(statusAt(withForecast)?.status, 'R');
  assert.equal(statusAt(withForecast, undefined, 'forecast')?.status, 'G');
});

test('status at breaks a tie on one as-at date by the later recording', () => {
  const tie = [entry('A', '2018-01-01', { recordedAt: '2018-01-02T10:00:00.000Z' }), entry('R', '2018-01-01', { recordedAt: '2018-01-02T09:00:00.000Z' })];
  assert.equal(statusAt(tie)?.status, 'A');
});

test('trend between two dates compares the statuses in force then', () => {
  assert.equal(trendBetween(history, '2017-08-01', '2018-03-01'), 'worsened');
  assert.equal(trendBetween(history, '2018-03-01', '2017-08-01'), 'improved');
  assert.equal(trendBetween(history, '2017-01-01', '2017-08-01'), 'new');
  assert.equal(trendBetween(history, '2018-03-01', '2018-04-01'), 'unchanged');
});

test('slippage counts revisions and days between first and current deadline', () => {
  const deadlines = [
    { date: '2018-03-01', reason: 'Original deadline', setBy: 'A', setAt: '2017-06-01T09:00:00.000Z' },
    { date: '2018-06-01', reason: 'Staffing', setBy: 'A', setAt: '2018-02-01T09:00:00.000Z' },
  ];
  assert.deepEqual(slippage(deadlines), { revisions: 1, daysMoved: 92 });
  assert.equal(currentDeadline(deadlines)?.date, '2018-06-01');
  assert.deepEqual(slippage([]), { revisions: 0, daysMoved: 0 });
});

test('overdue needs a passed deadline and a status other than Blue', () => {
  assert.equal(isOverdue('2018-03-01', 'G', '2018-03-02'), true);
  assert.equal(isOverdue('2018-03-01', 'G', '2018-03-01'), false);
  assert.equal(isOverdue('2018-03-01', 'B', '2018-04-01'), false);
  assert.equal(isOverdue('2018-03-01', null, '2018-04-01'), true);
  assert.equal(isOverdue(null, 'R', '2018-04-01'), false);
});

test('days since update counts calendar days and is empty without updates', () => {
  assert.equal(daysSinceUpdate('2018-02-28', '2018-03-01'), 1);
  assert.equal(daysSinceUpdate(null, '2018-03-01'), null);
});
