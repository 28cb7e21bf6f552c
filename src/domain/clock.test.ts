// Today's date is the date in England (Europe/London), not in UTC; PARENTIS_TODAY can pin it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockWithToday, stoppedClock, systemClock } from './clock.ts';
import { todayInLondon } from './dates.ts';

test('today in london at 23:30 UTC on a summer date is already tomorrow', () => {
  assert.equal(todayInLondon(new Date('2026-07-14T23:30:00Z')), '2026-07-15');
});

test('today in london at 23:30 UTC on a winter date is still that date', () => {
  assert.equal(todayInLondon(new Date('2026-01-14T23:30:00Z')), '2026-01-14');
});

test('today in london follows the clocks changing at 01:00 UTC', () => {
  // 29 March 2026: the clocks go forward at 01:00 UTC; 25 October 2026: back at 01:00 UTC.
  assert.equal(todayInLondon(new Date('2026-03-28T23:59:00Z')), '2026-03-28');
  assert.equal(todayInLondon(new Date('2026-03-29T23:00:00Z')), '2026-03-30');
  assert.equal(todayInLondon(new Date('2026-10-24T23:00:00Z')), '2026-10-25');
  assert.equal(todayInLondon(new Date('2026-10-25T23:00:00Z')), '2026-10-25');
});

test('today in london around midnight at new year is the UTC date', () => {
  assert.equal(todayInLondon(new Date('2026-12-31T23:59:59Z')), '2026-12-31');
  assert.equal(todayInLondon(new Date('2027-01-01T00:00:00Z')), '2027-01-01');
});

test('stopped clock gives the london date of its instant', () => {
  const clock = stoppedClock(new Date('2018-06-30T23:30:00Z'));
  assert.equal(clock.today(), '2018-07-01');
  assert.equal(clock.now().toISOString(), '2018-06-30T23:30:00.000Z');
});

test('clock with today pinned keeps the date while the time runs on', () => {
  const clock = clockWithToday('2018-04-30');
  assert.equal(clock.today(), '2018-04-30');
  assert.ok(Math.abs(clock.now().getTime() - Date.now()) < 60_000);
  assert.equal(clockWithToday(undefined), systemClock);
});
