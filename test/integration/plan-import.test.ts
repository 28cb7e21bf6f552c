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

test('bring in next quarter\'s tracker shows what it adds, changes nothing until applied, then adds to history without overwriting', async () => {
  const plan = { slug: 'health-later', title: 'Health task group', kind: 'task-group' as const };
  const first = await readTracker('work-plan.docx', await seed001Document());
  await t.db.services.plans.importDocument(t.ctx, buildPlan(first, guessMapping(first)!.mapping, plan, options).document);
  const next = await readTracker('work-plan-q2.docx', await seed001Document(true));
  const doc = buildPlan(next, guessMapping(next)!.mapping, plan, { ...options, importedAt: '2018-04-30T10:00:00Z' }).document;

  const before = await t.db.counts();
  const preview = await t.db.services.plans.updateFromDocument(t.ctx, 'health-later', doc, { apply: false });
  assert.deepEqual(await t.db.counts(), before);
  assert.deepEqual(preview.changes, [
    {
      number: '1.5',
      title: 'Timeliness of out of county health assessments is strengthened',
      updates: [{ date: '2018-04-20', body: 'Escalation protocol agreed with NHS England.' }],
      status: { from: 'R', to: 'A', asAt: '2018-04-20' },
      deadline: { from: '2018-06-01', to: '2018-09-01' },
    },
  ]);
  assert.equal(preview.unchanged, 2);

  await t.db.services.plans.updateFromDocument(t.ctx, 'health-later', doc, { apply: true, source: 'work-plan-q2.docx' });
  const a15 = (await t.db.services.plans.exportDocument(t.ctx, 'health-later')).plan.nodes[0]!.actions[1]!;
  assert.deepEqual(a15.deadlines.map((d) => d.date), ['2018-02-01', '2018-06-01', '2018-09-01']);
  assert.deepEqual(a15.statuses.map((s) => s.status), ['R', 'A']);
  assert.deepEqual(a15.updates.map((u) => u.date), ['2017-11-03', '2018-03-05', '2018-04-20']);
  const again = await t.db.services.plans.updateFromDocument(t.ctx, 'health-later', doc, { apply: true });
  assert.deepEqual(again.changes, []);
});
