// Forms and roles in the browser: the partnership manager revises a deadline with a reason, after
// a form with errors whose summary links move the focus to the field; a board member (viewer)
// reads plans but is refused a form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionPage, actionPath, DeadlineForm } from './pages/action.page.ts';
import { clickAndWait, errorSummaryLinks, focusedId, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('forms');
const PLAN = demoSlug('cypp-2016-19');
const NUMBER = '6.7';

test('send deadline form with a bad date and no reason shows an error summary linked to the fields', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  const action = new ActionPage(page);
  assert.equal(await action.open(PLAN, NUMBER), 200);
  await suite.checker.check(suite.browser, 'manager action');
  await action.follow('Revise the deadline');
  await suite.checker.check(suite.browser, 'deadline form');

  const form = new DeadlineForm(page);
  await form.fill({ date: '2019-02-31' });
  await form.save();
  await suite.checker.check(suite.browser, 'deadline form with errors');
  assert.match(await page.title(), /^Error: /);
  const links = await errorSummaryLinks(page);
  assert.deepEqual(
    links.map((l) => l.href).sort(),
    ['#deadline-day', '#reason'],
    `the summary should link to the date and the reason; it has ${JSON.stringify(links)}`,
  );
  const reasonLink = page.locator('.govuk-error-summary a[href="#reason"]');
  await reasonLink.click();
  assert.equal(await focusedId(page), 'reason', 'following the summary link should move the focus to the reason');
  assert.equal(await page.getByRole('group', { name: /New deadline/ }).getByLabel('Month').inputValue(), '2', 'what was typed should be kept');
});

test('revise deadline with a reason as manager adds it to the deadline history', async () => {
  const { page } = suite.browser;
  const form = new DeadlineForm(page);
  await form.fill({ date: '2019-03-31', reason: 'Panel dates moved to the spring.' });
  await form.save();
  const action = new ActionPage(page);
  await suite.checker.check(suite.browser, 'manager action after deadline revision');
  assert.equal(new URL(page.url()).pathname, actionPath(PLAN, NUMBER));
  const history = await action.deadlineHistory();
  assert.match(history[0]?.[0] ?? '', /31 March 2019 \(current\)/);
  assert.equal(history[0]?.[1], 'Panel dates moved to the spring.');
  assert.equal(history[0]?.[2], suite.server.users.manager.name);
  await signOut(page);
});

test('open plans as viewer shows them without any form buttons', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.viewer);
  assert.equal(await visit(page, '/plans'), 200);
  await suite.checker.check(suite.browser, 'viewer plans');
  await clickAndWait(page, page.locator(`main a[href="/plans/${PLAN}"]`).first());
  await suite.checker.check(suite.browser, 'viewer plan');
  const action = new ActionPage(page);
  assert.equal(await action.open(PLAN, NUMBER), 200);
  await suite.checker.check(suite.browser, 'viewer action');
  assert.equal(await action.hasButton('Add a progress update'), false);
  assert.equal(await action.hasButton(/deadline/i), false);
});

test('open update form as viewer answers 403 and changes nothing', async () => {
  const { page } = suite.browser;
  assert.equal(await visit(page, `${actionPath(PLAN, NUMBER)}/update`), 403);
  await suite.checker.check(suite.browser, 'viewer refused update form');
  assert.equal(await heading(page), 'You cannot do this');
  assert.equal(await visit(page, `${actionPath(PLAN, NUMBER)}/deadline`), 403);
  assert.equal(await visit(page, '/audit'), 403);
});
