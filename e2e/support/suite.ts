// One running Parentis, a browser and the page checker for a spec file, started before its tests
// and stopped after them.
import { after, before } from 'node:test';
import { openBrowser, type Browser } from './browser.ts';
import { PageChecker } from './check.ts';
import { startParentis, type RunningParentis } from './server.ts';

export interface Suite {
  server: RunningParentis;
  browser: Browser;
  checker: PageChecker;
  /** Another browser with its own cookies, e.g. a second person or JavaScript off. */
  openBrowser(options?: { javaScript?: boolean }): Promise<Browser>;
}

export interface SuiteOptions {
  javaScript?: boolean;
  /** Runs first, and gives environment for Parentis (e.g. starts an identity provider and returns OIDC_*). */
  prepare?: () => Promise<Record<string, string>>;
  /** Start on an empty data directory (Parentis loads the demonstration itself) instead of a copy of one loaded already. */
  empty?: boolean;
}

export function useParentis(spec: string, options: SuiteOptions = {}): Suite {
  const state = {} as Suite;
  const extra: Browser[] = [];
  before(async () => {
    state.server = await startParentis({ env: options.prepare ? await options.prepare() : {}, empty: options.empty });
    state.checker = new PageChecker(spec, state.server.baseUrl);
    state.openBrowser = async (o = {}) => {
      const b = await openBrowser({ baseUrl: state.server.baseUrl, ...o });
      extra.push(b);
      return b;
    };
    state.browser = await openBrowser({ baseUrl: state.server.baseUrl, javaScript: options.javaScript });
  }, { timeout: 240_000 });
  after(async () => {
    for (const b of extra) await b.close();
    await state.browser?.close();
    await state.checker?.close();
    await state.server?.stop();
  }, { timeout: 60_000 });
  return state;
}
