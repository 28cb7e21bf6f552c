// Plan services on a real database: import all-or-nothing, export round trip, roll-ups, the demo load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServices } from '../../src/composition.ts';
import { demoPlans } from '../../src/demo/content/index.ts';
import { clockWithToday } from '../../src/domain/clock.ts';
import { ConflictError, StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import type { PlanDocumentInput } from '../../src/domain/plan-document.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { planFixture } from '../helpers/plan-fixture.ts';

const t = useTestDatabase();

const clone = <T>(v: T): T => structuredClone(v);

/** The demonstration as written (autumn 2018): on a day then it moves no years (test/integration/demo-present.test.ts moves it). */
const demo = () => createServices(t.db.handle, clockWithToday('2018-10-31')).demo;

async function rejectsLeavingNothing(doc: unknown, pattern: RegExp): Promise<void> {
  const before = await t.db.counts();
  await assert.rejects(t.db.services.plans.importDocument(t.ctx, doc, { source: 'plan.json' }), (err: unknown) => {
    assert.ok(err instanceof ValidationError || err instanceof ConflictError, String(err));
    assert.match((err).message, pattern);
    return true;
  });
  assert.deepEqual(await t.db.counts(), before);
}

test('export then import of every demo plan gives the same document back', async () => {
  for (const raw of demoPlans) {
    const imported = await t.db.services.plans.importDocument(t.ctx, raw);
    const first = await t.db.services.plans.exportDocument(t.ctx, imported.slug);
    await t.db.services.plans.importDocument(t.ctx, { ...first, plan: { ...first.plan, slug: `${imported.slug}-copy` } });
    const second = await t.db.services.plans.exportDocument(t.ctx, `${imported.slug}-copy`);
    assert.deepEqual({ ...second, plan: { ...second.plan, slug: imported.slug } }, first, `round trip of ${imported.slug}`);
  }
});

test('import plan with an action without owners names the field and changes nothing', async () => {
  const doc = clone(planFixture());
  doc.plan.nodes![1]!.actions![0]!.owners = [];
  await rejectsLeavingNothing(doc, /^plan\.json: plan\.nodes\[1\]\.actions\[0\]\.owners: an action needs at least one owner$/);
});

test('import plan with a bad date names the field and changes nothing', async () => {
  const doc = clone(planFixture());
  doc.plan.nodes![0]!.actions![0]!.subActions![0]!.deadlines![0]!.date = '2018-02-30';
  await rejectsLeavingNothing(doc, /plan\.nodes\[0\]\.actions\[0\]\.subActions\[0\]\.deadlines\[0\]\.date: must be a date written yyyy-mm-dd/);
});

test('import plan with a repeated action number is refused naming both places', async () => {
  const doc = clone(planFixture());
  doc.plan.nodes![1]!.actions![0]!.number = '1.1';
  await rejectsLeavingNothing(doc, /plan\.nodes\[1\]\.actions\[0\]\.number: action number 1\.1 is used twice .*plan\.nodes\[0\]\.actions\[0\]\.subActions\[0\]/);
});

test('import plan with a risk naming a missing action is refused', async () => {
  const doc = clone(planFixture());
  doc.plan.risks![0]!.actions = ['7'];
  await rejectsLeavingNothing(doc, /plan\.risks\[0\]\.actions\[0\]: the plan has no action numbered 7/);
});

test('import plan with an unknown field is refused naming it', async () => {
  const doc = clone(planFixture()) as PlanDocumentInput & { plan: { colour?: string } };
  doc.plan.colour = 'blue';
  await rejectsLeavingNothing(doc, /colour/);
});

test('import plan whose slug exists is refused unless replacing', async () => {
  await t.db.services.plans.importDocument(t.ctx, planFixture());
  await rejectsLeavingNothing(planFixture(), /already exists.*--replace/);
  const doc = clone(planFixture());
  doc.plan.title = 'Test improvement plan (revised)';
  const r = await t.db.services.plans.importDocument(t.ctx, doc, { replace: true });
  assert.equal(r.replaced, true);
  assert.equal((await t.db.services.plans.list(t.ctx))[0]!.title, 'Test improvement plan (revised)');
});

test('replace plan keeps young people\'s links to actions that still exist', async () => {
  await t.db.services.plans.importDocument(t.ctx, planFixture());
  await t.db.services.voice.add(t.ctx, {
    council: 'In Care Council',
    priority: 'More foster carers near school',
    youSaid: 'We want to stay at our school',
    raisedBy: 'In Care Council',
    raisedOn: '2018-03-01',
    actions: ['test-plan:1'],
  });
  await t.db.services.plans.importDocument(t.ctx, planFixture(), { replace: true });
  assert.deepEqual((await t.db.services.voice.list(t.ctx))[0]!.actions, ['test-plan:1']);
});

test('plan tree rolls action statuses up through the nodes', async () => {
  await t.db.services.plans.importDocument(t.ctx, planFixture());
  const tree = await t.db.services.plans.tree({ ...t.ctx, asOf: '2018-10-01' }, 'test-plan');
  assert.equal(tree.rollUp.actions, 3);
  assert.deepEqual(tree.rollUp.counts, { B: 0, R: 0, A: 1, G: 1, none: 1 });
  assert.equal(tree.rollUp.overdue, 2);
  assert.equal(tree.nodes[0]!.rollUp.actions, 2);
  assert.deepEqual(tree.nodes[0]!.actions[0]!.subActions.map((s) => s.number), ['1.1']);
  const [summary] = await t.db.services.plans.list({ ...t.ctx, asOf: '2018-10-01' });
  assert.deepEqual(summary!.rollUp, tree.rollUp);
});

test('concurrent writes from one version let exactly one land', async () => {
  await t.db.services.plans.importDocument(t.ctx, planFixture());
  const results = await Promise.allSettled([
    t.db.services.actions.setStatus({ ...t.ctx, actor: 'First' }, 'test-plan:2', { status: 'R', asAt: '2018-06-30', reason: 'a', expectedVersion: 1 }),
    t.db.services.actions.setStatus({ ...t.ctx, actor: 'Second' }, 'test-plan:2', { status: 'A', asAt: '2018-06-30', reason: 'b', expectedVersion: 1 }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const failed = results.find((r) => r.status === 'rejected');
  assert.ok(failed && failed.reason instanceof StaleWriteError);
  const a = await t.db.services.actions.show(t.ctx, 'test-plan:2');
  assert.equal(a.statuses.length, 2);
  assert.equal(a.version, 2);
});

test('load demo twice adds nothing the second time', async () => {
  const first = await demo().load();
  assert.deepEqual(first.added, ['sufficiency-2016-19', 'cpb-task-groups-2017-18', 'cypp-2016-19']);
  const counts = await t.db.counts();
  const second = await demo().load();
  assert.deepEqual(second.added, []);
  assert.deepEqual(await t.db.counts(), counts);
  assert.equal(await demo().isComplete(), true);
});

test('load demo after an interrupted load completes it', async () => {
  await t.db.reset();
  await demo().load();
  const full = await t.db.counts();
  // A load stopped just after its first plan's step landed (each step is one transaction): the
  // organisation and the first plan are there and nothing after them.
  await t.db.reset();
  await assert.rejects(
    demo().load((message) => {
      if (message.startsWith('Loaded plan')) throw new Error('stopped after the first plan');
    }),
    /stopped after the first plan/,
  );
  assert.equal(await demo().isComplete(), false);
  const resumed = await demo().load();
  assert.deepEqual(resumed.added, ['cpb-task-groups-2017-18', 'cypp-2016-19']);
  const after = await t.db.counts();
  assert.deepEqual({ ...after, audit_event: 0 }, { ...full, audit_event: 0 });
  assert.equal(await demo().isComplete(), true);
});
