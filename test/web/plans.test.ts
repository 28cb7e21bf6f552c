// The plan pages on injected requests: the list with its counts, a plan's tree with filters and
// sorting, and the forms that add and edit parts of a plan and add actions.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const PLAN = '/plans/test-plan';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const h1 = (html: string): string => (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
/** Action numbers in the order their rows appear in the plan's tables. */
const rowNumbers = (html: string): string[] => [...html.matchAll(/<tr class="govuk-table__row[^"]*">\s*<td class="govuk-table__cell">([^<]+)<\/td>/g)].map((m) => m[1]!.trim());
const nodeOf = async (title: string) => {
  const tree = await web.db.services.plans.tree(web.ctx, 'test-plan');
  const n = tree.nodes.find((x) => x.title === title);
  assert.ok(n, `node ${title}`);
  return n;
};

test('get plans lists each plan with its BRAG counts and overdue', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/plans', viewer);
  assert.equal(r.statusCode, 200);
  assert.equal(h1(r.body), 'Plans');
  assert.match(r.body, /<a class="govuk-link" href="\/plans\/test-plan">Test improvement plan<\/a>/);
  // 3 actions: Red 0, Amber 1, Green 1, Blue 0, no status 1, overdue 2 (both of the 2018 deadlines have passed).
  const cells = [...r.body.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((m) => m[1]);
  assert.deepEqual(cells, ['3', '0', '1', '1', '0', '1', '2']);
});

test('get plan shows its tree with roll-ups and every action in plan order', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(PLAN, viewer);
  assert.equal(r.statusCode, 200);
  assert.equal(h1(r.body), 'Test improvement plan');
  assert.match(r.body, /Theme 1<\/span>\s*Placements/);
  assert.match(r.body, /Theme 2<\/span>\s*Care leavers/);
  assert.match(r.body, /Lee Lead, Head of Placements/);
  assert.deepEqual(rowNumbers(r.body), ['1', '1.1', '2']);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/1.1"/);
  assert.match(r.body, /Showing all 3 actions/);
  assert.doesNotMatch(r.body, /Add an action/);
});

test('get plan filtered by status shows only matching actions and keeps the choice ticked', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?status=G&status=none`, viewer);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(rowNumbers(r.body), ['1.1', '2']);
  assert.match(r.body, /value="G" checked/);
  assert.match(r.body, /value="none" checked/);
  assert.match(r.body, /2 actions match your filters/);
});

test('get plan filtered by owner, overdue and cross-reference narrows the rows', async () => {
  const viewer = await web.signIn('viewer');
  assert.deepEqual(rowNumbers((await web.get(`${PLAN}?owner=sam`, viewer)).body), ['1.1']);
  assert.deepEqual(rowNumbers((await web.get(`${PLAN}?overdue=yes`, viewer)).body), ['1', '1.1']);
  const byRef = await web.get(`${PLAN}?ref=inspection%3A12`, viewer);
  assert.deepEqual(rowNumbers(byRef.body), ['2']);
  assert.doesNotMatch(byRef.body, /Placements<\/h2>/);
  assert.match(byRef.body, /<option value="inspection:12" selected>Inspection 12<\/option>/);
});

test('get plan sorted by deadline puts the soonest first within each part', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?sort=deadline`, viewer);
  assert.deepEqual(rowNumbers(r.body), ['1.1', '1', '2']);
  assert.match(r.body, /<option value="deadline" selected>/);
});

test('get plan with an unknown sort shows the error summary linked to the field', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?sort=colour`, viewer);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#sort">Choose how to sort from the list<\/a>/);
});

test('get an unknown plan answers 404', async () => {
  const viewer = await web.signIn('viewer');
  assert.equal((await web.get('/plans/no-such-plan', viewer)).statusCode, 404);
});

test('get plan as the manager offers adding parts and actions', async () => {
  const manager = await web.signIn('manager');
  const r = await web.get(PLAN, manager);
  assert.match(r.body, /href="\/plans\/test-plan\/nodes\/new"/);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/new"/);
  assert.match(r.body, /href="\/plans\/test-plan\/nodes\/\d+\/edit"/);
});

test('post node as the manager adds a part under another and shows it in the tree', async () => {
  const manager = await web.signIn('manager');
  const parent = await nodeOf('Placements');
  const form = await web.get(`${PLAN}/nodes/new?parent=${parent.id}`, manager);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`<option value="${parent.id}" selected>Under 1 Placements</option>`));
  const r = await web.post(`${PLAN}/nodes`, { parentId: String(parent.id), kind: 'objective', number: '1.2', title: 'Keep carers we have', status: '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=node-added`);
  const page = await web.get(r.headers.location, manager);
  assert.match(page.body, /Objective 1.2<\/span>\s*Keep carers we have/);
  assert.match(page.body, /The part of the plan has been added/);
});

test('post node without a title shows the error summary and keeps the other fields', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/nodes`, { parentId: '', kind: 'programme', number: '7', title: '', lead: 'Ann Example', status: 'G' }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#title">Enter a title<\/a>/);
  assert.match(r.body, /<a href="#statusAsAt-day">Enter the date the status is as at<\/a>/);
  assert.match(r.body, /id="lead" name="lead" type="text" value="Ann Example"/);
  assert.match(r.body, /id="number" name="number" type="text" value="7"/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post node edit with an old version shows the other change and keeps the typed title', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/nodes/${node.id}/edit`, manager);
  assert.equal(form.statusCode, 200);
  const opened = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
  await web.db.services.plans.editNode(as(web.ctx, 'admin'), 'test-plan', node.id, Number(opened), { kind: 'theme', number: '2', title: 'Leaving care' });
  const r = await web.post(`${PLAN}/nodes/${node.id}/edit`, { version: opened, kind: 'theme', number: '2', title: 'Care leavers and their advisers', status: '' }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(r.body, /Someone else changed this part of the plan since you opened it/);
  assert.match(r.body, /Ada Admin edited this part of the plan/);
  assert.match(r.body, /Leaving care/);
  assert.match(r.body, /value="Care leavers and their advisers"/);
});

test('post node edit saves the programme status as at its date', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/nodes/${node.id}/edit`, manager);
  const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
  const r = await web.post(
    `${PLAN}/nodes/${node.id}/edit`,
    { version, kind: 'theme', number: '2', title: 'Care leavers', status: 'A', trend: 'improving', statusReason: 'Advisers recruited', 'statusAsAt-day': '30', 'statusAsAt-month': '6', 'statusAsAt-year': '2018' },
    manager,
  );
  assert.equal(r.statusCode, 303);
  const saved = await nodeOf('Care leavers');
  assert.deepEqual(saved.status, { status: 'A', trend: 'improving', reason: 'Advisers recruited', asAt: '2018-06-30' });
});

test('post node as a viewer answers 403 and changes nothing', async () => {
  const viewer = await web.signIn('viewer');
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/nodes`, { parentId: '', kind: 'programme', title: 'Not allowed', status: '' }, viewer);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await web.get(`${PLAN}/nodes/new`, viewer)).statusCode, 403);
});

test('post action as the manager adds it under a part with its owners and deadline', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/actions/new?node=${node.id}`, manager);
  assert.equal(form.statusCode, 200);
  const r = await web.post(
    `${PLAN}/actions`,
    {
      nodeId: String(node.id),
      parentNumber: '',
      number: '3',
      title: 'Open a care leavers hub',
      ownerName1: 'Jo Example',
      ownerRole1: 'Leaving Care Manager',
      'deadline-day': '31',
      'deadline-month': '3',
      'deadline-year': '2019',
      refs: 'inspection:14, challenge:2',
    },
    manager,
  );
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}/actions/3?done=action-added`);
  const added = await web.db.services.actions.show(web.ctx, 'test-plan:3');
  assert.equal(added.title, 'Open a care leavers hub');
  assert.equal(added.deadline, '2019-03-31');
  assert.deepEqual(
    added.refs.map((x) => `${x.kind}:${x.value}`),
    ['inspection:14', 'challenge:2'],
  );
});

test('post action with errors links each to its field and keeps what was typed', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post(
    `${PLAN}/actions`,
    { nodeId: '', parentNumber: '', number: '1', title: 'A second action one', 'deadline-day': '12', 'deadline-month': '', 'deadline-year': '2019', refs: 'ofsted' },
    manager,
  );
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#nodeId">Choose the part of the plan the action belongs to<\/a>/);
  assert.match(r.body, /<a href="#ownerName1">Enter at least one owner/);
  assert.match(r.body, /<a href="#deadline-month">The deadline must include a month<\/a>/);
  assert.match(r.body, /<a href="#refs">Cross-references: /);
  assert.match(r.body, />A second action one<\/textarea>/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post action with a number already used shows the service error against the number', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const r = await web.post(`${PLAN}/actions`, { nodeId: String(node.id), number: '2', title: 'Duplicate', ownerName1: 'Jo Example' }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#number">Plan &quot;test-plan&quot; already has an action numbered 2<\/a>/);
});

test('post action as the owner answers 403 and changes nothing', async () => {
  const owner = await web.signIn('owner');
  const node = await nodeOf('Care leavers');
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/actions`, { nodeId: String(node.id), number: '9', title: 'Not allowed', ownerName1: 'Jo Example' }, owner);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});
