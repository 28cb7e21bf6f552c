// One collection year per return: decided from names and dates, whatever way a council names its folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generate903 } from './generate/generate.ts';
import { checkReturn } from './checks.ts';
import { buildReturn } from './history.ts';
import { readReturn, Ssda903FileError, type InputFile } from './parse.ts';
import { csv } from './test-fixtures.ts';
import { TABLE_COLUMNS } from './tables.ts';
import { yearInName } from './years.ts';

const five = generate903({ children: 160, years: 5, seed: 'year-names', endYear: 2022 });

/** The generated files with each year's folder renamed (postcodes.csv stays at the top). */
function renamed(folder: (endYear: number) => string): InputFile[] {
  return five.files.map((f) => {
    const m = /^(\d{4})\/(.*)$/.exec(f.path);
    return { name: m ? `903/${folder(Number(m[1]))}/${m[2]}` : `903/${f.path}`, text: f.text };
  });
}

const yearsOf = (files: { name: string; collectionYear: number }[]) => [...new Set(files.filter((f) => !f.name.endsWith('postcodes.csv')).map((f) => f.collectionYear))].sort();

test('read names a span, a four-digit code and a single year as the year the collection ends', () => {
  assert.deepEqual(yearInName('903/2021-22/episodes.csv'), { year: 2022, span: true, text: '2021-22' });
  assert.deepEqual(yearInName('returns/2122/episodes.csv'), { year: 2022, span: true, text: '2122' });
  assert.deepEqual(yearInName('903_2022/header.csv'), { year: 2022, span: false, text: '2022' });
  assert.deepEqual(yearInName('ssda903_2021_2022.csv'), { year: 2022, span: true, text: '2021_2022' });
  assert.equal(yearInName('returns/episodes.csv'), null);
});

test('read five years named by the year they end decides each year from its folder with no note', () => {
  const { files, notes } = readReturn(renamed((y) => String(y)));
  assert.deepEqual(yearsOf(files), [2018, 2019, 2020, 2021, 2022]);
  for (const f of files) if (!f.name.endsWith('postcodes.csv')) assert.equal(f.collectionYear, Number(f.name.slice(4, 8)), f.name);
  assert.deepEqual(notes, []);
});

test('read five years named by the year they start follows the dates and says so in one line', () => {
  const { files, notes } = readReturn(renamed((y) => String(y - 1)));
  assert.deepEqual(yearsOf(files), [2018, 2019, 2020, 2021, 2022]);
  for (const f of files) if (!f.name.endsWith('postcodes.csv')) assert.equal(f.collectionYear, Number(f.name.slice(4, 8)) + 1, f.name);
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /2017, 2018, 2019, 2020, 2021 are the years the collections start/);
  assert.match(notes[0]!, /01\/04\/2017 to 31\/03\/2018/);
});

test('read a mix of folder names decides each year correctly', () => {
  const names: Record<number, string> = { 2018: '2017-18', 2019: '1819', 2020: '903_2020', 2021: 'FY2020', 2022: 'year 2021_22' };
  const { files, notes } = readReturn(renamed((y) => names[y]!));
  for (const f of files) {
    if (f.name.endsWith('postcodes.csv')) continue;
    const folder = f.name.split('/')[1]!;
    const expected = Number(Object.entries(names).find(([, n]) => n === folder)![0]);
    assert.equal(f.collectionYear, expected, f.name);
  }
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /FY2020/);
});

test('read refuses two returns that both turn out to be one year, with the one line', () => {
  const byEnd = renamed((y) => String(y)).filter((f) => f.name.startsWith('903/2019/'));
  const byStart = renamed((y) => String(y - 1)).filter((f) => f.name.startsWith('903/2018/'));
  const moved = [...byEnd, ...byStart.map((f) => ({ ...f, name: f.name.replace('903/2018/', 'copy/2018/') }))];
  assert.throws(() => readReturn(moved), /903\/2019\/.* and copy\/2018\/.* are both the .* table of the collection year 01\/04\/2018 to 31\/03\/2019/);
});

test('read a one-year set with every table including DoLo, in a folder with no year, gives every file the one year', () => {
  const one = generate903({ children: 120, years: 1, seed: 'dolo', endYear: 2027 });
  const input: InputFile[] = one.files.map((f) => ({ name: `return/${f.path.replace(/^\d{4}\//, '')}`, text: f.text }));
  const child = one.files.find((f) => f.path.endsWith('header.csv'))!.text.split('\n')[1]!.split(',');
  input.push({ name: 'return/DoLo.csv', text: csv(TABLE_COLUMNS.DoLo, [{ CHILD: child[0]!, DOB: child[2]!, DOLO_START: '03/05/2026', DOLO_END: '' }]) });
  const { files, notes } = readReturn(input);
  assert.deepEqual([...new Set(files.map((f) => f.table))].sort(), [...Object.keys(TABLE_COLUMNS)].sort());
  assert.deepEqual(yearsOf(files), [2027]);
  assert.deepEqual(notes, []);
});

test('read refuses a DoLo file with a missing column, naming the file and the column', () => {
  assert.throws(
    () => readReturn([{ name: 'r/DoLo.csv', text: 'CHILD,DOB,DOLO_START\nA,01/01/2012,01/06/2026\n' }]),
    (e: unknown) => e instanceof Ssda903FileError && /r\/DoLo\.csv: looks like the DoLo table but has missing column DOLO_END/.test(e.message),
  );
});

test('read with --year overrides names and dates, and refuses it for several returns', () => {
  const one = renamed((y) => String(y)).filter((f) => f.name.startsWith('903/2019/'));
  assert.deepEqual(yearsOf(readReturn(one, { year: 2024 }).files), [2024]);
  assert.throws(() => readReturn(renamed((y) => String(y)), { year: 2020 }), /--year 2020 is for one collection year, but these files look like 5 returns/);
});

test('check a return with no year skips the year-dependent checks with a note, never year 0', () => {
  const { files, notes } = readReturn([
    { name: 'return/header.csv', text: csv(TABLE_COLUMNS.Header, [{ CHILD: 'A', SEX: 'M', DOB: '01/01/2005', ETHNIC: 'WBRI', UPN: 'A123456789012' }]) },
    { name: 'return/oc3.csv', text: csv(TABLE_COLUMNS.OC3, [{ CHILD: 'A', DOB: '01/01/2005', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' }]) },
  ]);
  assert.deepEqual(yearsOf(files), [0]);
  assert.deepEqual(notes, [], 'the one note is the checks’ own, naming what they skipped');
  const issues = checkReturn(buildReturn(files));
  assert.deepEqual(issues, [
    {
      severity: 'note',
      check: 'year-unknown',
      file: 'return/header.csv',
      line: 1,
      child: '',
      message:
        'The collection year of return/header.csv, return/oc3.csv is not known (no year in the path and no event dates to tell; give --year to set it), so 3 checks that depend on it were not run: date-outside-year, 391, 3001',
    },
  ]);
  // One check skipped is said in the singular.
  const header = readReturn([{ name: 'return/header.csv', text: csv(TABLE_COLUMNS.Header, [{ CHILD: 'A', SEX: 'M', DOB: '01/01/2005', ETHNIC: 'WBRI', UPN: 'A123456789012' }]) }]);
  assert.deepEqual(
    checkReturn(buildReturn(header.files)).map((i) => i.message),
    ['The collection year of return/header.csv is not known (no year in the path and no event dates to tell; give --year to set it), so 1 check that depends on it was not run: date-outside-year'],
  );
});
