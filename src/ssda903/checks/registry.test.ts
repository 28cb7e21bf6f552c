// The rule list holds every rule of ssda903.md §4, and rules needing the collection year are skipped with one note without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReturn } from '../history.ts';
import { parseFiles } from '../parse.ts';
import { table } from '../test-fixtures.ts';
import { RULES, runRules, YEAR_UNKNOWN } from './registry.ts';

/** The codes of the table "Rules that matter most for KPI correctness" in docs ssda903.md §4. */
const SECTION_4 = [
  '388', '142', '501', '431', '432', '433', '434', '435', '436',
  '502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', '503H', '503J', '562', 'NoE',
  '190', '191', '186', '197B', '188', '189',
  '392a', '392B', '392c', '164', '406', '398',
  '1007', '1016', '391', '1001', '344', '345', '3001',
  '365', '367', '382', '384', '426', '380', '381', '383',
];

test('rule list registers every §4 rule once, each with a message source, severity and fields', () => {
  const codes = RULES.map((r) => r.code);
  assert.deepEqual([...codes].sort(), [...SECTION_4].sort());
  for (const r of RULES) assert.ok(r.fields.length > 0 && r.what !== '' && r.protects !== '', r.code);
});

test('run rules on files of no known year leaves one note naming the skipped rules and computes none of them', () => {
  const oc3 = { CHILD: 'YOUNG', DOB: '01/06/2009', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' };
  const ret = buildReturn(
    parseFiles([
      { name: 'oc3.csv', text: table('OC3', [oc3, { ...oc3, CHILD: 'ZERO', IN_TOUCH: 'YES', ACTIV: '0' }]) },
    ]),
  );
  const issues = runRules(ret);
  const notes = issues.filter((i) => i.severity === 'note');
  assert.equal(notes.length, 1);
  assert.equal(notes[0]!.check, YEAR_UNKNOWN);
  assert.equal(notes[0]!.file, 'oc3.csv');
  assert.match(notes[0]!.message, /oc3\.csv is not known.*not run: 391, 3001$/);
  assert.deepEqual(issues.filter((i) => i.check === '391'), []);
  // A rule with no need of the year still runs.
  assert.deepEqual(issues.filter((i) => i.check === '345').map((i) => i.line), [3]);
});

test('run rules on files of a known year leaves no note', () => {
  const ret = buildReturn(parseFiles([{ name: '903/2025/oc3.csv', text: table('OC3', [{ CHILD: 'A', DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' }]) }]));
  assert.deepEqual(runRules(ret), []);
});

test('run rules reports the table, every field pointed at and the related rows', () => {
  const ret = buildReturn(
    parseFiles([
      {
        name: '903/2025/episodes.csv',
        text: table('Episodes', [
          { CHILD: 'A', DECOM: '01/05/2024', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U1', PLACE_PROVIDER: 'PR1', DEC: '01/06/2024', REC: 'X1', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC1' },
          { CHILD: 'A', DECOM: '01/06/2024', RNE: 'P', LS: 'C2', CIN: 'N1', PLACE: 'U1', PLACE_PROVIDER: 'PR1', DEC: '', REC: '', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC1' },
        ]),
      },
    ]),
  );
  const [issue] = runRules(ret).filter((i) => i.check === '435');
  assert.deepEqual(
    { severity: issue?.severity, table: issue?.table, line: issue?.line, column: issue?.column, fields: issue?.fields, related: issue?.related },
    { severity: 'error', table: 'Episodes', line: 3, column: 'RNE', fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'], related: [{ file: '903/2025/episodes.csv', line: 2 }] },
  );
});
