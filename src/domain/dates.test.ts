// Dates as councils write them, days between dates, action keys and cross-references.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysBetween, isIsoDate, parseDateInput } from './dates.ts';
import { parseActionKey, parseRef } from './action-key.ts';
import { parseBrag } from './brag.ts';

test('is iso date rejects impossible days', () => {
  assert.equal(isIsoDate('2018-02-28'), true);
  assert.equal(isIsoDate('2018-02-29'), false);
  assert.equal(isIsoDate('2020-02-29'), true);
  assert.equal(isIsoDate('28/02/2018'), false);
});

test('parse date input accepts the dd/mm/yyyy councils write', () => {
  assert.equal(parseDateInput('12.09.2017'), '2017-09-12');
  assert.equal(parseDateInput('1/6/2018'), '2018-06-01');
  assert.equal(parseDateInput('2018-06-01'), '2018-06-01');
  assert.throws(() => parseDateInput('31/02/2018'), /not a date/);
});

test('days between crosses a clock change without drifting', () => {
  assert.equal(daysBetween('2018-03-24', '2018-03-26'), 2);
  assert.equal(daysBetween('2018-10-27', '2018-10-29'), 2);
});

test('parse action key splits plan slug and number at the first colon', () => {
  assert.deepEqual(parseActionKey('cypp-2016-19:6.3.1'), { plan: 'cypp-2016-19', number: '6.3.1' });
  assert.throws(() => parseActionKey('cypp-2016-19'), /plan's slug and the action number/);
});

test('parse ref accepts known kinds and refuses others', () => {
  assert.deepEqual(parseRef('Inspection:11'), { kind: 'inspection', value: '11' });
  assert.throws(() => parseRef('ofsted:11'), /kind one of/);
});

test('parse brag accepts letters and colour names', () => {
  assert.equal(parseBrag('r'), 'R');
  assert.equal(parseBrag('Amber'), 'A');
  assert.throws(() => parseBrag('X'), /not a BRAG status/);
});
