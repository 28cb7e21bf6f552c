// A measure's targets, tolerance band and figures in the browser: the analyst adds an annual target
// after a form with errors, a staged target, ends a target, changes the amber band and enters a
// month's figure; the measure page then tells each change. Every page is checked with axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate } from '../src/web/view.ts';
import { clickAndWait, errorSummaryLinks, fillDateParts as fillDate, focusedId, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('measure-targets');

const PEP = '/measures/pep-up-to-date';
// The demonstration moves into the present: dates are taken from today.
const now = new Date();
const next = now.getUTCFullYear() + 1;
const lastMonthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
const [endDay, endMonth, endYear] = [lastMonthEnd.getUTCDate(), lastMonthEnd.getUTCMonth() + 1, lastMonthEnd.getUTCFullYear()].map(String) as [string, string, string];


test('add an annual target with errors, then correctly, as analyst lists it and tells the history', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.analyst);
  assert.equal(await visit(page, PEP), 200);
  await suite.checker.check(suite.browser, 'analyst measure page');
  await clickAndWait(page, page.getByRole('link', { name: 'Targets', exact: true }));
  assert.equal(await heading(page), 'Targets');
  await suite.checker.check(suite.browser, 'targets page');
  await clickAndWait(page, page.getByRole('link', { name: 'Add an annual target' }));
  await suite.checker.check(suite.browser, 'annual target form');
  await page.getByLabel('Target', { exact: true }).fill('high');
  await clickAndWait(page, page.getByRole('button', { name: 'Set the target' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#value', '#reason']);
  await suite.checker.check(suite.browser, 'annual target form with errors');
  await page.locator('.govuk-error-summary a[href="#reason"]').click();
  assert.equal(await focusedId(page), 'reason');
  await page.getByLabel('Target', { exact: true }).fill('92');
  await page.getByLabel('Reason').fill('Agreed by the Corporate Parenting Board');
  await clickAndWait(page, page.getByRole('button', { name: 'Set the target' }));
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The target has been set/);
  await suite.checker.check(suite.browser, 'targets page after adding');
});

test('add a staged target and end a target as analyst keeps both in the history', async () => {
  const { page } = suite.browser;
  await clickAndWait(page, page.getByRole('link', { name: 'Add a staged target' }));
  await suite.checker.check(suite.browser, 'staged target form');
  const step1 = page.getByRole('group', { name: 'Step 1' });
  await fillDate(page, /^Step 1/, '1', '4', String(next));
  await step1.getByLabel('Target for step 1').fill('93');
  await fillDate(page, /^Step 2/, '1', '10', String(next));
  await page.getByLabel('Target for step 2').fill('95');
  await page.getByLabel('Reason').fill('Steps towards the Virtual School’s goal');
  await clickAndWait(page, page.getByRole('button', { name: 'Set the staged target' }));
  assert.match(await page.locator('#coming').innerText(), /93\.0%/);
  await clickAndWait(page, page.locator('#coming').getByRole('link', { name: /^End/ }).last());
  assert.equal(await heading(page), 'End a target');
  await suite.checker.check(suite.browser, 'end target form');
  await fillDate(page, /Last day the target is in force/, '31', '3', String(next + 1));
  await page.getByLabel('Reason').fill('The plan ends a year early');
  await clickAndWait(page, page.getByRole('button', { name: 'End the target' }));
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The target has been ended/);
  const history = await page.locator('ul.parentis-measure-history li').allInnerTexts();
  assert.match(history[0] ?? '', new RegExp(`^Target of 95\\.0% \\(stage 2 of 2\\) ended: last in force on 31 March ${next + 1}`));
  assert.match(history[1] ?? '', new RegExp(`staged target: 93\\.0% from 1 April ${next}, 95\\.0% from 1 October ${next}`));
});

test('change the tolerance band and enter a figure with JavaScript off as analyst shows both on the measure page', async () => {
  const browser = await suite.openBrowser({ javaScript: false });
  const { page } = browser;
  await signIn(page, suite.server.users.analyst);
  assert.equal(await visit(page, `${PEP}/tolerance`), 200);
  await suite.checker.check(browser, 'tolerance form');
  await page.getByLabel('Amber band').fill('3');
  await page.getByLabel('Reason').fill('The board accepts a wider band this year');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the band' }));
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The tolerance band has been changed/);
  await clickAndWait(page, page.getByRole('link', { name: 'Figures', exact: true }));
  await suite.checker.check(browser, 'figures form');
  await fillDate(page, /Last day of the period/, '15', endMonth, endYear);
  await page.getByLabel('Numerator').fill('230');
  await page.getByLabel('Denominator').fill('200');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the figure' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#periodEnd-day']);
  await suite.checker.check(browser, 'figures form with errors');
  await fillDate(page, /Last day of the period/, endDay, endMonth, endYear);
  await clickAndWait(page, page.getByRole('button', { name: 'Save the figure' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#numerator']);
  await page.getByLabel('Numerator').fill('184');
  await clickAndWait(page, page.getByRole('button', { name: 'Save the figure' }));
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The figure has been saved/);
  await suite.checker.check(browser, 'figures page after saving');
  assert.equal(await visit(page, PEP), 200);
  const history = await page.locator('#changes + ul li').allInnerTexts();
  assert.match(history[0] ?? '', new RegExp(`^Figure for ${formatDate(lastMonthEnd.toISOString())} (entered: |changed from .* to )92\\.0% \\(184 of 200\\) by `));
  assert.match(history.join('\n'), /Amber band changed from 5 percentage points to 3 percentage points/);
  await signOut(page);
});
