// Each data-quality check fires on its own case with the right file, line, child and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReturn, seeAlso, type DataQualityIssue } from './checks.ts';
import { dateFormHint } from './days.ts';
import { computeIndicators } from './indicators.ts';
import { ep, files, header, history, oc2, valueOf } from './test-fixtures.ts';

const EPISODES_2025 = '903/2025/episodes.csv';

type Located = Pick<DataQualityIssue, 'severity' | 'check' | 'file' | 'line' | 'column' | 'child'>;

function only(issues: DataQualityIssue[], check: string): Located[] {
  return issues
    .filter((i) => i.check === check)
    .map(({ severity, check: c, file, line, column, child }) => ({ severity, check: c, file, line, ...(column !== undefined ? { column } : {}), child }));
}

test('check reports overlapping episodes (rule 501) as an error on the later episode', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/08/2024', 'E4A'), ep('A', '01/07/2024', 'S', 'C2', 'U1')] }));
  assert.deepEqual(only(checkReturn(ret), '501'), [{ severity: 'error', check: '501', file: EPISODES_2025, line: 3, column: 'DECOM', child: 'A' }]);
});

test('a finding names the other rows it involves: the previous episode of an overlap, a row of another file with its file', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/08/2024', 'E4A'), ep('A', '01/07/2024', 'S', 'C2', 'U1')] }));
  const [overlap] = checkReturn(ret).filter((i) => i.check === '501');
  assert.equal(seeAlso(overlap!), 'see also row 2');
  assert.equal(seeAlso({ file: EPISODES_2025, related: [{ file: '903/2024/episodes.csv', line: 35422 }, { file: EPISODES_2025, line: 7 }] }), 'see also 903/2024/episodes.csv row 35,422, row 7');
  assert.equal(seeAlso({ file: EPISODES_2025 }), '');
});

test('check reports broken X1 chains (rules 388 and 432): a gap, a last episode ending X1 and a continuation after a ceasing', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ep('G', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
        ep('G', '05/06/2024', 'P', 'C2', 'K2'),
        ep('L', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
        ep('C', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
        ep('C', '01/06/2024', 'P', 'C2', 'U1'),
      ],
    }),
  );
  const issues = checkReturn(ret);
  assert.deepEqual(only(issues, '388'), [
    { severity: 'error', check: '388', file: EPISODES_2025, line: 2, column: 'REC', child: 'G' },
    { severity: 'error', check: '388', file: EPISODES_2025, line: 4, column: 'REC', child: 'L' },
    { severity: 'error', check: '388', file: EPISODES_2025, line: 5, column: 'REC', child: 'C' },
  ]);
  assert.deepEqual(only(issues, '432'), [{ severity: 'error', check: '432', file: EPISODES_2025, line: 6, column: 'RNE', child: 'C' }]);
});

test('check reports bad dates and unknown codes naming the column', () => {
  const ret = history(
    files(2025, {
      Header: [header('A', '31/02/2012')],
      Episodes: [ep('A', '2024-05-01', 'S', 'C2', 'U1'), ep('B', '01/05/2024', 'Q', 'C9', 'U9', '', '', { CIN: 'N1' })],
      Missing: [{ CHILD: 'B', DOB: '01/01/2012', MISSING: 'X', MIS_START: '01/06/2024', MIS_END: '' }],
    }),
  );
  const issues = checkReturn(ret);
  assert.deepEqual(only(issues, 'bad-date'), [
    { severity: 'error', check: 'bad-date', file: '903/2025/header.csv', line: 2, column: 'DOB', child: 'A' },
    { severity: 'error', check: 'bad-date', file: EPISODES_2025, line: 2, column: 'DECOM', child: 'A' },
  ]);
  assert.deepEqual(
    issues.filter((i) => i.check === 'bad-date').map((i) => i.message),
    ['DOB "31/02/2012" is not a date written dd/mm/yyyy', 'DECOM "2024-05-01" is not a date written dd/mm/yyyy: it is written year first, which as dd/mm/yyyy is 01/05/2024'],
  );
  assert.deepEqual(
    only(issues, 'unknown-code').map((i) => [i.file, i.line, i.child, i.column]),
    [
      [EPISODES_2025, 3, 'B', 'RNE'],
      [EPISODES_2025, 3, 'B', 'LS'],
      [EPISODES_2025, 3, 'B', 'PLACE'],
      ['903/2025/missing.csv', 2, 'B', 'MISSING'],
    ],
  );
});

test('check reports dates after the end of the collection year as errors and an episode ended before it as a warning', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1', '02/04/2025', 'E4A'), ep('B', '01/01/2023', 'S', 'C2', 'U1', '01/02/2024', 'E4A')] }));
  const issues = checkReturn(ret);
  assert.deepEqual(only(issues, 'date-outside-year'), [{ severity: 'error', check: 'date-outside-year', file: EPISODES_2025, line: 2, column: 'DEC', child: 'A' }]);
  assert.deepEqual(only(issues, 'ended-before-year'), [{ severity: 'warning', check: 'ended-before-year', file: EPISODES_2025, line: 3, column: 'DEC', child: 'B' }]);
});

test('check warns about a period open at the end of one year and not carried on in the next', () => {
  const ret = history(
    files(2024, { Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U1'), ep('B', '01/05/2023', 'S', 'C2', 'U1')] }),
    files(2025, { Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U1')] }),
  );
  assert.deepEqual(only(checkReturn(ret), 'open-not-continued'), [{ severity: 'warning', check: 'open-not-continued', file: '903/2024/episodes.csv', line: 3, column: 'DEC', child: 'B' }]);
});

test('check warns about missing postcodes (rule 392B) except for UASC and short breaks', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ep('A', '01/05/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: '' }),
        ep('U', '01/05/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: '', PL_POST: '' }),
        ep('V', '01/05/2024', 'S', 'V3', 'U1', '03/05/2024', 'E4A', { PL_POST: '' }),
      ],
      UASC: [{ CHILD: 'U', SEX: 'M', DOB: '01/01/2009', DUC: '' }],
    }),
  );
  assert.deepEqual(only(checkReturn(ret), '392B'), [{ severity: 'warning', check: '392B', file: EPISODES_2025, line: 2, column: 'HOME_POST', child: 'A' }]);
});

test('check warns about OC2 rows outside the 12-month cohort (rule 190) and cohort children missing from OC2 (rule 191)', () => {
  const ret = history(
    files(2025, {
      Episodes: [ep('IN', '01/04/2024', 'S', 'C2', 'U1'), ep('LATE', '15/04/2024', 'S', 'C2', 'U1'), ep('GONE', '01/01/2022', 'S', 'C2', 'U1')],
      OC2: [oc2('IN', '01/01/2012'), oc2('LATE', '01/01/2012')],
    }),
  );
  const issues = checkReturn(ret);
  assert.deepEqual(only(issues, '190'), [{ severity: 'warning', check: '190', file: '903/2025/oc2.csv', line: 3, column: 'CONVICTED', child: 'LATE' }]);
  assert.deepEqual(only(issues, '191'), [{ severity: 'warning', check: '191', file: EPISODES_2025, line: 4, column: 'CHILD', child: 'GONE' }]);
});

test('check warns about OC3 rows for young people outside the 17th to 21st birthday cohort (rule 391)', () => {
  const ret = history(
    files(2025, {
      OC3: [
        { CHILD: 'OK', DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' },
        { CHILD: 'YOUNG', DOB: '01/06/2009', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' },
      ],
    }),
  );
  assert.deepEqual(only(checkReturn(ret), '391'), [{ severity: 'warning', check: '391', file: '903/2025/oc3.csv', line: 3, column: 'DOB', child: 'YOUNG' }]);
});

test('compute indicators still works on a return with errors, skipping unusable rows', () => {
  const ret = history(files(2025, { Episodes: [ep('A', 'not a date', 'S', 'C2', 'U1'), ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/08/2024', 'X1'), ep('B', '01/07/2024', 'P', 'C2', 'K2')] }));
  assert.ok(checkReturn(ret).some((i) => i.severity === 'error'));
  const values = computeIndicators(ret, ['2025-03-31']);
  assert.equal(valueOf(values, 'cla', '2025-03-31').value, 1);
  assert.equal(valueOf(values, 'starters', '2025-03-31').value, 1);
});

test('check finds nothing wrong in a clean return', () => {
  const ret = history(files(2025, { Header: [header('A', '01/01/2012')], Episodes: [ep('A', '01/04/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'), ep('A', '01/06/2024', 'P', 'C2', 'K2')], OC2: [oc2('A', '01/01/2012', { SDQ_SCORE: '12' })] }));
  assert.deepEqual(checkReturn(ret), []);
});

test('check reports a missing incident after the collection year and a DEC before its DECOM', () => {
  const ret = history(
    files(2025, {
      Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/04/2024', 'E4A')],
      Missing: [{ CHILD: 'A', DOB: '01/01/2012', MISSING: 'M', MIS_START: '05/04/2025', MIS_END: '' }],
    }),
  );
  const issues = checkReturn(ret);
  assert.deepEqual(only(issues, 'date-outside-year'), [{ severity: 'error', check: 'date-outside-year', file: '903/2025/missing.csv', line: 2, column: 'MIS_START', child: 'A' }]);
  assert.deepEqual(only(issues, 'bad-date'), [{ severity: 'error', check: 'bad-date', file: EPISODES_2025, line: 2, column: 'DEC', child: 'A' }]);
});

test('a date cell not written dd/mm/yyyy is told how it seems to be written', () => {
  const said = dateFormHint;
  assert.equal(said('2024-12-16'), ': it is written year first, which as dd/mm/yyyy is 16/12/2024');
  assert.equal(said('2024-12-16T00:00:00'), ': it is written year first, which as dd/mm/yyyy is 16/12/2024');
  assert.equal(said('2024/12/16 00:00:00'), ': it is written year first, which as dd/mm/yyyy is 16/12/2024');
  assert.equal(said('16/12/2024 00:00'), ': it has a time after the date, which alone is 16/12/2024');
  assert.equal(said('16-12-2024'), ': write it with slashes, 16/12/2024');
  assert.equal(said('16.12.2024'), ': write it with slashes, 16/12/2024');
  assert.equal(said('16/12/24'), ': the year has two digits; write all four');
  assert.equal(said('12/16/2024'), ': it seems to be written month first, which as dd/mm/yyyy is 16/12/2024');
  assert.equal(said('45642'), ': it looks like a spreadsheet’s day number; format the column as a date (dd/mm/yyyy) before saving');
  // Nothing to suggest: not a date at all, or no real date in any of these forms.
  for (const v of ['31/02/2012', 'unknown', '2024-02-30', '12345', '13/13/2024']) assert.equal(said(v), '', v);
});
