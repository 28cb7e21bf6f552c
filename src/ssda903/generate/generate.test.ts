// The synthetic 903 generator: the same seed gives the same files, every table, dates inside each year, periods carried across years.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReturn, checkReturn, computeIndicators, monthEndsBetween, parseFiles, type IndicatorValue } from '../index.ts';
import { generate903, type Generated903 } from './generate.ts';

// The demonstration authority: about 520 children looked after at 31 March 2018.
const DEMO = { children: 1850, years: 5, seed: 9 } as const;
const demo = generate903(DEMO);
const ret = buildReturn(parseFiles(demo.files.map((f) => ({ name: f.path, text: f.text }))));
const monthEnds = monthEndsBetween('2013-04-30', '2018-03-31');
const values = computeIndicators(ret, monthEnds, { laCode: 'E10000099' });

function table(g: Generated903, path: string): Record<string, string>[] {
  const file = g.files.find((f) => f.path === path);
  assert.ok(file, `${path} was generated`);
  const [head, ...lines] = file.text.trimEnd().split('\n');
  const columns = (head ?? '').split(',');
  return lines.filter((l) => l !== '').map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** dd/mm/yyyy → yyyy-mm-dd, so dates compare as strings. */
const iso = (d: string): string => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;

function headline(code: string, asAt = '2018-03-31'): IndicatorValue {
  const v = values.find((x) => x.code === code && x.asAt === asAt && x.breakdown === undefined);
  assert.ok(v, `${code} at ${asAt} was computed`);
  return v;
}

test('generate903 with the same seed returns identical files', () => {
  const a = generate903({ children: 400, years: 3, seed: 'same' });
  const b = generate903({ children: 400, years: 3, seed: 'same' });
  assert.deepEqual(a.files.map((f) => f.path), b.files.map((f) => f.path));
  for (let i = 0; i < a.files.length; i++) assert.equal(a.files[i]!.text, b.files[i]!.text, a.files[i]!.path);
});

test('generate903 with another seed returns other children', () => {
  const a = generate903({ children: 400, years: 3, seed: 1 });
  const b = generate903({ children: 400, years: 3, seed: 2 });
  assert.notEqual(a.files.find((f) => f.path === '2018/episodes.csv')!.text, b.files.find((f) => f.path === '2018/episodes.csv')!.text);
});

test('generate903 writes every table for every collection year and the postcodes', () => {
  assert.deepEqual(demo.years, [2014, 2015, 2016, 2017, 2018]);
  assert.equal(demo.files.length, 5 * 11 + 1);
  assert.equal(demo.children, DEMO.children);
  assert.ok(demo.files.some((f) => f.path === 'postcodes.csv' && f.text.startsWith('POSTCODE,EASTING,NORTHING,LA_CODE\n')));
  assert.ok(table(demo, '2018/episodes.csv').length > 500);
});

test('generate903 keeps every date in a year file on or before that year’s 31 March', () => {
  const late: string[] = [];
  for (const year of demo.years) {
    for (const f of demo.files.filter((x) => x.path.startsWith(`${year}/`))) {
      for (const m of f.text.matchAll(/\b(\d\d)\/(\d\d)\/(\d{4})\b/g)) {
        if (iso(m[0]) > `${year}-03-31`) late.push(`${f.path}: ${m[0]}`);
      }
    }
  }
  assert.deepEqual(late.slice(0, 5), []);
});

test('generate903 carries an episode open at 31 March into the next year with the same DECOM', () => {
  const next = new Set(table(demo, '2018/episodes.csv').map((e) => `${e.CHILD}|${e.DECOM}`));
  const open = table(demo, '2017/episodes.csv').filter((e) => e.DEC === '');
  assert.ok(open.length > 400);
  assert.deepEqual(open.filter((e) => !next.has(`${e.CHILD}|${e.DECOM}`)), []);
});

test('generate903 writes SEX as 1/2 until 2023/24 and M/F from 2024/25, with social worker episodes from 2023/24', () => {
  const g = generate903({ children: 300, years: 3, seed: 3, endYear: 2025 });
  assert.deepEqual([...new Set(table(g, '2024/header.csv').map((h) => h.SEX))].sort(), ['1', '2']);
  assert.deepEqual([...new Set(table(g, '2025/header.csv').map((h) => h.SEX))].sort(), ['F', 'M']);
  assert.equal(table(g, '2023/sw_episodes.csv').length, 0);
  assert.ok(table(g, '2024/sw_episodes.csv').length > 0);
  assert.ok(table(g, '2025/episodes.csv').some((e) => e.PLACE === 'K3'));
  assert.ok(!table(g, '2025/episodes.csv').some((e) => e.PLACE === 'H5' && e.DEC === ''));
});

test('checkReturn finds no errors in a generated return', () => {
  const errors = checkReturn(ret).filter((i) => i.severity === 'error');
  assert.deepEqual(errors.slice(0, 5), []);
});

test('computeIndicators on generated data never gives a numerator above its denominator', () => {
  const over = values.filter((v) => v.numerator !== null && v.denominator !== null && v.unit === 'percent' && v.numerator > v.denominator);
  assert.ok(values.length > 1000);
  assert.deepEqual(over.slice(0, 5), []);
});

test('computeIndicators counts as looked after every child with an episode open on the date', () => {
  // Counted here from the year file that covers each date, independently of the engine's stitching.
  const episodesByYear = new Map(demo.years.map((y) => [y, table(demo, `${y}/episodes.csv`)]));
  for (const asAt of monthEnds) {
    const year = Number(asAt.slice(0, 4)) + (asAt.slice(5, 7) <= '03' ? 0 : 1);
    const open = new Set<string>();
    for (const e of episodesByYear.get(year)!) {
      if (e.LS === 'V3' || e.LS === 'V4') continue;
      if (iso(e.DECOM!) <= asAt && (e.DEC === '' || iso(e.DEC!) > asAt)) open.add(e.CHILD!);
    }
    assert.equal(headline('cla', asAt).value, open.size, `CLA at ${asAt}`);
  }
});

test('generate903 demo authority lands near the county’s published magnitudes', () => {
  const cla = headline('cla').value!;
  assert.ok(cla >= 470 && cla <= 570, `CLA at 31 March 2018: ${cla}`);
  const within = (code: string, lo: number, hi: number) => {
    const v = headline(code).value!;
    assert.ok(v >= lo && v <= hi, `${code}: ${v}% (expected ${lo}–${hi})`);
  };
  within('re-entry', 7, 20);
  within('long-term-stability', 45, 75);
  within('placements-3plus', 5, 15);
  within('care-leavers-19-21-neet', 28, 48);
  within('uasc', 4, 11);
  within('sdq-concern', 30, 55);
});
