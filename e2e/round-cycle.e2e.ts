// One whole reporting round with e-mail going through a real SMTP server started here: the manager
// opens a round for a month; an owner with an account answers the request from their home page; a
// partner without one gets a link by e-mail and proposes a status through it (JavaScript off); the
// manager reminds the late owners and the reminders arrive by e-mail; the programme lead approves the
// proposal (JavaScript off); the manager closes the round; the snapshot then reads the same after the
// live action is changed, and the audit trail shows the partner's update came via the link.
// Every page passes axe (checked once each where a page comes back only with another banner: the
// chase list of a whole plan is long, and the file must stay within the runner's time).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { todayInLondon } from '../src/domain/dates.ts';
import { periodContaining, previousPeriod } from '../src/domain/reporting-periods.ts';
import { startMailbox, type Mailbox, type ReceivedMail } from '../test/helpers/mailbox.ts';
import { actionPath, ActionPage, UpdateForm } from './pages/action.page.ts';
import { AuditPage } from './pages/audit.page.ts';
import { clickAndWait, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { openRoundFor } from './pages/rounds.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { freePort } from './support/server.ts';
import { useParentis } from './support/suite.ts';
import type { Browser } from './support/browser.ts';

let mailbox: Mailbox | undefined;
let publicUrl = '';

const suite = useParentis('round-cycle', {
  prepare: async () => {
    mailbox = await startMailbox();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    // The interval sender is off: every message here is sent by what someone does, so none arrives late.
    return { PORT: String(port), PUBLIC_URL: publicUrl, SMTP_URL: mailbox.url, SMTP_FROM: 'Parentis <parentis@westmere.example>', REMINDER_INTERVAL_SECONDS: '0' };
  },
});
after(async () => {
  await mailbox?.close();
});

// A month two months back: its updates were due weeks ago, so its owners are late, and no quarterly
// round the demonstration may hold has the same period.
const PERIOD = previousPeriod(previousPeriod(periodContaining(todayInLondon(), 'monthly'))).label;
const PLAN = demoSlug('cypp-2016-19');
// Action 6.23 of the Children and Young People's Plan: owned by Hannah Trevelyan, who has no account,
// in programme 6, which the demonstration's programme lead leads.
const PARTNER = 'Hannah Trevelyan';
const PARTNER_EMAIL = 'hannah.trevelyan@westmere-partners.example';
const PARTNER_ACTION = '6.23';
const PARTNER_UPDATE = 'Pilot now running with 19 children; two more carers trained to deliver the skills sessions.';
const OWNER_UPDATE = 'Panel dates agreed for the next quarter; two assessments finished this month.';
const LATER_UPDATE = 'Three children left the pilot after the round closed.';
const SNAPSHOT_NAME = `as reported for ${PERIOD} to the Corporate Parenting Board`;

let chaseListPath = '';
let ownerActionPath = '';
let snapshotPath = '';
let partnerLink = '';

const mail = (): Mailbox => mailbox!;
const LINK = /https?:\/\/\S+/g;
const links = (m: ReceivedMail): string[] => m.text.match(LINK) ?? [];
const describeMail = (): string => mail().received.map((m) => `${m.to.join(', ')}: ${m.subject}`).join('\n');

let partnerBrowser: Browser | undefined;
/** A second browser with JavaScript off, for the partner and the lead. */
const noScript = async (): Promise<Browser> => (partnerBrowser ??= await suite.openBrowser({ javaScript: false }));

test('open a round for a month as manager e-mails the owners with accounts their requests', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager, '/rounds/new');
  await suite.checker.check(suite.browser, 'open a round form');
  await openRoundFor(page, PERIOD);
  assert.match(await heading(page), new RegExp(`Chase list\\s+${PERIOD.replace('/', '\\/')} \\(`));
  chaseListPath = new URL(page.url()).pathname;
  await suite.checker.check(suite.browser, 'chase list');
  assert.match(await page.locator('.govuk-summary-list').innerText(), /Messages go by\s+SMTP/);

  const requests = mail().to(suite.server.users.owner.email);
  assert.equal(requests.length, 1, `the owner should have been sent one request; the mail server has:\n${describeMail()}`);
  assert.deepEqual(requests[0]!.toHeader, [suite.server.users.owner.email]);
  assert.equal(requests[0]!.from, 'parentis@westmere.example');
  assert.match(requests[0]!.raw, /^From: Parentis <parentis@westmere\.example>$/m);
  assert.match(requests[0]!.text, new RegExp(`^Dear ${suite.server.users.owner.name},`));
  assert.match(requests[0]!.text, new RegExp(`asks for your progress update on \\d+ actions you own for ${PERIOD.replace('/', '\\/')}`));
  assert.ok(links(requests[0]!).every((l) => l.startsWith(`${publicUrl}/`)), `every link should start with PUBLIC_URL: ${links(requests[0]!).join(' ')}`);
  assert.equal(mail().to(PARTNER_EMAIL).length, 0, 'nobody knows the partner’s address yet');
  await signOut(page);
});

test('answer the request from the home page as the owner marks it received', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.owner);
  await suite.checker.check(suite.browser, 'owner home with the round’s requests');
  const item = page.locator('[aria-labelledby="mine-heading"] li', { has: page.locator('.govuk-tag', { hasText: `Update late: ${PERIOD}` }) }).first();
  const add = item.getByRole('link', { name: /^Add a progress update/ });
  ownerActionPath = ((await add.getAttribute('href')) ?? '').replace(/\/update$/, '');
  assert.match(ownerActionPath, /^\/plans\/.+\/actions\/.+$/, 'an action of the owner should say its update is asked for and late');
  await clickAndWait(page, add);
  await suite.checker.check(suite.browser, 'owner update form');
  const form = new UpdateForm(page);
  await form.fill({ body: OWNER_UPDATE });
  await form.save();
  assert.ok((await new ActionPage(page).updateTexts()).some((t) => t.includes(OWNER_UPDATE)));
  await suite.checker.check(suite.browser, 'owner action after the update');
  await signOut(page);

  await signIn(page, suite.server.users.manager);
  await visit(page, chaseListPath);
  const row = page.locator('#requests ~ [role=region] tr', { has: page.locator(`a[href="${ownerActionPath}"]`) });
  assert.match(await row.innerText(), /Received late/);
});

test('send a partner link from the chase list delivers it by e-mail to the address given', async () => {
  const { page } = suite.browser;
  await page.getByLabel(`E-mail address for ${PARTNER}`).fill(PARTNER_EMAIL);
  await clickAndWait(page, page.getByRole('button', { name: `Send a link to ${PARTNER}` }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /A new link has been sent/);
  // The request found no address when the round opened; the link that went since is what counts now.
  const partnerRow = page.locator('#owners ~ [role=region] tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${PARTNER}`) }) });
  assert.doesNotMatch(await partnerRow.innerText(), /Failed|Bounced/);
  await signOut(page);

  const sent = mail().to(PARTNER_EMAIL);
  assert.equal(sent.length, 1, `the partner should have been sent one e-mail; the mail server has:\n${describeMail()}`);
  assert.match(sent[0]!.text, new RegExp(`^Dear ${PARTNER},`));
  assert.ok(sent[0]!.text.includes(`* ${PLAN}:${PARTNER_ACTION}: Improve preparation for independence for all children looked after`), sent[0]!.text);
  assert.match(sent[0]!.text, /no account or password needed/);
  const found = links(sent[0]!).filter((l) => l.startsWith(`${publicUrl}/partner/`));
  assert.equal(found.length, 1, `the e-mail should hold one partner link:\n${sent[0]!.text}`);
  partnerLink = found[0]!;
});

test('propose a status through the e-mailed link with JavaScript off records it under the partner’s name', async () => {
  const browser = await noScript();
  const { page } = browser;
  assert.equal(await visit(page, partnerLink), 200);
  assert.match(await heading(page), new RegExp(`Your progress updates for ${PERIOD.replace('/', '\\/')}`));
  await suite.checker.check(browser, 'partner form from the e-mail');
  const key = page.locator(`input[type=hidden][name^="key"][value$=":${PARTNER_ACTION}"]`);
  const index = ((await key.getAttribute('name')) ?? '').replace(/^key/, '');
  assert.notEqual(index, '', `the form should ask about action ${PARTNER_ACTION}`);
  await page.locator(`#body${index}`).fill(PARTNER_UPDATE);
  await page.locator(`input[name="status${index}"][value="A"]`).check();
  await page.locator(`#reason${index}`).fill('Fewer carers than planned can deliver the sessions.');
  await clickAndWait(page, page.getByRole('button', { name: 'Send my updates' }));
  assert.equal(await heading(page), 'Your updates have been sent');
  await suite.checker.check(browser, 'partner updates sent');
  assert.equal(await visit(page, partnerLink), 410);
});

test('remind the late owners as manager e-mails each the actions still awaited and where to answer', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, chaseListPath);
  assert.match(await page.locator('#requests ~ [role=region] tr', { has: page.locator(`a[href="${actionPath(PLAN, PARTNER_ACTION)}"]`) }).innerText(), /via link/);
  const ownerMailsBefore = mail().to(suite.server.users.owner.email).length;
  const partnerMailsBefore = mail().to(PARTNER_EMAIL).length;
  await clickAndWait(page, page.getByRole('button', { name: /^Remind all \d+ owners with late updates now$/ }));
  // Most of the demonstration's owners have no account and no address: the manager is told so.
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /^Important\s+Not every owner has been reached/);
  await suite.checker.check(suite.browser, 'chase list after reminding the late owners');

  const ownerMails = mail().to(suite.server.users.owner.email);
  assert.equal(ownerMails.length, ownerMailsBefore + 1, `the owner should have been reminded once; the mail server has:\n${describeMail()}`);
  const reminder = ownerMails.at(-1)!;
  assert.match(reminder.subject, new RegExp(`^Overdue: ${PERIOD.replace('/', '\\/')}`));
  assert.match(reminder.text, /was due on .+ and has not arrived yet/);
  assert.match(reminder.text, /propose a BRAG status/);
  // The action answered is not asked for again; another of the owner's is, with its update page.
  assert.ok(!reminder.text.includes(`${publicUrl}${ownerActionPath}/update`), `the answered action should not be in the reminder:\n${reminder.text}`);
  const updateLinks = links(reminder).filter((l) => /\/plans\/.+\/actions\/.+\/update$/.test(l));
  assert.ok(updateLinks.length > 0, `the reminder should link to each action's update page:\n${reminder.text}`);
  assert.ok(updateLinks.every((l) => l.startsWith(`${publicUrl}/plans/${PLAN}/actions/`)));
  assert.ok(reminder.text.includes(`your requests are on your home page: ${publicUrl}/`));

  // The partner still owes updates on other actions: a fresh link, not the used one.
  const partnerMails = mail().to(PARTNER_EMAIL);
  assert.equal(partnerMails.length, partnerMailsBefore + 1, `the partner should have been reminded once; the mail server has:\n${describeMail()}`);
  const again = links(partnerMails.at(-1)!).filter((l) => l.startsWith(`${publicUrl}/partner/`));
  assert.equal(again.length, 1);
  assert.notEqual(again[0], partnerLink);
  assert.ok(!partnerMails.at(-1)!.text.includes(`${PLAN}:${PARTNER_ACTION}:`), `the action answered should not be asked for again:\n${partnerMails.at(-1)!.text}`);

  // The owner follows the reminder's link to an update page.
  await signIn(page, suite.server.users.owner);
  assert.equal(await visit(page, updateLinks[0]!), 200);
  assert.match(await heading(page), /update/i);
  await signOut(page);
});

test('approve the partner’s proposal on the round’s approvals page as the programme lead with JavaScript off', async () => {
  const browser = await noScript();
  const { page } = browser;
  await signIn(page, suite.server.users.lead);
  await visit(page, '/rounds');
  await suite.checker.check(browser, 'rounds as lead');
  const round = page.locator('main tr', { hasText: PERIOD });
  await clickAndWait(page, round.getByRole('link', { name: /^Approvals/ }));
  assert.match(await heading(page), new RegExp(`Approvals\\s+${PERIOD.replace('/', '\\/')}`));
  await suite.checker.check(browser, 'approvals');
  const choice = page.getByLabel(new RegExp(`Choose the BRAG status proposed for .*action ${PARTNER_ACTION.replace('.', '\\.')}\\b`));
  assert.equal(await choice.count(), 1, 'the partner’s proposal should be listed');
  await choice.check();
  await clickAndWait(page, page.getByRole('button', { name: 'Approve selected' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /The chosen proposals have been approved/);
  assert.equal(await new ActionPage(page).open(PLAN, PARTNER_ACTION), 200);
  assert.match(await new ActionPage(page).status(), /^Amber/);
  await signOut(page);
});

test('close the round as manager takes the snapshot of what was reported', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, chaseListPath);
  await clickAndWait(page, page.getByRole('link', { name: 'Close the round and take its snapshot' }));
  await suite.checker.check(suite.browser, 'close the round form');
  await page.getByLabel('Name the snapshot is kept under').fill(SNAPSHOT_NAME);
  await clickAndWait(page, page.getByRole('button', { name: 'Close the round and take the snapshot' }));
  assert.match(await heading(page), new RegExp(SNAPSHOT_NAME.replace('/', '\\/')));
  snapshotPath = new URL(page.url()).pathname;
  await suite.checker.check(suite.browser, 'snapshot just taken');
});

test('change the live action after the close leaves the snapshot reading the same', async () => {
  const { page } = suite.browser;
  await visit(page, snapshotPath);
  const before = await page.locator('main').innerText();
  assert.ok(before.includes(PARTNER_UPDATE), 'the snapshot should hold the partner’s update');

  await visit(page, `${actionPath(PLAN, PARTNER_ACTION)}/update`);
  const form = new UpdateForm(page);
  await form.fill({ body: LATER_UPDATE, status: 'Red', reason: 'The pilot has fallen below the numbers agreed.' });
  await form.save();
  const action = new ActionPage(page);
  assert.ok((await action.updateTexts()).some((t) => t.includes(LATER_UPDATE)), 'the live action should show the new update');
  await suite.checker.check(suite.browser, 'live action changed after the close');

  await visit(page, snapshotPath);
  assert.equal(await page.locator('main').innerText(), before);
  await signOut(page);
});

test('read the audit trail of the partner’s action as administrator shows the update came via the link', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.admin);
  const audit = new AuditPage(page);
  await audit.forEntity(`${PLAN}:${PARTNER_ACTION}`);
  await suite.checker.check(suite.browser, 'audit trail of the partner’s action');
  const rows = await audit.rows();
  assert.ok(
    rows.some((r) => r.who.includes(`${PARTNER} <${PARTNER_EMAIL}> via link`)),
    `an event should name the partner via the link:\n${rows.map((r) => `${r.who} | ${r.what}`).join('\n')}`,
  );
  await signOut(page);
});
