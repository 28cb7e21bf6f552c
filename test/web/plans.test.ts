// The plan pages on injected requests: the list with its counts, a plan's tree with filters and
// sorting, and the forms that add and edit parts of a plan and add actions.
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

/** Action numbers in the order their rows appear in the plan's tables. */
const rowNumbers = (body: string): string[] => html(body).rows('table.parentis-actions').map((cells) => cells[0]!);
/** The headings of the parts of the plan, with their kind and number: "Theme 1 Placements". */
const partHeadings = (body: string): string[] => html(body).texts('.parentis-node [id$="-heading"]');
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
  const page = html(r.body);
  assert.equal(page.heading(), 'Plans');
  assert.equal(page.href('Test improvement plan'), '/plans/test-plan');
  // 3 actions: Red 0, Amber 1, Green 1, Blue 0, no status 1, overdue 2 (both of the 2018 deadlines have passed).
  assert.deepEqual(page.rows(), [['Test improvement plan 1 April 2018 to 31 March 2019', '3', '0', '1', '1', '0', '1', '2']]);
});

test('get plan shows its tree with roll-ups and every action in plan order', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(PLAN, viewer);
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Test improvement plan');
  assert.deepEqual(partHeadings(r.body), ['Theme 1 Placements', 'Theme 2 Care leavers']);
  assert.match(page.main(), /Lee Lead, Head of Placements/);
  assert.deepEqual(rowNumbers(r.body), ['1', '1.1', '2']);
  assert.ok(page.hasLink('/plans/test-plan/actions/1.1'));
  assert.match(page.main(), /Showing all 3 actions/);
  assert.doesNotMatch(page.main(), /Add an action/);
});

test('get plan filtered by status shows only matching actions and keeps the choice ticked', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?status=G&status=none`, viewer);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(rowNumbers(r.body), ['1.1', '2']);
  assert.deepEqual(html(r.body).checked('status'), ['G', 'none']);
  assert.match(html(r.body).main(), /2 actions match your filters/);
});

test('get plan filtered by owner, overdue and cross-reference narrows the rows', async () => {
  const viewer = await web.signIn('viewer');
  assert.deepEqual(rowNumbers((await web.get(`${PLAN}?owner=sam`, viewer)).body), ['1.1']);
  assert.deepEqual(rowNumbers((await web.get(`${PLAN}?overdue=yes`, viewer)).body), ['1', '1.1']);
  const byRef = await web.get(`${PLAN}?ref=inspection%3A12`, viewer);
  assert.deepEqual(rowNumbers(byRef.body), ['2']);
  assert.deepEqual(partHeadings(byRef.body), ['Theme 2 Care leavers']);
  assert.equal(html(byRef.body).value('ref'), 'inspection:12');
  assert.equal(html(byRef.body).text('select[name="ref"] option[selected]'), 'Inspection 12');
});

test('get plan sorted by deadline puts the soonest first within each part', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?sort=deadline`, viewer);
  assert.deepEqual(rowNumbers(r.body), ['1.1', '1', '2']);
  assert.equal(html(r.body).value('sort'), 'deadline');
});

test('get plan with an unknown sort shows the error summary linked to the field', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?sort=colour`, viewer);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#sort', text: 'Choose how to sort from the list' }]);
});

test('get an unknown plan answers 404', async () => {
  const viewer = await web.signIn('viewer');
  assert.equal((await web.get('/plans/no-such-plan', viewer)).statusCode, 404);
});

test('get plan as the manager offers adding parts and actions', async () => {
  const manager = await web.signIn('manager');
  const r = await web.get(PLAN, manager);
  const page = html(r.body);
  assert.ok(page.hasLink('/plans/test-plan/nodes/new'));
  assert.ok(page.hasLink('/plans/test-plan/actions/new'));
  assert.ok(page.links().some((l) => /^\/plans\/test-plan\/nodes\/\d+\/edit$/.test(l.href)));
});

test('post node as the manager adds a part under another and shows it in the tree', async () => {
  const manager = await web.signIn('manager');
  const parent = await nodeOf('Placements');
  const form = await web.get(`${PLAN}/nodes/new?parent=${parent.id}`, manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).value('parentId'), String(parent.id));
  assert.equal(html(form.body).text('select[name="parentId"] option[selected]'), 'Under 1 Placements');
  const r = await web.post(`${PLAN}/nodes`, { parentId: String(parent.id), kind: 'objective', number: '1.2', title: 'Keep carers we have', status: '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=node-added`);
  const page = await web.get(r.headers.location, manager);
  assert.ok(partHeadings(page.body).includes('Objective 1.2 Keep carers we have'));
  assert.match(html(page.body).banners().join(), /The part of the plan has been added/);
});

test('post node without a title shows the error summary and keeps the other fields', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/nodes`, { parentId: '', kind: 'programme', number: '7', title: '', lead: 'Ann Example', status: 'G' }, manager);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.deepEqual(page.errorSummary(), [
    { href: '#title', text: 'Enter a title' },
    { href: '#statusAsAt-day', text: 'Enter the date the status is as at' },
  ]);
  assert.equal(page.value('lead'), 'Ann Example');
  assert.equal(page.value('number'), '7');
  assert.deepEqual(await web.db.counts(), before);
});

test('post node edit without a title links the error to the title, keeps the number typed and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const opened = html((await web.get(`${PLAN}/nodes/${node.id}/edit`, manager)).body).value('version') ?? '';
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/nodes/${node.id}/edit`, { version: opened, kind: 'theme', number: '7', title: '', status: '' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary().map((e) => e.href), ['#title']);
  assert.equal(html(r.body).value('number'), '7');
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await nodeOf('Care leavers')).number, node.number);
});

test('post node edit with an old version shows the other change and keeps the typed title', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/nodes/${node.id}/edit`, manager);
  assert.equal(form.statusCode, 200);
  const opened = html(form.body).value('version') ?? '';
  await web.db.services.plans.editNode(as(web.ctx, 'admin'), 'test-plan', node.id, Number(opened), { kind: 'theme', number: '2', title: 'Leaving care' });
  const r = await web.post(`${PLAN}/nodes/${node.id}/edit`, { version: opened, kind: 'theme', number: '2', title: 'Care leavers and their advisers', status: '' }, manager);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  const banner = page.text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed this part of the plan since you opened it/);
  assert.match(banner, /Ada Admin edited this part of the plan/);
  assert.match(banner, /Leaving care/);
  assert.equal(page.value('title'), 'Care leavers and their advisers');
});

test('post node edit saves the programme status as at its date', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const form = await web.get(`${PLAN}/nodes/${node.id}/edit`, manager);
  const version = html(form.body).value('version') ?? '';
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
  const page = html(r.body);
  assert.equal(page.errorFor('#nodeId'), 'Choose the part of the plan the action belongs to');
  assert.match(page.errorFor('#ownerName1') ?? '', /^Enter at least one owner/);
  assert.equal(page.errorFor('#deadline-month'), 'The deadline must include a month');
  assert.match(page.errorFor('#refs') ?? '', /^Cross-references: /);
  assert.equal(page.value('title'), 'A second action one');
  assert.deepEqual(await web.db.counts(), before);
});

test('post action with a number already used shows the service error against the number', async () => {
  const manager = await web.signIn('manager');
  const node = await nodeOf('Care leavers');
  const r = await web.post(`${PLAN}/actions`, { nodeId: String(node.id), number: '2', title: 'Duplicate', ownerName1: 'Jo Example' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#number', text: 'Plan "test-plan" already has an action numbered 2' }]);
});

test('post action as the owner answers 403 and changes nothing', async () => {
  const owner = await web.signIn('owner');
  const node = await nodeOf('Care leavers');
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/actions`, { nodeId: String(node.id), number: '9', title: 'Not allowed', ownerName1: 'Jo Example' }, owner);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});
