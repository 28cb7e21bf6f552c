// What every Parentis page shares: following a link or sending a form and waiting for the next page,
// the header's sign-out button, and the error summary.
import type { Locator, Page, Response } from 'playwright-core';
import type { DemoUser } from '../support/server.ts';

/** Clicks something that loads a new page (a link, a form's button) and waits for that page. */
export async function clickAndWait(page: Page, target: Locator): Promise<Response | null> {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await target.click();
  return navigation;
}

export async function visit(page: Page, path: string): Promise<number> {
  const response = await page.goto(path, { waitUntil: 'load' });
  return response?.status() ?? 0;
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

/** Signs in afresh: whoever was signed in before in this browser is forgotten first. */
export async function signIn(page: Page, user: DemoUser, next?: string): Promise<void> {
  await page.context().clearCookies();
  await visit(page, next === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
}

export async function signOut(page: Page): Promise<void> {
  await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
}

/** The error summary's links: their text and the fragment each points at. */
export async function errorSummaryLinks(page: Page): Promise<{ text: string; href: string }[]> {
  const links = page.locator('.govuk-error-summary a');
  const out: { text: string; href: string }[] = [];
  for (const link of await links.all()) out.push({ text: (await link.innerText()).trim(), href: (await link.getAttribute('href')) ?? '' });
  return out;
}

/** The id of the element that has the keyboard focus (JavaScript on only). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** What the first press of Tab lands on: its text and where it goes. */
export async function firstTabStop(page: Page): Promise<{ text: string; href: string }> {
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    return { text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? '' };
  });
}

/** Fills a GOV.UK date input, found by its legend. */
export async function fillDateParts(page: Page, legend: RegExp, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}
