// GOV.UK Notify's delivery receipts over HTTP: reminders sent through the official client to a local
// Notify API, then Notify's receipts posted back with the callback's bearer token: a permanent failure
// shows as a bounce on the chase list and in the audit trail, a temporary one as a failure, a
// delivery as delivered; receipts sent twice, for unknown messages, without the token or malformed
// change nothing.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServices, type Services } from '../../src/composition.ts';
import { NOTIFY_CHANNEL, notifyChannel } from '../../src/notify/notify.channel.ts';
import type { Ctx } from '../../src/services/context.ts';
import { buildServer } from '../../src/web/server.ts';
import { authority, openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { API_KEY, created, TEMPLATES, withNotify } from '../helpers/notify-api.ts';
import { as } from '../helpers/people.ts';
import { clockAt, loadOwnersWithAddresses, PUBLIC_URL, TODAY } from '../helpers/rounds.ts';

const TOKEN = `notify-callback-${crypto.randomBytes(16).toString('hex')}`;
const clock = clockAt(TODAY);

let db: TestDatabase;
let notifyUrl = '';
let services: Services;
let server: FastifyInstance;
let ctx: Ctx;
let roundId: number;

before(async () => {
  db = await openTestDatabase();
  // The official client, pointed at the local Notify API the test has started (a new one each time).
  services = createServices(db.handle, clock, {
    channel: { name: NOTIFY_CHANNEL, send: (m) => notifyChannel({ apiKey: API_KEY, baseUrl: notifyUrl, templates: TEMPLATES }).send(m) },
    publicUrl: PUBLIC_URL,
  });
  server = buildServer({ services }, { logLevel: 'silent', notifyCallbackToken: TOKEN });
});
after(async () => {
  await server.close();
  await db.close();
});

/** Jo Example, Nia Nobody and Sam Sample own open actions and have accounts with addresses; the round is open and its requests sent through Notify. */
beforeEach(async () => {
  await db.reset();
  ctx = { ...(await authority(db, 'Pat Manager')), asOf: undefined, clock };
  await loadOwnersWithAddresses(services, db, ctx, [
    { name: 'Jo Example', email: 'jo.example@testshire.example' },
    { name: 'Nia Nobody', email: 'nia.nobody@testshire.example' },
    { name: 'Sam Sample', email: 'sam.sample@testshire.example' },
  ]);
  roundId = (await services.rounds.open(as(ctx, 'manager'), { period: '2018/19 Q1', plans: ['test-plan'] })).round.id;
  await withNotify(created, async (baseUrl, calls) => {
    notifyUrl = baseUrl;
    assert.deepEqual(await services.reminders.runOnce(), { sent: 3, failed: 0, bounced: 0, skipped: 0, retrying: 0 });
    assert.deepEqual(calls.map((c) => c.problems), [[], [], []]);
  });
});

/** What Notify says of the request sent to an owner: the reference Parentis gave and Notify's own id. */
async function sentTo(owner: string): Promise<{ reference: string; id: string; to: string }> {
  const r = await db.handle.db.selectFrom('reminder').select(['id', 'providerReference', 'address']).where('ownerName', '=', owner).where('kind', '=', 'request').executeTakeFirstOrThrow();
  return { reference: `parentis-reminder-${r.id}`, id: r.providerReference!, to: r.address! };
}

const receipt = (sent: { reference: string | null; id: string; to: string }, status: string): Record<string, unknown> => ({
  id: sent.id,
  reference: sent.reference,
  to: sent.to,
  status,
  created_at: '2018-07-02T09:00:00.000000Z',
  completed_at: '2018-07-02T09:05:12.000000Z',
  sent_at: '2018-07-02T09:00:01.000000Z',
  notification_type: 'email',
  template_id: TEMPLATES.request,
  template_version: 1,
});

/** Posts a receipt as Notify does; `authorization` null sends no Authorization header. */
const post = (payload: unknown, authorization: string | null = `Bearer ${TOKEN}`) =>
  server.inject({ method: 'POST', url: '/api/notify/delivery-receipts', headers: authorization === null ? {} : { authorization }, payload: payload as Record<string, unknown> });

test('post delivery receipts from notify shows a bounce, a failure and a delivery on the chase list and in the audit trail', async () => {
  const before = await services.rounds.chaseList(as(ctx, 'manager'), roundId);
  assert.deepEqual(before.owners.map((o) => [o.owner, o.problem]), [
    ['Jo Example', null],
    ['Nia Nobody', null],
    ['Sam Sample', null],
  ]);
  const nia = await post(receipt(await sentTo('Nia Nobody'), 'permanent-failure'));
  assert.equal(nia.statusCode, 200, nia.body);
  assert.deepEqual(nia.json<{ result: string; status: string }>(), { result: 'recorded', reminderId: nia.json<{ reminderId: number }>().reminderId, status: 'bounced' });
  assert.equal((await post(receipt(await sentTo('Sam Sample'), 'temporary-failure'))).json<{ status: string }>().status, 'failed');
  assert.equal((await post(receipt(await sentTo('Jo Example'), 'delivered'))).json<{ status: string }>().status, 'delivered');

  const list = await services.rounds.chaseList(as(ctx, 'manager'), roundId);
  assert.deepEqual(
    list.owners.map((o) => [o.owner, o.lastReminded === null ? 'never' : 'reminded', o.reminders.find((r) => r.kind === 'request')?.status, o.problem]),
    [
      ['Jo Example', 'reminded', 'delivered', null],
      ['Nia Nobody', 'reminded', 'bounced', 'Bounced: GOV.UK Notify could not deliver it to nia.nobody@testshire.example: the address does not exist or its mail server refused it (permanent failure)'],
      ['Sam Sample', 'reminded', 'failed', 'Failed: GOV.UK Notify could not deliver it to sam.sample@testshire.example: the inbox was full or the mail server turned it away for a while (temporary failure)'],
    ],
  );
  const events = (await services.audit.list(ctx, { entity: '2018/19 Q1' })).filter((e) => e.actor === 'GOV.UK Notify');
  assert.deepEqual(events.map((e) => e.event).sort(), ['round.reminder.bounced', 'round.reminder.delivered', 'round.reminder.failed']);
});

test('post the same delivery receipt twice records it once', async () => {
  const sent = await sentTo('Nia Nobody');
  assert.equal((await post(receipt(sent, 'permanent-failure'))).json<{ result: string }>().result, 'recorded');
  const counts = await db.counts();
  const again = await post(receipt(sent, 'permanent-failure'));
  assert.deepEqual([again.statusCode, again.json<{ result: string }>().result], [200, 'unchanged']);
  assert.deepEqual(await db.counts(), counts);
});

test('post a delivery receipt for a message parentis did not send answers 200 and changes nothing', async () => {
  const counts = await db.counts();
  const sent = await sentTo('Jo Example');
  for (const reference of ['someone-else-12', 'parentis-reminder-999999', null]) {
    const r = await post(receipt({ ...sent, reference }, 'delivered'));
    assert.deepEqual([reference, r.statusCode, r.json<{ result: string }>().result], [reference, 200, 'ignored']);
  }
  assert.deepEqual(await db.counts(), counts);
});

test('post a delivery receipt without the callback token or with another answers 401 and changes nothing', async () => {
  const counts = await db.counts();
  const body = receipt(await sentTo('Nia Nobody'), 'permanent-failure');
  const none = await post(body, null);
  assert.equal(none.statusCode, 401);
  assert.match(none.json<{ error: string }>().error, /NOTIFY_CALLBACK_TOKEN/);
  assert.equal((await post(body, `Bearer ${TOKEN}x`)).statusCode, 401);
  assert.equal((await post(body, `Bearer ${TOKEN.slice(0, -1)}`)).statusCode, 401);
  assert.equal((await post(body, TOKEN)).statusCode, 401);
  assert.deepEqual(await db.counts(), counts);
});

test('post a delivery receipt to a server without NOTIFY_CALLBACK_TOKEN answers 403 and changes nothing', async () => {
  const without = buildServer({ services }, { logLevel: 'silent' });
  try {
    const counts = await db.counts();
    const r = await without.inject({ method: 'POST', url: '/api/notify/delivery-receipts', headers: { authorization: `Bearer ${TOKEN}` }, payload: receipt(await sentTo('Nia Nobody'), 'permanent-failure') });
    assert.equal(r.statusCode, 403);
    assert.match(r.json<{ error: string }>().error, /set NOTIFY_CALLBACK_TOKEN/);
    assert.deepEqual(await db.counts(), counts);
  } finally {
    await without.close();
  }
});

test('post a delivery receipt that is not as notify sends it answers 400 naming the field and changes nothing', async () => {
  const counts = await db.counts();
  const sent = await sentTo('Nia Nobody');
  const lost = await post(receipt(sent, 'lost in the post'));
  assert.equal(lost.statusCode, 400);
  assert.deepEqual([lost.json<{ field: string }>().field, lost.json<{ error: string }>().error], ['status', 'status: must be one of delivered, permanent-failure, temporary-failure, technical-failure']);
  const noId = await post({ ...receipt(sent, 'delivered'), id: 'not-a-uuid' });
  assert.deepEqual([noId.statusCode, noId.json<{ field: string }>().field], [400, 'id']);
  const notJson = await server.inject({ method: 'POST', url: '/api/notify/delivery-receipts', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, payload: '{"id":' });
  assert.equal(notJson.statusCode, 400);
  assert.deepEqual(await db.counts(), counts);
});
