// The core flow: an action owner adds a progress update proposing a new BRAG status, the programme
// lead approves it, the action page shows the new status with its history, and the audit log shows
// both steps. Every page visited passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionPage, DecisionForm, UpdateForm } from './pages/action.page.ts';
import { AuditPage } from './pages/audit.page.ts';
import { HomePage } from './pages/home.page.ts';
import { signIn, signOut } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('approval');
// Action 6.7 of the Children and Young People's Plan: owned by the demo owner, in the programme the demo lead leads.
const PLAN = demoSlug('cypp-2016-19');
const NUMBER = '6.7';
const UPDATE = 'Two prospective foster carers withdrew before panel; recruitment is behind the quarter’s target.';
const REASON = 'Recruitment behind target after two withdrawals.';

test('add update with proposed status as owner leaves the proposal waiting', async () => {
  const { page } = suite.browser;
  const owner = suite.server.users.owner;
  await signIn(page, owner);
  await suite.checker.check(suite.browser, 'owner home');
  const home = new HomePage(page);
  await home.openAction(PLAN, NUMBER);
  const action = new ActionPage(page);
  await suite.checker.check(suite.browser, 'owner action');
  const before = await action.status();
  assert.doesNotMatch(before, /^Amber/, 'the action should not already be Amber');

  await action.follow('Add a progress update');
  await suite.checker.check(suite.browser, 'owner update form');
  const form = new UpdateForm(page);
  await form.fill({ body: UPDATE, status: 'Amber', reason: REASON });
  await form.save();
  await suite.checker.check(suite.browser, 'owner action after update');

  assert.notEqual(await action.banner(), '', 'a success banner should confirm the update');
  assert.equal(await action.status(), before, 'a proposal should not change the status');
  assert.ok((await action.updateTexts()).some((u) => u.includes(UPDATE)), 'the new update should be listed');
  const waiting = (await action.statusHistory()).find((r) => /waiting/i.test(r.decision));
  assert.ok(waiting, 'the status history should show the proposal waiting for a decision');
  assert.match(waiting.status, /Amber/);
  assert.equal(waiting.proposedBy, owner.name);
  await signOut(page);
});

test('approve proposal as lead makes amber the status with its history', async () => {
  const { page } = suite.browser;
  const lead = suite.server.users.lead;
  await signIn(page, lead);
  await suite.checker.check(suite.browser, 'lead home');
  await new HomePage(page).openAction(PLAN, NUMBER);
  const action = new ActionPage(page);
  await action.follow('Approve or reject the proposed status');
  await suite.checker.check(suite.browser, 'lead decision form');
  await new DecisionForm(page).decide('approve');
  await suite.checker.check(suite.browser, 'lead action after approval');

  assert.match(await action.status(), /^Amber/);
  const history = await action.statusHistory();
  const approved = history.find((r) => r.reason.includes(REASON));
  assert.ok(approved, `the history should hold the approved status; it has ${JSON.stringify(history)}`);
  assert.match(approved.status, /Amber/);
  assert.equal(approved.proposedBy, suite.server.users.owner.name);
  assert.match(approved.decision, new RegExp(`Approved by ${lead.name}`));
  assert.ok(history.length >= 2, 'the earlier statuses should still be listed');
  assert.equal(await action.hasButton('Approve or reject the proposed status'), false);
  await signOut(page);
});

test('open audit log as administrator shows the update, the proposal and the approval', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.admin);
  const audit = new AuditPage(page);
  await audit.forEntity(`${PLAN}:${NUMBER}`);
  await suite.checker.check(suite.browser, 'audit log for the action');
  const rows = await audit.rows();
  const owner = suite.server.users.owner.name;
  const lead = suite.server.users.lead.name;
  assert.ok(
    rows.some((r) => r.who === owner && /Progress update added/.test(r.what)),
    `the log should show ${owner} adding the update; it shows ${JSON.stringify(rows)}`,
  );
  assert.ok(
    rows.some((r) => r.who === owner && /BRAG status proposed/.test(r.what)),
    `the log should show ${owner} proposing the status; it shows ${JSON.stringify(rows)}`,
  );
  assert.ok(
    rows.some((r) => r.who === lead && /Proposed status approved/.test(r.what)),
    `the log should show ${lead} approving the status; it shows ${JSON.stringify(rows)}`,
  );
});
