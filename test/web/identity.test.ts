// Signing in through a real OpenID Connect provider started on a local port: groups mapped to roles,
// just-in-time accounts, every check on the provider's answer (state, replay, nonce, audience,
// expiry, issuer, signature), a provider that cannot be reached, and signing out of both.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServices } from '../../src/composition.ts';
import { parseRoleMap, type OidcConfig } from '../../src/config.ts';
import { buildServer } from '../../src/web/server.ts';
import { html } from '../helpers/html.ts';
import { startIdentityProvider, testRoleMap, TEST_REDIRECT_URI, type IdentityProvider } from '../helpers/oidc-provider.ts';
import { cookieHeader, csrfTokenIn, encodeForm, openWebTest, type WebTest } from '../helpers/web.ts';

let idp: IdentityProvider;
let web: WebTest;
const extraServers: FastifyInstance[] = [];

function settings(idp: IdentityProvider, change: Partial<OidcConfig> = {}): OidcConfig {
  return {
    issuer: new URL(idp.issuer),
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    scopes: 'openid profile email',
    groupsClaim: 'groups',
    roleMap: parseRoleMap(testRoleMap),
    providerName: 'Testshire account',
    localPasswords: true,
    justInTime: false,
    redirectUri: TEST_REDIRECT_URI,
    allowHttp: true,
    ...change,
  };
}

/** Another server on the same database, configured otherwise (just-in-time, no passwords, another issuer). */
function serverWith(change: Partial<OidcConfig>): FastifyInstance {
  const server = buildServer({ services: createServices(web.db.handle, web.db.services.clock, undefined, settings(idp, change)) }, { logLevel: 'silent' });
  extraServers.push(server);
  return server;
}

before(async () => {
  idp = await startIdentityProvider();
  web = await openWebTest({ oidc: settings(idp) });
});
after(async () => {
  for (const s of extraServers) await s.close();
  await web.close();
  await idp.close();
});
beforeEach(async () => {
  idp.misbehave(null);
  await web.reset();
});

/** Pre-creates the account the provider's `login` signs in to (subject = login). */
async function linkedAccount(login: string, role: string, email = `${login}@testshire.example`) {
  return web.db.services.accounts.addUser(web.ctx, { email, name: `${login} linked`, role, identityProvider: idp.issuer, subject: login });
}

interface Started {
  cookie: string;
  providerUrl: URL;
}

async function start(server: FastifyInstance = web.server, next = '/plans'): Promise<Started> {
  const r = await server.inject({ method: 'GET', url: `/sign-in/oidc?next=${encodeURIComponent(next)}` });
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  const providerUrl = new URL(String(r.headers.location));
  return { cookie: cookieHeader(r), providerUrl };
}

function callback(server: FastifyInstance, started: Pick<Started, 'cookie'>, at: URL): Promise<LightMyRequestResponse> {
  return server.inject({ method: 'GET', url: `${at.pathname}${at.search}`, headers: { cookie: started.cookie } });
}

/** The whole round trip: Parentis → the provider's login page as `login` → back to Parentis. */
async function signInAs(login: string, server: FastifyInstance = web.server): Promise<{ r: LightMyRequestResponse; cookie: string; back: URL; started: Started }> {
  const started = await start(server);
  const back = await idp.signInThrough(started.providerUrl.toString(), login);
  const r = await callback(server, started, back);
  return { r, cookie: cookieHeader(r, started.cookie), back, started };
}

const sessions = async (): Promise<number> => Number((await web.db.handle.db.selectFrom('userSession').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const account = (email: string) => web.db.handle.db.selectFrom('userAccount').selectAll().where('email', '=', email).executeTakeFirst();
const events = async (event: string) => web.db.handle.db.selectFrom('auditEvent').selectAll().where('event', '=', event).execute();

/** Posts the password form to `server`, with the form's cookie and token from `formFrom`. */
async function postPassword(server: FastifyInstance, email: string, formFrom: FastifyInstance = server): Promise<LightMyRequestResponse> {
  const form = await formFrom.inject({ method: 'GET', url: '/sign-in' });
  return server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: csrfTokenIn(form.body) ?? '', email, password: 'correct horse battery staple' }),
  });
}

function assertRefused(r: LightMyRequestResponse, heading: string): void {
  assert.equal(r.statusCode, 403, r.body.slice(0, 400));
  assert.equal(html(r.body).heading(), heading);
  assert.equal(r.cookies.find((c) => c.name === 'parentis_session'), undefined, 'no session cookie');
}

test('get sign-in offers the identity provider beside the password form', async () => {
  const page = html((await web.get('/sign-in?next=%2Fplans', null)).body);
  assert.equal(page.href('Sign in with Testshire account'), '/sign-in/oidc?next=%2Fplans');
  assert.ok(page.find('input#password'), 'the password form is still there');
});

test('get sign-in with local passwords off offers only the identity provider and refuses a posted password', async () => {
  const server = serverWith({ localPasswords: false });
  const page = html((await server.inject({ method: 'GET', url: '/sign-in' })).body);
  assert.ok(page.href('Sign in with Testshire account'));
  assert.equal(page.find('input#password'), undefined);
  // A form token from a server that has the form: the refusal is the route's, not the CSRF check's.
  const posted = await postPassword(server, 'admin@testshire.example', web.server);
  assert.equal(posted.statusCode, 404);
  assert.equal(await sessions(), 0);
});

test('start sign-in sends the browser to the provider with PKCE, state and nonce', async () => {
  const { providerUrl, cookie } = await start();
  assert.equal(providerUrl.origin, idp.issuer);
  const q = providerUrl.searchParams;
  assert.equal(q.get('client_id'), idp.clientId);
  assert.equal(q.get('redirect_uri'), TEST_REDIRECT_URI);
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.match(q.get('code_challenge') ?? '', /^[\w-]{43}$/);
  assert.ok((q.get('state') ?? '').length >= 20);
  assert.ok((q.get('nonce') ?? '').length >= 20);
  assert.match(cookie, /parentis_oidc=/);
  const waiting = await web.db.handle.db.selectFrom('identitySignIn').selectAll().execute();
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0]!.next, '/plans');
  assert.equal(waiting[0]!.state, q.get('state'));
});

test('sign in through the provider with a mapped group starts a session with the role the group gives', async () => {
  const pre = await linkedAccount('bob', 'manager');
  const { r, cookie } = await signInAs('bob');
  assert.equal(r.statusCode, 303, r.body.slice(0, 400));
  assert.equal(r.headers.location, '/plans');
  const plans = await web.server.inject({ method: 'GET', url: '/plans', headers: { cookie } });
  assert.equal(plans.statusCode, 200);
  // Bob's group Parentis-Board maps to viewer: the role follows the group at each sign-in.
  assert.equal((await account(pre.email))?.role, 'viewer');
  const changed = await events('user.role-from-provider');
  assert.equal(changed.length, 1);
  assert.deepEqual(changed[0]!.before, { role: 'manager' });
  assert.equal(changed[0]!.actor, 'bob linked (through Testshire account)');
  assert.equal(await web.db.handle.db.selectFrom('identitySignIn').select('id').executeTakeFirst(), undefined, 'the waiting sign-in is used up');
});

test('sign in through the provider finds the account by issuer and subject, never by e-mail alone', async () => {
  // An account with Alice's e-mail address but no link to her subject.
  await web.db.services.accounts.addUser(web.ctx, { email: 'alice@testshire.example', name: 'Alice Local', role: 'admin', password: 'a long unguessable phrase 4821' });
  const { r } = await signInAs('alice');
  assertRefused(r, 'You do not have a Parentis account');
});

test('sign in through the provider with just-in-time on creates the account from the ID token', async () => {
  const server = serverWith({ justInTime: true });
  const { r, cookie } = await signInAs('carol', server);
  assert.equal(r.statusCode, 303, r.body.slice(0, 400));
  const created = await account('carol@testshire.example');
  assert.equal(created?.role, 'owner');
  assert.equal(created?.name, 'Carol Owner');
  assert.equal(created?.identityProvider, idp.issuer);
  assert.equal(created?.subject, 'carol');
  assert.equal(created?.passwordHash, null);
  assert.equal((await events('user.added-from-provider')).length, 1);
  const home = await server.inject({ method: 'GET', url: '/', headers: { cookie } });
  assert.equal(home.statusCode, 200);
});

test('sign in through the provider with just-in-time off refuses a person without an account', async () => {
  const before = await web.db.counts();
  const { r } = await signInAs('carol');
  assertRefused(r, 'You do not have a Parentis account');
  assert.equal(await account('carol@testshire.example'), undefined);
  assert.deepEqual(await web.db.counts(), before);
});

test('sign in through the provider with just-in-time on refuses an e-mail address another account holds', async () => {
  await web.db.services.accounts.addUser(web.ctx, { email: 'carol@testshire.example', name: 'Carol Local', role: 'owner', password: 'a long unguessable phrase 4821' });
  const { r } = await signInAs('carol', serverWith({ justInTime: true }));
  assertRefused(r, 'Your account needs linking');
});

test('sign in through the provider with groups that map to no role is refused with a clear page', async () => {
  await linkedAccount('dave', 'manager');
  const { r } = await signInAs('dave');
  assertRefused(r, 'You are not in a group that uses Parentis');
  assert.equal((await account('dave@testshire.example'))?.role, 'manager', 'the role is not changed');
  const jit = await signInAs('dave', serverWith({ justInTime: true, roleMap: parseRoleMap('Parentis-Board=viewer') }));
  assertRefused(jit.r, 'You are not in a group that uses Parentis');
  assert.equal(await sessions(), 0);
});

test('sign in through the provider without a role map keeps the role an administrator set', async () => {
  await linkedAccount('dave', 'analyst');
  const { r } = await signInAs('dave', serverWith({ roleMap: [] }));
  assert.equal(r.statusCode, 303);
  assert.equal((await account('dave@testshire.example'))?.role, 'analyst');
});

test('sign in through the provider to a disabled account is refused', async () => {
  const pre = await linkedAccount('bob', 'viewer');
  await web.db.services.accounts.setDisabled(web.ctx, pre.id, true);
  const { r } = await signInAs('bob');
  assertRefused(r, 'Your account is disabled');
});

test('sign in through the provider never demotes the last administrator', async () => {
  // The only administrator is the test's own admin; make Bob the only one instead, then his groups say viewer.
  const pre = await linkedAccount('bob', 'admin');
  await web.db.services.accounts.setDisabled(web.ctx, web.users.admin.id, true);
  const { r } = await signInAs('bob');
  assert.equal(r.statusCode, 303);
  assert.equal((await account(pre.email))?.role, 'admin');
  assert.equal((await events('user.role-from-provider')).length, 0);
});

test('callback with a state other than the one sent is refused', async () => {
  await linkedAccount('bob', 'viewer');
  const started = await start();
  const back = await idp.signInThrough(started.providerUrl.toString(), 'bob');
  back.searchParams.set('state', 'forged-state-value-000000000000');
  assertRefused(await callback(web.server, started, back), 'Your sign-in could not be checked');
  assert.equal(await sessions(), 0);
});

test('callback from another browser (without the sign-in cookie) is refused', async () => {
  await linkedAccount('bob', 'viewer');
  const started = await start();
  const back = await idp.signInThrough(started.providerUrl.toString(), 'bob');
  assertRefused(await callback(web.server, { cookie: '' }, back), 'Your sign-in has expired');
});

test('callback replayed after a successful sign-in is refused', async () => {
  await linkedAccount('bob', 'viewer');
  const first = await signInAs('bob');
  assert.equal(first.r.statusCode, 303);
  assertRefused(await callback(web.server, first.started, first.back), 'Your sign-in has expired');
  assert.equal(await sessions(), 1);
});

test('a code replayed into a new sign-in is refused by the provider', async () => {
  await linkedAccount('bob', 'viewer');
  const first = await signInAs('bob');
  assert.equal(first.r.statusCode, 303);
  // A fresh sign-in of this browser, answered with the old (used) code and the new state.
  const second = await start();
  const replay = new URL(first.back);
  replay.searchParams.set('state', second.providerUrl.searchParams.get('state') ?? '');
  assertRefused(await callback(web.server, second, replay), 'Your sign-in could not be checked');
  assert.equal(await sessions(), 1);
});

test('an ID token with another nonce is refused', async () => {
  await linkedAccount('bob', 'viewer');
  const started = await start();
  const tampered = new URL(started.providerUrl);
  tampered.searchParams.set('nonce', 'a-nonce-parentis-never-sent-000000');
  const back = await idp.signInThrough(tampered.toString(), 'bob');
  assertRefused(await callback(web.server, started, back), 'Your sign-in could not be checked');
});

/** The service's own answer, with the check that failed (the page says only that it could not be checked). */
async function finishAs(login: string, change: (providerUrl: URL) => void = () => undefined) {
  const identity = createServices(web.db.handle, web.db.services.clock, undefined, settings(idp)).identity;
  const started = await identity.begin('/', TEST_REDIRECT_URI);
  const url = new URL(started.url);
  change(url);
  return identity.finish(started.cookie, await idp.signInThrough(url.toString(), login));
}

test('finish a sign-in whose ID token carries another nonce refuses it naming the nonce', async () => {
  await linkedAccount('bob', 'viewer');
  const result = await finishAs('bob', (u) => u.searchParams.set('nonce', 'a-nonce-parentis-never-sent-000000'));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'invalid');
  assert.match(!result.ok ? result.detail : '', /nonce/);
});

for (const [mode, what, check] of [
  ['audience', 'for another client', /"aud"|audience/],
  ['expired', 'that has expired', /"exp"|timestamp check failed|expired/i],
  ['issuer', 'from another issuer', /"iss"|issuer/],
  ['signature', 'signed with a key not in the provider’s JWKS', /signature|key/i],
] as const) {
  test(`an ID token ${what} is refused`, async () => {
    await linkedAccount('bob', 'viewer');
    idp.misbehave(mode);
    const { r } = await signInAs('bob');
    assertRefused(r, 'Your sign-in could not be checked');
    assert.equal(await sessions(), 0);
  });

  test(`finish a sign-in with an ID token ${what} refuses it naming the check`, async () => {
    await linkedAccount('bob', 'viewer');
    idp.misbehave(mode);
    const result = await finishAs('bob');
    assert.equal(!result.ok && result.reason, 'invalid');
    assert.match(!result.ok ? result.detail : '', check);
  });
}

test('sign in through a provider that cannot be reached shows a clear page and local sign-in still works', async () => {
  const server = serverWith({ issuer: new URL('http://127.0.0.1:9/unreachable') });
  const r = await server.inject({ method: 'GET', url: '/sign-in/oidc' });
  assert.equal(r.statusCode, 503);
  const page = html(r.body);
  assert.equal(page.heading(), 'Signing in with Testshire account is not working at the moment');
  assert.equal(page.href('sign in with your e-mail address and password'), '/sign-in');
  assert.equal((await postPassword(server, 'viewer@testshire.example')).statusCode, 303);
});

test('sign out after signing in through the provider ends the session and offers the provider’s end-session page', async () => {
  await linkedAccount('bob', 'viewer');
  const { cookie } = await signInAs('bob');
  const page = await web.server.inject({ method: 'GET', url: '/no-such-page', headers: { cookie } });
  const out = await web.server.inject({
    method: 'POST',
    url: '/sign-out',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: csrfTokenIn(page.body) ?? '' }),
  });
  assert.equal(out.statusCode, 200, out.body.slice(0, 300));
  const signedOut = html(out.body);
  assert.equal(signedOut.heading(), 'You have signed out of Parentis');
  const end = new URL(signedOut.href('Sign out of Testshire account too') ?? '');
  assert.equal(end.origin, idp.issuer);
  assert.ok(end.searchParams.get('id_token_hint'));
  assert.equal(end.searchParams.get('post_logout_redirect_uri'), 'http://parentis.test/sign-in?signed-out');
  assert.equal(await sessions(), 0);
  // The provider's own page answers the address Parentis gave.
  const provider = await fetch(end, { redirect: 'manual' });
  assert.equal(provider.status, 200);
  const again = await web.server.inject({ method: 'GET', url: '/plans', headers: { cookie } });
  assert.equal(again.statusCode, 303);
});
