// Hand-made cases for the indicator rules at the year boundary and those docs/indicators.md settles where DfE leaves room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReturn } from './checks.ts';
import { computeIndicators } from './indicators.ts';
import { ep, files, header, history, oc2, valueOf } from './test-fixtures.ts';

const pair = (v: { numerator: number | null; denominator: number | null }) => [v.numerator, v.denominator];

test('stitch a period open at 31 March and absent from the next year as looked after on that day and not after, and not ceased', () => {
  const ret = history(files(2024, { Episodes: [ep('A', '01/06/2023', 'S', 'C2', 'U4')] }), files(2025, { Episodes: [ep('B', '01/05/2024', 'S', 'C2', 'U4')] }));
  const a = ret.byId.get('A')!.episodes[0]!;
  assert.equal(a.closedByStitch, true);
  const values = computeIndicators(ret, ['2024-03-31', '2024-04-30', '2025-03-31']);
  assert.equal(valueOf(values, 'cla', '2024-03-31').value, 1, 'A was looked after on 31/03/2024');
  assert.equal(valueOf(values, 'cla', '2024-04-30').value, 0);
  assert.equal(valueOf(values, 'ceased', '2024-03-31').value, 0);
  assert.equal(valueOf(values, 'ceased', '2024-04-30').value, 0);
  assert.equal(valueOf(values, 'ceased', '2025-03-31').value, 0, 'the closure is not a real ceasing');
  assert.deepEqual(pair(valueOf(values, 'adopted', '2025-03-31')), [0, 0]);
});

test('compute OC2 figures at another month end carry the latest 31 March cohort, marked as annual', () => {
  const ret = history(
    files(2024, {
      Header: [header('C', '01/01/2012'), header('E', '01/01/2012')],
      Episodes: [ep('C', '01/01/2020', 'S', 'C2', 'U4'), ep('E', '01/01/2020', 'S', 'C2', 'U4')],
      OC2: [oc2('C', '01/01/2012', { HEALTH_ASSESSMENT: '1' }), oc2('E', '01/01/2012')],
    }),
    files(2025, { Episodes: [ep('C', '01/01/2020', 'S', 'C2', 'U4'), ep('E', '01/01/2020', 'S', 'C2', 'U4', '01/06/2024', 'E4A')] }),
  );
  const v = valueOf(computeIndicators(ret, ['2024-09-30']), 'health-assessments', '2024-09-30');
  assert.deepEqual(pair(v), [1, 2], 'E left in June 2024 but was in the cohort at 31/03/2024');
  assert.equal(v.annualAsAt, '2024-03-31');
  assert.equal(valueOf(computeIndicators(ret, ['2024-03-31']), 'health-assessments', '2024-03-31').annualAsAt, undefined);
});

test('compute the 12-month cohort requiring care on 1 April and no gap after an X1 ending', () => {
  const ret = history(
    files(2024, {
      Header: [header('F', '01/01/2012'), header('G', '01/01/2012'), header('H', '01/01/2012')],
      Episodes: [
        ep('F', '01/04/2023', 'S', 'C2', 'U4'),
        ep('G', '01/01/2023', 'S', 'C2', 'U4', '01/06/2023', 'X1'),
        ep('G', '10/06/2023', 'P', 'C2', 'K2'),
        ep('H', '02/04/2023', 'P', 'C2', 'U4'),
      ],
      OC2: [oc2('F', '01/01/2012'), oc2('G', '01/01/2012'), oc2('H', '01/01/2012')],
    }),
  );
  assert.deepEqual(pair(valueOf(computeIndicators(ret, ['2024-03-31']), 'health-assessments', '2024-03-31')), [0, 1]);
});

test('compute placements folding a temporary placement only within its DfE limit, and check the longer one', () => {
  const around = (child: string, days: string) => [
    ep(child, '01/01/2024', 'S', 'C2', 'U4', '01/06/2024', 'X1'),
    ep(child, '01/06/2024', 'P', 'C2', 'T4', days, 'X1'),
    ep(child, days, 'P', 'C2', 'U4'),
  ];
  const ret = history(files(2025, { Episodes: [...around('OK', '06/06/2024'), ...around('LONG', '11/06/2024')] }));
  assert.deepEqual(pair(valueOf(computeIndicators(ret, ['2025-03-31']), 'placements-3plus', '2025-03-31')), [1, 2], 'only the 10-day T4 is a placement of its own');
  const long = checkReturn(ret).filter((i) => i.check === 'temporary-too-long');
  assert.deepEqual(
    long.map((i) => [i.child, i.line, i.column]),
    [['LONG', 6, 'DEC']],
  );
});

test('compute a care leaver whose care moved after 31 March in that year cohort, and one who moved before it out', () => {
  const row = (child: string) => ({ CHILD: child, DOB: '15/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' });
  const ret = history(
    files(2024, { OC3: [row('LATE'), row('EARLY')], Episodes: [ep('LATE', '01/01/2020', 'S', 'C2', 'U4'), ep('EARLY', '01/01/2020', 'S', 'C2', 'U4', '01/06/2023', 'E3')] }),
    files(2025, { Episodes: [ep('LATE', '01/01/2020', 'S', 'C2', 'U4', '15/05/2024', 'E3')] }),
  );
  assert.deepEqual(pair(valueOf(computeIndicators(ret, ['2024-03-31']), 'care-leavers-17-18-in-touch', '2024-03-31')), [1, 1]);
});

test('compute a figure at an earlier date from the later return correcting an earlier episode', () => {
  const ret = history(
    files(2024, { Episodes: [ep('W', '01/01/2024', 'S', 'C2', 'U4')] }),
    files(2025, { Episodes: [ep('W', '01/01/2024', 'S', 'C2', 'K2', '01/06/2024', 'E4A')] }),
  );
  const values = computeIndicators(ret, ['2024-03-31']);
  assert.equal(valueOf(values, 'cla', '2024-03-31', "Children's homes and residential settings").value, 1, 'the 2025 file wins');
  assert.equal(valueOf(values, 'cla', '2024-03-31').value, 1, 'the June 2024 ending is not seen at 31/03/2024');
});

test('stitch overlapping episodes ending the earlier at the next DECOM, and leave a recorded ending where it is', () => {
  const ret = history(files(2025, { Episodes: [ep('O', '01/05/2024', 'S', 'C2', 'U4', '01/09/2024', 'E4A'), ep('O', '01/08/2024', 'S', 'C2', 'K2')] }));
  const [first] = ret.byId.get('O')!.episodes;
  assert.deepEqual([first!.dec, first!.rec], [ret.byId.get('O')!.episodes[1]!.decom, 'E4A']);
  assert.equal(checkReturn(ret).filter((i) => i.check === '501').length, 1, 'the overlap is reported as rule 501');
  const r = history(files(2024, { Episodes: [ep('R', '01/01/2024', 'S', 'C2', 'U4', '31/03/2024', 'E4A')] }), files(2025, { Episodes: [ep('R', '31/03/2024', 'P', 'C2', 'K2')] }));
  assert.equal(r.byId.get('R')!.episodes[0]!.rec, 'E4A');
  assert.equal(valueOf(computeIndicators(r, ['2024-03-31']), 'ceased', '2024-03-31').value, 1);
});

test('compute F3/P3 as EET in the years the code was valid and not after', () => {
  const row = { CHILD: 'L', DOB: '15/06/2002', IN_TOUCH: 'YES', ACTIV: 'F3', ACCOM: 'D1' };
  const old = history(files(2020, { OC3: [row] }));
  assert.deepEqual(pair(valueOf(computeIndicators(old, ['2020-03-31']), 'care-leavers-17-18-eet', '2020-03-31')), [1, 1]);
  const late = history(files(2025, { OC3: [{ ...row, DOB: '15/06/2007' }] }));
  assert.deepEqual(pair(valueOf(computeIndicators(late, ['2025-03-31']), 'care-leavers-17-18-eet', '2025-03-31')), [0, 1]);
});

test('compute placed-20-miles-out as not known without the authority code, not guessed from the home postcode', () => {
  const ret = history(
    files(2025, {
      Episodes: [ep('F', '01/06/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: 'HM1 1AA', PL_POST: 'FA1 1AA' })],
      Postcodes: [
        { POSTCODE: 'HM1 1AA', EASTING: '400000', NORTHING: '300000', LA_CODE: 'E10000003' },
        { POSTCODE: 'FA1 1AA', EASTING: '400000', NORTHING: '340000', LA_CODE: 'E10000002' },
      ],
    }),
  );
  assert.equal(valueOf(computeIndicators(ret, ['2025-03-31']), 'placed-20-miles-out', '2025-03-31').value, null);
  assert.deepEqual(pair(valueOf(computeIndicators(ret, ['2025-03-31'], { laCode: 'E10000002' }), 'placed-20-miles-out', '2025-03-31')), [0, 1]);
});

test('compute long-term stability and re-entry with a note when fewer than three years are loaded', () => {
  const year = (y: number) => files(y, { Episodes: [ep('A', '01/01/2021', 'S', 'C2', 'U4')] });
  const one = computeIndicators(history(year(2025)), ['2025-03-31']);
  assert.match(valueOf(one, 'long-term-stability', '2025-03-31').note ?? '', /only 1 collection year of Episodes to 2025: three are needed/);
  assert.match(valueOf(one, 're-entry', '2025-03-31').note ?? '', /three are needed/);
  const three = computeIndicators(history(year(2023), year(2024), year(2025)), ['2025-03-31']);
  assert.equal(valueOf(three, 'long-term-stability', '2025-03-31').note, undefined);
});

test('compute short breaks (V3/V4) as neither placements nor time towards long-term stability', () => {
  const ret = history(
    files(2025, {
      Header: [header('V', '01/01/2014')],
      Episodes: [
        ep('V', '01/01/2022', 'S', 'V3', 'R1', '01/05/2024', 'X1'),
        ep('V', '01/05/2024', 'P', 'V3', 'U4', '01/06/2024', 'X1'),
        ep('V', '01/06/2024', 'B', 'C2', 'U6'),
      ],
    }),
  );
  const values = computeIndicators(ret, ['2025-03-31']);
  assert.deepEqual(pair(valueOf(values, 'placements-3plus', '2025-03-31')), [0, 1]);
  assert.deepEqual(pair(valueOf(values, 'long-term-stability', '2025-03-31')), [0, 0]);
});
