// A plan across years in the browser: archiving it (its forms then say so) and taking it out of the
// archive, rolling it into next year's plan with its open actions carried over, and moving a part of it under another part —
// each with its errors against their fields, stale edits refused and forbidden roles refused.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const PLAN = '/plans/test-plan';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const tree = () => web.db.services.plans.tree(web.ctx, 'test-plan');
const events = async (): Promise<string[]> => (await web.db.handle.db.selectFrom('auditEvent').select('event').orderBy('id').execute()).map((e) => e.event);
const nodeOf = async (title: string) => {
  const walk = (nodes: Awaited<ReturnType<typeof tree>>['nodes']): (typeof nodes)[number] | undefined =>
    nodes.find((n) => n.title === title) ?? nodes.map((n) => walk(n.children)).find((n) => n !== undefined);
  const n = walk((await tree()).nodes);
  assert.ok(n, `node ${title}`);
  return n;
};
const rollOverForm = (fields: Record<string, string> = {}): Record<string, string> => ({
  title: 'Test improvement plan 2019-20',
  slug: '',
  'periodStart-day': '1',
  'periodStart-month': '4',
  'periodStart-year': '2019',
  'periodEnd-day': '31',
  'periodEnd-month': '3',
  'periodEnd-year': '2020',
  ...fields,
});

test('post archive as the manager hides the plan from the list, keeps it readable and refuses updates to its actions', async () => {
  const manager = await web.signIn('manager');
  const ask = await web.get(`${PLAN}/archive`, manager);
  assert.equal(ask.statusCode, 200);
  assert.equal(html(ask.body).heading(), 'Archive this plan?');
  const r = await web.post(`${PLAN}/archive`, { version: html(ask.body).value('version') ?? '', archive: 'yes' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=plan-archived`);

  const list = html((await web.get('/plans', manager)).body);
  assert.ok(!list.rows().some((cells) => cells[0]?.startsWith('Test improvement plan')), JSON.stringify(list.rows()));
  const all = html((await web.get('/plans?archived=show', manager)).body);
  assert.ok(all.rows().some((cells) => cells[0]?.startsWith('Test improvement plan Archived')), JSON.stringify(all.rows()));

  const page = await web.get(PLAN, manager);
  assert.equal(page.statusCode, 200);
  assert.match(html(page.body).text('#archived') ?? '', /archived on .* by Pat Manager/);
  assert.equal(html(page.body).href('Add an action'), undefined);
  assert.equal(html(page.body).href('Take this plan out of the archive'), `${PLAN}/archive`);

  const owner = await web.signIn('owner');
  const action = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  assert.match(html((await web.get(`${PLAN}/actions/1`, owner)).body).text('#frozen') ?? '', /is archived/);
  const before = await web.db.counts();
  const update = await web.post(`${PLAN}/actions/1/update`, { version: String(action.version), 'date-day': '30', 'date-month': '6', 'date-year': '2018', body: 'Too late.', status: '', reason: '' }, owner);
  assert.equal(update.statusCode, 409);
  assert.match(html(update.body).main(), /is archived: its actions are kept for the record/);
  const added = await web.post(`${PLAN}/actions`, { nodeId: String((await nodeOf('Placements')).id), number: '9', title: 'New', ownerName1: 'Jo Example' }, manager);
  assert.equal(added.statusCode, 409);
  assert.deepEqual(await web.db.counts(), before);
  assert.ok((await events()).includes('plan.archived'));
});

test('get and post the new part and new action forms of an archived plan say the plan is archived and change nothing', async () => {
  const manager = await web.signIn('manager');
  await web.db.services.plans.setArchived(as(web.ctx, 'manager'), 'test-plan', (await tree()).version, true);
  const before = await web.db.counts();
  const archived = /"Test improvement plan" is archived: it is kept for the record and takes no new parts, actions or changes\. Take it out of the archive first\./;
  for (const form of [`${PLAN}/nodes/new`, `${PLAN}/actions/new`, `${PLAN}/edit`, `${PLAN}/nodes/${(await nodeOf('Placements')).id}/edit`]) {
    const r = await web.get(form, manager);
    assert.equal(r.statusCode, 409, form);
    assert.match(html(r.body).main(), archived, form);
  }
  const part = await web.post(`${PLAN}/nodes`, { kind: 'area', parentId: '', title: 'New part' }, manager);
  assert.equal(part.statusCode, 409);
  assert.match(html(part.body).main(), /"Test improvement plan" is archived: it is kept for the record and takes no new actions, updates or changes\. Nothing was changed\./);
  const action = await web.post(`${PLAN}/actions`, { nodeId: String((await nodeOf('Placements')).id), number: '9', title: 'New', ownerName1: 'Jo Example' }, manager);
  assert.equal(action.statusCode, 409);
  assert.match(html(action.body).main(), /"Test improvement plan" is archived: it takes no new actions\. Take it out of the archive first\./);
  assert.deepEqual(await web.db.counts(), before);
});

test('post archive with no then takes the plan out of the archive and it takes updates again', async () => {
  const manager = await web.signIn('manager');
  const { version } = await tree();
  await web.db.services.plans.setArchived(as(web.ctx, 'manager'), 'test-plan', version, true);
  const ask = html((await web.get(`${PLAN}/archive`, manager)).body);
  assert.equal(ask.heading(), 'Take this plan out of the archive?');
  const r = await web.post(`${PLAN}/archive`, { version: ask.value('version') ?? '', archive: ask.value('archive') ?? '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=plan-unarchived`);
  assert.equal((await tree()).archived, null);
  assert.ok(html((await web.get(`${PLAN}/actions/1`, manager)).body).href('Add a progress update'));
  assert.ok((await events()).includes('plan.unarchived'));
});

test('post archive with an old version shows the other change and leaves the plan in use', async () => {
  const manager = await web.signIn('manager');
  const opened = html((await web.get(`${PLAN}/archive`, manager)).body).value('version') ?? '';
  await web.db.services.plans.editDetails(as(web.ctx, 'admin'), 'test-plan', Number(opened), { title: 'Renamed by the administrator', kind: 'improvement', status: 'active' });
  const r = await web.post(`${PLAN}/archive`, { version: opened, archive: 'yes' }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited the plan's details/);
  assert.equal((await tree()).archived, null);
});

test('post roll-over as the manager makes next year\'s plan with the parts and the open actions linked both ways', async () => {
  const manager = await web.signIn('manager');
  const blue = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  await web.db.services.actions.setStatus(web.ctx, 'test-plan:2', { status: 'B', asAt: '2018-06-30', reason: 'Done', expectedVersion: blue.version });
  const form = await web.get(`${PLAN}/roll-over`, manager);
  assert.equal(form.statusCode, 200);
  const page = html(form.body);
  // The plan's title has no years: the next financial year after its period is added.
  assert.deepEqual([page.value('title'), page.value('slug'), page.value('periodStart-year'), page.value('periodEnd-year')], ['Test improvement plan 2019-20', 'test-improvement-plan-2019-20', '2019', '2020']);
  assert.match(page.main(), /each of the 2 open actions/);

  const r = await web.post(`${PLAN}/roll-over`, { version: page.value('version') ?? '', ...rollOverForm({ slug: page.value('slug') ?? '' }) }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/plans/test-improvement-plan-2019-20?done=plan-rolled-over');
  const next = await web.db.services.plans.tree(web.ctx, 'test-improvement-plan-2019-20');
  assert.deepEqual(next.nodes.map((n) => `${n.number} ${n.title}`), ['1 Placements', '2 Care leavers']);
  assert.deepEqual([next.periodStart, next.periodEnd], ['2019-04-01', '2020-03-31']);
  const carried = next.nodes.flatMap((n) => n.actions.flatMap((a) => [a, ...a.subActions]));
  assert.deepEqual(carried.map((a) => a.number), ['1', '1.1']);
  assert.ok(carried.every((a) => a.flags.includes('rolled-over')));

  const newAction = html((await web.get('/plans/test-improvement-plan-2019-20/actions/1', manager)).body);
  assert.match(newAction.text('#rolled-from') ?? '', /Rolled over from Test improvement plan 1/);
  assert.equal(newAction.href('the earlier action'), `${PLAN}/actions/1`);
  assert.equal(newAction.href('its history'), `${PLAN}/actions/1#status-history`);
  const copy = await web.db.services.actions.show(web.ctx, 'test-improvement-plan-2019-20:1');
  assert.deepEqual([copy.status, copy.deadline, copy.owners.map((o) => o.label), copy.refs.length], ['A', '2018-09-30', ['Jo Example, Fostering Manager', 'Head of Placements'], 2]);
  const oldAction = html((await web.get(`${PLAN}/actions/1`, manager)).body);
  assert.equal(oldAction.href('Test improvement plan 2019-20 1'), '/plans/test-improvement-plan-2019-20/actions/1');
  assert.match(html((await web.get(PLAN, manager)).body).main(), /Carried into Test improvement plan 2019-20/);
  assert.ok((await events()).includes('plan.rolled-over'));
});

test('post roll-over a second time names the plan it was rolled into and makes nothing', async () => {
  const manager = await web.signIn('manager');
  await web.db.services.plans.rollOver(web.ctx, 'test-plan', (await tree()).version, { slug: 'next-year', title: 'Next year', periodStart: '2019-04-01', periodEnd: '2020-03-31' });
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/roll-over`, { version: String((await tree()).version), ...rollOverForm() }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(html(r.body).errorFor('#title') ?? '', /has already been rolled into "Next year" \(next-year\)/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post roll-over with errors links each to its field, keeps what was typed and makes nothing', async () => {
  const manager = await web.signIn('manager');
  const version = String((await tree()).version);
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/roll-over`, { version, ...rollOverForm({ title: '', slug: 'Not A Slug', 'periodEnd-year': '2018' }) }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#title', text: "Enter a title for next year's plan" },
    { href: '#periodEnd-day', text: 'The plan must end after it starts' },
  ]);
  assert.equal(html(r.body).value('slug'), 'Not A Slug');
  const clash = await web.post(`${PLAN}/roll-over`, { version, ...rollOverForm({ slug: 'test-plan' }) }, manager);
  assert.equal(clash.statusCode, 400);
  assert.match(html(clash.body).errorFor('#slug') ?? '', /short name "test-plan" already exists/);
  const sameTitle = await web.post(`${PLAN}/roll-over`, { version, ...rollOverForm({ title: 'Test improvement plan', slug: 'other' }) }, manager);
  assert.match(html(sameTitle.body).errorFor('#title') ?? '', /A plan called "Test improvement plan" already exists/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post roll-over with an old version shows the other change and makes nothing', async () => {
  const manager = await web.signIn('manager');
  const opened = String((await tree()).version);
  await web.db.services.plans.editDetails(as(web.ctx, 'admin'), 'test-plan', Number(opened), { title: 'Renamed by the administrator', kind: 'improvement', status: 'active' });
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/roll-over`, { version: opened, ...rollOverForm() }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited the plan's details/);
  assert.equal(html(r.body).value('title'), 'Test improvement plan 2019-20');
  assert.deepEqual(await web.db.counts(), before);
});

test('post node place moves a part under another, numbered there, and closes up the parts it left', async () => {
  const manager = await web.signIn('manager');
  const placements = await nodeOf('Placements');
  const care = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/nodes/${placements.id}/place`, manager);
  assert.equal(form.statusCode, 200);
  const options = html(form.body).all('#parentId option').map((o) => o.textContent?.trim());
  assert.deepEqual(options, ['At the top of the plan', 'Under 2 Care leavers']);
  const r = await web.post(`${PLAN}/nodes/${placements.id}/place`, { version: String(placements.version), parentId: String(care.id) }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=node-placed#node-${placements.id}`);
  const after = await tree();
  assert.deepEqual(after.nodes.map((n) => [n.number, n.title, n.children.map((c) => `${c.number} ${c.title}`)]), [['1', 'Care leavers', ['1.1 Placements']]]);
  assert.ok((await events()).includes('plan.node.moved'));
});

test('post node place under a part under it links the error to the choice and moves nothing', async () => {
  const manager = await web.signIn('manager');
  const placements = await nodeOf('Placements');
  const care = await nodeOf('Care leavers');
  await web.db.services.plans.moveNodeTo(web.ctx, 'test-plan', care.id, care.version, placements.id);
  const moved = await nodeOf('Placements');
  const before = JSON.stringify(await tree());
  const r = await web.post(`${PLAN}/nodes/${moved.id}/place`, { version: String(moved.version), parentId: String(care.id) }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(html(r.body).errorFor('#parentId') ?? '', /cannot go under itself or a part under it/);
  assert.equal(JSON.stringify(await tree()), before);
});

test('post node place with an old version shows the other change and moves nothing', async () => {
  const manager = await web.signIn('manager');
  const placements = await nodeOf('Placements');
  const care = await nodeOf('Care leavers');
  await web.db.services.plans.editNode(as(web.ctx, 'admin'), 'test-plan', care.id, care.version, { kind: 'theme', number: '2', title: 'Care leavers and young adults' });
  const r = await web.post(`${PLAN}/nodes/${care.id}/place`, { version: String(care.version), parentId: String(placements.id) }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited this part of the plan/);
  assert.equal((await tree()).nodes.length, 2);
});

test('plan years as the owner answers 403 on every form and changes nothing', async () => {
  const owner = await web.signIn('owner');
  const node = await nodeOf('Care leavers');
  const before = JSON.stringify(await tree());
  const counts = await web.db.counts();
  for (const url of [`${PLAN}/archive`, `${PLAN}/roll-over`, `${PLAN}/nodes/${node.id}/place`]) assert.equal((await web.get(url, owner)).statusCode, 403, url);
  assert.equal((await web.post(`${PLAN}/archive`, { version: '1', archive: 'yes' }, owner)).statusCode, 403);
  assert.equal((await web.post(`${PLAN}/roll-over`, { version: '1', ...rollOverForm() }, owner)).statusCode, 403);
  assert.equal((await web.post(`${PLAN}/nodes/${node.id}/place`, { version: String(node.version), parentId: '' }, owner)).statusCode, 403);
  assert.equal(JSON.stringify(await tree()), before);
  assert.deepEqual(await web.db.counts(), counts);
  const page = html((await web.get(PLAN, owner)).body);
  assert.equal(page.href('Archive this plan'), undefined);
  assert.equal(page.href("Roll into next year's plan"), undefined);
});
