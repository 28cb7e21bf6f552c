// The dashboard and a measure page in Chromium: axe finds nothing (with JavaScript on and off), every
// chart has an accessible name and a description and sits beside its table, and the pages print.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { signIn, visit } from './pages/site.page.ts';
import { SHOTS_DIR } from './support/check.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('dashboard');

/** Each chart's accessible name and description, as a screen reader gets them. */
async function charts(): Promise<{ name: string; description: string }[]> {
  return suite.browser.page.locator('svg[role="img"]').evaluateAll((svgs) =>
    svgs.map((s) => ({ name: s.getAttribute('aria-label') ?? '', description: s.querySelector('desc')?.textContent ?? '' })),
  );
}

test('visit dashboard as the analyst passes axe and every sparkline has a name and description', async () => {
  await signIn(suite.browser.page, suite.server.users.analyst);
  assert.equal(await visit(suite.browser.page, '/dashboard'), 200);
  await suite.checker.check(suite.browser, 'dashboard');
  const found = await charts();
  assert.ok(found.length >= 20, `only ${found.length} sparklines`);
  for (const c of found) {
    assert.match(c.name, /: the last \d+ periods$/);
    assert.match(c.description, /the measure's page has the table of every figure/);
  }
  const red = suite.browser.page.locator('li.parentis-tile--red').first();
  assert.match((await red.innerText()).replace(/\s+/g, ' '), /Red .*(below|above) the/);
  await suite.browser.page.pdf({ path: path.join(SHOTS_DIR, 'dashboard-print.pdf'), format: 'A4', printBackground: true });
});

test('follow a red tile to its measure page shows the chart with its name, its table and passes axe', async () => {
  const page = suite.browser.page;
  await visit(page, '/dashboard');
  const link = page.locator('li.parentis-tile--red a', { hasText: 'Why it is red' }).first();
  await Promise.all([page.waitForLoadState('load'), link.click()]);
  assert.match(new URL(page.url()).pathname, /^\/measures\//);
  await suite.checker.check(suite.browser, 'measure page');
  const [chart] = await charts();
  assert.ok(chart, 'the measure page has no chart');
  assert.match(chart.name, /: trend/);
  assert.ok((await page.locator('table.parentis-figures-table tbody tr').count()) >= 2);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-measure-390.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.pdf({ path: path.join(SHOTS_DIR, 'measure-print.pdf'), format: 'A4', printBackground: true });
});

test('visit dashboard and a measure page with JavaScript off passes axe', async () => {
  const off = await suite.openBrowser({ javaScript: false });
  await signIn(off.page, suite.server.users.viewer);
  assert.equal(await visit(off.page, '/dashboard'), 200);
  await suite.checker.check(off, 'dashboard without JavaScript');
  assert.equal(await visit(off.page, '/measures/placements-3plus'), 200);
  await suite.checker.check(off, 'measure page without JavaScript');
});
