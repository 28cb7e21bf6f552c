// The demonstration as pages show it: a banner on every page, signed in or not, and the demonstration
// accounts on the sign-in page, only on a database marked demo; none of it on a real authority's.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD, demoAccounts } from '../../src/demo/content/accounts.ts';
import type { DeploymentMode } from '../../src/db/types.ts';
import { hashPassword } from '../../src/services/account.service.ts';
import { buildServer } from '../../src/web/server.ts';
import { authority, openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { cookieHeader, csrfTokenIn, encodeForm } from '../helpers/web.ts';

const BANNER =
  /<div class="parentis-demonstration" role="region" aria-label="Demonstration">\s*<div class="govuk-phase-banner govuk-width-container">\s*<p class="govuk-phase-banner__content">\s*<strong class="govuk-tag govuk-phase-banner__content__tag govuk-tag--orange">\s*Demo\s*<\/strong>\s*<span class="govuk-phase-banner__text">\s*<strong>Demonstration — fictional data\.<\/strong>/;

let db: TestDatabase;
let server: FastifyInstance;
let demoHash: string;

before(async () => {
  db = await openTestDatabase();
  demoHash = await hashPassword(DEMO_PASSWORD);
});
after(async () => {
  await server.close();
  await db.close();
});
beforeEach(async () => {
  await server?.close();
  await db.reset();
});

/** An authority on a database with this mark and the demonstration's accounts; then a server on it. */
async function serve(mode: DeploymentMode): Promise<void> {
  const ctx = await authority(db);
  await db.handle.db.insertInto('deployment').values({ mode }).execute();
  if (mode === 'demo') {
    await db.handle.db
      .insertInto('userAccount')
      .values(demoAccounts.map((a) => ({ organisationId: ctx.organisationId, email: a.email, name: a.name, role: a.role, passwordHash: demoHash })))
      .execute();
  }
  server = buildServer({ services: db.services }, { logLevel: 'silent' });
}

async function signInAsDemoAdmin(): Promise<string> {
  const form = await server.inject({ method: 'GET', url: '/sign-in' });
  const r = await server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: csrfTokenIn(form.body) ?? '', email: 'admin@westmere.example', password: DEMO_PASSWORD }),
  });
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  return cookieHeader(r);
}

test('get sign-in on the demonstration shows the banner and lists every demonstration account with its password', async () => {
  await serve('demo');
  const r = await server.inject({ method: 'GET', url: '/sign-in' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, BANNER);
  assert.match(r.body, /<table class="govuk-table" id="demonstration-accounts">\s*<caption class="govuk-table__caption govuk-table__caption--s">Demonstration accounts \(fictional data only\)<\/caption>/);
  for (const a of demoAccounts) {
    assert.match(r.body, new RegExp(`<td class="govuk-table__cell">${a.role}</td>\\s*<td class="govuk-table__cell">${a.email}</td>`), a.role);
  }
  assert.match(r.body, new RegExp(`<td class="govuk-table__cell">${DEMO_PASSWORD}</td>`));
  assert.doesNotMatch(r.body, /style="/, 'no inline styles');
});

test('get pages signed in on the demonstration show the banner on each, error pages included', async () => {
  await serve('demo');
  const cookie = await signInAsDemoAdmin();
  for (const url of ['/', '/plans', '/users', '/no-such-page']) {
    const r = await server.inject({ method: 'GET', url, headers: { cookie } });
    assert.ok(BANNER.test(r.body), `${url} (${r.statusCode}) carries the banner`);
  }
});

test('get sign-in and pages on a real authority show no banner and no demonstration accounts', async () => {
  await serve('real');
  const signIn = await server.inject({ method: 'GET', url: '/sign-in' });
  assert.equal(signIn.statusCode, 200);
  assert.doesNotMatch(signIn.body, /Demonstration — fictional data|parentis-demonstration/);
  assert.doesNotMatch(signIn.body, /demonstration-accounts|westmere-demo/);
  assert.doesNotMatch((await server.inject({ method: 'GET', url: '/no-such-page' })).body, /parentis-demonstration/);
});
