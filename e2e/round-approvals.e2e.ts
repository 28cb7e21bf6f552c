// A round's approvals and programme status in the browser: an owner proposes a status, a manager
// opens the round, and the programme lead reaches the round from the menu, approves the proposal from
// the round's approval page (after a try with nothing chosen) and enters their programme's status for
// the period (after a try without a reason). Every page visited passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionPath, UpdateForm } from './pages/action.page.ts';
import { clickAndWait, errorSummaryLinks, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { openRoundFor } from './pages/rounds.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('round-approvals');
// Action 6.7 of the Children and Young People's Plan: owned by the demo owner, in the programme the demo lead leads.
const PLAN = demoSlug('cypp-2016-19');
const NUMBER = '6.7';
// A quarter before the demonstration's own rounds, so this round is the one the lead goes to.
const PERIOD = '2017/18 Q4';

test('propose a status as owner and open the round as manager', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.owner);
  await visit(page, `${actionPath(PLAN, NUMBER)}/update`);
  const form = new UpdateForm(page);
  await form.fill({ body: 'Two carers withdrew before panel.', status: 'Red', reason: 'Recruitment well behind target.' });
  await form.save();
  await signOut(page);

  await signIn(page, suite.server.users.manager);
  await visit(page, '/rounds/new');
  await openRoundFor(page, PERIOD);
  assert.match(await heading(page), /Chase list/);
  await signOut(page);
});

test('approve the proposal from the round’s approval page as the programme lead', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.lead);
  await clickAndWait(page, page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reporting rounds' }));
  await suite.checker.check(suite.browser, 'rounds as lead');
  await clickAndWait(page, page.getByRole('link', { name: `Approvals for ${PERIOD}` }));
  assert.match(await heading(page), /Approvals\s+2017\/18 Q4/);
  await suite.checker.check(suite.browser, 'approvals');
  const row = page.getByLabel(/Choose the BRAG status proposed for .*action 6\.7/);
  assert.equal(await row.count(), 1, 'the proposal on 6.7 should be listed');
  assert.doesNotMatch(await page.locator('main').innerText(), /cypp-2016-19:/);

  await clickAndWait(page, page.getByRole('button', { name: 'Reject selected' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#items', '#reason']);
  await suite.checker.check(suite.browser, 'approvals with errors');

  await page.getByLabel(/Choose the BRAG status proposed for .*action 6\.7/).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Approve selected' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /The chosen proposals have been approved/);
  await suite.checker.check(suite.browser, 'approvals after approving');
  assert.equal(await page.getByLabel(/Choose the BRAG status proposed for .*action 6\.7/).count(), 0);
});

test('enter programme 6’s status for the period as its lead and see it in the history', async () => {
  const { page } = suite.browser;
  await visit(page, '/rounds');
  await clickAndWait(page, page.getByRole('link', { name: `Programme status for ${PERIOD}` }));
  await suite.checker.check(suite.browser, 'programme status list');
  await clickAndWait(page, page.locator('#programmes').getByRole('link', { name: /^Enter the status of programme 6 / }));
  await suite.checker.check(suite.browser, 'programme status form');
  await page.getByLabel('Amber').check();
  await page.getByLabel('Improving').check();
  await page.getByLabel('Reason').fill('');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the status' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#reason']);
  await suite.checker.check(suite.browser, 'programme status form with errors');
  await page.getByLabel('Reason').fill('Fostering recruitment behind target; health assessments on time.');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the status' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /status for this period has been recorded/);
  assert.match(await page.locator('#history ~ [role=region] table').innerText(), /2017\/18 Q4\s+Amber\s+Improving\s+Fostering recruitment behind target/);
  await suite.checker.check(suite.browser, 'programme status saved');
  await signOut(page);
});
