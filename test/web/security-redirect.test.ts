// The return address after signing in never leaves the site, whatever characters browsers strip or rewrite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cookieHeader, csrfTokenIn, emailFor, encodeForm, TEST_PASSWORD, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

/** Where a browser at http://parentis.invalid would go when answered with this Location header. */
const destination = (location: string | undefined): string => new URL(String(location), 'http://parentis.invalid/sign-in').origin;

async function signedInGet(next: string) {
  const s = await web.signIn('viewer');
  return web.server.inject({ method: 'GET', url: `/sign-in?next=${encodeURIComponent(next)}`, headers: { cookie: s.cookie } });
}

async function postSignIn(next: string) {
  const form = await web.server.inject({ method: 'GET', url: '/sign-in' });
  return web.server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ email: emailFor('viewer'), password: TEST_PASSWORD, next, _csrf: csrfTokenIn(form.body) ?? '' }),
  });
}

test('get sign-in signed in with next holding a tab stays on the site', async () => {
  const r = await signedInGet('/\t/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/');
});

test('get sign-in signed in with next holding a raw percent-encoded tab stays on the site', async () => {
  const r = await web.server.inject({ method: 'GET', url: '/sign-in?next=/%09/evil.example', headers: { cookie: (await web.signIn('viewer')).cookie } });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/');
});

test('get sign-in signed in with next holding a newline stays on the site', async () => {
  const r = await signedInGet('/\n/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(destination(r.headers.location), 'http://parentis.invalid');
});

test('get sign-in signed in with next holding an ideographic space redirects on the site', async () => {
  const r = await signedInGet('/\u3000/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%E3%80%80/evil.example');
  assert.equal(destination(r.headers.location), 'http://parentis.invalid');
});

test('get sign-in signed in with next holding a vertical tab redirects on the site', async () => {
  const r = await signedInGet('/\v/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%0B/evil.example');
});

test('get sign-in signed in with next holding a form feed redirects on the site', async () => {
  const r = await signedInGet('/\f/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%0C/evil.example');
});

test('get sign-in signed in with next holding a backslash stays on the site', async () => {
  const r = await signedInGet('/\\\t\\evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/');
});

test('get sign-in signed in with an ordinary next keeps its path, query and fragment', async () => {
  const r = await signedInGet('/plans?tab=2#actions');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/plans?tab=2#actions');
});

test('post sign-in with next holding a tab returns to the home page', async () => {
  const r = await postSignIn('/\t/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/');
});

test('post sign-in with next holding an ideographic space redirects on the site', async () => {
  const r = await postSignIn('/\u3000/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%E3%80%80/evil.example');
});

test('post sign-in with next holding a vertical tab redirects on the site', async () => {
  const r = await postSignIn('/\v/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%0B/evil.example');
});

test('post sign-in with next holding a form feed redirects on the site', async () => {
  const r = await postSignIn('/\f/evil.example');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/%0C/evil.example');
});
