// Reporting periods on the UK financial year: naming, parsing, the period before, the default due date, and years named by their end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from './errors.ts';
import { defaultDueDate, financialYearOf, parsePeriod, periodContaining, periodDescription, previousPeriod, yearsEndingText } from './reporting-periods.ts';

test('financial year of dates either side of april is the year it starts', () => {
  assert.deepEqual([financialYearOf('2027-03-31'), financialYearOf('2026-04-01'), financialYearOf('2026-12-03')], [2026, 2026, 2026]);
});

test('quarter containing december 2026 is 2026/27 Q3', () => {
  assert.deepEqual(periodContaining('2026-12-03', 'quarterly'), { frequency: 'quarterly', label: '2026/27 Q3', start: '2026-10-01', end: '2026-12-31' });
});

test('quarter containing february is Q4 of the year before', () => {
  assert.deepEqual(periodContaining('2027-02-14', 'quarterly'), { frequency: 'quarterly', label: '2026/27 Q4', start: '2027-01-01', end: '2027-03-31' });
});

test('month containing april is M1 and march is M12', () => {
  assert.equal(periodContaining('2026-04-30', 'monthly').label, '2026/27 M1');
  assert.deepEqual(periodContaining('2028-03-01', 'monthly'), { frequency: 'monthly', label: '2027/28 M12', start: '2028-03-01', end: '2028-03-31' });
});

test('month of february in a leap year ends on the 29th', () => {
  assert.equal(periodContaining('2028-02-10', 'monthly').end, '2028-02-29');
});

test('previous period of Q1 is Q4 of the year before', () => {
  assert.equal(previousPeriod(parsePeriod('2026/27 Q1')).label, '2025/26 Q4');
  assert.equal(previousPeriod(parsePeriod('2026/27 M1')).label, '2025/26 M12');
});

test('parse period reads quarters and months as written', () => {
  assert.deepEqual(parsePeriod(' 2026/27 q3 '), periodContaining('2026-11-01', 'quarterly'));
  assert.deepEqual(parsePeriod('2026/27 M7'), periodContaining('2026-10-15', 'monthly'));
  assert.equal(parsePeriod('1999/00 Q1').start, '1999-04-01');
});

test('parse period refuses a quarter 5, a month 13 and mismatched years naming the field', () => {
  for (const bad of ['2026/27 Q5', '2026/27 M13', '2026/28 Q1', 'Q3 2026', '']) {
    assert.throws(() => parsePeriod(bad, 'period'), (e: unknown) => e instanceof ValidationError && e.field === 'period' && e.message.includes('2026/27 Q3'), bad);
  }
});

test('period description names the months', () => {
  assert.equal(periodDescription(parsePeriod('2026/27 Q3')), '2026/27 Q3 (October to December 2026)');
  assert.equal(periodDescription(parsePeriod('2026/27 Q4')), '2026/27 Q4 (January to March 2027)');
  assert.equal(periodDescription(parsePeriod('2026/27 M7')), '2026/27 M7 (October 2026)');
});

test('default due date is ten working days after the period ends', () => {
  assert.equal(defaultDueDate(parsePeriod('2026/27 Q3')), '2027-01-15');
  assert.equal(defaultDueDate(parsePeriod('2025/26 Q4')), '2026-04-16');
  assert.equal(defaultDueDate(parsePeriod('2026/27 Q2')), '2026-10-14');
});

test('years named by the 31 March they end on read as financial years, a run of years as one range', () => {
  assert.equal(yearsEndingText([2026]), '2025/26');
  assert.equal(yearsEndingText([2022, 2023, 2024, 2025, 2026]), '2021/22 to 2025/26');
  assert.equal(yearsEndingText([2020, 2017, 2018, 2018]), '2016/17 to 2017/18, 2019/20');
  assert.equal(yearsEndingText([2000]), '1999/00');
  assert.equal(yearsEndingText([]), '');
});
