// Every page reflows on a 320-pixel-wide screen (WCAG 1.4.10): signed in as each demonstration role, the
// pages of the navigation and a plan, an action, a measure, the dashboard, rounds, risks, the young
// people's priorities, the glossary and the audit log never scroll sideways; a wide table may scroll
// only inside its own region, which is named and reachable by keyboard. Each page also passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '../src/domain/roles.ts';
import { actionPath } from './pages/action.page.ts';
import { signIn, visit } from './pages/site.page.ts';
import { demoSlug } from './support/demo-plan.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('reflow');
const WIDTH = 320;
const PLAN = demoSlug('cypp-2016-19');

interface Overflow {
  /** The document's width, which must not pass the screen's. */
  width: number;
  /** What reaches past the right edge outside a scrolling region. */
  wide: string[];
  /** Elements that scroll sideways without being a named region the keyboard can reach. */
  unlabelledScrollers: string[];
}

/**
 * Measures the page as drawn: the document's width and every element responsible for more. Sent as
 * text: the TypeScript loader would wrap named functions in a helper the page does not have.
 */
const MEASURE = `(width) => {
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"';
  const scrollsSideways = (el) => {
    const style = getComputedStyle(el);
    return (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth;
  };
  const wide = [];
  const unlabelledScrollers = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (scrollsSideways(el)) {
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      if (el.getAttribute('role') !== 'region' || !named || el.getAttribute('tabindex') !== '0') unlabelledScrollers.push(describe(el));
    }
    // Inside a scrolling region an element may be as wide as it likes; only the outermost offender is named.
    let inScroller = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrollsSideways(p)) inScroller = true;
    if (inScroller) continue;
    const parent = el.parentElement;
    const parentWide = parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1;
    if (el.getBoundingClientRect().right > width + 1 && !parentWide) wide.push(describe(el));
  }
  return { width: document.documentElement.scrollWidth, wide: wide.slice(0, 5), unlabelledScrollers };
}`;

const overflowOf = (page: Page): Promise<Overflow> => page.evaluate(`(${MEASURE})(${WIDTH})`);

async function checkReflow(path: string, label: string): Promise<void> {
  const page = suite.browser.page;
  const status = await visit(page, path);
  assert.equal(status, 200, `${path} answered ${status}`);
  const o = await overflowOf(page);
  assert.ok(o.width <= WIDTH, `${label} (${path}) is ${o.width} pixels wide at ${WIDTH}: ${o.wide.join('; ')}`);
  assert.deepEqual(o.unlabelledScrollers, [], `${label} (${path}) scrolls sideways in places that are not named regions the keyboard can reach`);
  await suite.checker.check(suite.browser, label);
}

/** The addresses of the service navigation as this person sees it. */
async function navigation(page: Page): Promise<string[]> {
  return page.locator('.govuk-service-navigation__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Pages every role reads, beyond the navigation; and the ones only some may open. */
const COMMON = [`/plans/${PLAN}`, actionPath(PLAN, '6.7'), '/dashboard', '/risks', '/voice', '/glossary', '/refs', '/search?q=fostering'];
const MORE: Partial<Record<Role, string[]>> = {
  admin: ['/audit', '/users', '/api-tokens', '/rounds', '/outbox'],
  manager: ['/rounds', '/rounds/new', `${actionPath(PLAN, '6.7')}/update`, '/risks/new'],
  owner: ['/account/password'],
  analyst: ['/returns'],
};

let measure = '';

for (const role of ['viewer', 'owner', 'lead', 'manager', 'analyst', 'admin'] as const) {
  test(`sign in as ${role} and every page they reach reflows at ${WIDTH} pixels and passes axe`, async () => {
    const page = suite.browser.page;
    await page.setViewportSize({ width: WIDTH, height: 800 });
    await signIn(page, suite.server.users[role]);
    await checkReflow('/', `${role} home`);
    if (measure === '') {
      await visit(page, '/measures');
      measure = (await page.locator('main a[href^="/measures/"]').first().getAttribute('href')) ?? '';
      assert.notEqual(measure, '', 'the measures page should link to a measure');
    }
    const pages = [...new Set([...(await navigation(page)), ...COMMON, measure, ...(MORE[role] ?? [])])].filter((p) => p !== '/');
    for (const path of pages) await checkReflow(path, `${role} ${path}`);
  });
}
