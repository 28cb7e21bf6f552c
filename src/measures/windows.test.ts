// Windows over monthly figures: year to date from 1 April and rolling 12 months, with known answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { financialYearStart, monthEnds, windowFigure, windowMonths, type MonthlyFigure } from './windows.ts';

/** April 2017 to March 2018: numerator = month number of the financial year (1…12), denominator 10 each. */
const year: MonthlyFigure[] = monthEnds('2017-04-01', '2018-03-31').map((periodEnd, i) => ({ periodEnd, numerator: i + 1, denominator: 10 }));

test('month ends from a date to a date include both months and handle leap years', () => {
  assert.deepEqual(monthEnds('2016-01-15', '2016-03-01'), ['2016-01-31', '2016-02-29', '2016-03-31']);
});

test('financial year start of a February date is the April before', () => {
  assert.equal(financialYearStart('2018-02-28'), '2017-04-01');
  assert.equal(financialYearStart('2018-04-30'), '2018-04-01');
});

test('year to date at September sums April to September', () => {
  const f = windowFigure('percent', year, 'ytd', '2017-09-30');
  assert.equal(f.numerator, 1 + 2 + 3 + 4 + 5 + 6);
  assert.equal(f.denominator, 60);
  assert.equal(f.value, 35);
  assert.deepEqual([f.monthsExpected, f.monthsFound], [6, 6]);
});

test('year to date in April is the April month alone', () => {
  const f = windowFigure('percent', year, 'ytd', '2017-04-30');
  assert.deepEqual([f.numerator, f.denominator, f.value], [1, 10, 10]);
});

test('rolling 12 months at March sums the whole financial year', () => {
  const f = windowFigure('percent', year, 'rolling12', '2018-03-31');
  assert.deepEqual([f.numerator, f.denominator], [78, 120]);
  assert.equal(f.value, 65);
});

test('rolling 12 months with a month missing has no value', () => {
  const f = windowFigure('percent', year, 'rolling12', '2018-02-28');
  assert.equal(f.value, null);
  assert.deepEqual([f.monthsExpected, f.monthsFound], [12, 11]);
});

test('rolling 12 months of a count sums the numerators', () => {
  const f = windowFigure('count', year, 'rolling12', '2018-03-31');
  assert.equal(f.value, 78);
});

test('window months of a rolling 12 months ending in December run from January', () => {
  const months = windowMonths('rolling12', '2017-12-31');
  assert.equal(months[0], '2017-01-31');
  assert.equal(months.length, 12);
});
