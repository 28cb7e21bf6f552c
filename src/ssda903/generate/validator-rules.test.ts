// A generated return keeps the validator's SDQ, short-break and care-leaver coding rules, so its findings are the few a real return has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReturn, checkReturn, parseFiles } from '../index.ts';
import { generate903 } from './generate.ts';

test('generate a return with no SDQ (186, 197B), short-break postcode (398) or returned-home coding (344) findings', () => {
  const g = generate903({ children: 900, years: 3, seed: 7 });
  const issues = checkReturn(buildReturn(parseFiles(g.files.map((f) => ({ name: f.path, text: f.text })))));
  const counts = Object.fromEntries(['186', '197B', '398', '344'].map((code) => [code, issues.filter((i) => i.check === code).length]));
  assert.deepEqual(counts, { 186: 0, '197B': 0, 398: 0, 344: 0 });
});
