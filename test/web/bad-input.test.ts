// Input no page can use, refused with 400 naming the field before anything is read or written: a zero
// byte (0x00) in a form field, a search or a filter, and an id in the address too large for any record.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const PLAN = '/plans/test-plan';
const HUGE = '99999999999999999999';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

/** The 400 page's heading and what it says. */
function problemPage(body: string): { heading: string; text: string } {
  const page = html(body);
  return { heading: page.heading(), text: page.text('main') ?? '' };
}

test('post node edit with a zero byte in the title answers 400 naming the field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const tree = await web.db.services.plans.tree(web.ctx, 'test-plan');
  const node = tree.nodes[0]!;
  const r = await web.post(`${PLAN}/nodes/${node.id}/edit`, { version: String(node.version), kind: node.kind, title: 'Place\u0000ments' }, manager);
  assert.equal(r.statusCode, 400);
  const page = problemPage(r.body);
  assert.equal(page.heading, 'There is a problem');
  assert.match(page.text, /The field "title" contains a zero byte/);
  const after = await web.db.services.plans.tree(web.ctx, 'test-plan');
  assert.equal(after.nodes[0]!.title, node.title);
  assert.equal(after.nodes[0]!.version, node.version);
});

test('post progress update with a zero byte in the body answers 400 and adds no update', async () => {
  const owner = await web.signIn('owner');
  const before = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  const r = await web.post(`${PLAN}/actions/2/update`, { version: String(before.version), 'date-day': '1', 'date-month': '6', 'date-year': '2018', body: 'Done\u0000' }, owner);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The field "body" contains a zero byte/);
  const after = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  assert.equal(after.updates.length, before.updates.length);
  assert.equal(after.version, before.version);
});

test('get search with a zero byte in the query answers 400 naming q', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/search?q=foster%00carers', viewer);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The query parameter "q" contains a zero byte/);
});

test('get plan filtered by an owner with a zero byte answers 400 naming owner', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${PLAN}?owner=Jo%00`, viewer);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The query parameter "owner" contains a zero byte/);
});

test('get audit log filtered by an actor with a zero byte answers 400 naming actor', async () => {
  const admin = await web.signIn('admin');
  const r = await web.get('/audit?actor=%00', admin);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The query parameter "actor" contains a zero byte/);
});

test('get a plan whose address holds a zero byte answers 400 naming the address part', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/plans/test%00plan', viewer);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The address part "slug" contains a zero byte/);
});

test('get node edit form with a twenty-digit node id answers 400 naming id', async () => {
  const manager = await web.signIn('manager');
  const r = await web.get(`${PLAN}/nodes/${HUGE}/edit`, manager);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, new RegExp(`The address part "id" is ${HUGE}, larger than any record`));
});

test('post node edit with a twenty-digit node id answers 400 and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.services.audit.page(web.ctx, { page: 1, pageSize: 1 });
  const r = await web.post(`${PLAN}/nodes/${HUGE}/edit`, { version: '1', kind: 'theme', title: 'Renamed' }, manager);
  assert.equal(r.statusCode, 400);
  const after = await web.db.services.audit.page(web.ctx, { page: 1, pageSize: 1 });
  assert.equal(after.total, before.total);
});

test('post revoke of a twenty-digit token id answers 400 naming id', async () => {
  const admin = await web.signIn('admin');
  const r = await web.post(`/api-tokens/${HUGE}/revoke`, {}, admin);
  assert.equal(r.statusCode, 400);
  assert.match(problemPage(r.body).text, /The address part "id" is 9+, larger than any record/);
});

test('post node with a parent id beyond any record answers 400 against the parent field and adds nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.services.plans.tree(web.ctx, 'test-plan');
  const r = await web.post(`${PLAN}/nodes`, { parentId: '3000000000', kind: 'theme', title: 'New theme' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#parentId', text: 'Choose where it goes' }]);
  const after = await web.db.services.plans.tree(web.ctx, 'test-plan');
  assert.equal(after.nodes.length, before.nodes.length);
});

test('post action with a node id beyond any record answers 400 against the node field and adds nothing', async () => {
  const manager = await web.signIn('manager');
  const r = await web.post(`${PLAN}/actions`, { nodeId: '3000000000', number: '9', title: 'New action', ownerRole1: 'Head of Service' }, manager);
  assert.equal(r.statusCode, 400);
  assert.equal(html(r.body).errorSummary()[0]?.href, '#nodeId');
  assert.equal((await web.db.services.actions.list(web.ctx, { plan: 'test-plan' })).some((a) => a.number === '9'), false);
});
