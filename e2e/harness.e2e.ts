// The page check itself: it must fail, naming the rule and the element, when a page breaks WCAG,
// with JavaScript on and when a page seen with JavaScript off is replayed for axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './support/browser.ts';
import { PageChecker } from './support/check.ts';

const ORIGIN = 'http://parentis.test';
const BROKEN = `<!doctype html><html lang="en-GB"><head><title>Broken – Testshire – Parentis</title></head>
<body><main><h1>Broken page</h1><form><input type="text" id="nameless"></form></main></body></html>`;

const browsers: Browser[] = [];
let checker: PageChecker;

before(() => {
  checker = new PageChecker('harness', ORIGIN);
});
after(async () => {
  for (const b of browsers) await b.close();
  await checker.close();
});

/** Serves the broken page at a made-up address, without a server. */
async function showBroken(page: Page): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BROKEN }));
  await page.goto(`${ORIGIN}/broken`);
}

test('check page with an unlabelled field fails naming the rule and the element', async () => {
  const browser = await openBrowser({ baseUrl: ORIGIN });
  browsers.push(browser);
  await showBroken(browser.page);
  await assert.rejects(checker.check(browser, 'broken'), (err: Error) => {
    assert.match(err.message, /- label \[critical\]/);
    assert.match(err.message, /#nameless/);
    return true;
  });
});

test('check page with JavaScript off and an unlabelled field fails naming the rule', async () => {
  const browser = await openBrowser({ baseUrl: ORIGIN, javaScript: false });
  browsers.push(browser);
  await showBroken(browser.page);
  await assert.rejects(checker.check(browser, 'broken without javascript'), /JavaScript off\): 1 accessibility violation[\s\S]*- label \[critical\]/);
});
