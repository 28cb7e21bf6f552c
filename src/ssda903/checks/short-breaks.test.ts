// Each short-break rule (365, 367, 382, 384, 426) flags its rows and passes breaks within the limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files } from '../test-fixtures.ts';
import { flagged } from './test-fixtures.ts';

const E = '2025/episodes.csv';
const brk = (child: string, from: string, to: string, ls = 'V3', place = 'U5') => ep(child, from, 'S', ls, place, to, to ? 'E4A' : '', { HOME_POST: '', PL_POST: '' });

test('rule 365 flags a single break of more than 17 days, an open one measured to 31 March, and passes 17 days', () => {
  const input = files(2025, {
    Episodes: [brk('A', '01/05/2024', '18/05/2024'), brk('B', '01/05/2024', '19/05/2024'), brk('C', '20/03/2025', ''), brk('D', '01/03/2025', '')],
  });
  assert.deepEqual(flagged('365', input), [`${E}:3`, `${E}:5`]);
});

test('rule 367 flags every break of a child whose breaks pass 75 days in the year, and passes a child under it', () => {
  const input = files(2025, {
    Episodes: [
      brk('A', '01/05/2024', '17/05/2024'),
      brk('A', '01/06/2024', '17/06/2024'),
      brk('A', '01/07/2024', '17/07/2024'),
      brk('A', '01/08/2024', '17/08/2024'),
      brk('A', '01/09/2024', '17/09/2024'),
      brk('B', '01/05/2024', '17/05/2024'),
      brk('B', '01/06/2024', '17/06/2024'),
    ],
  });
  assert.deepEqual(flagged('367', input), [`${E}:2`, `${E}:3`, `${E}:4`, `${E}:5`, `${E}:6`]);
});

test('rule 382 flags a short break in a temporary placement, and passes one in foster care', () => {
  const input = files(2025, { Episodes: [brk('A', '01/05/2024', '03/05/2024', 'V3', 'T1'), brk('B', '01/05/2024', '03/05/2024', 'V4', 'U5')] });
  assert.deepEqual(flagged('382', input), [`${E}:2`]);
});

test('rule 384 flags a short break in long-term foster care (U1, U4), and passes other foster care', () => {
  const input = files(2025, {
    Episodes: [brk('A', '01/05/2024', '03/05/2024', 'V4', 'U1'), brk('B', '01/05/2024', '03/05/2024', 'V3', 'U4'), brk('C', '01/05/2024', '03/05/2024', 'V3', 'U5')],
  });
  assert.deepEqual(flagged('384', input), [`${E}:2`, `${E}:3`]);
});

test('rule 426 flags every break of a child under both V3 and V4 in a year, and passes V3 alone', () => {
  const input = files(2025, {
    Episodes: [brk('A', '01/05/2024', '03/05/2024', 'V3'), brk('A', '01/06/2024', '', 'V4'), brk('B', '01/05/2024', '03/05/2024', 'V3'), brk('B', '01/06/2024', '03/06/2024', 'V3')],
  });
  assert.deepEqual(flagged('426', input), [`${E}:2`, `${E}:3`]);
});
