// The reporting cycle in the browser: the manager opens a round (after a form with errors), reads the
// chase list, writes the board reports' text (and meets another person's save), sends a partner link; the owner sees the request on their home page; the link's form
// is filled in without an account and then opens nothing more; the administrator reads the outbox.
// Every page visited passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickAndWait, errorSummaryLinks, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { openRoundFor } from './pages/rounds.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('rounds');
const PERIOD = '2017/18 Q4';
let chaseListPath = '';

test('open a round as manager after a form with errors shows the chase list', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, '/rounds');
  await suite.checker.check(suite.browser, 'rounds (none yet)');
  await clickAndWait(page, page.getByRole('button', { name: 'Open a round' }));
  await suite.checker.check(suite.browser, 'open a round form');
  await page.getByLabel('Reporting period').fill('');
  await clickAndWait(page, page.getByRole('button', { name: 'Open the round and ask the owners' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#period', '#plans']);
  await suite.checker.check(suite.browser, 'open a round form with errors');
  await openRoundFor(page, PERIOD);
  assert.match(await heading(page), /Chase list\s+2017\/18 Q4 \(January to March 2018\)/);
  chaseListPath = new URL(page.url()).pathname;
  await suite.checker.check(suite.browser, 'chase list');
  assert.ok((await page.locator('#owners ~ [role=region] table tbody tr').count()) > 0, 'owners should be listed');
});

test("write the board reports' text from the chase list; a save after someone else's shows their change and keeps what was typed", async () => {
  const { page, context } = suite.browser;
  await clickAndWait(page, page.getByRole('link', { name: /Write the board reports' text/ }));
  const formPath = new URL(page.url()).pathname;
  assert.match(await heading(page), /The board reports' text/);
  await suite.checker.check(suite.browser, "board reports' text form");
  // Someone else, in another window, saves the overall narrative meanwhile.
  const other = await context.newPage();
  try {
    await other.goto(new URL(formPath, page.url()).href);
    await other.getByLabel('Overall narrative').fill('Steady progress, written in the other window.');
    await clickAndWait(other, other.getByRole('button', { name: 'Save the text' }));
  } finally {
    await other.close();
  }
  await page.getByLabel('Summary').fill('The board met six times this year.');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the text' }));
  assert.match(await page.locator('#stale-change').innerText(), /Steady progress, written in the other window\./);
  assert.equal(await page.getByLabel('Summary').inputValue(), 'The board met six times this year.');
  await suite.checker.check(suite.browser, "board reports' text after someone else saved");
  // Sent again: saved, and the chase list says so.
  await page.getByLabel('Overall narrative').fill('Steady progress, written in the other window.');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the text' }));
  assert.equal(new URL(page.url()).pathname, chaseListPath);
  assert.match(await page.locator('.govuk-notification-banner').first().innerText(), /The board reports' text is saved/);
});

test('send a partner link to an owner without an account from the chase list', async () => {
  const { page } = suite.browser;
  const form = page.locator('#links ~ form').first();
  const owner = (await form.locator('input[name="owner"]').getAttribute('value')) ?? '';
  assert.notEqual(owner, '', 'an owner without an account should be offered a link');
  await form.getByLabel(`E-mail address for ${owner}`).fill('partner@example.org');
  await clickAndWait(page, form.getByRole('button', { name: 'Send a link' }));
  await suite.checker.check(suite.browser, 'chase list after sending a link');
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /A new link has been sent/);
  await signOut(page);
});

test('home page of the owner lists the requested updates', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.owner);
  await suite.checker.check(suite.browser, 'owner home with requests');
  assert.ok((await page.locator('[aria-labelledby="mine-heading"] .govuk-tag', { hasText: /^Update (asked for|late):/ }).count()) > 0, 'the owner should see their requests on their actions');
  await signOut(page);
});

test('partner link opens its form without signing in, records the update, then opens nothing', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.admin);
  await visit(page, '/outbox');
  await suite.checker.check(suite.browser, 'outbox');
  const text = await page.locator('main').innerText();
  const link = /\/partner\/[\w-]+/.exec(text)?.[0];
  assert.ok(link, 'the outbox should hold the partner link');
  await signOut(page);
  await page.context().clearCookies();

  await visit(page, link);
  await suite.checker.check(suite.browser, 'partner form');
  await page.locator('textarea[name="body1"]').fill('Met the provider on 28 March; the new contract starts in May.');
  await page.locator('input[name="status1"][value="G"]').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Send my updates' }));
  assert.equal(await heading(page), 'Your updates have been sent');
  await suite.checker.check(suite.browser, 'partner form sent');
  assert.equal(await visit(page, link), 410);
  await suite.checker.check(suite.browser, 'partner link used');
});

test('chase list shows the update received via link', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, chaseListPath);
  assert.match(await page.locator('#requests ~ [role=region] table').first().innerText() + (await page.locator('main').innerText()), /via link/);
  await suite.checker.check(suite.browser, 'chase list after the link was used');
});

test('snapshot changes between the demonstration’s last two boards show statuses that moved', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.viewer);
  await visit(page, '/snapshots/4/changes');
  assert.match(await heading(page), /What changed since snapshot 3/);
  assert.ok((await page.locator('#statuses ~ [role=region] table tbody tr').count()) > 0, 'statuses should have moved since the board before');
  await suite.checker.check(suite.browser, 'demonstration snapshot changes');
  await signOut(page);
});

test('close the round after a form with errors takes its snapshot, read by a board member with its changes', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, chaseListPath);
  await clickAndWait(page, page.getByRole('link', { name: 'Close the round and take its snapshot' }));
  await suite.checker.check(suite.browser, 'close the round form');
  await page.getByLabel('Name the snapshot is kept under').fill('');
  await clickAndWait(page, page.getByRole('button', { name: 'Close the round and take the snapshot' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#name']);
  await suite.checker.check(suite.browser, 'close the round form with errors');
  await page.getByLabel('Name the snapshot is kept under').fill('as reported to the Corporate Parenting Board on 14 May 2018');
  await clickAndWait(page, page.getByRole('button', { name: 'Close the round and take the snapshot' }));
  assert.match(await heading(page), /as reported to the Corporate Parenting Board on 14 May 2018/);
  await suite.checker.check(suite.browser, 'snapshot as reported');
  await signOut(page);

  await signIn(page, suite.server.users.viewer);
  await visit(page, '/snapshots');
  await suite.checker.check(suite.browser, 'snapshots list');
  // The demonstration's four board snapshots, and this one.
  assert.equal(await page.getByRole('link', { name: /^as reported to the Corporate Parenting Board on / }).count(), 5);
  await clickAndWait(page, page.getByRole('link', { name: 'as reported to the Corporate Parenting Board on 14 May 2018' }));
  await suite.checker.check(suite.browser, 'snapshot read by a board member');
  await clickAndWait(page, page.getByRole('link', { name: 'What changed since the snapshot before' }));
  assert.match(await heading(page), /What changed since snapshot 4/);
  await suite.checker.check(suite.browser, 'snapshot changes');
  await signOut(page);
});
