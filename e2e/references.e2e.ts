// Cross-references in the browser: the manager reads what inspection recommendation 11 says, records a
// new challenge after a form with errors, edits it, then links a challenge and a library measure from
// an action's edit form and reads the measure by its title on the action's page; a board member finds
// the recommendation by its number in the search. Every page is checked with axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickAndWait, errorSummaryLinks, focusedId, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('references');

test('read inspection recommendation 11 as manager shows what it says, its source and the actions answering it', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  assert.equal(await visit(page, '/refs'), 200);
  await suite.checker.check(suite.browser, 'cross-references with their words');
  await clickAndWait(page, page.getByRole('link', { name: 'Inspection recommendation 11', exact: true }));
  assert.equal(await heading(page), 'Inspection recommendation 11');
  await suite.checker.check(suite.browser, 'inspection recommendation 11');
  assert.match(await page.locator('main').innerText(), /Increase placement choice and stability so that more children live in a permanent home that meets their needs\./);
  assert.match(await page.locator('main').innerText(), /Inspection of services for children in need of help and protection/);
  assert.ok((await page.locator('main table').first().locator('tbody tr').count()) >= 1);
});

test('record a challenge with errors, then correctly, and edit it as manager', async () => {
  const { page } = suite.browser;
  assert.equal(await visit(page, '/refs'), 200);
  await clickAndWait(page, page.getByRole('button', { name: 'Record a cross-reference' }));
  assert.equal(await heading(page), 'Record a cross-reference');
  await suite.checker.check(suite.browser, 'record a cross-reference');
  await clickAndWait(page, page.getByRole('button', { name: 'Record it' }));
  await suite.checker.check(suite.browser, 'record a cross-reference with errors');
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#kind', '#body']);
  await page.locator('.govuk-error-summary a[href="#body"]').click();
  assert.equal(await focusedId(page), 'body');
  await page.getByRole('group', { name: 'What kind of reference is it?' }).getByLabel('Challenge').check();
  await page.getByLabel('Number').fill('7');
  await page.getByLabel('What it says').fill('Too few short breaks are available for disabled children close to home.');
  await page.getByLabel('Source document (optional)').fill('Sufficiency Statement refresh');
  await clickAndWait(page, page.getByRole('button', { name: 'Record it' }));
  assert.equal(await heading(page), 'Challenge 7');
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The cross-reference has been recorded/);
  await suite.checker.check(suite.browser, 'challenge 7 recorded');
  await clickAndWait(page, page.getByRole('link', { name: /^Edit what challenge 7 says/ }));
  await suite.checker.check(suite.browser, 'edit challenge 7');
  await page.getByLabel('Title (optional)').fill('Short breaks');
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  assert.equal(await page.locator('#ref-title').innerText(), 'Short breaks');
});

test('link a challenge and a library measure from the action edit form as manager shows the measure by title', async () => {
  const { page } = suite.browser;
  const action = `/plans/${demoSlug('cypp-2016-19')}/actions/6.7`;
  assert.equal(await visit(page, `${action}/edit`), 200);
  await suite.checker.check(suite.browser, 'action edit form with cross-references and measures');
  await page.getByRole('group', { name: 'Sufficiency challenges' }).getByLabel('Challenge 7').check();
  const measures = page.getByRole('group', { name: 'Success measures from the measure library' });
  const first = measures.locator('.govuk-checkboxes__item').first();
  const title = (await first.locator('label').innerText()).trim();
  await first.locator('input').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Save the action' }));
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The action has been saved/);
  await suite.checker.check(suite.browser, 'action with linked measure');
  const aims = page.locator('table', { has: page.locator('caption', { hasText: 'Measures this action aims to move' }) });
  assert.ok((await aims.getByRole('link', { name: title, exact: true }).count()) === 1);
  assert.equal(await visit(page, '/refs/challenge/7'), 200);
  await suite.checker.check(suite.browser, 'challenge 7 with its action and measure');
  assert.match(await page.locator('main').innerText(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await signOut(page);
});

test('search for inspection recommendation 11 as board member finds it by number', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.viewer);
  assert.equal(await visit(page, '/search?q=inspection+recommendation+11'), 200);
  await suite.checker.check(suite.browser, 'search finds a cross-reference');
  await clickAndWait(page, page.getByRole('link', { name: /^Inspection recommendation 11: / }));
  assert.equal(await heading(page), 'Inspection recommendation 11');
});
