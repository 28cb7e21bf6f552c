// Each OC3 rule (cohort 1007/1016/391/1001, coding 344/345/3001) flags its rows and passes a young person it does not concern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files, header } from '../test-fixtures.ts';
import { flagged, messages } from './test-fixtures.ts';

const O = '2025/oc3.csv';
const oc3 = (child: string, dob: string, inTouch = 'YES', activ = 'F2', accom = 'D1') => ({ CHILD: child, DOB: dob, IN_TOUCH: inTouch, ACTIV: activ, ACCOM: accom });

test('rule 1007 flags care-leaver data for a 17-year-old still looked after on their birthday, and passes one who left before it', () => {
  const input = files(2025, {
    Episodes: [ep('A', '01/01/2020', 'S', 'C2', 'U1'), ep('B', '01/01/2020', 'S', 'C2', 'U1', '01/05/2024', 'E8')],
    OC3: [oc3('A', '01/06/2007'), oc3('B', '01/06/2007')],
  });
  assert.deepEqual(flagged('1007', input), [`${O}:2`]);
});

test('rule 1016 flags care-leaver data for a 17-year-old who left care after their birthday, and passes one who left before it, an 18-year-old who left at 17 and a 20-year-old', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/01/2020', 'S', 'C2', 'U1', '01/08/2024', 'E8'),
      ep('B', '01/01/2020', 'S', 'C2', 'U1', '01/05/2024', 'E8'),
      ep('C', '01/01/2020', 'S', 'C2', 'U1', '01/08/2024', 'E8'),
      ep('D', '01/01/2020', 'S', 'C2', 'U1', '01/05/2024', 'E8'),
    ],
    OC3: [oc3('A', '01/06/2007'), oc3('B', '01/06/2007'), oc3('C', '01/06/2004'), oc3('D', '01/06/2006')],
  });
  assert.deepEqual(flagged('1016', input), [`${O}:2`]);
});

test('rule 391 flags care-leaver data for someone turning under 17 or over 21, and passes an 18-year-old and a blank row', () => {
  const input = files(2025, {
    OC3: [oc3('YOUNG', '01/06/2009'), oc3('OLD', '01/06/2001'), oc3('OK', '01/06/2006'), { CHILD: 'EMPTY', DOB: '01/06/2009', IN_TOUCH: '', ACTIV: '', ACCOM: '' }],
  });
  assert.deepEqual(flagged('391', input), [`${O}:2`, `${O}:3`]);
});

test('rule 1001 flags a young person not looked after 13 weeks since 14, or adopted, and passes a care leaver', () => {
  const input = [
    files(2024, {
      Episodes: [
        ep('A', '01/01/2020', 'S', 'C2', 'U1', '01/08/2023', 'E8'),
        ep('B', '01/04/2023', 'S', 'C2', 'U1', '01/05/2023', 'E8'),
        ep('C', '01/01/2018', 'S', 'E1', 'A4', '01/09/2023', 'E11'),
      ],
    }),
    files(2025, {
      Header: [header('A', '01/06/2006'), header('B', '01/06/2006'), header('C', '01/06/2006')],
      Episodes: [ep('Z', '01/05/2024', 'S', 'C2', 'U1')],
      OC3: [oc3('A', '01/06/2006'), oc3('B', '01/06/2006'), oc3('C', '01/06/2006')],
    }),
  ];
  assert.deepEqual(flagged('1001', ...input), [`${O}:3`, `${O}:4`]);
});

test('rule 1001 says when the returns loaded begin after the birthday it counts from, rather than that the young person is not a care leaver', () => {
  const years = (first: number) => [
    files(first, { Episodes: [ep('Z', `01/05/${first - 1}`, 'S', 'C2', 'U1')] }),
    files(2024, { Episodes: [ep('B', '01/04/2023', 'S', 'C2', 'U1', '01/05/2023', 'E8')] }),
    files(2025, { Header: [header('B', '01/06/2006')], Episodes: [ep('Z', '01/05/2024', 'S', 'C2', 'U1')], OC3: [oc3('B', '01/06/2006')] }),
  ];
  // Loaded from 1 April 2020, before B turned 14 (1 June 2020): their 30 days are all the care there was.
  assert.deepEqual(messages('1001', ...years(2021)), [
    'Young person B was looked after 30 days since their 14th birthday in the returns loaded, under the 91 a care leaver needs, so is not a care leaver, but IN_TOUCH, ACTIV, ACCOM completed',
  ]);
  // Loaded from 1 April 2022 only: care between the birthday and then would not be seen.
  assert.deepEqual(messages('1001', ...years(2023)), [
    'Young person B was looked after 30 days since their 14th birthday in the returns loaded, under the 91 a care leaver needs, but IN_TOUCH, ACTIV, ACCOM completed; the returns loaded begin on 01/04/2022, after that birthday (01/06/2020), so care before then is not seen: load the earlier years, or check that they are a care leaver',
  ]);
});

test('rule 344 flags activity or accommodation other than 0 for a young person who died or returned home, and passes 0', () => {
  const input = files(2025, { OC3: [oc3('A', '01/06/2006', 'RHOM', 'G5', 'B1'), oc3('B', '01/06/2006', 'DIED', '0', '0')] });
  assert.deepEqual(flagged('344', input), [`${O}:2`]);
});

test('rule 345 flags activity or accommodation 0 for a young person in touch, and passes known ones', () => {
  const input = files(2025, { OC3: [oc3('A', '01/06/2006', 'YES', '0', 'D1'), oc3('B', '01/06/2006', 'YES', 'F2', 'D1'), oc3('C', '01/06/2006', 'NO', '0', '0')] });
  assert.deepEqual(flagged('345', input), [`${O}:2`]);
});

test('rule 3001 flags accommodation with former foster carers (Z) for a young person turning 17, and passes an 18-year-old', () => {
  const input = files(2025, { OC3: [oc3('A', '01/06/2007', 'YES', 'F2', 'Z1'), oc3('B', '01/06/2006', 'YES', 'F2', 'Z1'), oc3('C', '01/06/2007', 'YES', 'F2', 'D1')] });
  assert.deepEqual(flagged('3001', input), [`${O}:2`]);
});
