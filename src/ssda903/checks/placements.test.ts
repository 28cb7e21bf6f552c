// Each placement rule (postcodes and distance 392a/392B/392c/164/406/398, temporary placements 380/381/383) flags its rows and passes a sound one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files } from '../test-fixtures.ts';
import { flagged } from './test-fixtures.ts';

const E = '2025/episodes.csv';
const DISTANCE = ['PL_DISTANCE'];
const uasc = (child: string) => ({ CHILD: child, SEX: 'M', DOB: '01/01/2008', DUC: '' });

test('rule 392a flags an episode with no distance, and passes a distance, a short break and a UASC child', () => {
  const input = files(
    2025,
    {
      Episodes: [
        ep('A', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '' }),
        ep('B', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '3.2' }),
        ep('V', '01/05/2024', 'S', 'V3', 'U5', '03/05/2024', 'E4A', { PL_DISTANCE: '' }),
        ep('U', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '' }),
      ],
      UASC: [uasc('U')],
    },
    DISTANCE,
  );
  assert.deepEqual(flagged('392a', input), [`${E}:2`]);
});

test('rule 392a does not run when the Episodes file carries no distance', () => {
  assert.deepEqual(flagged('392a', files(2025, { Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1')] })), []);
});

test('rule 392B flags a missing home or placement postcode, and passes a short break and a child UASC last year', () => {
  const input = [
    files(2024, { Episodes: [ep('W', '01/05/2023', 'S', 'C2', 'U1', '', '', { HOME_POST: '' })], UASC: [uasc('W')] }),
    files(2025, {
      Episodes: [
        ep('A', '01/05/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: '' }),
        ep('B', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_POST: '' }),
        ep('V', '01/05/2024', 'S', 'V3', 'U5', '03/05/2024', 'E4A', { HOME_POST: '', PL_POST: '' }),
        ep('W', '01/05/2023', 'S', 'C2', 'U1', '', '', { HOME_POST: '' }),
        ep('OK', '01/05/2024', 'S', 'C2', 'U1'),
      ],
    }),
  ];
  assert.deepEqual(flagged('392B', ...input), [`${E}:2`, `${E}:3`]);
});

test('rule 392c flags a postcode of the wrong shape, or one missing from a loaded directory, and passes real ones', () => {
  const shape = files(2025, { Episodes: [ep('A', '01/05/2024', 'S', 'C2', 'U1', '', '', { HOME_POST: 'NOWHERE' }), ep('OK', '01/05/2024', 'S', 'C2', 'U1')] });
  assert.deepEqual(flagged('392c', shape), [`${E}:2`]);
  const directory = files(2025, {
    Episodes: [ep('C', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_POST: 'ZZ9 9ZZ' }), ep('OK', '01/05/2024', 'S', 'C2', 'U1')],
    Postcodes: [
      { POSTCODE: 'AB1 2CD', EASTING: '450000', NORTHING: '250000', LA_CODE: 'E10000001' },
      { POSTCODE: 'EF3 4GH', EASTING: '451000', NORTHING: '251000', LA_CODE: 'E10000001' },
    ],
  });
  assert.deepEqual(flagged('392c', directory), [`${E}:2`]);
});

test('rule 164 flags a distance that is not 0.0 to 999.9 miles, and passes one that is', () => {
  const input = files(
    2025,
    {
      Episodes: [
        ep('A', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '1000' }),
        ep('B', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '-2' }),
        ep('C', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: 'FAR' }),
        ep('OK', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '999.9' }),
      ],
    },
    DISTANCE,
  );
  assert.deepEqual(flagged('164', input), [`${E}:2`, `${E}:3`, `${E}:4`]);
});

test('rule 406 flags a distance for a child who is or was UASC, and passes a distance for any other child', () => {
  const input = [
    files(2024, { Episodes: [ep('W', '01/05/2023', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '' })], UASC: [uasc('W')] }, DISTANCE),
    files(
      2025,
      {
        Episodes: [
          ep('U', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '3.0' }),
          ep('W', '01/05/2023', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '3.0' }),
          ep('OK', '01/05/2024', 'S', 'C2', 'U1', '', '', { PL_DISTANCE: '3.0' }),
        ],
        UASC: [uasc('U')],
      },
      DISTANCE,
    ),
  ];
  assert.deepEqual(flagged('406', ...input), [`${E}:2`, `${E}:3`]);
});

test('rule 398 flags postcodes on a short break, and passes a short break without them', () => {
  const input = files(2025, {
    Episodes: [
      ep('V', '01/05/2024', 'S', 'V3', 'U5', '03/05/2024', 'E4A'),
      ep('W', '01/05/2024', 'S', 'V4', 'U5', '03/05/2024', 'E4A', { HOME_POST: '', PL_POST: '' }),
      ep('OK', '01/05/2024', 'S', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('398', input), [`${E}:2`]);
});

test('rule 380 flags a temporary placement starting a period, and passes one entered by a move', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'T1'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'P', 'C2', 'T1'),
    ],
  });
  assert.deepEqual(flagged('380', input), [`${E}:2`]);
});

test('rule 381 flags a temporary placement ending a period, and passes one ending X1', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('A', '01/06/2024', 'P', 'C2', 'T1', '01/07/2024', 'E4A'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'P', 'C2', 'T1', '05/06/2024', 'X1'),
      ep('B', '05/06/2024', 'P', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('381', input), [`${E}:3`]);
});

test('rule 383 flags a temporary placement not followed by a return (RNE P) to the same placement type, and passes a return', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('A', '01/06/2024', 'P', 'C2', 'T1', '05/06/2024', 'X1'),
      ep('A', '05/06/2024', 'P', 'C2', 'K2'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'P', 'C2', 'T1', '05/06/2024', 'X1'),
      ep('B', '05/06/2024', 'T', 'C2', 'U1'),
      ep('C', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('C', '01/06/2024', 'P', 'C2', 'T1', '05/06/2024', 'X1'),
      ep('C', '05/06/2024', 'P', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('383', input), [`${E}:3`, `${E}:6`]);
});
