// The chase list page says "Delivered" beside an owner's last message once GOV.UK Notify's receipt
// says it reached them (as the API and the CSV already tell it), and not before, nor for a bounce.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { NOTIFY_CHANNEL, notifyChannel } from '../../src/notify/notify.channel.ts';
import { html } from '../helpers/html.ts';
import { API_KEY, created, TEMPLATES, withNotify } from '../helpers/notify-api.ts';
import { as } from '../helpers/people.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { PUBLIC_URL } from '../helpers/rounds.ts';
import { useWebTest } from '../helpers/web.ts';

const TOKEN = `notify-callback-${crypto.randomBytes(16).toString('hex')}`;
let notifyUrl = '';
// Jo Example (owner) and Sam Sample (lead) own test-plan:1 and its sub-action, with accounts and addresses.
const web = useWebTest({
  names: { owner: 'Jo Example', lead: 'Sam Sample' },
  messaging: { channel: { name: NOTIFY_CHANNEL, send: (m) => notifyChannel({ apiKey: API_KEY, baseUrl: notifyUrl, templates: TEMPLATES }).send(m) }, publicUrl: PUBLIC_URL },
  config: { notifyCallbackToken: TOKEN },
});

const OWNERS = ['Jo Example', 'Sam Sample'];

/** Each owner's cell of the chase list's "Last reminded" column (the owners' table's sixth), by owner. */
async function lastReminded(path: string): Promise<Map<string, string>> {
  const rows = html((await web.get(path, await web.signIn('manager'))).body).rows();
  return new Map(OWNERS.map((owner) => [owner, rows.find((r) => r[0]!.startsWith(owner) && r.length === 7)![5]!]));
}

const receipt = async (owner: string, status: string) => {
  const r = await web.db.handle.db.selectFrom('reminder').select(['id', 'providerReference', 'address']).where('ownerName', '=', owner).where('kind', '=', 'request').executeTakeFirstOrThrow();
  const payload = { id: r.providerReference!, reference: `parentis-reminder-${r.id}`, to: r.address!, status, created_at: '2018-07-02T09:00:00.000000Z', completed_at: '2018-07-02T09:05:12.000000Z', notification_type: 'email' };
  const answer = await web.server.inject({ method: 'POST', url: '/api/notify/delivery-receipts', headers: { authorization: `Bearer ${TOKEN}` }, payload });
  assert.equal(answer.statusCode, 200, answer.body);
};

test('get the chase list shows delivered beside a message notify reports delivered, and not beside one sent or bounced', async () => {
  const { services } = web.server;
  await services.plans.importDocument(web.ctx, planFixture());
  const { round } = await services.rounds.open(as(web.ctx, 'manager'), { period: '2018/19 Q1', plans: ['test-plan'] });
  await withNotify(created, async (baseUrl) => {
    notifyUrl = baseUrl;
    const sent = await services.reminders.runOnce();
    assert.equal(sent.sent, 2);
  });
  const path = `/rounds/${round.id}`;
  const before = await lastReminded(path);
  assert.equal([...before.values()].some((cell) => cell.includes('Delivered')), false);

  await receipt('Jo Example', 'delivered');
  await receipt('Sam Sample', 'permanent-failure');
  const after = await lastReminded(path);
  assert.match(after.get('Jo Example')!, /Delivered/);
  assert.doesNotMatch(after.get('Sam Sample')!, /Delivered/);
  assert.match(after.get('Sam Sample')!, /Bounced/);
});
