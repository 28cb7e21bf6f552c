// Reading the DfE's published tables: symbols kept as symbols, rows mapped to indicator codes, the
// statistical-neighbour mean and median, and files that are refused naming row and column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mean, median } from './benchmarks.ts';
import { benchmarksFor } from './comparators.ts';
import { DfeFileError, readDfeTable } from './dfe-tables.ts';
import { readNeighbours, readPopulation } from './reference-files.ts';
import { parseDfeCell } from './values.ts';

const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent';
const row = (level: string, region: string, la: string, group: string, stability: string, count: string, percent: string): string =>
  `2025,Reporting year,${level},E92000001,England,${region},${region ? 'South West' : ''},${la},${la ? `LA ${la}` : ''},,${group},${stability},${count},${percent}`;
const G = 'CLA on 31 March';
const S = 'With 3 or more placements during the year';
const stability = [
  HEAD,
  row('National', '', '', G, S, '8000', '10'),
  row('National', '', '', G, 'Total children', '80000', '100'),
  row('Regional', 'E12000009', '', G, S, '700', '11'),
  row('Local authority', 'E12000009', '101', G, S, '12', '12'),
  row('Local authority', 'E12000009', '101', G, 'Total children', '100', '100'),
  row('Local authority', 'E12000009', '102', G, S, 'c', 'c'),
  row('Local authority', 'E12000009', '103', G, S, '9', '9'),
  row('Local authority', 'E12000009', '104', G, S, '20', '14'),
].join('\n');

test('parse dfe cell keeps every symbol as a symbol and never as zero', () => {
  for (const s of ['c', 'k', 'x', 'z', 'low']) assert.deepEqual(parseDfeCell(s), { value: null, symbol: s });
  assert.deepEqual(parseDfeCell('1,234'), { value: 1234, symbol: null });
  assert.throws(() => parseDfeCell('n/a'), /"n\/a" is neither a number nor one of the symbols/);
});

test('read dfe table maps 3+ placements rows with their total as denominator', async () => {
  const { key, figures } = await readDfeTable('stability.csv', stability);
  assert.equal(key, 'la_cla_placement_stability');
  const la = figures.find((f) => f.oldLaCode === '101')!;
  assert.equal(la.code, 'placements-3plus');
  assert.deepEqual([la.numerator.value, la.denominator.value, la.value.value], [12, 100, 12]);
  const suppressed = figures.find((f) => f.oldLaCode === '102')!;
  assert.deepEqual(suppressed.value, { value: null, symbol: 'c' });
});

test('benchmarks give england, region and the neighbours mean and median without suppressed figures', async () => {
  const { figures } = await readDfeTable('stability.csv', stability);
  const b = benchmarksFor(figures, { regionCode: 'E12000009', regionName: 'South West', neighbours: ['101', '102', '103', '104'] });
  const by = (c: string): number | null | undefined => b.find((x) => x.comparator === c)?.value;
  assert.equal(by('england'), 10);
  assert.equal(by('region'), 11);
  assert.equal(by('sn-mean'), (12 + 9 + 14) / 3);
  assert.equal(by('sn-median'), 12);
  assert.equal(b.find((x) => x.comparator === 'sn-mean')?.authorities, 3);
});

test('mean and median of nothing are null', () => {
  assert.deepEqual(mean([null]), { value: null, authorities: 0 });
  assert.deepEqual(median([4, 1, 3, 2]), { value: 2.5, authorities: 4 });
});

test('read dfe table with a bad cell names file, row and column', async () => {
  const bad = stability.replace('12,12', '12,twelve');
  await assert.rejects(readDfeTable('stability.csv', bad), (e: unknown) => e instanceof DfeFileError && /^stability\.csv: row 5, column children_percent: "twelve"/.test(e.message));
});

test('read dfe table of an unknown file names the missing columns', async () => {
  await assert.rejects(readDfeTable('other.csv', 'time_period,geographic_level,cla_group\n2025,National,x'), /other\.csv: not a DfE table.*needs the columns placement_stability, children_count, children_percent/);
});

test('read dfe table read as chunks split mid-line gives the same figures as the whole text', async () => {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(`\uFEFF${stability}`);
    for (let i = 0; i < bytes.length; i += 7) {
      await new Promise(setImmediate); // as a file read would
      yield bytes.subarray(i, i + 7);
    }
  }
  assert.deepEqual(await readDfeTable('stability.csv', chunks()), await readDfeTable('stability.csv', stability));
});

test('read dfe table stops reading at a broken line instead of reading the rest of the file', async () => {
  let chunksRead = 0;
  async function* endless(): AsyncGenerator<string> {
    yield `${stability.split('\n')[0]}\n2025,"unclosed\n`;
    for (;;) {
      chunksRead += 1;
      await new Promise(setImmediate);
      if (chunksRead > 10_000) throw new Error('the reader went on past the broken line');
      yield 'x,y,"z\n';
    }
  }
  await assert.rejects(readDfeTable('big.csv', endless()), (e: unknown) => e instanceof DfeFileError && /^big\.csv: not a readable CSV file/.test(e.message));
  assert.ok(chunksRead < 10_000, `read ${chunksRead} chunks after the broken line`);
});

test('read neighbours reads both models and trims closeness', () => {
  const m2025 = readNeighbours('sn.csv', 'old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P\n908,Cornwall,7,South West,926,Very close,351,Close \n');
  assert.deepEqual(m2025.map((r) => [r.model, r.laCode, r.neighbourLaCode, r.rank, r.closeness]), [['2025', '908', '926', 1, 'Very close'], ['2025', '908', '351', 2, 'Close']]);
  const m2021 = readNeighbours('sn21.csv', 'LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,\n202,Camden,202,3,London (Inner),213,Very Close,205,Close,\n');
  assert.deepEqual(m2021.map((r) => [r.model, r.neighbourLaCode, r.closeness]), [['2021', '213', 'Very Close'], ['2021', '205', 'Close']]);
});

test('read population with a bad count names row and column', () => {
  const head = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate';
  const ok = readPopulation('pop.csv', `${head}\n2024,Reporting year,Local authority,E92000001,England,E12000009,South West,908,E06000052,Cornwall,Children aged 0 to 17 years,105786\n`);
  assert.deepEqual(ok.map((r) => [r.laCode, r.year, r.count]), [['908', 2024, 105786]]);
  assert.throws(
    () => readPopulation('pop.csv', `${head}\n2024,Reporting year,Local authority,E92000001,England,E12000009,South West,908,E06000052,Cornwall,Children aged 0 to 17 years,lots\n`),
    (e: unknown) => e instanceof DfeFileError && /^pop\.csv: row 2, column population_estimate/.test(e.message),
  );
});
