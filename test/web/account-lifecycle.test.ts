// The account lifecycle through the administrator's pages: name and role (stale edits refused, the
// last administrator kept), disabling (sessions and API tokens stop at once) and enabling, a one-time
// link to set a password, and everyone's own password; every step in the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from '../helpers/html.ts';
import { emailFor, TEST_PASSWORD, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const account = (id: number) => web.db.handle.db.selectFrom('userAccount').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (event: string) => web.db.handle.db.selectFrom('auditEvent').selectAll().where('event', '=', event).execute();

const NEW_PASSWORD = 'lantern orchard velvet 7193';

test('get a person’s page as an administrator shows their details and what can be done', async () => {
  const admin = await web.signIn('admin');
  const people = html((await web.get('/users', admin)).body);
  assert.equal(people.href('Olive Owner'), `/users/${web.users.owner.id}`);
  const r = await web.get(`/users/${web.users.owner.id}`, admin);
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Olive Owner');
  assert.ok(page.find(`form[action="/users/${web.users.owner.id}/disable"]`));
  assert.ok(page.find(`form[action="/users/${web.users.owner.id}/password-link"]`));
  assert.equal((await web.get('/users/999999', admin)).statusCode, 404);
});

test('post a new name and role for a person saves both and records each in the audit log', async () => {
  const admin = await web.signIn('admin');
  const id = web.users.owner.id;
  const r = await web.post(`/users/${id}/edit`, { name: 'Olive Pengelly', role: 'lead', version: '1' }, admin);
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  assert.equal(r.headers.location, `/users/${id}?done=user-changed`);
  const after = await account(id);
  assert.equal(after.name, 'Olive Pengelly');
  assert.equal(after.role, 'lead');
  assert.deepEqual((await events('user.role-changed')).map((e) => [e.actor, e.before, e.after]), [['Ada Admin', { role: 'owner' }, { role: 'lead' }]]);
  assert.deepEqual((await events('user.renamed')).map((e) => [e.before, e.after]), [[{ name: 'Olive Owner' }, { name: 'Olive Pengelly' }]]);
});

test('post a change to a person from an old version is refused, saying who changed it, and saves nothing', async () => {
  const admin = await web.signIn('admin');
  const id = web.users.owner.id;
  await web.db.services.accounts.changeUser({ ...web.ctx, actor: 'Morgan Manager' }, id, { role: 'viewer' });
  const r = await web.post(`/users/${id}/edit`, { name: 'Olive Owner', role: 'analyst', version: '1' }, admin);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  assert.match(page.errorSummary()[0]?.text ?? '', /changed by someone else .* version 1, it is now version 2 \(user role-changed by Morgan Manager/);
  assert.equal(page.value('version'), '2', 'the form shows what is there now');
  assert.equal((await account(id)).role, 'viewer');
});

test('post a new role for the only administrator is refused on the role field and changes nothing', async () => {
  const admin = await web.signIn('admin');
  const r = await web.post(`/users/${admin.user.id}/edit`, { name: 'Ada Admin', role: 'manager', version: '1' }, admin);
  assert.equal(r.statusCode, 409);
  assert.equal(html(r.body).errorSummary()[0]?.href, '#role');
  assert.match(html(r.body).fieldError('role') ?? '', /only administrator/);
  assert.equal((await account(admin.user.id)).role, 'admin');
  assert.equal((await events('user.role-changed')).length, 0);
});

test('disable the only other administrator is refused but a second administrator may be demoted', async () => {
  const admin = await web.signIn('admin');
  const manager = web.users.manager.id;
  await web.db.services.accounts.changeUser(web.ctx, manager, { role: 'admin' });
  // With two administrators, one may be demoted; then the other is the last and is kept.
  assert.equal((await web.post(`/users/${manager}/edit`, { name: 'Morgan Manager', role: 'manager', version: '2' }, admin)).statusCode, 303);
  await assert.rejects(web.db.services.accounts.setDisabled(web.ctx, admin.user.id, true), /only administrator/);
  await assert.rejects(web.db.services.accounts.changeUser(web.ctx, admin.user.id, { role: 'viewer' }), /only administrator/);
});

test('post disable for a person ends their open session and stops their API token at once', async () => {
  const admin = await web.signIn('admin');
  const owner = await web.signIn('owner');
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor('owner'), 'Reports');
  const api = () => web.server.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${token}` } });
  assert.equal((await api()).statusCode, 200);
  assert.equal((await web.get('/plans', owner)).statusCode, 200);

  const r = await web.post(`/users/${owner.user.id}/disable`, { version: '1' }, admin);
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  assert.equal((await web.get('/plans', owner)).statusCode, 303, 'the open session is sent to sign in');
  assert.equal((await api()).statusCode, 401);
  const signIn = await web.post('/sign-in', { email: emailFor('owner'), password: TEST_PASSWORD }, null);
  assert.notEqual(signIn.statusCode, 303);
  const disabled = await events('user.disabled');
  assert.equal(disabled.length, 1);
  assert.equal(disabled[0]!.actor, 'Ada Admin');
  assert.match(html((await web.get(String(r.headers.location), admin)).body).banners().join(' '), /has been disabled/);

  assert.equal((await web.post(`/users/${owner.user.id}/enable`, { version: '2' }, admin)).statusCode, 303);
  assert.equal((await api()).statusCode, 200, 'a token not revoked works again');
  assert.ok(await web.signIn('owner'));
  assert.equal((await events('user.enabled')).length, 1);
});

test('post disable for your own account is refused', async () => {
  const admin = await web.signIn('admin');
  await web.db.services.accounts.changeUser(web.ctx, web.users.manager.id, { role: 'admin' });
  const r = await web.post(`/users/${admin.user.id}/disable`, { version: '1' }, admin);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).errorSummary()[0]?.text ?? '', /your own account/);
  assert.equal((await account(admin.user.id)).disabledAt, null);
});

test('a password link made by an administrator sets a password once and is shown only once', async () => {
  const admin = await web.signIn('admin');
  const owner = await web.signIn('owner');
  const id = web.users.owner.id;
  const made = await web.post(`/users/${id}/password-link`, {}, admin);
  assert.equal(made.statusCode, 200, made.body.slice(0, 300));
  assert.equal(made.headers['cache-control'], 'no-store');
  const link = new URL(html(made.body).find('textarea#link')?.text.trim() ?? '');
  assert.match(link.pathname, /^\/set-password\/[\w-]{40,}$/);
  const stored = await web.db.handle.db.selectFrom('passwordLink').selectAll().executeTakeFirstOrThrow();
  assert.equal(link.pathname.includes(stored.tokenHash), false, 'only the hash is kept');

  const form = await web.get(link.pathname, null);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Set your password');
  const csrf = html(form.body).find('input[name="_csrf"]')?.getAttribute('value') ?? '';
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const post = (fields: Record<string, string>) =>
    web.server.inject({ method: 'POST', url: link.pathname, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString() });

  const mismatch = await post({ password: NEW_PASSWORD, confirm: 'something else entirely' });
  assert.equal(mismatch.statusCode, 400);
  assert.deepEqual(html(mismatch.body).errorSummary(), [{ href: '#confirm', text: 'The passwords do not match' }]);
  const weak = await post({ password: 'password123', confirm: 'password123' });
  assert.equal(weak.statusCode, 400);
  assert.equal(html(weak.body).errorSummary()[0]?.href, '#password');

  const set = await post({ password: NEW_PASSWORD, confirm: NEW_PASSWORD });
  assert.equal(set.statusCode, 303);
  assert.equal(set.headers.location, '/sign-in?done=password-set');
  assert.equal((await web.get('/plans', owner)).statusCode, 303, 'their sessions ended');
  assert.equal((await web.post('/sign-in', { email: emailFor('owner'), password: NEW_PASSWORD }, null)).statusCode !== 200, true);
  assert.equal((await web.db.services.accounts.verifyPassword(emailFor('owner'), NEW_PASSWORD))?.id, id);

  const again = await web.get(link.pathname, null);
  assert.equal(again.statusCode, 404);
  assert.equal(html(again.body).heading(), 'This link does not work');
  assert.equal((await events('user.password-link-created')).length, 1);
  assert.equal((await events('user.password-set')).length, 1);
});

test('post your own password needs the current one, then ends your other sessions only', async () => {
  const here = await web.signIn('owner');
  const elsewhere = await web.signIn('owner');
  const wrong = await web.post('/account/password', { current: 'not my password', password: NEW_PASSWORD, confirm: NEW_PASSWORD }, here);
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(html(wrong.body).errorSummary(), [{ href: '#current', text: 'Your current password is not right' }]);
  assert.equal((await events('user.password-changed')).length, 0);

  const r = await web.post('/account/password', { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, here);
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  assert.equal((await web.get('/account/password?done=password-changed', here)).statusCode, 200, 'this session goes on');
  assert.equal((await web.get('/plans', elsewhere)).statusCode, 303, 'the other session ended');
  assert.equal((await web.db.services.accounts.verifyPassword(emailFor('owner'), NEW_PASSWORD))?.id, web.users.owner.id);
  const changed = await events('user.password-changed');
  assert.equal(changed.length, 1);
  assert.equal(changed[0]!.actor, 'Olive Owner');
});
