// A board report's downloadable web page in Chromium: axe finds nothing, and printed, each marked
// section starts a page and a table's header row repeats.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reportHtmlDocument } from '../src/reports/render-html.ts';
import { reportFixture } from '../test/helpers/report-document.ts';
import { axeViolations, describeViolations } from './support/axe.ts';
import { openBrowser, type Browser } from './support/browser.ts';

let browser: Browser;
before(async () => {
  browser = await openBrowser({ baseUrl: 'http://127.0.0.1:9/' });
  await browser.page.setContent(await reportHtmlDocument(reportFixture()));
});
after(() => browser.close());

test('open report html document passes axe', async () => {
  await browser.page.emulateMedia({ media: 'screen' });
  const violations = await axeViolations(browser.page);
  assert.equal(violations.length, 0, describeViolations('report document', violations));
});

test('print report html document breaks pages before marked sections and repeats table headers', async () => {
  await browser.page.emulateMedia({ media: 'print' });
  const styles = await browser.page.evaluate(() => ({
    thead: getComputedStyle(document.querySelector('thead')!).display,
    breaks: [...document.querySelectorAll('section')].map((s) => `${s.querySelector('h2, h3')!.textContent}: ${getComputedStyle(s).breakBefore}`),
  }));
  assert.equal(styles.thead, 'table-header-group');
  assert.deepEqual(styles.breaks, ['Overall narrative: auto', 'Achievements: auto', 'Data dashboard: page', 'Appendix: education work plan: page']);
});
