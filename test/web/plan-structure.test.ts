// A plan built in the browser: creating a plan, editing its details, moving its parts up and down and
// deleting an empty part — each with its errors against their fields, stale edits refused and
// forbidden roles refused with nothing changed.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const PLAN = '/plans/test-plan';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const topTitles = async (): Promise<string[]> => (await web.db.services.plans.tree(web.ctx, 'test-plan')).nodes.map((n) => n.title);
const nodeOf = async (title: string) => {
  const n = (await web.db.services.plans.tree(web.ctx, 'test-plan')).nodes.find((x) => x.title === title);
  assert.ok(n, `node ${title}`);
  return n;
};
/** A plan's form sent with no title and an end before its start: the errors, each linked to its field. */
const titleAndPeriodErrors = [
  { href: '#title', text: 'Enter a title for the plan' },
  { href: '#periodEnd-day', text: 'The plan must end after it starts' },
];
const events = async (): Promise<string[]> => (await web.db.handle.db.selectFrom('auditEvent').select('event').orderBy('id').execute()).map((e) => e.event);

test('post plans as the manager creates the plan with a slug made from its title and opens it', async () => {
  const manager = await web.signIn('manager');
  const list = await web.get('/plans', manager);
  assert.equal(html(list.body).href('Create a plan'), '/plans/new');
  const form = await web.get('/plans/new', manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Create a plan');
  const r = await web.post(
    '/plans',
    { title: 'Sufficiency plan 2026–29', slug: '', kind: 'sufficiency', status: 'active', 'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2026', 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2029', description: 'Homes for our children.' },
    manager,
  );
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/plans/sufficiency-plan-2026-29?done=plan-created');
  const page = await web.get(r.headers.location, manager);
  assert.equal(html(page.body).heading(), 'Sufficiency plan 2026–29');
  assert.match(html(page.body).banners().join(), /The plan has been created/);
  const created = (await web.db.services.plans.list(web.ctx)).find((p) => p.slug === 'sufficiency-plan-2026-29');
  assert.deepEqual([created?.kind, created?.periodStart, created?.periodEnd], ['sufficiency', '2026-04-01', '2029-03-31']);
  assert.ok((await events()).includes('plan.created'));
});

test('post plans with errors links each to its field, keeps what was typed and creates nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/plans', { title: '', slug: 'Not A Slug', kind: 'sufficiency', status: 'active', 'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2027', 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2026' }, manager);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.deepEqual(page.errorSummary(), titleAndPeriodErrors);
  assert.equal(page.value('slug'), 'Not A Slug');
  assert.deepEqual(await web.db.counts(), before);
});

test('post plans with a slug already used names the slug field and creates nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/plans', { title: 'Another', slug: 'test-plan', kind: 'other', status: 'draft' }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(html(r.body).errorFor('#slug') ?? '', /A plan with slug "test-plan" already exists/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post plan edit saves the details and closing a plan tags it closed in the list', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get(`${PLAN}/edit`, manager);
  assert.equal(form.statusCode, 200);
  const page = html(form.body);
  const r = await web.post(`${PLAN}/edit`, { version: page.value('version') ?? '', title: 'Test plan (2018)', kind: page.value('kind') ?? '', status: 'closed', description: 'Kept for the record.' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${PLAN}?done=plan-edited`);
  const list = html((await web.get('/plans', manager)).body);
  assert.ok(list.rows().some((cells) => cells[0] === 'Test plan (2018) Closed'), JSON.stringify(list.rows()));
  assert.ok((await events()).includes('plan.edited'));
});

test('post plan edit with an old version shows the other change and keeps the typed title', async () => {
  const manager = await web.signIn('manager');
  const form = html((await web.get(`${PLAN}/edit`, manager)).body);
  const opened = form.value('version') ?? '';
  await web.db.services.plans.editDetails(as(web.ctx, 'admin'), 'test-plan', Number(opened), { title: 'Renamed by the administrator', kind: 'other', status: 'active' });
  const r = await web.post(`${PLAN}/edit`, { version: opened, title: 'My new title', kind: 'other', status: 'active' }, manager);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  assert.match(page.text('#stale-change') ?? '', /Ada Admin edited the plan's details/);
  assert.equal(page.value('title'), 'My new title');
  assert.equal((await web.db.services.plans.tree(web.ctx, 'test-plan')).title, 'Renamed by the administrator');
});

test('post plan edit with errors links each to its field, keeps what was typed and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const form = html((await web.get(`${PLAN}/edit`, manager)).body);
  const before = await web.db.counts();
  const r = await web.post(
    `${PLAN}/edit`,
    { version: form.value('version') ?? '', title: '', kind: form.value('kind') ?? '', status: 'active', description: 'Kept', 'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2027', 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2026' },
    manager,
  );
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.deepEqual(page.errorSummary(), titleAndPeriodErrors);
  assert.equal(page.value('periodStart-year'), '2027');
  assert.deepEqual(await web.db.counts(), before);
});

/** The move buttons' form for a part as the plan page shows it now: the direction, and the part it expects to pass. */
async function moveForm(id: number, direction: 'up' | 'down', as: SignedIn): Promise<Record<string, string>> {
  const page = html((await web.get(PLAN, as)).body);
  const field = (name: string): string => page.find(`form[action="${PLAN}/nodes/${id}/move"] input[name="${name}"]`)?.getAttribute('value') ?? '';
  return { direction, before: field('before'), after: field('after') };
}

test('post node move down then up swaps the part with the one beside it and stops at the ends', async () => {
  const manager = await web.signIn('manager');
  const [first, second] = await topTitles();
  const node = await nodeOf(first!);
  const down = await web.post(`${PLAN}/nodes/${node.id}/move`, await moveForm(node.id, 'down', manager), manager);
  assert.equal(down.statusCode, 303);
  assert.equal(down.headers.location, `${PLAN}?done=node-moved#node-${node.id}`);
  assert.deepEqual((await topTitles()).slice(0, 2), [second, first]);
  const order = await topTitles();
  const last = (await nodeOf(order.at(-1)!)).id;
  assert.equal((await web.post(`${PLAN}/nodes/${last}/move`, await moveForm(last, 'down', manager), manager)).statusCode, 303);
  assert.deepEqual(await topTitles(), order);
  await web.post(`${PLAN}/nodes/${node.id}/move`, await moveForm(node.id, 'up', manager), manager);
  assert.deepEqual((await topTitles()).slice(0, 2), [first, second]);
  assert.equal((await events()).filter((e) => e === 'plan.node.moved').length, 2);
});

test('post node move from a page shown before someone reordered the parts moves nothing and says why', async () => {
  const manager = await web.signIn('manager');
  const [first, second] = await topTitles();
  const node = await nodeOf(first!);
  const seen = await moveForm(node.id, 'down', manager);
  assert.equal((await web.post(`${PLAN}/nodes/${node.id}/move`, seen, manager)).statusCode, 303);
  const order = await topTitles();
  const before = await web.db.counts();
  // The same press again, from the page as it was: the part beside it is no longer the one the person saw.
  const again = await web.post(`${PLAN}/nodes/${node.id}/move`, seen, manager);
  assert.equal(again.statusCode, 409);
  assert.ok(html(again.body).main().includes(`The parts beside "${first!}" have been reordered since you opened the page, so nothing was moved`));
  assert.deepEqual(await topTitles(), order);
  assert.deepEqual(order.slice(0, 2), [second, first]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post node delete of an empty part deletes it; of a part with actions refuses, saying what it holds', async () => {
  const manager = await web.signIn('manager');
  const empty = await web.db.services.plans.addNode(web.ctx, 'test-plan', { kind: 'area', title: 'Nothing here yet' });
  const ask = await web.get(`${PLAN}/nodes/${empty.id}/delete`, manager);
  assert.equal(ask.statusCode, 200);
  assert.match(html(ask.body).heading(), /^Delete area “Nothing here yet”\?$/);
  const r = await web.post(`${PLAN}/nodes/${empty.id}/delete`, { version: html(ask.body).value('version') ?? '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.ok(!(await topTitles()).includes('Nothing here yet'));
  assert.ok((await events()).includes('plan.node.deleted'));

  const full = await nodeOf('Placements');
  const before = await web.db.counts();
  const refused = await web.post(`${PLAN}/nodes/${full.id}/delete`, { version: String(full.version) }, manager);
  assert.equal(refused.statusCode, 409);
  assert.match(html(refused.body).errorSummary()[0]?.text ?? '', /^"Placements" still holds \d+ action/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post node delete with an old version shows the other change and deletes nothing', async () => {
  const manager = await web.signIn('manager');
  const empty = await web.db.services.plans.addNode(web.ctx, 'test-plan', { kind: 'area', title: 'Nothing here yet' });
  const ask = html((await web.get(`${PLAN}/nodes/${empty.id}/delete`, manager)).body);
  const opened = ask.value('version') ?? '';
  await web.db.services.plans.editNode(as(web.ctx, 'admin'), 'test-plan', empty.id, Number(opened), { kind: 'area', title: 'Kinship care' });
  const before = await web.db.counts();
  const r = await web.post(`${PLAN}/nodes/${empty.id}/delete`, { version: opened }, manager);
  assert.equal(r.statusCode, 409, r.body.slice(0, 500));
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited this part of the plan/);
  assert.match(html(r.body).text('#stale-change') ?? '', /Kinship care/);
  assert.deepEqual(await web.db.counts(), before);
  assert.ok((await topTitles()).includes('Kinship care'));
});

test('plan building as the owner answers 403 on every form and changes nothing', async () => {
  const owner = await web.signIn('owner');
  const node = await nodeOf('Placements');
  const before = await web.db.counts();
  for (const url of ['/plans/new', `${PLAN}/edit`, `${PLAN}/nodes/${node.id}/delete`]) assert.equal((await web.get(url, owner)).statusCode, 403, url);
  assert.equal((await web.post('/plans', { title: 'Mine', kind: 'other', status: 'active' }, owner)).statusCode, 403);
  assert.equal((await web.post(`${PLAN}/edit`, { version: '1', title: 'Mine', kind: 'other', status: 'active' }, owner)).statusCode, 403);
  assert.equal((await web.post(`${PLAN}/nodes/${node.id}/move`, { direction: 'down' }, owner)).statusCode, 403);
  assert.equal((await web.post(`${PLAN}/nodes/${node.id}/delete`, { version: String(node.version) }, owner)).statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
  assert.equal(html((await web.get('/plans', owner)).body).href('Create a plan'), undefined);
});
