// Signing in and out through the real app on a fresh database: the form and its errors, CSRF,
// the session cookie, throttling, the return address, sessions in the database, and API tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THROTTLE } from '../../src/services/account.service.ts';
import { html } from '../helpers/html.ts';
import { cookieHeader, csrfTokenIn, emailFor, encodeForm, openWebTest, TEST_PASSWORD, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

/** The sign-in form's cookie and token, as a browser holds them before posting. */
async function signInForm(): Promise<{ cookie: string; csrfToken: string }> {
  const r = await web.server.inject({ method: 'GET', url: '/sign-in' });
  assert.equal(r.statusCode, 200);
  const csrfToken = csrfTokenIn(r.body);
  assert.ok(csrfToken, 'the form carries a CSRF token');
  return { cookie: cookieHeader(r), csrfToken };
}

async function postSignIn(fields: Record<string, string>, form?: { cookie: string; csrfToken: string }) {
  const f = form ?? (await signInForm());
  return web.server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: f.csrfToken, ...fields }),
  });
}

const sessionRows = async (): Promise<number> => Number((await web.db.handle.db.selectFrom('userSession').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

test('get a page while signed out redirects to sign-in with the page to come back to', async () => {
  const r = await web.get('/?tab=1', null);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/sign-in?next=%2F%3Ftab%3D1');
});

test('get sign-in shows the form with its heading, labelled fields and no navigation', async () => {
  const r = await web.get('/sign-in', null);
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.title(), 'Sign in – Testshire County Council – Parentis');
  assert.equal(page.heading(), 'Sign in to Parentis');
  assert.equal(page.text('label[for="email"]'), 'E-mail address');
  const password = page.find('input#password');
  assert.equal(password?.getAttribute('type'), 'password');
  assert.equal(password?.getAttribute('autocomplete'), 'current-password');
  assert.doesNotMatch(page.root.text, /Sign out/);
  assert.equal(page.find('.govuk-service-navigation__list'), undefined);
});

test('post sign-in with empty fields shows an error summary linking to each field', async () => {
  const r = await postSignIn({ email: '', password: '' });
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.equal(page.title(), 'Error: Sign in – Testshire County Council – Parentis');
  assert.deepEqual(page.errorSummary(), [
    { href: '#email', text: 'Enter your e-mail address' },
    { href: '#password', text: 'Enter your password' },
  ]);
  assert.equal(page.fieldError('email'), 'Enter your e-mail address');
  assert.equal(page.text('#email-error .govuk-visually-hidden'), 'Error:');
  assert.equal(await sessionRows(), 0);
});

test('post sign-in with a wrong password says so without saying whether the account exists', async () => {
  const wrong = await postSignIn({ email: emailFor('owner'), password: 'not the password' });
  const unknown = await postSignIn({ email: 'nobody@testshire.example', password: 'not the password' });
  for (const r of [wrong, unknown]) {
    assert.equal(r.statusCode, 400);
    assert.deepEqual(html(r.body).errorSummary(), [{ href: '#email', text: 'Enter a correct e-mail address and password' }]);
    assert.equal(r.cookies.find((c) => c.name === 'parentis_session'), undefined);
  }
  assert.equal(html(wrong.body).value('email'), emailFor('owner'), 'the e-mail address is kept');
  assert.equal(await sessionRows(), 0);
});

test('post sign-in without a CSRF token is refused with 403 and starts no session', async () => {
  const f = await signInForm();
  const r = await web.server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ email: emailFor('admin'), password: TEST_PASSWORD }),
  });
  assert.equal(r.statusCode, 403);
  assert.match(html(r.body).main(), /The form could not be checked/);
  const forged = await postSignIn({ email: emailFor('admin'), password: TEST_PASSWORD, _csrf: 'forged-token' }, f);
  assert.equal(forged.statusCode, 403);
  assert.equal(await sessionRows(), 0);
});

test('post sign-in with the right password starts a database session with an HttpOnly SameSite=Lax cookie', async () => {
  const r = await postSignIn({ email: `  ${emailFor('lead').toUpperCase()} `, password: TEST_PASSWORD, next: '/glossary?x=1' });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/glossary?x=1');
  const c = r.cookies.find((x) => x.name === 'parentis_session');
  assert.ok(c, 'a session cookie is set');
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Lax');
  assert.equal(c.path, '/');
  assert.notEqual(c.secure, true, 'plain http: not Secure');
  const rows = await web.db.handle.db.selectFrom('userSession').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0]!.id, c.value, 'only a hash of the token is stored');
  assert.equal(rows[0]!.userId, web.users.lead.id);
  const home = await web.get('/', { cookie: cookieHeader(r), csrfToken: '', user: web.users.lead });
  assert.equal(home.statusCode, 200);
  assert.equal(html(home.body).text('.parentis-account__name'), 'Signed in as Lee Lead, programme lead');
});

test('post sign-in with next pointing at another site returns to the home page instead', async () => {
  for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
    const r = await postSignIn({ email: emailFor('viewer'), password: TEST_PASSWORD, next });
    assert.equal(r.statusCode, 303, next);
    assert.equal(r.headers.location, '/', next);
  }
});

test('post sign-in after five failures is refused even with the right password', async () => {
  for (let i = 0; i < THROTTLE.perEmail; i++) {
    const r = await postSignIn({ email: emailFor('manager'), password: `wrong ${i}` });
    assert.equal(r.statusCode, 400, `attempt ${i + 1}`);
  }
  const r = await postSignIn({ email: emailFor('manager'), password: TEST_PASSWORD });
  assert.equal(r.statusCode, 429);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#email', text: 'Too many attempts. Try again in 15 minutes.' }]);
  assert.equal(await sessionRows(), 0);
  // Another account is not held up by the failures of the first.
  const other = await postSignIn({ email: emailFor('admin'), password: TEST_PASSWORD });
  assert.equal(other.statusCode, 303);
});

test('post sign-out ends the session row and the old cookie no longer signs in', async () => {
  const s = await web.signIn('owner');
  assert.equal(await sessionRows(), 1);
  const r = await web.post('/sign-out', {}, s);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/sign-in?signed-out');
  assert.equal(await sessionRows(), 0);
  const cleared = r.cookies.find((c) => c.name === 'parentis_session');
  assert.ok(cleared && cleared.value === '', 'the cookie is cleared');
  const after = await web.get('/', s);
  assert.equal(after.statusCode, 303);
  assert.match(String(after.headers.location), /^\/sign-in/);
  const page = await web.get('/sign-in?signed-out', null);
  assert.match(html(page.body).banners().join(), /You have signed out\./);
});

test('post sign-out without a CSRF token is refused and keeps the session', async () => {
  const s = await web.signIn('owner');
  const r = await web.post('/sign-out', { _csrf: '' }, s);
  assert.equal(r.statusCode, 403);
  assert.equal(await sessionRows(), 1);
  assert.equal((await web.get('/', s)).statusCode, 200);
});

test('sign in behind an https proxy marks the session cookie Secure', async () => {
  const https = await openWebTest({ config: { trustProxy: true } });
  try {
    const form = await https.server.inject({ method: 'GET', url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
    const r = await https.server.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
      payload: encodeForm({ email: emailFor('admin'), password: TEST_PASSWORD, _csrf: csrfTokenIn(form.body) ?? '' }),
    });
    assert.equal(r.statusCode, 303);
    const c = r.cookies.find((x) => x.name === 'parentis_session');
    assert.equal(c?.secure, true);
    assert.equal(c?.httpOnly, true);
    assert.equal(form.cookies.find((x) => x.name === 'parentis_csrf')?.secure, true);
  } finally {
    await https.close();
  }
});

test('add user stores a salted scrypt hash, refuses a second account for the same e-mail and audits the addition', async () => {
  const accounts = web.db.services.accounts;
  const u = await accounts.addUser(web.ctx, { email: 'New.Person@Testshire.example', name: 'New Person', role: 'owner', password: 'a long enough password' });
  assert.equal(u.email, 'new.person@testshire.example');
  const row = await web.db.handle.db.selectFrom('userAccount').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
  assert.match(row.passwordHash ?? '', /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.ok(await accounts.verifyPassword('new.person@testshire.example', 'a long enough password'));
  assert.equal(await accounts.verifyPassword('new.person@testshire.example', 'a long enough passworD'), null);
  await assert.rejects(accounts.addUser(web.ctx, { email: 'NEW.person@testshire.example', name: 'Twin', role: 'viewer', password: 'another password' }), /already an account/);
  await assert.rejects(accounts.addUser(web.ctx, { email: 'short@testshire.example', name: 'Short', role: 'viewer', password: 'short' }), /password: A password must be at least 10 characters/);
  await assert.rejects(accounts.addUser(web.ctx, { email: 'r@testshire.example', name: 'R', role: 'superuser', password: 'long enough pw' }), /role: Choose a role/);
  await assert.rejects(accounts.addUser(web.db.services.accounts.contextFor(web.users.manager), { email: 'm@testshire.example', name: 'M', role: 'viewer', password: 'long enough pw' }), /Your role does not allow you to add users/);
  const events = await web.db.handle.db.selectFrom('auditEvent').selectAll().where('event', '=', 'user.added').execute();
  assert.equal(events.length, 1);
  assert.equal(events[0]!.entityKey, 'new.person@testshire.example');
  assert.doesNotMatch(JSON.stringify(events[0]!.after), /scrypt|password"/);
});

test('create token shows it once; user for token finds its person until it is revoked', async () => {
  const accounts = web.db.services.accounts;
  const { token, id } = await accounts.createToken(web.ctx, emailFor('analyst'), 'Power BI');
  assert.match(token, /^parentis_[\w-]{43}$/);
  const row = await web.db.handle.db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.notEqual(row.tokenHash, token);
  assert.equal(row.lastUsedAt, null);
  const user = await accounts.userForToken(token);
  assert.equal(user?.email, emailFor('analyst'));
  assert.equal(user?.role, 'analyst');
  const used = await web.db.handle.db.selectFrom('apiToken').select('lastUsedAt').where('id', '=', id).executeTakeFirstOrThrow();
  assert.ok(used.lastUsedAt instanceof Date, 'last used is recorded');
  assert.equal(await accounts.userForToken(`${token}x`), null);
  const revoked = await accounts.revokeToken(web.ctx, id);
  assert.ok(revoked.revokedAt instanceof Date);
  assert.equal(await accounts.userForToken(token), null);
  await assert.rejects(accounts.createToken(web.ctx, 'nobody@testshire.example'), /There is no account for nobody@testshire.example/);
});
