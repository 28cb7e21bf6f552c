// Property checks on generated returns: a consistent return passes the checks, and figures agree with the raw rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generate903 } from './generate/generate.ts';
import { buildReturn, checkReturn, computeIndicators, monthEndsBetween, parseFiles } from './index.ts';

const generated = generate903({ children: 400, years: 3, seed: 'engine-property' });
const parsed = parseFiles(generated.files.map((f) => ({ name: f.path, text: f.text })));
const ret = buildReturn(parsed);
const last = generated.years[generated.years.length - 1]!;

test('check finds no error in a generated return', () => {
  assert.deepEqual(
    checkReturn(ret).filter((i) => i.severity === 'error'),
    [],
  );
});

test('compute cla at each 31 March equal to the open episodes of that year file', () => {
  const values = computeIndicators(ret, generated.years.map((y) => `${y}-03-31`));
  for (const year of generated.years) {
    const episodes = parsed.find((f) => f.table === 'Episodes' && f.collectionYear === year)!;
    const open = new Set(episodes.rows.filter((r) => r.fields.DEC === '' && r.fields.LS !== 'V3' && r.fields.LS !== 'V4').map((r) => r.fields.CHILD));
    const cla = values.find((v) => v.code === 'cla' && v.asAt === `${year}-03-31` && !v.breakdown)!;
    assert.equal(cla.value, open.size, `31 March ${year}`);
  }
});

test('compute the OC2 cohort at 31 March equal to the children in the OC2 file', () => {
  const values = computeIndicators(ret, [`${last}-03-31`]);
  const oc2 = parsed.find((f) => f.table === 'OC2' && f.collectionYear === last)!;
  assert.equal(values.find((v) => v.code === 'health-assessments')!.denominator, oc2.rows.length);
  assert.deepEqual(checkReturn(ret).filter((i) => i.check === '191' || i.check === '190'), [], 'no cohort child is missing from OC2, and no other child is in it');
});

test('compute every indicator at every month end with breakdowns adding up to cla', () => {
  const ends = monthEndsBetween(`${generated.years[0]! - 1}-04-01`, `${last}-03-31`);
  const values = computeIndicators(ret, ends);
  for (const asAt of [ends[0]!, ends[ends.length - 1]!]) {
    const cla = values.find((v) => v.code === 'cla' && v.asAt === asAt && !v.breakdown)!.value;
    for (const dimension of ['age band', 'sex', 'UASC', 'placement type']) {
      const sum = values.filter((v) => v.asAt === asAt && v.breakdown?.dimension === dimension).reduce((n, v) => n + v.value!, 0);
      assert.equal(sum, cla, `${dimension} at ${asAt}`);
    }
  }
  assert.ok(values.every((v) => v.unit !== 'percent' || v.value === null || (v.value >= 0 && v.value <= 100)));
});
