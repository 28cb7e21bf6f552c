// The 903 and measures commands run against the demonstration authority:
// indicators from the stored return and from files, imports that land whole or not at all, and
// the one-line messages naming file, row and column.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { DEMO_903, DEMO_POPULATION } from '../../src/services/demo-measures.ts';
import { indicatorDefinitions } from '../../src/services/ssda903.service.ts';
import { childEnv, copyOf, demoStore, disposeStores, fails, ok, okJson, oneLine, parentis, tempDir, type Store } from './run.ts';

interface IndicatorRow {
  code: string;
  title: string;
  asAt: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: string;
  breakdown?: { dimension: string; category: string };
}

interface MeasureRow {
  code: string;
  latest: { periodEnd: string; value: number | null } | null;
  target: { value: number; staged: boolean } | null;
  rag: string | null;
  benchmarks: { comparator: string; value: number | null; timePeriod: number }[];
}

let demo: Store;

/** A small 903 return written to disk as `generate 903` lays it out: a folder per collection year. */
function writeReturn(seed: string): string {
  const dir = path.join(tempDir(), '903');
  for (const f of generate903({ children: 120, years: 2, seed, endYear: 2018 }).files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.text);
  }
  return dir;
}

before(async () => {
  demo = await demoStore();
});

after(async () => {
  await disposeStores();
});

test('indicators as json prints every indicator with numerator, denominator and value', async () => {
  const rows = await okJson<IndicatorRow[]>(demo, ['indicators', '--as-at', '2018-03-31', '--format', 'json']);
  assert.deepEqual(rows.map((r) => r.code).sort(), indicatorDefinitions.map((d) => d.code).sort());
  for (const r of rows) {
    assert.equal(r.asAt, '2018-03-31');
    assert.ok('numerator' in r && 'denominator' in r && 'value' in r && 'unit' in r && 'title' in r, r.code);
  }
  const cla = rows.find((r) => r.code === 'cla')!;
  assert.ok(cla.value !== null && cla.value > 0);
});

test('indicators from and to gives every month end between with breakdowns when asked', async () => {
  const rows = await okJson<IndicatorRow[]>(demo, ['indicators', '--from', '2017-04-30', '--to', '2018-03-31', '--code', 'cla', '--breakdowns', '--format', 'json']);
  const plain = rows.filter((r) => r.breakdown === undefined);
  assert.equal(plain.length, 12);
  assert.equal(plain[0]!.asAt, '2017-04-30');
  assert.ok(rows.some((r) => r.breakdown?.dimension === 'age band'));
});

test('indicators from files works them out without storing anything', async () => {
  const dir = writeReturn('files');
  const stored = await okJson<IndicatorRow[]>(demo, ['indicators', '--as-at', '2018-03-31', '--format', 'json']);
  const fromFiles = await okJson<IndicatorRow[]>(demo, ['indicators', '--as-at', '2018-03-31', '--files', dir, '--format', 'json']);
  assert.notDeepEqual(fromFiles, stored);
  assert.deepEqual(await okJson<IndicatorRow[]>(demo, ['indicators', '--as-at', '2018-03-31', '--format', 'json']), stored);
  // With no database at all: an analyst checking a return on a machine that holds nothing.
  const nowhere = path.join(tempDir(), 'no-data');
  const alone = await okJson<IndicatorRow[]>({ kind: 'embedded', dataDir: nowhere, env: childEnv({ DATA_DIR: nowhere }) }, ['indicators', '--as-at', '2018-03-31', '--files', dir, '--format', 'json']);
  assert.deepEqual(alone.find((r) => r.code === 'cla'), fromFiles.find((r) => r.code === 'cla'));
  assert.equal(fs.existsSync(nowhere), false);
});

test('on a terminal, indicators from files and import 903 say each stage as it starts and its seconds; elsewhere nothing', async () => {
  const dir = writeReturn('stages');
  const args = ['indicators', '--from', '2017-04-30', '--to', '2018-03-31', '--files', dir, '--format', 'csv'];
  const shown = await parentis(demo, args, { terminal: true });
  assert.equal(shown.code, 0, shown.stderr);
  const reading = /^Reading 23 files \([\d.]+ MB\) … \d+\.\d s$/m;
  const checking = /^Checking the rows, building each child's history and running the validator's rules … \d+\.\d s$/m;
  assert.match(shown.stderr, reading);
  assert.match(shown.stderr, checking);
  assert.match(shown.stderr, /^Working out the indicators at 12 month ends … \d+\.\d s$/m);
  // The findings come once the checking is done, before the figures are worked out; the figures alone on stdout.
  const at = (text: string): number => shown.stderr.indexOf(text);
  assert.ok(at('Checking') < at('Data quality:') && at('Data quality:') < at('Working out'), shown.stderr);
  assert.match(shown.stdout, /^As at,Code,/);
  const plain = await parentis(demo, args);
  assert.equal(plain.stdout, shown.stdout);
  assert.doesNotMatch(plain.stderr, /Reading|Checking|Working out|…/);

  const store = await copyOf(demo);
  const imported = await parentis(store, ['import', '903', dir, '--proceed-with-warnings'], { terminal: true });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, reading);
  assert.match(imported.stderr, checking);
});

test('import 903 stores the return and the measures then show its latest values', async () => {
  const store = await copyOf(demo);
  const dir = writeReturn('stored');
  const out = await ok(store, ['import', '903', dir, '--proceed-with-warnings']);
  assert.match(out, /Read 23 files: collection years 2017, 2018; \d+ rows\./);
  assert.match(out, /^Data quality: \d+ errors?, \d+ warnings?\./m);
  assert.match(out, /Stored \d+ rows \(upload \d+, replacing \d+ rows\) and \d+ indicator values for 24 month ends\./);
  // The files are read without the database, so the authority's own population and code are given.
  const own = ['--population', String(DEMO_POPULATION.at(-1)!.count), '--la-code', DEMO_903.laCode];
  const fromFiles = await okJson<IndicatorRow[]>(store, ['indicators', '--as-at', '2018-03-31', '--files', dir, ...own, '--format', 'json']);
  assert.deepEqual(await okJson<IndicatorRow[]>(store, ['indicators', '--as-at', '2018-03-31', '--format', 'json']), fromFiles);
  const [cla] = await okJson<MeasureRow[]>(store, ['measures', '--code', 'cla', '--format', 'json']);
  assert.equal(cla!.latest!.periodEnd, '2018-03-31');
  assert.equal(cla!.latest!.value, fromFiles.find((r) => r.code === 'cla')!.value);
});

test('import 903 with a missing column is refused naming the file and changes nothing', async () => {
  const store = await copyOf(demo);
  const before = await ok(store, ['measures', '--format', 'json']);
  const dir = writeReturn('broken');
  const header = path.join(dir, '2018', 'header.csv');
  fs.writeFileSync(header, fs.readFileSync(header, 'utf8').replace(/,MC_DOB/, '').replace(/,[^,\n]*\n/g, '\n'));
  const r = await fails(store, ['import', '903', dir, '--proceed-with-warnings']);
  assert.match(oneLine(r), /^parentis: .*903\/2018\/header\.csv.*MC_DOB/);
  assert.equal(await ok(store, ['measures', '--format', 'json']), before);
});

test('import 903 with data-quality errors prints where they are and stores nothing', async () => {
  const store = await copyOf(demo);
  const before = await ok(store, ['measures', '--format', 'json']);
  const dir = writeReturn('errors');
  const episodes = path.join(dir, '2018', 'episodes.csv');
  const lines = fs.readFileSync(episodes, 'utf8').split('\n');
  const cells = lines[1]!.split(',');
  cells[1] = '31/02/2017';
  lines[1] = cells.join(',');
  fs.writeFileSync(episodes, lines.join('\n'));
  const r = await fails(store, ['import', '903', dir]);
  assert.match(r.stdout, new RegExp(`903/2018/episodes\\.csv:2 child ${cells[0]} column DECOM: DECOM "31/02/2017" is not a date`));
  assert.match(oneLine(r), /^parentis: The files have \d+ data-quality errors?: nothing was stored/);
  assert.equal(await ok(store, ['measures', '--format', 'json']), before);
});

test('import measures with a bad row names the file, row and column and changes nothing', async () => {
  const store = await copyOf(demo);
  const before = await ok(store, ['measures', '--format', 'json']);
  const file = path.join(tempDir(), 'values.csv');
  fs.writeFileSync(file, 'code,period,numerator,denominator\npep-up-to-date,2018-04,200,240\npep-up-to-date,2018-05,two hundred,240\n');
  const r = await fails(store, ['import', 'measures', file]);
  assert.equal(oneLine(r), 'parentis: values.csv: row 3, column numerator: "two hundred" is not a number');
  assert.equal(await ok(store, ['measures', '--format', 'json']), before);
  fs.writeFileSync(file, 'code,period,numerator,denominator\npep-up-to-date,2018-04,200,240\n');
  assert.match(await ok(store, ['import', 'measures', file]), /Imported 1 value for 1 measure \(pep-up-to-date\)/);
});

test('measures shows the demonstration targets, RAG and DfE benchmarks', async () => {
  const rows = await okJson<MeasureRow[]>(demo, ['measures', '--format', 'json']);
  const stability = rows.find((m) => m.code === 'long-term-stability')!;
  assert.deepEqual([stability.target?.value, stability.target?.staged], [67, true]);
  assert.ok(['R', 'A', 'G'].includes(stability.rag ?? ''));
  const comparators = stability.benchmarks.map((b) => b.comparator);
  assert.deepEqual(comparators, ['england', 'region', 'sn-mean', 'sn-median', 'judged-good']);
  assert.ok(stability.benchmarks.every((b) => b.timePeriod === 2025 && b.value !== null));
});
