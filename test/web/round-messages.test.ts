// The chase list's reminders and partner links when e-mail goes through a mail server (a real SMTP
// server started here): the manager is told a reminder or link was sent only when it reached the
// owner, and otherwise what went wrong, against the owner.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { smtpChannel } from '../../src/notify/smtp.channel.ts';
import { html } from '../helpers/html.ts';
import { startMailbox } from '../helpers/mailbox.ts';
import { ledPlanFixture, people } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const mailbox = await startMailbox({ refuse: (address) => address.startsWith('nobody@') });
const channel = smtpChannel(mailbox.url, 'parentis@testshire.example');
const web = useWebTest({ names: people, messaging: { channel, publicUrl: 'https://parentis.testshire.example' } });
after(async () => {
  await channel.close?.();
  await mailbox.close();
});

/** A round for 2018/19 Q1, due 13 July 2018: Jo Example has an account (and so an address), Sam Sample neither. */
async function openRound(): Promise<number> {
  mailbox.received.length = 0;
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const opened = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  return opened.round.id;
}

const ownerRow = (body: string, owner: string): string[] | undefined => html(body).rows('#owners ~ [role=region] table').find((row) => row[0]?.startsWith(owner));

test('remind the late owners when one has no e-mail address says not everyone was reached', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const r = await web.post(`/rounds/${id}/remind`, { owner: '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `/rounds/${id}?done=reminders-not-all-sent#owners`);
  const page = await web.get(r.headers.location, manager);
  assert.deepEqual(html(page.body).banners(), [
    'Important Not every owner has been reached. Those marked Failed, Bounced or Not sent yet below have not had the reminder: give an owner without an account their e-mail address, or check it, and remind them again.',
  ]);
  assert.match(ownerRow(page.body, 'Sam Sample')?.[5] ?? '', /^Not yet Failed: no e-mail address is known for Sam Sample/);
  assert.deepEqual([...new Set(mailbox.received.flatMap((m) => m.to))], [emailFor('owner')]);
});

test('remind an owner with an address says the reminder was sent', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const r = await web.post(`/rounds/${id}/remind`, { owner: 'Jo Example' }, manager);
  assert.equal(r.headers.location, `/rounds/${id}?done=reminders-sent#owners`);
  assert.deepEqual(html((await web.get(r.headers.location, manager)).body).banners(), ['Success The reminders have been sent. Each owner’s last reminder is shown below.']);
  assert.equal(mailbox.to(emailFor('owner')).length, 2, 'the request, then the reminder');
});

test('send a link to an address the mail server refuses says it has not reached the owner', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const r = await web.post(`/rounds/${id}/links`, { owner: 'Sam Sample', email: 'nobody@partner.example', index: '2' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `/rounds/${id}?done=link-not-sent#owners`);
  const page = await web.get(r.headers.location, manager);
  assert.deepEqual(html(page.body).banners(), ['Important The link has not reached the owner: what went wrong is shown against them below. Check the e-mail address and send a new link.']);
  assert.match(ownerRow(page.body, 'Sam Sample')?.[5] ?? '', /Bounced: refused by the mail server/);
  assert.equal(mailbox.to('nobody@partner.example').length, 0);
});

test('send a link to an owner whose request found no address says it was sent, with no problem left', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  // Opening the round's page sends nothing; reminding sends the request, which finds no address for Sam.
  await web.post(`/rounds/${id}/remind`, { owner: 'Sam Sample' }, manager);
  const r = await web.post(`/rounds/${id}/links`, { owner: 'Sam Sample', email: 'sam@partner.example', index: '2' }, manager);
  assert.equal(r.headers.location, `/rounds/${id}?done=link-sent#owners`);
  const page = await web.get(r.headers.location, manager);
  assert.deepEqual(html(page.body).banners(), ['Success A new link has been sent. Any earlier link for the same person no longer works.']);
  assert.doesNotMatch(ownerRow(page.body, 'Sam Sample')?.[5] ?? '', /Failed|Bounced/);
  assert.match(mailbox.to('sam@partner.example').at(-1)?.text ?? '', /https:\/\/parentis\.testshire\.example\/partner\/[\w-]+/);
});
