// Ordering a plan's action rows: numbers as councils read them, and the page's sorts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNumbers, sortRows, type ActionRow } from './plan-view.ts';

const row = (number: string, fields: Partial<ActionRow> = {}): ActionRow => ({
  key: `p:${number}`,
  href: '',
  number,
  title: number,
  owners: [],
  deadline: null,
  revisions: 0,
  overdue: false,
  status: null,
  pendingProposal: null,
  lastUpdate: null,
  daysSinceUpdate: null,
  isSubAction: false,
  closed: false,
  ...fields,
});

test('compare numbers puts 2 before 10, 1.4 before 1.10 and 2 before 2a', () => {
  assert.deepEqual(['10', '2', '1.10', '1.4', '2a', '1'].sort(compareNumbers), ['1', '1.4', '1.10', '2', '2a', '10']);
});

test('sort rows by deadline puts the soonest first and no deadline last', () => {
  const rows = [row('1', { deadline: '2019-03-31' }), row('2'), row('3', { deadline: '2018-06-30' })];
  assert.deepEqual(
    sortRows(rows, 'deadline').map((r) => r.number),
    ['3', '1', '2'],
  );
});

test('sort rows by status puts red first and no status last', () => {
  const rows = [row('1', { status: 'G' }), row('2'), row('3', { status: 'R' }), row('4', { status: 'B' }), row('5', { status: 'A' })];
  assert.deepEqual(
    sortRows(rows, 'status').map((r) => r.number),
    ['3', '5', '1', '4', '2'],
  );
});

test('sort rows by last update puts never-updated first, then the oldest', () => {
  const rows = [row('1', { lastUpdate: '2018-05-31' }), row('2', { lastUpdate: '2017-07-31' }), row('3')];
  assert.deepEqual(
    sortRows(rows, 'lastUpdate').map((r) => r.number),
    ['3', '2', '1'],
  );
});
