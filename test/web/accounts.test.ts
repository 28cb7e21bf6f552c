// The administrators' pages for people and API tokens on injected requests: who may see them, the
// forms' errors, a token shown once that then works on the API, and revoking it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from '../helpers/html.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const tokenIn = (body: string): string | undefined => /^parentis_[A-Za-z0-9_-]+$/.exec(html(body).find('textarea#token')?.text ?? '')?.[0];
/** The table row whose first cell is `first`. */
const rowOf = (body: string, first: string): string[] | undefined => html(body).rows().find((cells) => cells[0] === first);

test('get users as an administrator lists every account with its role and a link to add one', async () => {
  const r = await web.get('/users', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'People');
  assert.match(page.main(), /6 people/);
  assert.deepEqual(rowOf(r.body, 'Vic Viewer')?.slice(1, 3), ['viewer@testshire.example', 'Board member (read only)']);
  assert.ok(page.hasLink('/users/new'));
  assert.equal(page.find('a.govuk-service-navigation__link[href="/users"]')?.getAttribute('aria-current'), 'page');
});

test('get users and api-tokens as a manager answer 403 and show nobody', async () => {
  const as = await web.signIn('manager');
  for (const url of ['/users', '/users/new', '/api-tokens']) {
    const r = await web.get(url, as);
    assert.equal(r.statusCode, 403, url);
    assert.doesNotMatch(r.body, /viewer@testshire.example/, url);
  }
});

test('post a new person adds the account, records it in the audit log and lets them sign in', async () => {
  const admin = await web.signIn('admin');
  const r = await web.post('/users/new', { name: 'Nia Newcomer', email: 'Nia.Newcomer@testshire.example', role: 'owner', password: 'a long enough password' }, admin);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/users?done=user-added');
  const list = await web.get('/users?done=user-added', admin);
  assert.match(html(list.body).banners().join(), /The person has been added/);
  assert.deepEqual(rowOf(list.body, 'Nia Newcomer')?.slice(1, 3), ['nia.newcomer@testshire.example', 'Action owner']);
  assert.ok(await web.db.services.accounts.verifyPassword('nia.newcomer@testshire.example', 'a long enough password'));
  const audit = await web.get('/audit', admin);
  assert.ok(html(audit.body).rows().some((cells) => /^Person added Person/.test(cells[2] ?? '')));
});

test('post a new person with errors shows the summary linked to each field, keeps what was typed but never the password, and adds nobody', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/users/new', { name: 'Nia Newcomer', email: 'not an address', password: 'short' }, admin);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.match(page.title(), /^Error: Add a person/);
  assert.deepEqual(page.errorSummary(), [
    { href: '#email', text: 'Enter an e-mail address in the correct format, like name@example.org' },
    { href: '#role', text: 'Choose what the person does in Parentis' },
    { href: '#password', text: 'The password must be at least 10 characters long' },
  ]);
  assert.equal(page.value('name'), 'Nia Newcomer');
  assert.equal(page.value('password'), '');
  assert.doesNotMatch(r.body, /value="short"/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post a new person with an address already in use names the e-mail field', async () => {
  const r = await web.post('/users/new', { name: 'Second Viewer', email: 'viewer@testshire.example', role: 'viewer', password: 'a long enough password' }, await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#email', text: 'There is already an account for viewer@testshire.example' }]);
});

test('post a new person as a manager answers 403 and adds nobody', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/users/new', { name: 'Sly Manager', email: 'sly@testshire.example', role: 'admin', password: 'a long enough password' }, manager);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

test('post an api token shows it once; it works on the API as its person until it is revoked', async () => {
  const admin = await web.signIn('admin');
  const created = await web.post('/api-tokens', { user: 'viewer@testshire.example', name: 'Power BI' }, admin);
  assert.equal(created.statusCode, 200, created.body.slice(0, 500));
  assert.equal(created.headers['cache-control'], 'no-store');
  const token = tokenIn(created.body);
  assert.ok(token, 'the page shows the new token');
  assert.ok(html(created.body).main().includes(`curl -H "Authorization: Bearer ${token}"`));
  assert.match(html(created.body).main(), /It acts as Vic Viewer \(viewer@testshire.example\)/);

  const api = await web.server.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${token}` } });
  assert.equal(api.statusCode, 200);

  const list = await web.get('/api-tokens', admin);
  assert.equal(html(list.body).find('a.govuk-service-navigation__link[href="/users"]')?.getAttribute('aria-current'), 'true', 'People is the active menu entry');
  assert.match(rowOf(list.body, 'Power BI')?.[1] ?? '', /^Vic Viewer /);
  assert.doesNotMatch(list.body, new RegExp(token), 'the list never shows a token');
  const id = html(list.body)
    .all('form[action$="/revoke"]')
    .map((f) => /^\/api-tokens\/(\d+)\/revoke$/.exec(f.getAttribute('action') ?? '')?.[1])[0];
  assert.ok(id);

  const revoked = await web.post(`/api-tokens/${id}/revoke`, {}, admin);
  assert.equal(revoked.statusCode, 303);
  assert.equal(revoked.headers.location, '/api-tokens?done=token-revoked');
  const after = await web.get('/api-tokens?done=token-revoked', admin);
  assert.match(html(after.body).banners().join(), /The token has been revoked/);
  assert.equal(html(after.body).text('.govuk-tag--grey'), 'Revoked');
  const refused = await web.server.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${token}` } });
  assert.equal(refused.statusCode, 401);

  const audit = await web.get('/audit', admin);
  assert.match(html(audit.body).main(), /API token revoked/);
  assert.match(html(audit.body).main(), /API token created/);
});

test('post an api token without a person or a purpose names both fields and creates nothing', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/api-tokens', { user: '', name: ' ' }, admin);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#user', text: 'Choose the person the token acts as' },
    { href: '#name', text: 'Enter what the token is for' },
  ]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post an api token for an address that is nobody’s names the person field', async () => {
  const r = await web.post('/api-tokens', { user: 'nobody@testshire.example', name: 'Script' }, await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#user', text: 'There is no account for nobody@testshire.example' }]);
});

test('post an api token or a revoke as a manager answers 403 and changes nothing', async () => {
  const { id } = await web.db.services.accounts.createToken({ ...web.ctx, role: 'admin' }, 'viewer@testshire.example', 'Script');
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  assert.equal((await web.post('/api-tokens', { user: 'manager@testshire.example', name: 'Mine' }, manager)).statusCode, 403);
  assert.equal((await web.post(`/api-tokens/${id}/revoke`, {}, manager)).statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
  const [token] = await web.db.services.accounts.listTokens({ ...web.ctx, role: 'admin' });
  assert.equal(token?.revokedAt, null);
});

test('post a revoke for a token that does not exist answers 404', async () => {
  const r = await web.post('/api-tokens/999/revoke', {}, await web.signIn('admin'));
  assert.equal(r.statusCode, 404);
});
