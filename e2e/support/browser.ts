// Debian's Chromium driven by playwright-core: a fresh profile per browser, with JavaScript on or
// off, and a record of console errors and failed scripts for the page checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  javaScript: boolean;
  /** Console errors and uncaught exceptions since the last call, e.g. a script the CSP refused. */
  takeProblems(): string[];
  close(): Promise<void>;
}

export async function openBrowser(options: { baseUrl: string; javaScript?: boolean }): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium".`);
  const javaScript = options.javaScript ?? true;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL: options.baseUrl,
    javaScriptEnabled: javaScript,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  let problems: string[] = [];
  // A failed load is reported with its address by the response handler; the console repeats it without.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed ${r.resourceType()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return {
    context,
    page,
    javaScript,
    takeProblems: () => {
      const out = problems;
      problems = [];
      return out;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
