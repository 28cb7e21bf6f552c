// Hand-built returns with known answers for every indicator, including the worked examples in ssda903.md §2.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIndicators, monthEndsBetween } from './indicators.ts';
import { indicatorDefinitions } from './definitions.ts';
import { ep, files, header, history, oc2, valueOf } from './test-fixtures.ts';

const END = '2025-03-31';

test('compute cla counts open episodes only, leaving out short breaks and a child ceasing on the as-at date', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ep('A', '01/06/2024', 'S', 'C2', 'U1'),
        ep('B', '01/06/2024', 'S', 'C2', 'U1', '31/03/2025', 'E4A'),
        ep('C', '01/03/2025', 'S', 'V3', 'U1'),
      ],
    }),
  );
  const values = computeIndicators(ret, [END, '2024-12-31']);
  assert.deepEqual(valueOf(values, 'cla', END), { code: 'cla', asAt: END, numerator: 1, denominator: null, value: 1, unit: 'count' });
  assert.equal(valueOf(values, 'cla', '2024-12-31').value, 2);
});

test('compute cla-rate uses the mid-(Y-1) population and is null without one', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/06/2023', 'S', 'C2', 'U1'), ep('B', '01/06/2023', 'S', 'C2', 'U1'), ep('C', '01/06/2023', 'S', 'C2', 'U1')] }));
  const population = [
    { year: 2023, count: 10_000 },
    { year: 2024, count: 15_000 },
  ];
  const values = computeIndicators(ret, [END, '2024-03-31', '2025-04-30'], { population });
  assert.deepEqual(valueOf(values, 'cla-rate', END), { code: 'cla-rate', asAt: END, numerator: 3, denominator: 15_000, value: 2, unit: 'rate per 10,000' });
  assert.equal(valueOf(values, 'cla-rate', '2024-03-31').denominator, 10_000);
  assert.equal(valueOf(values, 'cla-rate', '2024-03-31').value, 3);
  assert.equal(valueOf(values, 'cla-rate', '2025-04-30').denominator, 15_000, 'no mid-2025 estimate: the latest earlier one');
  const without = computeIndicators(ret, [END]);
  assert.equal(valueOf(without, 'cla-rate', END).value, null);
  assert.equal(valueOf(without, 'cla-rate', END).denominator, null);
  assert.equal(valueOf(values, 'starters-rate', END).denominator, 15_000);
});

test('compute starters, ceased, re-entry and adopted count each child once', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ep('R', '01/01/2023', 'S', 'C2', 'U1', '01/06/2023', 'E4A'),
        ep('R', '01/05/2024', 'S', 'C2', 'U1'),
        ep('N', '01/07/2024', 'S', 'V2', 'U1'),
        ep('V', '01/08/2024', 'S', 'V3', 'U1', '03/08/2024', 'E4A'),
        ep('T', '01/05/2024', 'S', 'V2', 'U1', '01/06/2024', 'E4A'),
        ep('T', '01/09/2024', 'S', 'C2', 'U1', '01/12/2024', 'E11'),
        ep('Q', '01/01/2024', 'S', 'C2', 'U1', '31/03/2025', 'E4B'),
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.equal(valueOf(values, 'starters', END).value, 3);
  // T's first start in the year is their first period: only R re-enters.
  const reentry = valueOf(values, 're-entry', END);
  assert.deepEqual([reentry.numerator, reentry.denominator, reentry.value], [1, 3, 33.3]);
  assert.equal(valueOf(values, 'ceased', END).value, 2);
  assert.deepEqual(valueOf(values, 'adopted', END), { code: 'adopted', asAt: END, numerator: 1, denominator: 2, value: 50, unit: 'percent' });
});

test('compute starters over the 12 months ending at a month end other than 31 March', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/03/2024', 'S', 'C2', 'U1')] }));
  const values = computeIndicators(ret, ['2025-02-28', END]);
  assert.equal(valueOf(values, 'starters', '2025-02-28').value, 1);
  assert.equal(valueOf(values, 'starters', END).value, 0);
});

test('compute placements-3plus gives child X of the worked example 2 placements', () => {
  const x = { PL_POST: 'XX1 1XX' };
  const ret = history(
    files(2025, {
      Episodes: [
        ep('X', '10/02/2024', 'S', 'C1', 'U6', '15/05/2024', 'X1', x),
        ep('X', '15/05/2024', 'L', 'C2', 'U6', '01/06/2024', 'X1', x),
        ep('X', '01/06/2024', 'P', 'C2', 'T3', '10/06/2024', 'X1', { PL_POST: 'YY1 1YY' }),
        ep('X', '10/06/2024', 'P', 'C2', 'U6', '20/09/2024', 'X1', { ...x, REASON_PLACE_CHANGE: 'CREQB' }),
        ep('X', '20/09/2024', 'P', 'C2', 'K2', '05/01/2025', 'X1', { PL_POST: 'ZZ1 1ZZ', REASON_PLACE_CHANGE: 'PLACE' }),
        ep('X', '05/01/2025', 'T', 'C2', 'K2', '', '', { PL_POST: 'ZZ1 1ZZ' }),
        ep('Y', '01/02/2024', 'S', 'C2', 'U4', '01/05/2024', 'X1'),
        ep('Y', '01/05/2024', 'P', 'C2', 'U5', '01/08/2024', 'X1'),
        ep('Y', '01/08/2024', 'P', 'C2', 'K2'),
        ep('Z', '01/01/2024', 'S', 'C2', 'U4', '01/06/2024', 'X1'),
        ep('Z', '01/06/2024', 'P', 'E1', 'A3', '01/09/2024', 'X1'),
        ep('Z', '01/09/2024', 'P', 'E1', 'U1'),
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'placements-3plus', END), { code: 'placements-3plus', asAt: END, numerator: 1, denominator: 3, value: 33.3, unit: 'percent' });
});

test('compute long-term-stability follows the worked examples and the 30- and 24-month boundaries', () => {
  const ret = history(
    files(2025, {
      Header: [header('L1', '01/06/2010'), header('L2', '01/01/2015'), header('L3', '01/01/2012'), header('L4', '01/01/2015'), header('L5', '01/03/2009'), header('L6', '01/01/2013')],
      Episodes: [
        ep('L1', '01/06/2022', 'S', 'C2', 'U4', '15/02/2023', 'X1'),
        ep('L1', '15/02/2023', 'P', 'C2', 'U1'),
        ep('L2', '01/06/2022', 'S', 'C2', 'U4', '01/09/2024', 'X1'),
        ep('L2', '01/09/2024', 'P', 'E1', 'A6'),
        ep('L3', '01/10/2022', 'S', 'C2', 'U4'),
        ep('L4', '01/01/2022', 'S', 'C2', 'U4', '01/01/2024', 'X1'),
        ep('L4', '01/01/2024', 'P', 'C2', 'U5'),
        ep('L5', '01/01/2020', 'S', 'C2', 'U4'),
        ep('L6', '30/09/2022', 'S', 'C2', 'U4', '31/03/2023', 'X1'),
        ep('L6', '31/03/2023', 'P', 'C2', 'U5'),
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'long-term-stability', END), {
    code: 'long-term-stability',
    asAt: END,
    numerator: 3,
    denominator: 4,
    value: 75,
    unit: 'percent',
    note: 'only 1 collection year of Episodes to 2025: three are needed, so the figure may be too low',
  });
});

test('compute figures over the 12 months to a date inside the first year of files say the files begin within those months', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
        ep('A', '01/06/2024', 'P', 'C2', 'U2', '01/07/2024', 'X1'),
        ep('A', '01/07/2024', 'P', 'C2', 'U3'),
        ep('B', '01/06/2024', 'S', 'C2', 'U1', '01/09/2024', 'E11'),
      ],
    }),
  );
  const early = '2024-09-30';
  const values = computeIndicators(ret, [early, END]);
  const note = 'the files loaded begin on 1 April 2024, within the 12 months to this date: only what happened since then is counted, so the figure may be too low';
  for (const code of ['starters', 'starters-rate', 'ceased', 'ceased-rate', 'placements-3plus', 'missing-children', 'missing-incidents', 'away-children', 'away-incidents']) {
    assert.equal(valueOf(values, code, early).note, note, code);
    assert.equal(valueOf(values, code, END).note, undefined, `${code}: the 12 months to 31 March are all in the files`);
  }
  // The figure is still given: two starters, one ceased, A on a third placement.
  assert.deepEqual([valueOf(values, 'starters', early).value, valueOf(values, 'ceased', early).value, valueOf(values, 'placements-3plus', early).value], [2, 1, 100]);
  assert.equal(valueOf(values, 'cla', early).note, undefined, 'a count at the date needs no earlier months');
  assert.match(valueOf(values, 'long-term-stability', early).note ?? '', /three are needed/, 'its own note, for the 30 months it looks back');
});

test('compute uasc counts children in the UASC table whose status has not ceased', () => {
  const ret = history(
    files(2025, {
      Episodes: [ep('U1', '01/06/2024', 'S', 'C2', 'U1'), ep('U2', '01/06/2024', 'S', 'C2', 'U1'), ep('U3', '01/06/2024', 'S', 'C2', 'U1')],
      UASC: [
        { CHILD: 'U1', SEX: 'M', DOB: '01/01/2009', DUC: '' },
        { CHILD: 'U2', SEX: 'M', DOB: '01/01/2007', DUC: '01/01/2025' },
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'uasc', END), { code: 'uasc', asAt: END, numerator: 1, denominator: 3, value: 33.3, unit: 'percent' });
  assert.equal(valueOf(values, 'cla', END, 'UASC').value, 1);
  assert.equal(valueOf(values, 'cla', END, 'Not UASC').value, 2);
});

test('compute placed-20-miles-out from PL_DISTANCE and PL_LOCATION, treating 999.9 as not known', () => {
  const d = (distance: string, location: string) => ({ PL_DISTANCE: distance, PL_LOCATION: location });
  const ret = history(
    files(
      2025,
      {
        Episodes: [
          ep('D1', '01/06/2024', 'S', 'C2', 'U1', '', '', d('25.0', 'OUT')),
          ep('D2', '01/06/2024', 'S', 'C2', 'U1', '', '', d('25.0', 'IN')),
          ep('D3', '01/06/2024', 'S', 'C2', 'U1', '', '', d('999.9', 'OUT')),
          ep('D4', '01/06/2024', 'S', 'C2', 'U1', '', '', d('5.0', 'OUT')),
        ],
      },
      ['PL_DISTANCE', 'PL_LOCATION'],
    ),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'placed-20-miles-out', END), { code: 'placed-20-miles-out', asAt: END, numerator: 1, denominator: 4, value: 25, unit: 'percent' });
});

test('compute placed-20-miles-out from a Postcodes table and the authority code', () => {
  const ret = history(
    files(2025, {
      Episodes: [ep('F', '01/06/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: 'HM1 1AA', PL_POST: 'FA1 1AA' }), ep('N', '01/06/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: 'HM1 1AA', PL_POST: 'NE1 1AA' })],
      Postcodes: [
        { POSTCODE: 'HM1 1AA', EASTING: '400000', NORTHING: '300000', LA_CODE: 'E10000001' },
        { POSTCODE: 'FA1 1AA', EASTING: '400000', NORTHING: '340000', LA_CODE: 'E10000002' },
        { POSTCODE: 'NE1 1AA', EASTING: '400000', NORTHING: '310000', LA_CODE: 'E10000002' },
      ],
    }),
  );
  const values = computeIndicators(ret, [END], { laCode: 'E10000001' });
  assert.deepEqual(valueOf(values, 'placed-20-miles-out', END), { code: 'placed-20-miles-out', asAt: END, numerator: 1, denominator: 2, value: 50, unit: 'percent' });
});

test('compute placed-20-miles-out is null when neither distances nor postcodes are supplied', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/06/2024', 'S', 'C2', 'U1')] }));
  const v = valueOf(computeIndicators(ret, [END]), 'placed-20-miles-out', END);
  assert.equal(v.value, null);
  assert.equal(v.numerator, null);
});

function oc2Return() {
  return history(
    files(2025, {
      Header: [header('C1', '01/01/2021'), header('C2', '01/01/2012'), header('C3', '01/01/2016'), header('C4', '01/01/2018'), header('X15', '01/01/2012'), header('XR', '01/01/2012'), header('XV', '01/01/2012'), header('E', '01/01/2012')],
      Episodes: [
        ep('C1', '01/04/2024', 'S', 'C2', 'U1'),
        ep('C2', '01/01/2022', 'S', 'C2', 'U1'),
        ep('C3', '01/01/2020', 'S', 'C2', 'U1'),
        ep('C4', '01/01/2020', 'S', 'C2', 'U1'),
        ep('X15', '15/04/2024', 'S', 'C2', 'U1'),
        ep('XR', '01/01/2023', 'S', 'C2', 'U1', '10/10/2024', 'E4B'),
        ep('XR', '12/10/2024', 'S', 'C2', 'U1'),
        ep('XV', '01/01/2023', 'S', 'C2', 'U1', '01/08/2024', 'X1'),
        ep('XV', '01/08/2024', 'L', 'V3', 'U1', '03/08/2024', 'X1'),
        ep('XV', '03/08/2024', 'L', 'C2', 'U1'),
        ep('E', '01/01/2023', 'S', 'C2', 'U1', '31/03/2025', 'E4A'),
      ],
      OC2: [
        oc2('C1', '01/01/2021', { HEALTH_ASSESSMENT: '1', TEETH_CHECK: '1', IMMUNISATIONS: '1', HEALTH_CHECK: '1' }),
        oc2('C2', '01/01/2012', { HEALTH_ASSESSMENT: '1', IMMUNISATIONS: '1', CONVICTED: '1', SDQ_SCORE: '20', SDQ_REASON: '' }),
        oc2('C3', '01/01/2016', { TEETH_CHECK: '1', SDQ_SCORE: '10', SDQ_REASON: '' }),
        oc2('C4', '01/01/2018'),
        oc2('X15', '01/01/2012', { HEALTH_ASSESSMENT: '1' }),
        oc2('XR', '01/01/2012', { HEALTH_ASSESSMENT: '1' }),
        oc2('XV', '01/01/2012', { HEALTH_ASSESSMENT: '1' }),
      ],
    }),
  );
}

test('compute the OC2 health indicators over the 12-month cohort of the worked examples', () => {
  const values = computeIndicators(oc2Return(), [END]);
  assert.deepEqual(valueOf(values, 'health-assessments', END), { code: 'health-assessments', asAt: END, numerator: 2, denominator: 4, value: 50, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'dental-checks', END), { code: 'dental-checks', asAt: END, numerator: 2, denominator: 4, value: 50, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'immunisations', END), { code: 'immunisations', asAt: END, numerator: 2, denominator: 4, value: 50, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'development-checks', END), { code: 'development-checks', asAt: END, numerator: 1, denominator: 1, value: 100, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'convictions', END), { code: 'convictions', asAt: END, numerator: 1, denominator: 1, value: 100, unit: 'percent' });
});

test('compute the SDQ indicators over the cohort aged 5 to 16 with children with a score as the band denominator', () => {
  const values = computeIndicators(oc2Return(), [END]);
  assert.deepEqual(valueOf(values, 'sdq-received', END), { code: 'sdq-received', asAt: END, numerator: 2, denominator: 3, value: 66.7, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'sdq-average', END), { code: 'sdq-average', asAt: END, numerator: 30, denominator: 2, value: 15, unit: 'score' });
  assert.deepEqual(valueOf(values, 'sdq-concern', END), { code: 'sdq-concern', asAt: END, numerator: 1, denominator: 2, value: 50, unit: 'percent' });
});

test('compute the OC2 indicators as null when no OC2 file covers the latest 31 March', () => {
  const v = valueOf(computeIndicators(oc2Return(), ['2025-02-28']), 'health-assessments', '2025-02-28');
  assert.equal(v.value, null);
  assert.equal(v.denominator, null);
});

test('compute care-leaver indicators by band with DIED, RHOM and transferred young people left out', () => {
  const row = (child: string, dob: string, inTouch: string, activ: string, accom: string) => ({ CHILD: child, DOB: dob, IN_TOUCH: inTouch, ACTIV: activ, ACCOM: accom });
  const ret = history(
    files(2025, {
      OC3: [
        row('L1', '15/06/2007', 'YES', 'F2', 'D1'),
        row('L2', '10/02/2007', 'NO', 'G5', 'R2'),
        row('L3', '01/05/2005', 'YES', 'P5', 'U1'),
        row('L4', '01/05/2004', 'DIED', '0', '0'),
        row('L5', '01/01/2004', 'REFU', '0', '0'),
        row('L6', '01/05/2005', 'RHOM', 'F1', 'B1'),
        row('L7', '01/06/2005', 'YES', 'F1', 'B1'),
      ],
      Episodes: [ep('L7', '01/01/2020', 'S', 'C2', 'U4', '01/06/2023', 'E3')],
    }),
  );
  const values = computeIndicators(ret, [END]);
  const pct = (code: string) => {
    const v = valueOf(values, code, END);
    return [v.numerator, v.denominator, v.value];
  };
  assert.deepEqual(pct('care-leavers-17-18-in-touch'), [1, 2, 50]);
  assert.deepEqual(pct('care-leavers-17-18-eet'), [1, 2, 50]);
  assert.deepEqual(pct('care-leavers-17-18-neet'), [1, 2, 50]);
  assert.deepEqual(pct('care-leavers-17-18-suitable-accommodation'), [1, 1, 100]);
  assert.deepEqual(pct('care-leavers-19-21-in-touch'), [1, 2, 50]);
  assert.deepEqual(pct('care-leavers-19-21-eet'), [1, 2, 50]);
  assert.deepEqual(pct('care-leavers-19-21-neet'), [0, 2, 0]);
  assert.deepEqual(pct('care-leavers-19-21-suitable-accommodation'), [1, 2, 50]);
});

test('compute missing and away figures over children looked after during the 12 months', () => {
  const inc = (child: string, kind: string, start: string, end: string) => ({ CHILD: child, DOB: '01/01/2010', MISSING: kind, MIS_START: start, MIS_END: end });
  const ret = history(
    files(2025, {
      Episodes: [ep('M1', '01/01/2024', 'S', 'C2', 'U1'), ep('M2', '01/01/2024', 'S', 'C2', 'U1'), ep('M3', '01/01/2024', 'S', 'C2', 'U1', '01/02/2025', 'E4A'), ep('M4', '01/06/2024', 'S', 'V3', 'U1', '03/06/2024', 'E4A')],
      Missing: [inc('M1', 'M', '01/03/2024', '02/04/2024'), inc('M1', 'M', '10/10/2024', '11/10/2024'), inc('M1', 'M', '01/02/2024', '02/02/2024'), inc('M2', 'A', '05/05/2024', '06/05/2024'), inc('M4', 'M', '02/06/2024', '02/06/2024')],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'missing-children', END), { code: 'missing-children', asAt: END, numerator: 1, denominator: 3, value: 33.3, unit: 'percent' });
  assert.deepEqual(valueOf(values, 'missing-incidents', END), { code: 'missing-incidents', asAt: END, numerator: 2, denominator: null, value: 2, unit: 'count' });
  assert.deepEqual(valueOf(values, 'away-children', END), { code: 'away-children', asAt: END, numerator: 1, denominator: 3, value: 33.3, unit: 'percent' });
  assert.equal(valueOf(values, 'away-incidents', END).value, 1);
});

/** A child adopted in the 3 years to END: care from 1 January 2022, an E1 order on 1 June 2022, placed on 1 March 2023, matched on 15 February 2023. */
const adoptedAA = [
  ep('AA', '01/01/2022', 'S', 'C1', 'U4', '01/06/2022', 'X1'),
  ep('AA', '01/06/2022', 'L', 'E1', 'U4', '01/03/2023', 'X1'),
  ep('AA', '01/03/2023', 'P', 'E1', 'A6', '01/09/2023', 'E11'),
];
const AD1_AA = { CHILD: 'AA', DOB: '01/01/2020', DATE_INT: '01/05/2022', DATE_MATCH: '15/02/2023', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L0' };

test('compute adoption A1, A2 and A10 as average days over the 3 years to the as-at date', () => {
  const ret = history(
    files(2025, {
      Episodes: [
        ...adoptedAA,
        ep('AB', '01/04/2022', 'S', 'C2', 'U4', '01/10/2022', 'X1'),
        ep('AB', '01/10/2022', 'L', 'E1', 'U4', '01/02/2023', 'X1'),
        ep('AB', '01/02/2023', 'U', 'E1', 'A5', '01/06/2024', 'E12'),
        ep('AC', '01/01/2019', 'S', 'C2', 'U4', '01/01/2020', 'X1'),
        ep('AC', '01/01/2020', 'P', 'E1', 'A4', '01/02/2022', 'E11'),
      ],
      AD1: [
        AD1_AA,
        { CHILD: 'AB', DOB: '01/01/2020', DATE_INT: '01/05/2022', DATE_MATCH: '01/12/2022', FOSTER_CARE: '1', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L0' },
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  assert.deepEqual(valueOf(values, 'adoption-a1', END), { code: 'adoption-a1', asAt: END, numerator: 730, denominator: 2, value: 365, unit: 'days' });
  assert.deepEqual(valueOf(values, 'adoption-a10', END), { code: 'adoption-a10', asAt: END, numerator: 424, denominator: 2, value: 212, unit: 'days' });
  assert.deepEqual(valueOf(values, 'adoption-a2', END), { code: 'adoption-a2', asAt: END, numerator: 320, denominator: 2, value: 160, unit: 'days' });
});

test('compute A1 and A10 without a child whose care began before the Episodes held, saying so; A2 still counts them', () => {
  // AE's first episode here continues a period (RNE P): the day AE entered care is before these files.
  const ret = history(
    files(2025, {
      Episodes: [
        ...adoptedAA,
        ep('AE', '01/05/2022', 'P', 'E1', 'A4', '01/03/2024', 'E11'),
      ],
      AD1: [
        AD1_AA,
        { CHILD: 'AE', DOB: '01/01/2019', DATE_INT: '01/01/2022', DATE_MATCH: '01/05/2022', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L0' },
      ],
    }),
  );
  const values = computeIndicators(ret, [END]);
  const note = 'children adopted in the 3 years whose care began before the Episodes held are left out: the day they entered care is not known';
  // AA alone: 1 January 2022 to 1 March 2023 (424 days), as in the test before; AE would have added 0 days.
  assert.deepEqual(valueOf(values, 'adoption-a1', END), { code: 'adoption-a1', asAt: END, numerator: 424, denominator: 1, value: 424, unit: 'days', note });
  assert.deepEqual(valueOf(values, 'adoption-a10', END), { code: 'adoption-a10', asAt: END, numerator: 424, denominator: 1, value: 424, unit: 'days', note });
  // A2 runs from the order to the match, both in the files: AA 1 June 2022 to 15 February 2023 (259 days), AE 0 days (matched on the order's day).
  assert.deepEqual(valueOf(values, 'adoption-a2', END), { code: 'adoption-a2', asAt: END, numerator: 259, denominator: 2, value: 130, unit: 'days' });
});

test('compute cla breakdowns by age band, sex and placement type', () => {
  const ret = history(
    files(2025, {
      Header: [header('B1', '01/06/2022', 'F'), header('B2', '01/03/2014', 'M'), header('B3', '01/03/2009', '2'), header('B4', '01/03/2006', 'M')],
      Episodes: [ep('B1', '01/06/2024', 'S', 'C2', 'U1'), ep('B2', '01/06/2024', 'S', 'C2', 'K2'), ep('B3', '01/06/2024', 'S', 'C2', 'K3'), ep('B4', '01/06/2024', 'S', 'C2', 'Z11')],
    }),
  );
  const values = computeIndicators(ret, [END]);
  const n = (category: string) => valueOf(values, 'cla', END, category).value;
  assert.deepEqual([n('0 to 4'), n('5 to 9'), n('10 to 15'), n('16 to 17'), n('18 and over')], [1, 0, 1, 1, 1]);
  assert.deepEqual([n('Male'), n('Female')], [2, 2]);
  assert.deepEqual(
    [n('Foster placements'), n("Children's homes and residential settings"), n('Supported accommodation'), n('Other placements'), n('Placed for adoption'), n('Placed with parents')],
    [1, 1, 1, 1, 0, 0],
  );
  assert.deepEqual(valueOf(values, 'cla', END, '0 to 4').breakdown, { dimension: 'age band', category: '0 to 4' });
});

test('compute figures from a stitched history where the latest year restates an open episode', () => {
  const ret = history(
    files(2024, { Episodes: [ep('S1', '01/06/2023', 'S', 'C2', 'U4'), ep('S2', '01/06/2023', 'S', 'C2', 'U4')] }),
    files(2025, { Episodes: [ep('S1', '01/06/2023', 'S', 'C2', 'K2', '01/06/2024', 'E4A')] }),
  );
  const values = computeIndicators(ret, ['2024-03-31', '2024-12-31', END]);
  assert.equal(valueOf(values, 'cla', '2024-03-31').value, 2, 'S2 is not carried on by 2025 and is closed on 01/04/2024: looked after on 31/03/2024');
  assert.equal(valueOf(values, 'cla', '2024-03-31', "Children's homes and residential settings").value, 1, 'the 2025 file wins');
  assert.equal(valueOf(values, 'cla', '2024-12-31').value, 0);
  assert.equal(valueOf(values, 'ceased', END).value, 1, 'S2 closing because 2025 does not carry it on is not a ceasing');
});

test('list month ends between two dates inclusive', () => {
  assert.deepEqual(monthEndsBetween('2024-01-15', '2024-04-30'), ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  assert.equal(monthEndsBetween('2020-04-01', '2025-03-31').length, 60);
});

test('define every indicator code that compute produces, once', () => {
  const ret = history(files(2025, { Episodes: [ep('A', '01/06/2024', 'S', 'C2', 'U1')] }));
  const produced = new Set(computeIndicators(ret, [END]).map((v) => v.code));
  const defined = indicatorDefinitions.map((d) => d.code);
  assert.equal(new Set(defined).size, defined.length);
  assert.deepEqual([...produced].sort(), [...defined].sort());
});
