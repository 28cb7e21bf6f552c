// The page cache on injected requests: a page asked for again is sent from memory until anything in
// the database changes, belongs to the person it was drawn for, and carries a CSRF token that works.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { PageCache } from '../../src/web/plugins/page-cache.ts';
import { html } from '../helpers/html.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { csrfTokenIn, useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const ACTION = '/plans/test-plan/actions/1';

/** Posts the update form shown in `page` (its CSRF token and version) as `as`. */
function postUpdateFrom(page: string, as: SignedIn, body: string) {
  const token = csrfTokenIn(page);
  assert.ok(token, 'the form carries a CSRF token');
  const version = html(page).value('version') ?? '';
  return web.post(`${ACTION}/update`, { _csrf: token, version, 'date-day': '15', 'date-month': '6', 'date-year': '2018', body, status: '', reason: '' }, as);
}

/** The database server's snapshot: what the page cache keys on. */
const snapshot = async (): Promise<string> =>
  (await sql<{ mark: string }>`select pg_current_snapshot()::text as mark`.execute(web.db.handle.db)).rows[0]!.mark;

/**
 * Runs `requests` again until nothing outside them wrote meanwhile. The snapshot is the whole
 * server's: on a PostgreSQL server, other test files write to databases of their own at the same
 * time, and each such write is (rightly) a cache miss here. The requests themselves write nothing,
 * so a cache that never answers still fails.
 */
async function whileNothingElseWrites<T>(requests: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = await snapshot();
    const result = await requests();
    if ((await snapshot()) === before) return result;
  }
  throw new Error('the database server never went 50 tries without a write from elsewhere');
}

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

test('get a page twice sends the second from the cache with the same content', async () => {
  const viewer = await web.signIn('viewer');
  const drawn = await web.get(ACTION, viewer);
  assert.equal(drawn.headers['x-page-cache'], 'miss');
  const [first, second] = await whileNothingElseWrites(async () => [await web.get(ACTION, viewer), await web.get(ACTION, viewer)] as const);
  assert.equal(second.headers['x-page-cache'], 'hit');
  assert.equal(second.statusCode, 200);
  assert.equal(second.headers['cache-control'], 'no-store');
  const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
  assert.equal(withoutToken(second.body), withoutToken(first.body));
});

test('get a cached page after a change anywhere shows the change', async () => {
  const viewer = await web.signIn('viewer');
  const again = await whileNothingElseWrites(async () => {
    await web.get(ACTION, viewer);
    return web.get(ACTION, viewer);
  });
  assert.equal(again.headers['x-page-cache'], 'hit');
  await web.db.services.actions.addUpdate(web.ctx, 'test-plan:1', { date: '2018-06-20', body: 'Panel dates agreed for July.' });
  const after = await web.get(ACTION, viewer);
  assert.equal(after.headers['x-page-cache'], 'miss');
  assert.match(html(after.body).main(), /Panel dates agreed for July\./);
});

test('get a cached page after a write outside the services shows the change', async () => {
  const viewer = await web.signIn('viewer');
  await web.get(ACTION, viewer);
  await web.db.handle.db.updateTable('action').set({ title: 'Recruit many more foster carers' }).where('number', '=', '1').execute();
  const after = await web.get(ACTION, viewer);
  assert.equal(after.headers['x-page-cache'], 'miss');
  assert.match(html(after.body).main(), /Recruit many more foster carers/);
});

test('get the same page as two people draws it for each of them', async () => {
  const viewer = await web.signIn('viewer');
  const owner = await web.signIn('owner');
  const [forOwner, forViewer] = await whileNothingElseWrites(async () => {
    await web.get(ACTION, viewer);
    return [await web.get(ACTION, owner), await web.get(ACTION, viewer)] as const;
  });
  assert.equal(html(forOwner.body).text('.parentis-account__name strong'), 'Jo Example');
  assert.ok(html(forOwner.body).hasLink('/plans/test-plan/actions/1/update'));
  assert.equal(forViewer.headers['x-page-cache'], 'hit');
  assert.equal(html(forViewer.body).hasLink('/plans/test-plan/actions/1/update'), false);
});

test('post a form drawn from the cache is accepted with the token it carries', async () => {
  const owner = await web.signIn('owner');
  const cached = await whileNothingElseWrites(async () => {
    await web.get(`${ACTION}/update`, owner);
    return web.get(`${ACTION}/update`, owner);
  });
  assert.equal(cached.headers['x-page-cache'], 'hit');
  const r = await postUpdateFrom(cached.body, owner, 'Posted from a cached form.');
  assert.equal(r.statusCode, 303);
  const shown = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  assert.ok(shown.updates.some((u) => u.body === 'Posted from a cached form.'));
});

test('get a cached page in a new session carries a token of the new session', async () => {
  const first = await web.signIn('owner');
  await web.get(`${ACTION}/update`, first);
  const second = await web.signIn('owner');
  const page = await web.get(`${ACTION}/update`, second);
  const r = await postUpdateFrom(page.body, second, 'From the second session.');
  assert.equal(r.statusCode, 303);
});

test('get an error page is never kept', async () => {
  const viewer = await web.signIn('viewer');
  await web.get('/plans/test-plan/actions/99', viewer);
  const again = await web.get('/plans/test-plan/actions/99', viewer);
  assert.equal(again.statusCode, 404);
  assert.equal(again.headers['x-page-cache'], undefined);
});

test('put a page larger than the cache keeps nothing and evicts by size', () => {
  const cache = new PageCache(1000);
  cache.put('big', 'x'.repeat(600), '');
  assert.equal(cache.get('big', () => ''), undefined);
  cache.put('a', `<p>a</p><input value="T1">${'a'.repeat(200)}`, 'T1');
  cache.put('b', `<p>b</p>${'b'.repeat(200)}`, '');
  assert.equal(cache.get('a', () => 'T2'), `<p>a</p><input value="T2">${'a'.repeat(200)}`);
  cache.put('c', 'c'.repeat(150), '');
  assert.equal(cache.get('b', () => ''), undefined, 'the least recently used page goes first');
  assert.ok(cache.get('a', () => 'T3') !== undefined);
});
