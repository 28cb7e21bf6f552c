// Bank holidays in England and Wales against GOV.UK's published list, and counting working days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays, bankHolidays, easterSunday, isWorkingDay } from './working-days.ts';

// As published at https://www.gov.uk/bank-holidays (England and Wales).
const GOV_UK: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

test('bank holidays of 2020 match GOV.UK (VE Day moved)', () => assert.deepEqual(bankHolidays(2020), GOV_UK[2020]));
test('bank holidays of 2021 match GOV.UK (Christmas at a weekend)', () => assert.deepEqual(bankHolidays(2021), GOV_UK[2021]));
test('bank holidays of 2022 match GOV.UK (jubilee and state funeral)', () => assert.deepEqual(bankHolidays(2022), GOV_UK[2022]));
test('bank holidays of 2023 match GOV.UK (coronation)', () => assert.deepEqual(bankHolidays(2023), GOV_UK[2023]));
test('bank holidays of 2024 match GOV.UK', () => assert.deepEqual(bankHolidays(2024), GOV_UK[2024]));
test('bank holidays of 2025 match GOV.UK', () => assert.deepEqual(bankHolidays(2025), GOV_UK[2025]));
test('bank holidays of 2026 match GOV.UK (Boxing Day on a Saturday)', () => assert.deepEqual(bankHolidays(2026), GOV_UK[2026]));
test('bank holidays of 2027 match GOV.UK (Christmas on a Saturday)', () => assert.deepEqual(bankHolidays(2027), GOV_UK[2027]));

test('easter sunday of known years is right', () => {
  assert.deepEqual([easterSunday(2018), easterSunday(2019), easterSunday(2026), easterSunday(2038)], ['2018-04-01', '2019-04-21', '2026-04-05', '2038-04-25']);
});

test('working day excludes weekends and bank holidays', () => {
  assert.deepEqual(
    ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-28', '2026-12-29'].map(isWorkingDay),
    [true, false, false, false, true],
  );
});

test('add working days skips christmas and new year', () => {
  // 31 Dec 2026 (Thursday): 1 Jan is a holiday, then 4–8 and 11–15 January.
  assert.equal(addWorkingDays('2026-12-31', 10), '2027-01-15');
});

test('add working days skips easter', () => {
  // 31 March 2026 (Tuesday): 1, 2 April, Good Friday 3 and Easter Monday 6 April off, then 7–14 April.
  assert.equal(addWorkingDays('2026-03-31', 10), '2026-04-16');
});

test('add negative working days goes back over a weekend', () => {
  assert.equal(addWorkingDays('2026-12-07', -3), '2026-12-02');
});
