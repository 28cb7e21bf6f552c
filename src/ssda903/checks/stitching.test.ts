// Each rule joining this year's episodes to last year's (502, 503A–J, 562, NoE) flags its rows and passes a carried-on episode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files, reviews } from '../test-fixtures.ts';
import { flagged } from './test-fixtures.ts';

const E = '2025/episodes.csv';

/**
 * Child A's episode open at the end of 2024 comes back in 2025 with `field` changed from `before` to `after`;
 * child B's comes back unchanged. Returns what rule 503<letter> flags.
 */
function carried(letter: string, field: string, before: string, after: string, extraColumns: string[] = [], extraTables = {}): string[] {
  const open = (child: string, value: string) => ep(child, '01/05/2023', 'S', 'C2', 'U1', '', '', { [field]: value });
  return flagged(
    `503${letter}`,
    files(2024, { Episodes: [open('A', before), open('B', before)] }, extraColumns),
    files(2025, { Episodes: [open('A', after), open('B', before)], ...extraTables }, extraColumns),
  );
}

test('rule 502 flags a first episode not starting when last year’s open one did, and passes one that does', () => {
  const input = [
    files(2024, { Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U1'), ep('B', '01/05/2023', 'S', 'C2', 'U1')] }),
    files(2025, { Episodes: [ep('A', '01/06/2023', 'S', 'C2', 'U1'), ep('B', '01/05/2023', 'S', 'C2', 'U1')] }),
  ];
  assert.deepEqual(flagged('502', ...input), [`${E}:2`]);
});

test('rule 503A flags a changed RNE on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('A', 'RNE', 'S', 'P'), [`${E}:2`]);
});

test('rule 503B flags a changed LS on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('B', 'LS', 'C2', 'V2'), [`${E}:2`]);
});

test('rule 503C flags a changed CIN on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('C', 'CIN', 'N1', 'N4'), [`${E}:2`]);
});

test('rule 503D flags a changed PLACE on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('D', 'PLACE', 'U1', 'U4'), [`${E}:2`]);
});

test('rule 503E flags a changed PLACE_PROVIDER on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('E', 'PLACE_PROVIDER', 'PR1', 'PR4'), [`${E}:2`]);
});

test('rule 503F flags a changed URN on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('F', 'URN', 'SC123456', 'SC654321'), [`${E}:2`]);
});

test('rule 503G flags a distance 0.2 miles or more apart and passes one within rounding', () => {
  assert.deepEqual(carried('G', 'PL_DISTANCE', '5.0', '7.0', ['PL_DISTANCE']), [`${E}:2`]);
  assert.deepEqual(carried('G', 'PL_DISTANCE', '5.0', '5.1', ['PL_DISTANCE']), []);
});

test('rule 503H flags a placement postcode in another authority and passes without a postcode directory', () => {
  const directory = {
    Postcodes: [
      { POSTCODE: 'EF3 4GH', EASTING: '450000', NORTHING: '250000', LA_CODE: 'E10000001' },
      { POSTCODE: 'XY1 2AB', EASTING: '460000', NORTHING: '260000', LA_CODE: 'E10000002' },
    ],
  };
  assert.deepEqual(carried('H', 'PL_POST', 'EF3 4GH', 'XY1 2AB', [], directory), [`${E}:2`]);
  assert.deepEqual(carried('H', 'PL_POST', 'EF3 4GH', 'XY1 2AB'), []);
});

test('rule 503J flags a changed PL_LOCATION on the carried-on episode and passes an unchanged one', () => {
  assert.deepEqual(carried('J', 'PL_LOCATION', 'IN', 'OUT', ['PL_LOCATION']), [`${E}:2`]);
});

test('rule 562 flags a first episode before the year that is not last year’s final one, and passes a carried-on one', () => {
  const input = [
    files(2024, {
      Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U1', '01/06/2023', 'X1'), ep('A', '01/06/2023', 'P', 'C2', 'K2'), ep('B', '01/05/2023', 'S', 'C2', 'U1')],
    }),
    files(2025, {
      Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U1'), ep('B', '01/05/2023', 'S', 'C2', 'U1'), ep('C', '01/03/2024', 'S', 'C2', 'U1'), ep('D', '01/06/2024', 'S', 'C2', 'U1')],
      Reviews: reviews('15/10/2024', 'A', 'B', 'C', 'D'),
    }),
  ];
  assert.deepEqual(flagged('562', ...input), [`${E}:2`, `${E}:4`]);
});

test('rule NoE flags every episode before the year of a child absent from last year, and passes episodes within the year', () => {
  const input = [
    files(2024, { Episodes: [ep('B', '01/05/2023', 'S', 'C2', 'U1')] }),
    files(2025, {
      Episodes: [
        ep('B', '01/05/2023', 'S', 'C2', 'U1'),
        ep('C', '01/02/2024', 'S', 'C2', 'U1', '01/03/2024', 'X1'),
        ep('C', '01/03/2024', 'P', 'C2', 'K2'),
        ep('D', '01/06/2024', 'S', 'C2', 'U1'),
      ],
      Reviews: reviews('15/10/2024', 'B', 'C', 'D'),
    }),
  ];
  assert.deepEqual(flagged('NoE', ...input), [`${E}:3`, `${E}:4`]);
});

test('rules needing last year’s return do not run on a single year', () => {
  const input = files(2025, { Episodes: [ep('C', '01/03/2024', 'S', 'C2', 'U1')] });
  assert.deepEqual([...flagged('NoE', input), ...flagged('562', input), ...flagged('502', input)], []);
});
