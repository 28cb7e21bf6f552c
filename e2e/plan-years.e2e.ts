// A plan across years in the browser, each page checked with axe: the partnership manager rolls a
// plan into next year's (after a form with errors), moves a part of the new plan under another,
// moves, renumbers and closes an action there, and archives the old plan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionPath } from './pages/action.page.ts';
import { clickAndWait, errorSummaryLinks, signIn, visit } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('plan-years');
const PLAN = demoSlug('cypp-2016-19');
const NEXT = 'cypp-next-year';

test('roll a plan into next year after a form with errors: the new plan and its carried action pass axe', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  assert.equal(await visit(page, `/plans/${PLAN}`), 200);
  await clickAndWait(page, page.getByRole('link', { name: "Roll into next year's plan" }));
  await suite.checker.check(suite.browser, 'roll-over form');
  await page.getByLabel("Title of next year's plan").fill('');
  await clickAndWait(page, page.getByRole('button', { name: "Make next year's plan" }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#title']);
  await suite.checker.check(suite.browser, 'roll-over form with errors');
  await page.getByLabel("Title of next year's plan").fill('CYPP next year');
  await page.getByLabel('Short name for addresses').fill(NEXT);
  await clickAndWait(page, page.getByRole('button', { name: "Make next year's plan" }));
  assert.equal(new URL(page.url()).pathname, `/plans/${NEXT}`);
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Next year's plan has been made/);
  await suite.checker.check(suite.browser, 'rolled-over plan');
  assert.equal(await visit(page, actionPath(NEXT, '6.7')), 200);
  assert.match(await page.locator('#rolled-from').innerText(), /Rolled over from .* 6\.7/);
  await suite.checker.check(suite.browser, 'carried action');
});

test('move a part of the new plan under another part: the form passes axe', async () => {
  const { page } = suite.browser;
  assert.equal(await visit(page, `/plans/${NEXT}`), 200);
  await clickAndWait(page, page.getByRole('link', { name: /^Move under another part/ }).last());
  await suite.checker.check(suite.browser, 'move a part');
  const choice = page.getByLabel('Where it goes');
  const options = await choice.locator('option').allInnerTexts();
  await choice.selectOption({ label: options[1]! });
  await clickAndWait(page, page.getByRole('button', { name: 'Move it' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /has been moved, with everything under it/);
});

test('move, renumber and close an action: the forms, their errors and the closed action pass axe', async () => {
  const { page } = suite.browser;
  assert.equal(await visit(page, actionPath(NEXT, '6.7')), 200);
  await clickAndWait(page, page.getByRole('link', { name: 'Renumber' }));
  await suite.checker.check(suite.browser, 'renumber form');
  await page.getByLabel('New number').fill('6.7.x');
  await clickAndWait(page, page.getByRole('button', { name: 'Renumber the action' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#number']);
  await suite.checker.check(suite.browser, 'renumber form with errors');
  await page.getByLabel('New number').fill('6.70');
  await clickAndWait(page, page.getByRole('button', { name: 'Renumber the action' }));
  assert.equal(new URL(page.url()).pathname, actionPath(NEXT, '6.70'));

  await clickAndWait(page, page.getByRole('link', { name: 'Move to another part of the plan' }));
  await suite.checker.check(suite.browser, 'move an action');
  const part = page.getByLabel('Part of the plan to move it to');
  const parts = await part.locator('option').allInnerTexts();
  await part.selectOption({ label: parts[1]! });
  await clickAndWait(page, page.getByRole('button', { name: 'Move the action' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /The action has been moved/);

  await clickAndWait(page, page.getByRole('link', { name: 'Close as no longer needed' }));
  await suite.checker.check(suite.browser, 'close an action');
  await clickAndWait(page, page.getByRole('button', { name: 'Close the action' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#reason']);
  await suite.checker.check(suite.browser, 'close an action with errors');
  await page.getByLabel('Why it is no longer needed').fill('Covered by the new local offer.');
  await clickAndWait(page, page.getByRole('button', { name: 'Close the action' }));
  assert.match(await page.locator('#closed').innerText(), /Covered by the new local offer/);
  await suite.checker.check(suite.browser, 'closed action');
});

test('archive the old plan: the question, the archived plan and the list with archived plans pass axe', async () => {
  const { page } = suite.browser;
  assert.equal(await visit(page, `/plans/${PLAN}`), 200);
  await clickAndWait(page, page.getByRole('link', { name: 'Archive this plan' }));
  await suite.checker.check(suite.browser, 'archive a plan');
  await clickAndWait(page, page.getByRole('button', { name: 'Archive the plan' }));
  assert.match(await page.locator('#archived').innerText(), /archived on/);
  await suite.checker.check(suite.browser, 'archived plan');
  assert.equal(await visit(page, '/plans'), 200);
  await page.getByLabel(/Show archived plans/).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Apply' }));
  assert.match(await page.locator('table').innerText(), /Archived/);
  await suite.checker.check(suite.browser, 'plans with archived');
});
