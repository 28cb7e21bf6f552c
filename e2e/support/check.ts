// The check every visited page gets: a Parentis page title, no console errors or refused scripts, no
// axe violations (WCAG 2.2 AA), and a screenshot in tmp/e2e-shots for people to look at. In CI, where no one
// looks at the pictures of pages that passed, only a page that fails its check is pictured
// (E2E_SCREENSHOTS=all or failures chooses): a full-page picture costs half a second, some 15% of the suite.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type Violation } from './axe.ts';
import { openBrowser, type Browser } from './browser.ts';

export const SHOTS_DIR = path.resolve(import.meta.dirname, '../../tmp/e2e-shots');

/** Every checked page pictured, or only those that fail their check. */
const SCREENSHOTS: 'all' | 'failures' = (process.env.E2E_SCREENSHOTS ?? (process.env.CI ? 'failures' : 'all')) === 'failures' ? 'failures' : 'all';

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export class PageChecker {
  private shot = 0;
  private replayer: Browser | undefined;
  private readonly report: string;

  /** `spec` names the screenshots; `baseUrl` serves the stylesheets when a page is replayed. */
  constructor(
    private readonly spec: string,
    private readonly baseUrl: string,
  ) {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    // This spec's pictures and report from an earlier run would mislead whoever looks at them.
    for (const f of fs.readdirSync(SHOTS_DIR)) if (f.startsWith(`${spec}-`)) fs.rmSync(path.join(SHOTS_DIR, f));
    this.report = path.join(SHOTS_DIR, `${spec}-axe.txt`);
  }


  /** Checks the page the browser shows now; throws listing everything wrong with it. */
  async check(browser: Browser, label: string): Promise<void> {
    const page = browser.page;
    const where = `${label} (${new URL(page.url()).pathname}${browser.javaScript ? '' : ', JavaScript off'})`;
    const shot = path.join(SHOTS_DIR, `${this.spec}-${String(++this.shot).padStart(2, '0')}-${slug(label)}.png`);
    if (SCREENSHOTS === 'all') await page.screenshot({ path: shot, fullPage: true });
    try {
      const title = await page.title();
      assert.match(title, / – Parentis$/, `${where}: the page title "${title}" should end "– Parentis"`);
      const violations = browser.javaScript ? await axeViolations(page) : await this.replayWithoutScripts(page);
      this.record(where, violations);
      const problems = browser.takeProblems();
      assert.deepEqual(problems, [], `${where}: the browser reported errors`);
      if (violations.length > 0) assert.fail(describeViolations(where, violations));
    } catch (err) {
      if (SCREENSHOTS === 'failures') await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      throw err;
    }
  }

  /**
   * axe needs JavaScript, so a page seen with JavaScript off is shown again, exactly as served, in a
   * second browser whose content security policy refuses every page script.
   */
  private async replayWithoutScripts(page: Page): Promise<Violation[]> {
    const url = page.url();
    const html = await page.content();
    this.replayer ??= await openBrowser({ baseUrl: this.baseUrl });
    const replay = this.replayer.page;
    const matches = (u: URL): boolean => u.href === url;
    await replay.route(matches, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html }),
    );
    try {
      await replay.goto(url);
      return await axeViolations(replay);
    } finally {
      await replay.unroute(matches);
      this.replayer.takeProblems();
    }
  }

  private record(where: string, violations: Violation[]): void {
    const line = violations.length === 0 ? `${where}: no violations` : describeViolations(where, violations);
    fs.appendFileSync(this.report, `${line}\n`);
  }

  async close(): Promise<void> {
    await this.replayer?.close();
  }
}
