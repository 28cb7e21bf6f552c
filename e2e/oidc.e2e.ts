// Signing in through a real OpenID Connect provider's own login page in Chromium (an administrator
// made just in time from her group), then the account administration pages: a person's page,
// changing their role, disabling and enabling them, a password link and its page, and one's own
// password; signing out offers the provider's end-session page. Every Parentis page passes axe.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startIdentityProvider, testRoleMap, type IdentityProvider } from '../test/helpers/oidc-provider.ts';
import { clickAndWait, errorSummaryLinks, heading, visit } from './pages/site.page.ts';
import { freePort } from './support/server.ts';
import { useParentis } from './support/suite.ts';

let idp: IdentityProvider | undefined;

const suite = useParentis('oidc', {
  prepare: async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider({ redirectUris: [`${base}/sign-in/oidc/callback`], postLogoutRedirectUris: [`${base}/sign-in?signed-out`] });
    return {
      PORT: String(port),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ROLE_MAP: testRoleMap,
      OIDC_JIT: 'on',
      OIDC_ALLOW_HTTP: 'on',
      OIDC_PROVIDER_NAME: 'Testshire account',
    };
  },
});
after(async () => {
  await idp?.close();
});

test('sign in through the provider’s own login page as a person in the administrators’ group', async () => {
  const { page } = suite.browser;
  await visit(page, '/sign-in?next=%2Fusers');
  await suite.checker.check(suite.browser, 'sign-in with provider');
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in with Testshire account' }));
  assert.ok(page.url().startsWith(idp!.issuer), `the provider's page should be shown, not ${page.url()}`);
  await page.locator('input[name="login"]').fill('alice');
  await page.locator('input[name="password"]').fill('any password');
  await clickAndWait(page, page.getByRole('button', { name: 'Sign-in' }));
  suite.browser.takeProblems();
  await page.waitForURL(/\/users$/);
  assert.equal(await heading(page), 'People');
  assert.match(await page.locator('.parentis-account__name').innerText(), /Alice Admin, administrator/);
  await suite.checker.check(suite.browser, 'people after provider sign-in');
});

test('change a person’s role, disable and enable them, and make a password link as the administrator', async () => {
  const { page } = suite.browser;
  const owner = suite.server.users.owner;
  await visit(page, '/users');
  await clickAndWait(page, page.getByRole('link', { name: owner.name }));
  assert.equal(await heading(page), owner.name);
  await suite.checker.check(suite.browser, 'person page');

  await clickAndWait(page, page.getByRole('link', { name: 'Change name or role' }).first());
  await suite.checker.check(suite.browser, 'change person form');
  await page.getByLabel('Name').fill('');
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  assert.deepEqual(await errorSummaryLinks(page), [{ text: 'Enter the person’s name', href: '#name' }]);
  await suite.checker.check(suite.browser, 'change person form with an error');
  await page.getByLabel('Name').fill(owner.name);
  await page.getByLabel('Programme lead').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
  assert.match(await page.locator('.govuk-summary-list').innerText(), /Programme lead/);

  await clickAndWait(page, page.getByRole('button', { name: /^Disable the account/ }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /has been disabled/);
  await suite.checker.check(suite.browser, 'person disabled');
  await clickAndWait(page, page.getByRole('button', { name: /^Enable the account/ }));
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /enabled again/);

  await clickAndWait(page, page.getByRole('button', { name: 'Make a link to set a password' }));
  await suite.checker.check(suite.browser, 'password link shown once');
  const link = (await page.locator('textarea#link').inputValue()).trim();
  assert.match(link, /\/set-password\//);

  // The person opens the link in their own browser.
  const theirs = await suite.openBrowser();
  await visit(theirs.page, new URL(link).pathname);
  assert.equal(await heading(theirs.page), 'Set your password');
  await suite.checker.check(theirs, 'set password page');
  await theirs.page.getByLabel('New password', { exact: true }).fill('lantern orchard velvet 7193');
  await theirs.page.getByLabel('New password again').fill('lantern orchard velvet 7193');
  await clickAndWait(theirs.page, theirs.page.getByRole('button', { name: 'Set my password' }));
  assert.match(await theirs.page.locator('.govuk-notification-banner').innerText(), /Your password has been set/);
  await suite.checker.check(theirs, 'sign-in after setting a password');

  await visit(page, '/audit');
  const audit = await page.locator('main').innerText();
  for (const words of ['Role changed', 'Account disabled', 'Account enabled again', 'Link to set a password given', 'Password set through a link']) {
    assert.ok(audit.includes(words), `the audit log should show "${words}"`);
  }
});

test('your password page tells a person signed in through the provider to change it there', async () => {
  const { page } = suite.browser;
  await clickAndWait(page, page.getByRole('link', { name: 'Your password' }));
  assert.equal(await heading(page), 'Change your password');
  assert.match(await page.locator('main').innerText(), /identity provider/);
  await suite.checker.check(suite.browser, 'own password through provider');
});

test('sign out after signing in through the provider offers its end-session page', async () => {
  const { page } = suite.browser;
  await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
  assert.equal(await heading(page), 'You have signed out of Parentis');
  await suite.checker.check(suite.browser, 'signed out with provider link');
  const href = await page.getByRole('button', { name: 'Sign out of Testshire account too' }).getAttribute('href');
  assert.ok(href?.startsWith(`${idp!.issuer}/`), `the button should lead to the provider, not ${href}`);
});
