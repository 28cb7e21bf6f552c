// Every main page, visited as a signed-in person would, passes axe (WCAG 2.2 AA) with no violations;
// the skip link is the first stop for the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionPath } from './pages/action.page.ts';
import { clickAndWait, firstTabStop, heading, signIn, signOut, visit } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('pages');
const PLAN = demoSlug('cypp-2016-19');

async function visitAndCheck(path: string, label: string, expectedStatus = 200): Promise<void> {
  const status = await visit(suite.browser.page, path);
  assert.equal(status, expectedStatus, `${path} answered ${status}`);
  await suite.checker.check(suite.browser, label);
}

test('visit sign-in page passes axe', async () => {
  await visitAndCheck('/sign-in', 'sign in');
});

test('press tab on sign-in page lands on the skip link first', async () => {
  await visit(suite.browser.page, '/sign-in');
  const stop = await firstTabStop(suite.browser.page);
  assert.equal(stop.text, 'Skip to main content');
  assert.equal(stop.href, '#main-content');
});

test('sign in as manager shows the home page', async () => {
  await signIn(suite.browser.page, suite.server.users.manager);
  assert.equal(new URL(suite.browser.page.url()).pathname, '/');
  await suite.checker.check(suite.browser, 'home');
});

test('press tab on home page lands on the skip link first', async () => {
  await visit(suite.browser.page, '/');
  assert.equal((await firstTabStop(suite.browser.page)).text, 'Skip to main content');
});

test('visit plans page passes axe', async () => {
  await visitAndCheck('/plans', 'plans');
});

test('visit a plan page passes axe', async () => {
  await visitAndCheck(`/plans/${PLAN}`, 'plan');
});

test('create a plan in the browser: the form with its errors, the new plan, its details form and deleting a part pass axe', async () => {
  const page = suite.browser.page;
  await visitAndCheck('/plans/new', 'create a plan');
  await clickAndWait(page, page.getByRole('button', { name: 'Create the plan' }));
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a title for the plan/);
  await suite.checker.check(suite.browser, 'create a plan with errors');
  await page.getByLabel('Title').fill('Care leavers local offer 2026 to 2027');
  await clickAndWait(page, page.getByRole('button', { name: 'Create the plan' }));
  assert.equal(new URL(page.url()).pathname, '/plans/care-leavers-local-offer-2026-to-2027');
  await suite.checker.check(suite.browser, 'new plan');
  await clickAndWait(page, page.getByRole('button', { name: 'Add a part of the plan' }));
  await page.getByLabel('Title').fill('Homes');
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  await clickAndWait(page, page.getByRole('link', { name: 'Delete Homes' }));
  await suite.checker.check(suite.browser, 'delete a part');
  await clickAndWait(page, page.getByRole('button', { name: 'Delete it' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /The part of the plan has been deleted/);
  await visitAndCheck('/plans/care-leavers-local-offer-2026-to-2027/edit', "plan's details");
});

test('visit an action page passes axe', async () => {
  await visitAndCheck(actionPath(PLAN, '6.7'), 'action');
});

test('visit progress update form passes axe', async () => {
  await visitAndCheck(`${actionPath(PLAN, '6.7')}/update`, 'update form');
});

test('visit deadline form passes axe', async () => {
  await visitAndCheck(`${actionPath(PLAN, '6.7')}/deadline`, 'deadline form');
});

test('visit risks page passes axe', async () => {
  await visitAndCheck('/risks', 'risks');
});

test('visit voice of the child page passes axe', async () => {
  await visitAndCheck('/voice', 'voice');
});

test('visit glossary page passes axe', async () => {
  await visitAndCheck('/glossary', 'glossary');
});

test('visit the Reports page and a snapshot\'s executive summary and scrutiny pack pass axe', async () => {
  await visitAndCheck('/reports', 'reports');
  await visitAndCheck('/reports/4/exec-summary', 'executive summary');
  await visitAndCheck('/reports/4/scrutiny', 'scrutiny pack');
});

test('visit cross-references page passes axe', async () => {
  await visitAndCheck('/refs', 'refs');
});

test('follow a cross-reference shows its actions and passes axe', async () => {
  await visit(suite.browser.page, '/refs');
  await clickAndWait(suite.browser.page, suite.browser.page.locator('main a[href^="/refs/"]').first());
  await suite.checker.check(suite.browser, 'one reference');
});

test('search for fostering passes axe', async () => {
  await visitAndCheck('/search?q=fostering', 'search');
});

test('visit measures page passes axe when measures are served', async (t) => {
  const status = await visit(suite.browser.page, '/measures');
  if (status === 404) {
    t.skip('this build serves no measures pages');
    return;
  }
  assert.equal(status, 200);
  await suite.checker.check(suite.browser, 'measures');
});

test('visit unknown address shows the not-found page and passes axe', async () => {
  await visitAndCheck('/no-such-page', 'not found', 404);
  assert.match(await heading(suite.browser.page), /not found/i);
});

test('visit audit log as administrator passes axe', async () => {
  await signOut(suite.browser.page);
  await signIn(suite.browser.page, suite.server.users.admin, '/audit');
  await suite.checker.check(suite.browser, 'audit log');
});

test('visit people and the form to add a person, sent empty, pass axe', async () => {
  await visitAndCheck('/users', 'people');
  await visitAndCheck('/users/new', 'add a person');
  await clickAndWait(suite.browser.page, suite.browser.page.getByRole('button', { name: 'Add the person' }));
  assert.match(await suite.browser.page.locator('.govuk-error-summary').innerText(), /Enter the person’s name/);
  await suite.checker.check(suite.browser, 'add a person with errors');
});

test('create an api token shows it once, passes axe, and the API answers it', async () => {
  const page = suite.browser.page;
  await visitAndCheck('/api-tokens', 'api tokens');
  await page.getByLabel('Acts as').selectOption(suite.server.users.viewer.email);
  await page.getByLabel('What it is for').fill('Board dashboard');
  await clickAndWait(page, page.getByRole('button', { name: 'Create the token' }));
  assert.match(await heading(page), /Token created/);
  await suite.checker.check(suite.browser, 'api token created');
  const token = await page.locator('#token').inputValue();
  const api = await page.request.get('/api/v1/actions?status=R', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(api.status(), 200);
  const red = ((await api.json()) as { actions: { status: string | null }[] }).actions;
  assert.ok(red.length > 0 && red.every((a) => a.status === 'R'), 'the red actions, and only those');
  await visit(page, '/api-tokens');
  await clickAndWait(page, page.getByRole('button', { name: 'Revoke the token Board dashboard' }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /revoked/);
  await suite.checker.check(suite.browser, 'api token revoked');
  assert.equal((await page.request.get('/api/v1/actions', { headers: { authorization: `Bearer ${token}` } })).status(), 401);
});
