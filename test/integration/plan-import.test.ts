// A council's Word and Excel trackers stored as plans: the tree, owners, deadline and status history and updates survive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlan, guessMapping, readTracker } from '../../src/plan-import/index.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { seed000Workbook, seed001Document } from '../helpers/trackers.ts';

const t = useTestDatabase();
const options = { importedBy: 'Rhys Penrose', importedAt: '2018-03-20T10:00:00Z' };

test('import a Word work plan stores revised deadlines, dated updates and RAG history as the document had them', async () => {
  const file = await readTracker('work-plan.docx', await seed001Document());
  const built = buildPlan(file, guessMapping(file)!.mapping, { slug: 'health-task-group', title: 'Health task group', kind: 'task-group' }, options);
  const r = await t.db.services.plans.importDocument(t.ctx, built.document, { source: 'work-plan.docx' });
  assert.deepEqual([r.slug, r.actions, r.updates], ['health-task-group', 3, 5]);
  const stored = await t.db.services.plans.exportDocument(t.ctx, 'health-task-group');
  const actions = stored.plan.nodes[0]!.actions;
  assert.deepEqual(actions.map((a) => a.number), ['1.2', '1.5', '1.6']);
  const a15 = actions[1]!;
  assert.deepEqual(a15.deadlines.map((d) => [d.date, d.reason]), [
    ['2018-02-01', 'as first set in the tracker'],
    ['2018-06-01', 'revised in the tracker'],
  ]);
  assert.deepEqual(a15.statuses.map((s) => [s.status, s.approvedBy]), [['R', 'Rhys Penrose']]);
  assert.deepEqual(a15.updates.map((u) => [u.date, u.author]), [
    ['2017-11-03', 'Maria Davis'],
    ['2018-03-05', 'Maria Davis'],
  ]);
});

test('import an Excel action plan stores its themes, challenges and owners', async () => {
  const file = await readTracker('sufficiency.xlsx', await seed000Workbook());
  const built = buildPlan(file, guessMapping(file)!.mapping, { slug: 'sufficiency-import', title: 'Sufficiency', kind: 'sufficiency' }, options);
  await t.db.services.plans.importDocument(t.ctx, built.document);
  const stored = await t.db.services.plans.exportDocument(t.ctx, 'sufficiency-import');
  assert.deepEqual(stored.plan.nodes.map((n) => n.title), ['Child Sexual Exploitation (CSE)', 'Commissioning']);
  const a2 = stored.plan.nodes[1]!.actions[0]!;
  assert.deepEqual(a2.owners, [{ role: 'Head of Placements' }, { role: 'Commissioning Manager' }]);
  assert.deepEqual(a2.refs, [{ kind: 'challenge', value: 'Challenge 4' }]);
});
