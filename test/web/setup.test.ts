// The first-run set-up page on a new, empty database: every page leads to it, its form and errors,
// CSRF, setting up the authority and its administrator (signed in, database marked real), and the
// page gone for good afterwards.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/web/server.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { html } from '../helpers/html.ts';
import { cookieHeader, csrfTokenIn, encodeForm } from '../helpers/web.ts';

let db: TestDatabase;
let server: FastifyInstance;

before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await server.close();
  await db.close();
});
// A new server each test: a server keeps the database's state once it is set up.
beforeEach(async () => {
  await server?.close();
  await db.reset();
  server = buildServer({ services: db.services }, { logLevel: 'silent' });
});

const valid = {
  authority: 'Westmere County Council',
  laCode: '908',
  adminName: 'Demelza Rowse',
  adminEmail: 'Demelza.Rowse@westmere.gov.example',
  password: 'a long enough password',
  confirmPassword: 'a long enough password',
};

/** The set-up form's cookie and CSRF token, as a browser holds them before posting. */
async function setUpForm(): Promise<{ cookie: string; csrfToken: string }> {
  const r = await server.inject({ method: 'GET', url: '/setup' });
  assert.equal(r.statusCode, 200);
  const csrfToken = csrfTokenIn(r.body);
  assert.ok(csrfToken, 'the form carries a CSRF token');
  return { cookie: cookieHeader(r), csrfToken };
}

async function postSetUp(fields: Record<string, string>, withToken = true) {
  const f = await setUpForm();
  return server.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm(withToken ? { _csrf: f.csrfToken, ...fields } : fields),
  });
}

const nothingSetUp = async (): Promise<void> => {
  const counts = await db.counts();
  assert.deepEqual([counts.organisation, counts.deployment, counts.user_account, counts.audit_event], [0, 0, 0, 0], 'nothing was written');
};

test('get any page on a new database redirects to the set-up page', async () => {
  for (const url of ['/', '/plans', '/sign-in', '/users/new']) {
    const r = await server.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 303, url);
    assert.equal(r.headers.location, '/setup', url);
  }
  assert.equal((await server.inject({ method: 'GET', url: '/health' })).statusCode, 200);
});

test('get set-up shows the form with its labelled fields and no demonstration banner', async () => {
  const r = await server.inject({ method: 'GET', url: '/setup' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<title>Set up Parentis<\/title>/);
  assert.match(r.body, /<h1 class="govuk-heading-l">Set up Parentis<\/h1>/);
  assert.match(r.body, /<form method="post" action="\/setup" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
  for (const [id, label] of [
    ['authority', 'Authority’s name'],
    ['laCode', 'DfE LA code'],
    ['adminName', 'Name'],
    ['adminEmail', 'E-mail address'],
    ['password', 'Password'],
    ['confirmPassword', 'Confirm the password'],
  ]) {
    assert.match(r.body, new RegExp(`<label class="govuk-label govuk-label--s" for="${id}">\\s*${label}\\s*</label>`), id);
  }
  assert.doesNotMatch(r.body, /Demonstration — fictional data/);
  assert.doesNotMatch(r.body, /style="/, 'no inline styles');
  // No authority yet: the footer names none, rather than calling Parentis the authority.
  assert.equal(html(r.body).text('footer'), 'About this service Parentis: corporate parenting plans, actions and measures. Open-source software under the MIT licence.');
});

test('post set-up with every field empty shows an error summary linking to each field', async () => {
  const r = await postSetUp({ authority: '', laCode: '', adminName: '', adminEmail: '', password: '', confirmPassword: '' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<title>Error: Set up Parentis<\/title>/);
  assert.match(r.body, /class="govuk-error-summary"/);
  assert.match(r.body, /<a href="#authority">Enter the authority’s name<\/a>/);
  assert.match(r.body, /<a href="#laCode">Enter the authority’s DfE LA code: 3 digits, like 908<\/a>/);
  assert.match(r.body, /<a href="#adminName">Enter the administrator’s name<\/a>/);
  assert.match(r.body, /<a href="#adminEmail">Enter the administrator’s e-mail address<\/a>/);
  assert.match(r.body, /<a href="#password">A password must be at least 10 characters long<\/a>/);
  assert.match(r.body, /<a href="#confirmPassword">Type the password again to confirm it<\/a>/);
  assert.match(r.body, /<p id="laCode-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Enter the authority’s DfE LA code/);
  await nothingSetUp();
});

test('post set-up with a 4-digit LA code names the LA code field and keeps what was typed', async () => {
  const r = await postSetUp({ ...valid, laCode: '9080' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#laCode">Enter the authority’s DfE LA code: 3 digits, like 908<\/a>/);
  assert.match(r.body, /value="Westmere County Council"/, 'the name typed is kept');
  assert.doesNotMatch(r.body, /a long enough password/, 'a password is never sent back');
  await nothingSetUp();
});

test('post set-up with a malformed e-mail address names the e-mail field', async () => {
  const r = await postSetUp({ ...valid, adminEmail: 'demelza at westmere' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#adminEmail">Enter an e-mail address in the correct format, like name@example.org<\/a>/);
  await nothingSetUp();
});

test('post set-up with a short password names the password field', async () => {
  const r = await postSetUp({ ...valid, password: 'short', confirmPassword: 'short' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#password">A password must be at least 10 characters long<\/a>/);
  await nothingSetUp();
});

test('post set-up with passwords that differ names the confirmation field', async () => {
  const r = await postSetUp({ ...valid, confirmPassword: 'another long password' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#confirmPassword">The passwords do not match: type the same password twice<\/a>/);
  assert.doesNotMatch(r.body, /href="#password"/);
  await nothingSetUp();
});

test('post set-up without a CSRF token is refused with 403 and sets nothing up', async () => {
  const r = await postSetUp(valid, false);
  assert.equal(r.statusCode, 403);
  await nothingSetUp();
});

test('post set-up sets up the authority and its administrator, signs them in and marks the database real', async () => {
  const r = await postSetUp(valid);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/');
  const cookie = cookieHeader(r);
  assert.match(cookie, /parentis_session=/, 'the administrator is signed in');

  const home = await server.inject({ method: 'GET', url: '/', headers: { cookie } });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Signed in as <strong>Demelza Rowse<\/strong>, administrator/);
  assert.match(home.body, /class="govuk-generic-header__homepage-link">\s*Westmere County Council\s*<\/a>/);
  assert.doesNotMatch(home.body, /Demonstration — fictional data/);

  const orgs = await db.handle.db.selectFrom('organisation').select(['name', 'shortName', 'laCode']).execute();
  assert.deepEqual(orgs, [{ name: 'Westmere County Council', shortName: 'Westmere', laCode: '908' }]);
  assert.equal(await db.services.deployment.mode(), 'real');
  const accounts = await db.handle.db.selectFrom('userAccount').select(['email', 'role']).execute();
  assert.deepEqual(accounts, [{ email: 'demelza.rowse@westmere.gov.example', role: 'admin' }]);
  const events = await db.handle.db.selectFrom('auditEvent').select(['event', 'actor']).orderBy('id').execute();
  assert.deepEqual(events, [
    { event: 'organisation.created', actor: 'Demelza Rowse' },
    { event: 'user.added', actor: 'Demelza Rowse' },
  ]);
});

test('get or post set-up once set up answers 404 and changes nothing', async () => {
  assert.equal((await postSetUp(valid)).statusCode, 303);
  const before = await db.counts();
  const page = await server.inject({ method: 'GET', url: '/setup' });
  assert.equal(page.statusCode, 404);
  // A signed-out visitor now goes to sign-in, and the sign-in form's token is refused on /setup too.
  const home = await server.inject({ method: 'GET', url: '/' });
  assert.equal(home.headers.location, '/sign-in?next=%2F');
  const signIn = await server.inject({ method: 'GET', url: '/sign-in' });
  const again = await server.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie: cookieHeader(signIn), 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: csrfTokenIn(signIn.body) ?? '', ...valid, authority: 'Another Council' }),
  });
  assert.equal(again.statusCode, 404);
  assert.deepEqual(await db.counts(), before);
});

test('set up through the service on a database holding an authority is refused and changes nothing', async () => {
  assert.equal((await postSetUp(valid)).statusCode, 303);
  const before = await db.counts();
  await assert.rejects(db.services.deployment.setUp({ ...valid, authority: 'Another Council' }), /Parentis is already set up here \(Westmere County Council\)/);
  assert.deepEqual(await db.counts(), before);
});
