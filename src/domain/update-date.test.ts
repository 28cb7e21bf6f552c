// The rule for a progress update's date, shared by the form, the API and the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateDateProblem } from './update-date.ts';

test('check an update date of today accepts it', () => {
  assert.equal(updateDateProblem('2026-03-31', '2026-03-31'), undefined);
});

test('check an update date of 1 January 2000 accepts it', () => {
  assert.equal(updateDateProblem('2000-01-01', '2026-03-31'), undefined);
});

test('check an update date after today refuses it as in the future', () => {
  assert.match(updateDateProblem('2099-12-31', '2026-03-31') ?? '', /today or in the past/);
});

test('check an update date before 2000 refuses it as too old', () => {
  assert.match(updateDateProblem('0001-01-01', '2026-03-31') ?? '', /1 January 2000 or later/);
});

test('check an update date that is not a real date refuses it', () => {
  assert.match(updateDateProblem('2026-02-30', '2026-03-31') ?? '', /real date/);
});
