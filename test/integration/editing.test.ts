// Building a plan piece by piece through the services: plans, nodes, actions, references, responses.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { authority, openTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
let ctx: Ctx;

before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
  ctx = await authority(db, 'Pat Manager');
});

async function planWithTheme(): Promise<number> {
  await db.services.plans.create(ctx, { slug: 'improvement-2019', title: 'Improvement plan 2019', kind: 'improvement' });
  const node = await db.services.plans.addNode(ctx, 'improvement-2019', { kind: 'theme', number: '1', title: 'Workforce', lead: 'HR Director' });
  return node.id;
}

test('create plan, node and action then list them with an audit trail', async () => {
  const nodeId = await planWithTheme();
  const a = await db.services.actions.create(ctx, 'improvement-2019', {
    nodeId,
    number: '1',
    title: 'Reduce agency social workers',
    owners: [{ role: 'HR Director' }],
    deadline: '2019-09-30',
    refs: [{ kind: 'inspection', value: '3' }],
  });
  assert.equal(a.key, 'improvement-2019:1');
  assert.equal(a.deadline, '2019-09-30');
  assert.deepEqual(a.path.map((p) => p.title), ['Workforce']);
  const sub = await db.services.actions.create(ctx, 'improvement-2019', { parentNumber: '1', number: '1.1', title: 'Open a recruitment campaign', owners: [{ name: 'Ali Recruiter' }] });
  assert.equal(sub.parentActionId, a.id);
  const tree = await db.services.plans.tree(ctx, 'improvement-2019');
  assert.deepEqual(tree.nodes[0]!.actions[0]!.subActions.map((s) => s.key), ['improvement-2019:1.1']);
  const events = (await db.services.audit.list(ctx)).map((e) => e.event);
  assert.deepEqual(events, ['action.created', 'action.created', 'plan.node.added', 'plan.created']);
});

test('create action with a number already used is refused naming the field', async () => {
  const nodeId = await planWithTheme();
  await db.services.actions.create(ctx, 'improvement-2019', { nodeId, number: '1', title: 'A', owners: [{ role: 'Lead' }] });
  await assert.rejects(
    db.services.actions.create(ctx, 'improvement-2019', { nodeId, number: '1', title: 'B', owners: [{ role: 'Lead' }] }),
    (e: unknown) => e instanceof ValidationError && e.field === 'number',
  );
});

test('create action without owners is refused naming the field', async () => {
  const nodeId = await planWithTheme();
  await assert.rejects(
    db.services.actions.create(ctx, 'improvement-2019', { nodeId, number: '2', title: 'B', owners: [] }),
    (e: unknown) => e instanceof ValidationError && e.field === 'owners',
  );
});

test('edit node records the programme status and refuses a stale version', async () => {
  const nodeId = await planWithTheme();
  const edited = await db.services.plans.editNode(ctx, 'improvement-2019', nodeId, 1, {
    kind: 'theme',
    number: '1',
    title: 'Workforce',
    chair: 'Deputy Director',
    status: { status: 'A', trend: 'improving', reason: 'Vacancies falling', asAt: '2019-06-30' },
  });
  assert.deepEqual(edited.status, { status: 'A', trend: 'improving', reason: 'Vacancies falling', asAt: '2019-06-30' });
  await assert.rejects(db.services.plans.editNode(ctx, 'improvement-2019', nodeId, 1, { kind: 'theme', title: 'Staff' }), StaleWriteError);
  assert.equal((await db.services.plans.tree(ctx, 'improvement-2019')).nodes[0]!.title, 'Workforce');
});

test('set refs replaces cross-references and they are found both ways', async () => {
  const nodeId = await planWithTheme();
  await db.services.actions.create(ctx, 'improvement-2019', { nodeId, number: '1', title: 'A', owners: [{ role: 'Lead' }], refs: [{ kind: 'tag', value: 'workforce' }] });
  const a = await db.services.actions.setRefs(ctx, 'improvement-2019:1', [{ kind: 'challenge', value: '4' }, { kind: 'inspection', value: '11' }]);
  assert.deepEqual(a.refs, [{ kind: 'challenge', value: '4' }, { kind: 'inspection', value: '11' }]);
  assert.deepEqual((await db.services.actions.byRef(ctx, 'inspection', '11')).map((x) => x.key), ['improvement-2019:1']);
  assert.deepEqual((await db.services.actions.byRef(ctx, 'tag', 'workforce')).map((x) => x.key), []);
  assert.deepEqual(await db.services.actions.refs(ctx), [
    { kind: 'challenge', value: '4', actions: 1 },
    { kind: 'inspection', value: '11', actions: 1 },
  ]);
});

test('respond to a young people\'s priority records we did and refuses a stale version', async () => {
  await db.services.voice.add(ctx, { council: 'In Care Council', priority: 'Wi-Fi in every home', youSaid: 'We need Wi-Fi for homework', raisedBy: 'In Care Council', raisedOn: '2018-02-01' });
  const [item] = await db.services.voice.list(ctx);
  await db.services.voice.respond(ctx, item!.id, { weDid: 'Every children\'s home now has Wi-Fi', status: 'done', expectedVersion: 1 });
  await assert.rejects(db.services.voice.respond(ctx, item!.id, { weDid: 'x', status: 'open', expectedVersion: 1 }), StaleWriteError);
  const [after] = await db.services.voice.list(ctx);
  assert.equal(after!.status, 'done');
  assert.equal(after!.weDid, 'Every children\'s home now has Wi-Fi');
});
