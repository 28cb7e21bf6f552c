// The HTTP server on injected requests: health, the home page behind sign-in, and text kept as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { openWebTest, type SignedIn, type WebTest } from '../helpers/web.ts';

let web: WebTest;
let viewer: SignedIn;

before(async () => {
  web = await openWebTest();
  const doc = planFixture();
  doc.plan.title = 'Plan <script>alert(1)</script> & more';
  await web.db.services.plans.importDocument(web.ctx, doc);
  viewer = await web.signIn('viewer');
});
after(async () => {
  await web.close();
});

test('get health answers ok', async () => {
  const r = await web.get('/health', null);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json(), { status: 'ok' });
});

test('get home signed out redirects to sign-in', async () => {
  const r = await web.get('/', null);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/sign-in?next=%2F');
});

test('get home signed in lists the plans and escapes their text', async () => {
  const r = await web.get('/', viewer);
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-type'] as string, /text\/html/);
  assert.match(html(r.body).text('header') ?? '', /Testshire County Council/);
  // Read as text, the title is as typed; in the HTML it is escaped, never a script.
  assert.match(html(r.body).main(), /Plan <script>alert\(1\)<\/script> & more/);
  assert.doesNotMatch(r.body, /<script>alert/);
});

test('get an unknown page answers 404', async () => {
  const r = await web.get('/no-such-page', viewer);
  assert.equal(r.statusCode, 404);
});
