// Each episode-sequence rule (388, 142, 501, 431–436) flags its failing rows and passes a consistent child.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files } from '../test-fixtures.ts';
import { flagged, messages } from './test-fixtures.ts';

const E = '2025/episodes.csv';

test('rule 388 flags an X1 with a gap, a ceasing followed the same day and a last episode ending X1, and passes a chain', () => {
  const input = files(2025, {
    Episodes: [
      ep('G', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('G', '05/06/2024', 'P', 'C2', 'K2'),
      ep('C', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
      ep('C', '01/06/2024', 'S', 'C2', 'U1'),
      ep('L', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('OK', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('OK', '01/06/2024', 'P', 'C2', 'K2'),
    ],
  });
  assert.deepEqual(flagged('388', input), [`${E}:2`, `${E}:4`, `${E}:6`]);
});

test('rule 142 flags an episode without DEC or REC that is followed by another, and passes an open last episode', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1'),
      ep('A', '01/06/2024', 'P', 'C2', 'K2'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', ''),
      ep('B', '01/06/2024', 'P', 'C2', 'K2'),
      ep('OK', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('OK', '01/06/2024', 'P', 'C2', 'K2'),
    ],
  });
  assert.deepEqual(flagged('142', input), [`${E}:2`, `${E}:4`]);
});

test('rule 501 flags an episode starting before the previous one ended, and passes one starting that day', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/04/2021', 'S', 'C2', 'U1', '03/06/2021', 'E4A'),
      ep('A', '01/05/2021', 'S', 'C2', 'U1'),
      ep('OK', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('OK', '01/06/2024', 'P', 'C2', 'K2'),
    ],
  });
  assert.deepEqual(flagged('501', input), [`${E}:3`]);
  assert.deepEqual(messages('501', input), ['Episode starting 01/05/2021 overlaps the previous one ending 03/06/2021']);
});

test('rule 431 flags RNE S on the day the previous episode ended, and passes RNE S after a day out of care', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
      ep('A', '01/06/2024', 'S', 'C2', 'U1'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
      ep('B', '10/06/2024', 'S', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('431', input), [`${E}:3`]);
});

test('rule 432 flags an episode after a ceasing that is not RNE S, and passes a new period with RNE S', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
      ep('A', '10/06/2024', 'P', 'C2', 'U1'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'E4A'),
      ep('B', '10/06/2024', 'S', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('432', input), [`${E}:3`]);
});

test('rule 433 flags a continuing RNE that does not start the day the previous episode ended, and passes a first episode', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('A', '05/06/2024', 'P', 'C2', 'K2'),
      ep('B', '01/05/2024', 'P', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'P', 'C2', 'K2'),
    ],
  });
  assert.deepEqual(flagged('433', input), [`${E}:3`]);
});

test('rule 434 flags RNE L with the same legal status or a changed placement, and passes a legal status change alone', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('A', '01/06/2024', 'L', 'C2', 'U1'),
      ep('B', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'L', 'C1', 'U1'),
      ep('C', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('C', '01/06/2024', 'L', 'C2', 'K2'),
    ],
  });
  assert.deepEqual(flagged('434', input), [`${E}:5`, `${E}:7`]);
});

test('rule 435 flags RNE P or T with nothing changed or the legal status changed, and passes a move alone', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('A', '01/06/2024', 'P', 'C2', 'K2'),
      ep('B', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'P', 'C2', 'U1'),
      ep('C', '01/05/2024', 'S', 'C2', 'U1', '01/06/2024', 'X1'),
      ep('C', '01/06/2024', 'T', 'C1', 'U1', '', '', { PL_POST: 'EF3 4GJ' }),
    ],
  });
  assert.deepEqual(flagged('435', input), [`${E}:5`, `${E}:7`]);
});

test('rule 436 flags RNE B or U with the same legal status or the same placement, and passes both changed', () => {
  const input = files(2025, {
    Episodes: [
      ep('A', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('A', '01/06/2024', 'B', 'C2', 'K2'),
      ep('B', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('B', '01/06/2024', 'U', 'C1', 'K2'),
      ep('C', '01/05/2024', 'S', 'C1', 'U1', '01/06/2024', 'X1'),
      ep('C', '01/06/2024', 'B', 'C2', 'U1'),
    ],
  });
  assert.deepEqual(flagged('436', input), [`${E}:5`, `${E}:7`]);
});
