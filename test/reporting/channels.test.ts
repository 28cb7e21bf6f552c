// The two e-mail channels against real servers started here: SMTP through smtp-server (a refused
// recipient is a bounce, shown on the chase list), and GOV.UK Notify through its official client
// against a local server that checks each request as Notify's API documents it.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createServices } from '../../src/composition.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { ChannelError, type OutgoingMessage } from '../../src/notify/channel.ts';
import { notifyChannel } from '../../src/notify/notify.channel.ts';
import { smtpChannel } from '../../src/notify/smtp.channel.ts';
import { authority, openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startMailbox, type Mailbox, type ReceivedMail } from '../helpers/mailbox.ts';
import { as } from '../helpers/people.ts';
import { API_KEY, created, TEMPLATES, withNotify } from '../helpers/notify-api.ts';
import { loadOwnersWithAddresses } from '../helpers/rounds.ts';

const message: OutgoingMessage = {
  toName: 'Jo Example',
  toAddress: 'jo.example@testshire.example',
  subject: 'Progress update needed: 2018/19 Q1',
  body: 'Dear Jo Example,\n\nPlease write your update.',
  template: 'request',
  personalisation: { name: 'Jo Example', due_date: 'Friday 13 July 2018' },
  reference: 'parentis-reminder-7',
};

let mailbox: Mailbox;
let smtpUrl = '';
let received: ReceivedMail[] = [];

before(async () => {
  mailbox = await startMailbox({ refuse: (address) => address.startsWith('nobody@') });
  smtpUrl = mailbox.url;
  received = mailbox.received;
});
after(async () => {
  await mailbox.close();
});

test('send over smtp delivers the plain text message to the owner', async () => {
  received.length = 0;
  const channel = smtpChannel(smtpUrl, 'Parentis <parentis@testshire.example>');
  const receipt = await channel.send(message);
  await channel.close?.();
  assert.equal(received.length, 1);
  assert.deepEqual([received[0]!.from, received[0]!.to], ['parentis@testshire.example', ['jo.example@testshire.example']]);
  assert.match(received[0]!.raw, /Subject: Progress update needed: 2018\/19 Q1/);
  assert.match(received[0]!.raw, /Please write your update\./);
  assert.match(received[0]!.raw, /X-Parentis-Reference: parentis-reminder-7/);
  assert.notEqual(receipt.providerReference, null);
});

test('send over smtp to a refused address fails as a bounce', async () => {
  const channel = smtpChannel(smtpUrl, 'parentis@testshire.example');
  await assert.rejects(channel.send({ ...message, toAddress: 'nobody@testshire.example' }), (e: unknown) => e instanceof ChannelError && e.permanent && /550/.test(e.message));
  await channel.close?.();
});

test('send over smtp with no server listening fails to be tried again', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const channel = smtpChannel(`smtp://127.0.0.1:${port}`, 'parentis@testshire.example');
  await assert.rejects(channel.send(message), (e: unknown) => e instanceof ChannelError && !e.permanent);
  await channel.close?.();
});

test('send through notify posts the template id, address, personalisation and reference with a signed token', async () => {
  await withNotify(created, async (baseUrl, calls) => {
    const channel = notifyChannel({ apiKey: API_KEY, baseUrl, templates: TEMPLATES });
    const receipt = await channel.send(message);
    await channel.send({ ...message, template: 'reminder', reference: 'parentis-reminder-8' });
    assert.deepEqual(calls.map((c) => [c.path, c.problems]), [
      ['/v2/notifications/email', []],
      ['/v2/notifications/email', []],
    ]);
    assert.deepEqual(calls[0]!.body, {
      template_id: TEMPLATES.request,
      email_address: 'jo.example@testshire.example',
      personalisation: { name: 'Jo Example', due_date: 'Friday 13 July 2018' },
      reference: 'parentis-reminder-7',
    });
    assert.equal(calls[1]!.body.template_id, TEMPLATES.reminder);
    assert.match(receipt.providerReference ?? '', /^[0-9a-f-]{36}$/);
  });
});

test('send through notify refused with 400 is a bounce and a 500 is tried again', async () => {
  await withNotify(
    (body) =>
      String(body.email_address).startsWith('nobody@')
        ? { status: 400, json: { status_code: 400, errors: [{ error: 'ValidationError', message: 'email_address Not a valid email address' }] } }
        : { status: 500, json: { status_code: 500, errors: [{ error: 'Exception', message: 'Internal server error' }] } },
    async (baseUrl) => {
      const channel = notifyChannel({ apiKey: API_KEY, baseUrl, templates: TEMPLATES });
      await assert.rejects(channel.send({ ...message, toAddress: 'nobody@testshire.example' }), (e: unknown) => e instanceof ChannelError && e.permanent && /Not a valid email address/.test(e.message));
      await assert.rejects(channel.send(message), (e: unknown) => e instanceof ChannelError && !e.permanent && /500/.test(e.message));
    },
  );
});

let db: TestDatabase;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

/** A round opened on 2 July 2018 over SMTP: Jo has an account, Nia an address the server refuses, Sam Sample neither. */
async function openRoundOverSmtp() {
  await db.reset();
  received.length = 0;
  const clock: Clock = { now: () => new Date('2018-07-02T09:00:00Z'), today: () => '2018-07-02' };
  const channel = smtpChannel(smtpUrl, 'parentis@testshire.example');
  const services = createServices(db.handle, clock, { channel, publicUrl: 'https://parentis.testshire.example' });
  const ctx = { ...(await authority(db, 'Pat Manager')), asOf: undefined, clock };
  await loadOwnersWithAddresses(services, db, ctx, [
    { name: 'Jo  example', email: 'jo.example@testshire.example' },
    { name: 'Nia Nobody', email: 'nobody@testshire.example' },
  ]);
  const manager = { ...as(ctx, 'manager'), clock };
  const { round } = await services.rounds.open(manager, { period: '2018/19 Q1', plans: ['test-plan'] });
  return { services, channel, ctx, manager, round };
}

test('reminders through smtp are sent to owners with an address, and a bounce and a missing address show on the chase list and audit trail', async () => {
  const { services, channel, ctx, manager, round } = await openRoundOverSmtp();
  const tally = await services.reminders.runOnce();
  await channel.close?.();
  // Jo has an account with an address; Nia's address is refused; Sam Sample has neither an account nor an address.
  assert.deepEqual(tally, { sent: 1, failed: 1, bounced: 1, skipped: 0, retrying: 0 });
  assert.deepEqual(received.map((r) => r.to), [['jo.example@testshire.example']]);
  assert.match(received[0]!.raw, /test-plan:1: Recruit more foster carers/);
  const list = await services.rounds.chaseList(manager, round.id);
  assert.deepEqual(
    list.owners.map((o) => [o.owner, o.lastReminded === null ? 'never' : 'reminded', o.problem?.split(':')[0] ?? null]),
    [
      ['Jo Example', 'reminded', null],
      ['Nia Nobody', 'never', 'Bounced'],
      ['Sam Sample', 'never', 'Failed'],
    ],
  );
  const events = await services.audit.list(ctx, { entity: '2018/19 Q1' });
  assert.deepEqual(events.map((e) => e.event).filter((e) => e.startsWith('round.reminder')).sort(), ['round.reminder.bounced', 'round.reminder.failed', 'round.reminder.sent']);
});

test('send a link by smtp to an owner whose request failed for want of an address clears the problem on the chase list', async () => {
  const { services, channel, manager, round } = await openRoundOverSmtp();
  await services.reminders.runOnce();
  await services.partnerLinks.sendLink(manager, round.id, 'Sam Sample', 'sam@partner.example');
  const tally = await services.reminders.runOnce();
  await channel.close?.();
  assert.deepEqual(tally, { sent: 1, failed: 0, bounced: 0, skipped: 0, retrying: 0 });
  assert.deepEqual(received.map((r) => r.to), [['jo.example@testshire.example'], ['sam@partner.example']]);
  const sam = (await services.rounds.chaseList(manager, round.id)).owners.find((o) => o.owner === 'Sam Sample');
  assert.deepEqual([sam?.email, sam?.lastReminded === null ? 'never' : 'reminded', sam?.problem], ['sam@partner.example', 'reminded', null]);
  // Nia's bounce has not been followed by anything that reached her: it still shows.
  const nia = (await services.rounds.chaseList(manager, round.id)).owners.find((o) => o.owner === 'Nia Nobody');
  assert.match(nia?.problem ?? '', /^Bounced: /);
});
