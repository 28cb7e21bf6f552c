// Plans across years on a real database: a roll-over's copy of the tree and the open actions, a plan
// rolled over once, an archived plan refusing changes, parts renumbered when moved, and a closed
// action leaving the reporting round's chase list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, ValidationError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { as } from '../helpers/people.ts';
import { useRoundTest } from '../helpers/rounds.ts';

const t = useRoundTest();
const manager = (): Ctx => as(t.ctx, 'manager');
const plans = () => t.services.plans;
const tree = (slug = 'test-plan') => plans().tree(t.ctx, slug);
const nextYear = { slug: 'next-year', title: 'Next year', periodStart: '2019-04-01', periodEnd: '2020-03-31' };

test('roll over copies the parts in their tree, even a part placed before its parent, and only the open actions', async () => {
  const placements = (await tree()).nodes[0]!;
  const fostering = await plans().addNode(manager(), 'test-plan', { kind: 'objective', number: '2.1', title: 'Fostering' });
  const care = (await tree()).nodes[1]!;
  // Fostering (added last) goes under Care leavers; then Care leavers under Placements: children before parents in position order.
  await plans().moveNodeTo(manager(), 'test-plan', fostering.id, fostering.version, care.id);
  await plans().moveNodeTo(manager(), 'test-plan', care.id, (await tree()).nodes[1]!.version, placements.id);
  const blue = await t.services.actions.show(t.ctx, 'test-plan:1');
  await t.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'B', asAt: '2018-06-30', reason: 'Done', expectedVersion: blue.version });

  const made = await plans().rollOver(manager(), 'test-plan', (await tree()).version, nextYear);
  assert.deepEqual(made, { slug: 'next-year', title: 'Next year', actions: 2, nodes: 3 });
  const copy = await tree('next-year');
  const shape = (nodes: typeof copy.nodes): unknown[] => nodes.map((n) => [`${n.number} ${n.title}`, n.actions.map((a) => a.number), shape(n.children)]);
  assert.deepEqual(shape(copy.nodes), [['1 Placements', ['1.1'], [['1.1 Care leavers', ['2'], [['1.1.1 Fostering', [], []]]]]]]);
  // 1.1's action was Blue: it is carried as an action of its own, linked to where it came from.
  const sub = await t.services.actions.show(t.ctx, 'next-year:1.1');
  assert.deepEqual([sub.parentActionId, sub.rolledFrom?.key, sub.deadlines.map((d) => d.reason)], [null, 'test-plan:1.1', ['Carried over from Test improvement plan 1.1']]);
  assert.deepEqual((await t.services.actions.show(t.ctx, 'test-plan:1.1')).carriedInto.map((c) => c.key), ['next-year:1.1']);
});

test('roll over of a plan already rolled over is refused naming the plan, and nothing is made', async () => {
  await plans().rollOver(manager(), 'test-plan', (await tree()).version, nextYear);
  const before = await t.db.counts();
  await assert.rejects(plans().rollOver(manager(), 'test-plan', (await tree()).version, { ...nextYear, slug: 'again', title: 'Again' }), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.field, 'title');
    assert.match(err.message, /already been rolled into "Next year" \(next-year\)/);
    return true;
  });
  assert.deepEqual(await t.db.counts(), before);
});

test('archived plan refuses new actions, parts and progress updates, and changes nothing', async () => {
  await plans().setArchived(manager(), 'test-plan', (await tree()).version, true);
  const before = await t.db.counts();
  const placements = (await tree()).nodes[0]!;
  await assert.rejects(t.services.actions.create(manager(), 'test-plan', { nodeId: placements.id, number: '9', title: 'New', owners: [{ name: 'Jo Example' }] }), ConflictError);
  await assert.rejects(plans().addNode(manager(), 'test-plan', { kind: 'area', title: 'New part' }), ConflictError);
  await assert.rejects(t.services.actions.recordProgress(as(t.ctx, 'owner', 'Jo Example'), 'test-plan:1', { date: '2018-07-01', body: 'Late' }), /is archived/);
  assert.deepEqual(await t.db.counts(), before);
  // Read as before, and listed with when it was archived.
  assert.equal((await plans().list(t.ctx)).find((p) => p.slug === 'test-plan')?.archived?.by, 'Pat Manager');
});

test('move node renumbers the parts under it and closes up the parts it left', async () => {
  await plans().addNode(manager(), 'test-plan', { kind: 'theme', number: '3', title: 'Health' });
  const [placements, care] = (await tree()).nodes;
  const under = await plans().addNode(manager(), 'test-plan', { kind: 'objective', number: '2.1', title: 'Advisers', parentId: care!.id });
  await plans().addNode(manager(), 'test-plan', { kind: 'objective', number: '2.1.1', title: 'Recruiting advisers', parentId: under.id });
  await plans().moveNodeTo(manager(), 'test-plan', care!.id, care!.version, placements!.id);
  const flat = (nodes: Awaited<ReturnType<typeof tree>>['nodes']): string[] => nodes.flatMap((n) => [`${n.number} ${n.title}`, ...flat(n.children)]);
  assert.deepEqual(flat((await tree()).nodes), ['1 Placements', '1.1 Care leavers', '1.1.1 Advisers', '1.1.1.1 Recruiting advisers', '2 Health']);
});

test('close action takes it off the reporting round chase list and out of the next round', async () => {
  const opened = await t.services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const before = await t.services.rounds.chaseList(manager(), opened.round.id);
  assert.deepEqual(before.rows.map((r) => r.actionKey), ['test-plan:1', 'test-plan:1.1']);
  const { version } = await t.services.actions.show(t.ctx, 'test-plan:1.1');
  await t.services.actions.close(manager(), 'test-plan:1.1', { reason: 'Merged into action 1', expectedVersion: version });
  const after = await t.services.rounds.chaseList(manager(), opened.round.id);
  assert.deepEqual(after.rows.map((r) => r.actionKey), ['test-plan:1']);
  const next = await t.services.rounds.open(manager(), { period: '2018/19 Q2', plans: ['test-plan'] });
  assert.equal(next.asked, 1);
});
