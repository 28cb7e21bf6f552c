// parentis import 903 and indicators --files on returns named as councils name them: by the year a collection starts or ends, with DoLo and errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { copyOf, demoStore, disposeStores, fails, ok, okJson, tempDir, type Store } from './run.ts';

interface IndicatorRow {
  code: string;
  asAt: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

let demo: Store;
const five = generate903({ children: 150, years: 5, seed: 'cli-years', endYear: 2022 });

/** The five years on disk, each year's folder named by `folder`. */
function writeFive(folder: (endYear: number) => string): string {
  const dir = path.join(tempDir(), 'returns');
  for (const f of five.files) {
    const m = /^(\d{4})\/(.*)$/.exec(f.path);
    const target = path.join(dir, m ? path.join(folder(Number(m[1])), m[2]!) : f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
  }
  return dir;
}

before(async () => {
  demo = await demoStore();
});

after(async () => {
  await disposeStores();
});

test('import 903 of five years named by the year each starts or ends gives the same figures', async () => {
  const range = ['indicators', '--from', '2021-04-30', '--to', '2022-03-31', '--format', 'json'];
  const byEnd = await copyOf(demo);
  const endOut = await ok(byEnd, ['import', '903', writeFive(String), '--proceed-with-warnings']);
  assert.match(endOut, /collection years 2018, 2019, 2020, 2021, 2022;/);
  assert.doesNotMatch(endOut, /^Note:/m);
  const fromEnd = await okJson<IndicatorRow[]>(byEnd, range);

  const byStart = await copyOf(demo);
  const startOut = await ok(byStart, ['import', '903', writeFive((y) => String(y - 1)), '--proceed-with-warnings']);
  assert.match(startOut, /collection years 2018, 2019, 2020, 2021, 2022;/);
  assert.equal(startOut.match(/^Note:/gm)?.length, 1);
  assert.match(startOut, /^Note: The names 2017, 2018, 2019, 2020, 2021 are the years the collections start/m);
  assert.doesNotMatch(startOut, /date-outside-year/);
  assert.deepEqual(await okJson<IndicatorRow[]>(byStart, range), fromEnd);
  assert.ok(fromEnd.find((r) => r.code === 'cla' && r.asAt === '2022-03-31')!.value! > 0);
});

test('indicators --files on a one-year set with DoLo and errors prints the right year and located findings on import', async () => {
  const dir = path.join(tempDir(), '903_2027');
  const one = generate903({ children: 120, years: 1, seed: 'cli-dolo', endYear: 2027 });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of one.files) {
    let text = f.text;
    if (f.path.endsWith('missing.csv')) text += `${text.split('\n')[1]!.split(',').slice(0, 2).join(',')},M,05/04/2031,\n`;
    fs.writeFileSync(path.join(dir, path.basename(f.path)), text);
  }
  const child = one.files.find((f) => f.path.endsWith('header.csv'))!.text.split('\n')[1]!.split(',');
  fs.writeFileSync(path.join(dir, 'DoLo.csv'), `CHILD,DOB,DOLO_START,DOLO_END\n${child[0]},${child[2]},03/05/2026,\n`);
  const missingLine = one.files.find((f) => f.path.endsWith('missing.csv'))!.text.trimEnd().split('\n').length + 1;

  const rows = await okJson<IndicatorRow[]>(demo, ['indicators', '--as-at', '2027-03-31', '--files', dir, '--format', 'json']);
  assert.ok(rows.find((r) => r.code === 'cla')!.value! > 0);
  assert.ok(rows.find((r) => r.code === 'health-assessments')!.denominator! > 0, 'OC2 read for 2027');

  const r = await fails(await copyOf(demo), ['import', '903', dir]);
  assert.match(r.stdout, /Read 13 files: collection years 2027;/);
  assert.match(r.stdout, new RegExp(`903_2027/missing\\.csv:${missingLine} child \\S+ column MIS_START: MIS_START 05/04/2031 is after 31/03/2027`));
  assert.doesNotMatch(r.stdout, /31\/03\/0\b|turns -\d|year 0/);
  assert.doesNotMatch(r.stdout, /ended-before-year/);
});
