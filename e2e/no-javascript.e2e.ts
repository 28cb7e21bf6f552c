// The core flow with JavaScript switched off in the browser: every page is plain HTML forms and
// links, so signing in, proposing a status, approving it and reading the history all still work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionPage, DecisionForm, UpdateForm } from './pages/action.page.ts';
import { errorSummaryLinks, signIn, signOut } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('no-js', { javaScript: false });
const PLAN = demoSlug('cypp-2016-19');
const NUMBER = '6.12';
const UPDATE = 'Matching meetings now held within a week of the referral.';
const REASON = 'Every referral this quarter was matched within the target time.';

test('send update form without text and JavaScript off shows the error summary', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.owner);
  await suite.checker.check(suite.browser, 'owner home');
  const action = new ActionPage(page);
  assert.equal(await action.open(PLAN, NUMBER), 200);
  await suite.checker.check(suite.browser, 'owner action');
  await action.follow('Add a progress update');
  const form = new UpdateForm(page);
  await form.fill({ body: '' });
  await form.save();
  await suite.checker.check(suite.browser, 'update form with errors');
  assert.match(await page.title(), /^Error: /);
  assert.ok((await errorSummaryLinks(page)).some((l) => l.href === '#body'), 'the summary should link to the update text');
});

test('add update with proposed status and JavaScript off leaves the proposal waiting', async () => {
  const { page } = suite.browser;
  const form = new UpdateForm(page);
  await form.fill({ body: UPDATE, status: 'Blue – complete', reason: REASON });
  await form.save();
  const action = new ActionPage(page);
  await suite.checker.check(suite.browser, 'owner action after update');
  assert.ok((await action.updateTexts()).some((u) => u.includes(UPDATE)));
  const waiting = (await action.statusHistory()).find((r) => /waiting/i.test(r.decision));
  assert.ok(waiting, 'the proposal should be waiting for a decision');
  assert.match(waiting.status, /Blue/);
  await signOut(page);
});

test('approve proposal as lead with JavaScript off makes blue the status', async () => {
  const { page } = suite.browser;
  const lead = suite.server.users.lead;
  await signIn(page, lead);
  const action = new ActionPage(page);
  assert.equal(await action.open(PLAN, NUMBER), 200);
  await action.follow('Approve or reject the proposed status');
  await suite.checker.check(suite.browser, 'lead decision form');
  await new DecisionForm(page).decide('approve');
  await suite.checker.check(suite.browser, 'lead action after approval');
  assert.match(await action.status(), /^Blue/);
  const approved = (await action.statusHistory()).find((r) => r.reason.includes(REASON));
  assert.ok(approved);
  assert.match(approved.decision, new RegExp(`Approved by ${lead.name}`));
});
