// Building a plan piece by piece through the services: plans, nodes, actions, references, responses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import { useTestDatabase } from '../helpers/database.ts';

const t = useTestDatabase('Pat Manager');

async function planWithTheme(): Promise<number> {
  await t.db.services.plans.create(t.ctx, { slug: 'improvement-2019', title: 'Improvement plan 2019', kind: 'improvement' });
  const node = await t.db.services.plans.addNode(t.ctx, 'improvement-2019', { kind: 'theme', number: '1', title: 'Workforce', lead: 'HR Director' });
  return node.id;
}

test('create plan, node and action then list them with an audit trail', async () => {
  const nodeId = await planWithTheme();
  const a = await t.db.services.actions.create(t.ctx, 'improvement-2019', {
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
  const sub = await t.db.services.actions.create(t.ctx, 'improvement-2019', { parentNumber: '1', number: '1.1', title: 'Open a recruitment campaign', owners: [{ name: 'Ali Recruiter' }] });
  assert.equal(sub.parentActionId, a.id);
  const tree = await t.db.services.plans.tree(t.ctx, 'improvement-2019');
  assert.deepEqual(tree.nodes[0]!.actions[0]!.subActions.map((s) => s.key), ['improvement-2019:1.1']);
  const events = (await t.db.services.audit.list(t.ctx)).map((e) => e.event);
  assert.deepEqual(events, ['action.created', 'action.created', 'plan.node.added', 'plan.created']);
});

test('create action with a number already used is refused naming the field', async () => {
  const nodeId = await planWithTheme();
  await t.db.services.actions.create(t.ctx, 'improvement-2019', { nodeId, number: '1', title: 'A', owners: [{ role: 'Lead' }] });
  await assert.rejects(
    t.db.services.actions.create(t.ctx, 'improvement-2019', { nodeId, number: '1', title: 'B', owners: [{ role: 'Lead' }] }),
    (e: unknown) => e instanceof ValidationError && e.field === 'number',
  );
});

test('create action without owners is refused naming the field', async () => {
  const nodeId = await planWithTheme();
  await assert.rejects(
    t.db.services.actions.create(t.ctx, 'improvement-2019', { nodeId, number: '2', title: 'B', owners: [] }),
    (e: unknown) => e instanceof ValidationError && e.field === 'owners',
  );
});

test('edit node records the programme status and refuses a stale version', async () => {
  const nodeId = await planWithTheme();
  const edited = await t.db.services.plans.editNode(t.ctx, 'improvement-2019', nodeId, 1, {
    kind: 'theme',
    number: '1',
    title: 'Workforce',
    chair: 'Deputy Director',
    status: { status: 'A', trend: 'improving', reason: 'Vacancies falling', asAt: '2019-06-30' },
  });
  assert.deepEqual(edited.status, { status: 'A', trend: 'improving', reason: 'Vacancies falling', asAt: '2019-06-30' });
  await assert.rejects(t.db.services.plans.editNode(t.ctx, 'improvement-2019', nodeId, 1, { kind: 'theme', title: 'Staff' }), StaleWriteError);
  assert.equal((await t.db.services.plans.tree(t.ctx, 'improvement-2019')).nodes[0]!.title, 'Workforce');
});

test('set refs replaces cross-references and they are found both ways', async () => {
  const nodeId = await planWithTheme();
  await t.db.services.actions.create(t.ctx, 'improvement-2019', { nodeId, number: '1', title: 'A', owners: [{ role: 'Lead' }], refs: [{ kind: 'tag', value: 'workforce' }] });
  const a = await t.db.services.actions.setRefs(t.ctx, 'improvement-2019:1', [{ kind: 'challenge', value: '4' }, { kind: 'inspection', value: '11' }]);
  assert.deepEqual(a.refs, [{ kind: 'challenge', value: '4' }, { kind: 'inspection', value: '11' }]);
  assert.deepEqual((await t.db.services.actions.byRef(t.ctx, 'inspection', '11')).map((x) => x.key), ['improvement-2019:1']);
  assert.deepEqual((await t.db.services.actions.byRef(t.ctx, 'tag', 'workforce')).map((x) => x.key), []);
  assert.deepEqual(await t.db.services.actions.refs(t.ctx), [
    { kind: 'challenge', value: '4', actions: 1 },
    { kind: 'inspection', value: '11', actions: 1 },
  ]);
});

test('respond to a young people\'s priority records we did and refuses a stale version', async () => {
  await t.db.services.voice.add(t.ctx, { council: 'In Care Council', priority: 'Wi-Fi in every home', youSaid: 'We need Wi-Fi for homework', raisedBy: 'In Care Council', raisedOn: '2018-02-01' });
  const [item] = await t.db.services.voice.list(t.ctx);
  await t.db.services.voice.respond(t.ctx, item!.id, { weDid: 'Every children\'s home now has Wi-Fi', status: 'done', expectedVersion: 1 });
  await assert.rejects(t.db.services.voice.respond(t.ctx, item!.id, { weDid: 'x', status: 'open', expectedVersion: 1 }), StaleWriteError);
  const [after] = await t.db.services.voice.list(t.ctx);
  assert.equal(after!.status, 'done');
  assert.equal(after!.weDid, 'Every children\'s home now has Wi-Fi');
});
