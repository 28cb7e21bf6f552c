// The HTTP server on injected requests: health, the plan list page, and text kept as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/web/server.ts';
import { authority, openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { planFixture } from '../helpers/plan-fixture.ts';

let db: TestDatabase;
let server: FastifyInstance;

before(async () => {
  db = await openTestDatabase();
  await db.reset();
  const ctx = await authority(db);
  const doc = planFixture();
  doc.plan.title = 'Plan <script>alert(1)</script> & more';
  await db.services.plans.importDocument(ctx, doc);
  server = buildServer({ handle: db.handle, services: db.services, close: () => Promise.resolve() }, { logLevel: 'silent' });
});
after(async () => {
  await server.close();
  await db.close();
});

test('get health answers ok', async () => {
  const r = await server.inject({ method: 'GET', url: '/health' });
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json(), { status: 'ok' });
});

test('get home lists the plans with their counts and escapes their text', async () => {
  const r = await server.inject({ method: 'GET', url: '/' });
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-type'] as string, /text\/html/);
  assert.match(r.body, /<h1>Testshire County Council: plans<\/h1>/);
  assert.match(r.body, /Plan &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more/);
  assert.doesNotMatch(r.body, /<script>/);
  assert.match(r.body, /<td>3<\/td><td>0<\/td><td>0<\/td><td>1<\/td><td>1<\/td>/);
});

test('get an unknown page answers 404', async () => {
  const r = await server.inject({ method: 'GET', url: '/no-such-page' });
  assert.equal(r.statusCode, 404);
});
