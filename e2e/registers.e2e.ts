// The registers in the browser: the partnership manager adds a risk after a form with errors,
// re-scores it and reads its score history; then, with JavaScript off, records what was done for a
// young people's priority, marks it answered, and adds and retires a glossary term. Every page is
// checked with axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickAndWait, errorSummaryLinks, fillDateParts as fillDate, focusedId, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('registers');


test('add risk with errors, then correctly, as manager puts it on the register', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  assert.equal(await visit(page, '/risks'), 200);
  await suite.checker.check(suite.browser, 'manager risk register');
  await clickAndWait(page, page.getByRole('button', { name: 'Add a risk' }));
  assert.equal(await heading(page), 'Add a risk');
  await suite.checker.check(suite.browser, 'new risk form');
  await page.getByLabel('Reference').fill('R9');
  await clickAndWait(page, page.getByRole('button', { name: 'Add the risk' }));
  await suite.checker.check(suite.browser, 'new risk form with errors');
  const links = await errorSummaryLinks(page);
  assert.deepEqual(links.map((l) => l.href), ['#title', '#owner', '#likelihood', '#impactScore', '#assessedOn-day']);
  await page.locator('.govuk-error-summary a[href="#owner"]').click();
  assert.equal(await focusedId(page), 'owner');
  await page.getByLabel('Risk', { exact: true }).fill('Agency social workers leave at short notice');
  await page.getByLabel('Owner').fill('Head of Workforce');
  await page.getByRole('group', { name: 'Likelihood' }).getByLabel('3 – Possible').check();
  await page.getByRole('group', { name: 'Impact score' }).getByLabel('4 – Major').check();
  await fillDate(page, /Date of the assessment/, '1', '6', '2018');
  await clickAndWait(page, page.getByRole('button', { name: 'Add the risk' }));
  await suite.checker.check(suite.browser, 'risk register after adding');
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /The risk has been added/);
  // The row the address's #anchor points at.
  const anchor = new URL(page.url()).hash;
  assert.match(await page.locator(`tr${anchor}`).innerText(), /R9: Agency social workers leave at short notice/);
});

test('re-score risk as manager adds it to the score history with the trend in words', async () => {
  const { page } = suite.browser;
  const added = page.locator('tr', { hasText: 'Agency social workers leave at short notice' });
  await clickAndWait(page, added.getByRole('link', { name: 'Re-score risk R9' }));
  await suite.checker.check(suite.browser, 're-score form');
  await page.getByRole('group', { name: 'Likelihood' }).getByLabel('4 – Likely').check();
  await fillDate(page, /Date of the assessment/, '2', '7', '2018');
  await page.getByLabel('Reason for the new score').fill('Three agency workers gave notice in June.');
  await clickAndWait(page, page.getByRole('button', { name: 'Record the score' }));
  const row = page.locator(`tr${new URL(page.url()).hash}`);
  await row.locator('summary').click();
  await suite.checker.check(suite.browser, 'risk register with score history open');
  const history = await row.locator('table.parentis-risk-history tbody tr').allInnerTexts();
  assert.match(history[0] ?? '', /2 July 2018\s+16 \(4 × 4\)\s+Rising\s+Three agency workers gave notice in June\./);
  assert.match(await row.innerText(), /Rising \(was 12\)/);
  await signOut(page);
});

test('record what was done and mark answered with JavaScript off shows it to the young people', async () => {
  const browser = await suite.openBrowser({ javaScript: false });
  const { page } = browser;
  await signIn(page, suite.server.users.manager);
  assert.equal(await visit(page, '/voice'), 200);
  await suite.checker.check(browser, 'manager voice page');
  // A priority not yet answered.
  const first = page.locator('section.parentis-voice-item', { has: page.getByRole('link', { name: /^Mark as answered/ }) }).first();
  const priority = (await first.locator('h3').innerText()).trim();
  await clickAndWait(page, first.getByRole('link', { name: /^Add what we did/ }));
  await suite.checker.check(browser, 'we did form');
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  assert.deepEqual((await errorSummaryLinks(page)).map((l) => l.href), ['#respondedOn-day', '#weDid']);
  await suite.checker.check(browser, 'we did form with errors');
  // Today: the demonstration has moved into the present, so a response is dated in it.
  const now = new Date();
  const [day, month, year] = [String(now.getDate()), String(now.getMonth() + 1), String(now.getFullYear())];
  const written = now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await fillDate(page, /Date it was done/, day, month, year);
  await page.getByLabel('What we did').fill('Your health checks now happen at a place you choose.');
  await page.getByLabel('How we know (optional)').fill('Nine in ten checks were at a place the young person chose.');
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  const item = page.locator('section.parentis-voice-item', { has: page.locator('h3', { hasText: priority }) }).first();
  assert.match(await item.innerText(), new RegExp(`On ${written}\\s+Your health checks now happen at a place you choose\\.`));
  await clickAndWait(page, item.getByRole('link', { name: /^Mark as answered/ }));
  await suite.checker.check(browser, 'mark answered form');
  await fillDate(page, /Date they were told/, day, month, year);
  await clickAndWait(page, page.getByRole('button', { name: 'Mark as answered' }));
  await suite.checker.check(browser, 'voice page after answering');
  assert.match(await item.innerText(), new RegExp(`We did it[\\s\\S]*We told you what we did on ${written}\\.`));
});

test('add and retire glossary term with JavaScript off expands it on the pages, then no more', async () => {
  const browser = await suite.openBrowser({ javaScript: false });
  const { page } = browser;
  await signIn(page, suite.server.users.admin);
  assert.equal(await visit(page, '/glossary'), 200);
  await suite.checker.check(browser, 'admin glossary');
  await clickAndWait(page, page.getByRole('button', { name: 'Add a term' }));
  await suite.checker.check(browser, 'new term form');
  await page.getByLabel('Term or abbreviation').fill('WMCC');
  await page.getByLabel('What it stands for').fill('Westmere Children in Care Council');
  await clickAndWait(page, page.getByRole('button', { name: 'Add the term' }));
  await suite.checker.check(browser, 'glossary after adding');
  assert.match(await page.locator('dt#term-wmcc').innerText(), /WMCC – Westmere Children in Care Council/);
  await clickAndWait(page, page.getByRole('link', { name: 'Retire WMCC' }));
  await suite.checker.check(browser, 'retire term form');
  await clickAndWait(page, page.getByRole('button', { name: 'Retire the term' }));
  await suite.checker.check(browser, 'glossary after retiring');
  assert.match(await page.locator('#retired-terms + p + ul').innerText(), /WMCC – Westmere Children in Care Council/);
  assert.equal(await page.locator('dt#term-wmcc').count(), 0);
});
