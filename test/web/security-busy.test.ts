// While database work is queued past the limit, pages answer a quick 503 "busy" page and /health still answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useWebTest } from '../helpers/web.ts';

const LIMITS = { maxWaiting: 2, maxWaitMs: 60_000 };
const web = useWebTest({ config: { busy: LIMITS } });

/**
 * Real slow statements holding every connection, with more queued behind them than the limit allows:
 * the embedded database has one connection, the server pool ten. The embedded database runs a
 * statement on this thread, so the quickest any request can be answered is when the running one ends.
 */
const SLEEP_SECONDS = 1;
function saturate(seconds: number): Promise<unknown> {
  const connections = web.db.kind === 'embedded' ? 1 : 10;
  const sleeps = Array.from({ length: connections + LIMITS.maxWaiting + 2 }, () => sql`select pg_sleep(${seconds})`.execute(web.db.handle.db));
  return Promise.all(sleeps);
}

async function untilQueued(): Promise<void> {
  for (let i = 0; i < 200 && web.db.handle.load().waiting < LIMITS.maxWaiting; i++) await new Promise((r) => setTimeout(r, 10));
}

test('get a page while the database queue is full answers 503 busy at once with Retry-After', async () => {
  const s = await web.signIn('viewer');
  const held = saturate(SLEEP_SECONDS);
  await untilQueued();
  const started = performance.now();
  const r = await web.get('/plans', s);
  const ms = performance.now() - started;
  await held;
  assert.equal(r.statusCode, 503);
  assert.ok(ms < SLEEP_SECONDS * 1000 + 700, `answered in ${Math.round(ms)} ms, with ${LIMITS.maxWaiting + 3} statements of ${SLEEP_SECONDS} s queued`);
  assert.equal(r.headers['retry-after'], '60');
  assert.match(r.body, /<h1 class="govuk-heading-l">Parentis is busy – try again in a minute<\/h1>/);
  assert.match(r.body, /govuk-template/);
});

test('get health while the database queue is full answers at once', async () => {
  const held = saturate(SLEEP_SECONDS);
  await untilQueued();
  const started = performance.now();
  const r = await web.get('/health', null);
  const ms = performance.now() - started;
  await held;
  assert.equal(r.statusCode, 200);
  assert.equal(r.json<{ status: string }>().status, 'busy');
  assert.ok(ms < SLEEP_SECONDS * 1000 + 700, `answered in ${Math.round(ms)} ms, with ${LIMITS.maxWaiting + 3} statements of ${SLEEP_SECONDS} s queued`);
});

test('get a page once the queue has drained answers normally', async () => {
  const s = await web.signIn('viewer');
  await saturate(0.2);
  const r = await web.get('/plans', s);
  assert.equal(r.statusCode, 200);
  const health = await web.get('/health', null);
  assert.deepEqual(health.json(), { status: 'ok' });
});
