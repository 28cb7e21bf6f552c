// The administrators' pages for people and API tokens on injected requests: who may see them, the
// forms' errors, a token shown once that then works on the API, and revoking it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const tokenIn = (html: string): string | undefined => /<textarea[^>]*id="token"[^>]*>(parentis_[A-Za-z0-9_-]+)<\/textarea>/.exec(html)?.[1];

test('get users as an administrator lists every account with its role and a link to add one', async () => {
  const r = await web.get('/users', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">People<\/h1>/);
  assert.match(r.body, /6 people/);
  assert.match(r.body, /Vic Viewer<\/th>\s*<td class="govuk-table__cell">viewer@testshire.example<\/td>\s*<td class="govuk-table__cell">Board member \(read only\)<\/td>/);
  assert.match(r.body, /href="\/users\/new"/);
  assert.match(r.body, /<a class="govuk-service-navigation__link" href="\/users" aria-current="page">/);
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
  assert.match(list.body, /The person has been added/);
  assert.match(list.body, /Nia Newcomer<\/th>\s*<td class="govuk-table__cell">nia.newcomer@testshire.example<\/td>\s*<td class="govuk-table__cell">Action owner<\/td>/);
  assert.ok(await web.db.services.accounts.verifyPassword('nia.newcomer@testshire.example', 'a long enough password'));
  const audit = await web.get('/audit', admin);
  assert.match(audit.body, /<strong>Person added<\/strong><br>\s*Person/);
});

test('post a new person with errors shows the summary linked to each field, keeps what was typed but never the password, and adds nobody', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/users/new', { name: 'Nia Newcomer', email: 'not an address', password: 'short' }, admin);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<title>Error: Add a person/);
  assert.match(r.body, /<a href="#email">Enter an e-mail address in the correct format, like name@example.org<\/a>/);
  assert.match(r.body, /<a href="#role">Choose what the person does in Parentis<\/a>/);
  assert.match(r.body, /<a href="#password">The password must be at least 10 characters long<\/a>/);
  assert.match(r.body, /id="name" name="name" type="text" spellcheck="false" value="Nia Newcomer"/);
  assert.doesNotMatch(r.body, /value="short"/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post a new person with an address already in use names the e-mail field', async () => {
  const r = await web.post('/users/new', { name: 'Second Viewer', email: 'viewer@testshire.example', role: 'viewer', password: 'a long enough password' }, await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#email">There is already an account for viewer@testshire.example<\/a>/);
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
  assert.match(created.body, new RegExp(`curl -H "Authorization: Bearer ${token}"`));
  assert.match(created.body, /It acts as Vic Viewer \(viewer@testshire.example\)/);

  const api = await web.server.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${token}` } });
  assert.equal(api.statusCode, 200);

  const list = await web.get('/api-tokens', admin);
  assert.match(list.body, /<a class="govuk-service-navigation__link" href="\/users" aria-current="true">/, 'People is the active menu entry');
  assert.match(list.body, /Power BI<\/th>\s*<td class="govuk-table__cell">Vic Viewer<br>/);
  assert.doesNotMatch(list.body, new RegExp(token), 'the list never shows a token');
  const id = /action="\/api-tokens\/(\d+)\/revoke"/.exec(list.body)?.[1];
  assert.ok(id);

  const revoked = await web.post(`/api-tokens/${id}/revoke`, {}, admin);
  assert.equal(revoked.statusCode, 303);
  assert.equal(revoked.headers.location, '/api-tokens?done=token-revoked');
  const after = await web.get('/api-tokens?done=token-revoked', admin);
  assert.match(after.body, /The token has been revoked/);
  assert.match(after.body, /<strong class="govuk-tag govuk-tag--grey">Revoked<\/strong>/);
  const refused = await web.server.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${token}` } });
  assert.equal(refused.statusCode, 401);

  const audit = await web.get('/audit', admin);
  assert.match(audit.body, /API token revoked/);
  assert.match(audit.body, /API token created/);
});

test('post an api token without a person or a purpose names both fields and creates nothing', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/api-tokens', { user: '', name: ' ' }, admin);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#user">Choose the person the token acts as<\/a>/);
  assert.match(r.body, /<a href="#name">Enter what the token is for<\/a>/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post an api token for an address that is nobody’s names the person field', async () => {
  const r = await web.post('/api-tokens', { user: 'nobody@testshire.example', name: 'Script' }, await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#user">There is no account for nobody@testshire.example<\/a>/);
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
