// Runs axe-core (WCAG 2.2 AA rules) in a page and describes each violation: rule, impact, help and
// the elements at fault.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

interface AxeWindow {
  axe?: { run(context: Document, options: object): Promise<{ violations: unknown }> };
}

/**
 * Violations in the page as it stands. axe is evaluated through the DevTools protocol, which the
 * application's strict content security policy does not restrict; the page needs JavaScript on.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe === 'object'))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as AxeWindow).axe!.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }[];
  }, WCAG_TAGS);
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary ?? '' })),
  }));
}

export function describeViolations(where: string, violations: Violation[]): string {
  const lines = [`${where}: ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'} (WCAG 2.2 AA)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) lines.push(`    at ${n.target.join(' ')}: ${n.html.slice(0, 200)}`);
  }
  return lines.join('\n');
}
