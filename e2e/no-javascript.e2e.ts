// The core flow with JavaScript switched off in the browser: every page is plain HTML forms and
// links, so signing in, proposing a status, approving it and reading the history all still work;
// and so do the partnership manager's main forms: creating a plan, linking an inspection
// recommendation, moving an action, re-scoring a risk, answering a young people's priority and
// setting a staged target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInLondon } from '../src/domain/dates.ts';
import { ActionPage, DecisionForm, UpdateForm } from './pages/action.page.ts';
import { setStagedTarget } from './pages/measure.page.ts';
import { PlanPage } from './pages/plan.page.ts';
import { clickAndWait, errorSummaryLinks, fillDateParts, heading, signIn, signOut, visit } from './pages/site.page.ts';
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

const [year, month, day] = todayInLondon().split('-') as [string, string, string];
const banner = (page: Parameters<typeof heading>[0]): Promise<string> => new PlanPage(page).banner();

test('create a plan as manager with JavaScript off opens the new plan', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  await visit(page, '/plans');
  await new PlanPage(page).create({ title: 'Short breaks plan', slug: 'short-breaks' });
  assert.equal(await heading(page), 'Short breaks plan');
  assert.match(await banner(page), /plan has been created/i);
  await suite.checker.check(suite.browser, 'manager new plan');
});

test('link an inspection recommendation to an action and move it as manager with JavaScript off', async () => {
  const { page } = suite.browser;
  const action = new ActionPage(page);
  assert.equal(await action.open(PLAN, NUMBER), 200);
  await action.follow('Edit this action');
  await suite.checker.check(suite.browser, 'manager edit action');
  const box = page.getByRole('group', { name: 'Inspection recommendations' }).locator('input[type=checkbox]:not(:checked)').first();
  const recommendation = ((await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).match(/^Inspection recommendation \S+/) ?? [''])[0];
  assert.ok(recommendation !== '', 'an inspection recommendation the action does not cite yet');
  await box.check();
  await clickAndWait(page, page.getByRole('button', { name: 'Save the action' }));
  assert.match(await banner(page), /The action has been saved/);
  assert.ok((await page.locator('main').getByRole('link', { name: new RegExp(recommendation) }).count()) >= 1, `${recommendation} linked`);

  await action.follow('Move to another part of the plan');
  await suite.checker.check(suite.browser, 'manager move action');
  const part = page.getByLabel('Part of the plan to move it to');
  const options = await part.locator('option').allInnerTexts();
  await part.selectOption({ label: options.at(-1)! });
  await clickAndWait(page, page.getByRole('button', { name: 'Move the action' }));
  assert.match(await banner(page), /moved/i);
  await suite.checker.check(suite.browser, 'manager action after move');
});

test('re-score a risk as manager with JavaScript off records the new score', async () => {
  const { page } = suite.browser;
  await visit(page, '/risks');
  await clickAndWait(page, page.getByRole('link', { name: /^Re-score risk / }).first());
  await suite.checker.check(suite.browser, 'manager re-score risk');
  await page.getByRole('group', { name: 'Likelihood' }).locator('input[type=radio]:not(:checked)').first().check();
  await fillDateParts(page, /^Date of the assessment/, day, month, year);
  await page.getByLabel('Reason for the new score').fill('Reviewed at the programme board');
  await clickAndWait(page, page.getByRole('button', { name: 'Record the score' }));
  assert.match(await banner(page), /new score has been recorded/i);
});

test("answer a young people's priority as manager with JavaScript off", async () => {
  const { page } = suite.browser;
  await visit(page, '/voice');
  await clickAndWait(page, page.getByRole('link', { name: /^Mark as answered/ }).first());
  await suite.checker.check(suite.browser, 'manager mark a priority answered');
  await fillDateParts(page, /^Date they were told/, day, month, year);
  await clickAndWait(page, page.getByRole('button', { name: 'Mark as answered' }));
  assert.match(await banner(page), /marked as answered/i);
});

test('set a staged target as manager with JavaScript off', async () => {
  const { page } = suite.browser;
  await visit(page, '/measures');
  await clickAndWait(page, page.getByRole('link', { name: 'Children looked after with an up-to-date personal education plan' }));
  await clickAndWait(page, page.getByRole('link', { name: 'Targets', exact: true }));
  await clickAndWait(page, page.getByRole('link', { name: 'Add a staged target' }));
  await suite.checker.check(suite.browser, 'manager staged target form');
  const next = String(Number(year) + 1);
  await setStagedTarget(page, next, ['93', '95'], 'Agreed with the Virtual School head');
  assert.match(await banner(page), /The target has been set/);
  await signOut(page);
});
