// The audit log as an administrator reads it: filtered to one action or one person, each event's who and what.
import type { Page } from 'playwright-core';
import { clickAndWait, visit } from './site.page.ts';

export interface AuditRow {
  who: string;
  what: string;
  changes: string;
}

export class AuditPage {
  constructor(private readonly page: Page) {}

  /** Opens the log and filters it to one action (plan-slug:number) with the form. */
  async forEntity(key: string): Promise<void> {
    await visit(this.page, '/audit');
    await this.page.getByLabel('Action, risk or plan').fill(key);
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Apply filters' }));
  }

  /** Opens the log and filters it to one person's changes with the form. */
  async byActor(name: string): Promise<void> {
    await visit(this.page, '/audit');
    await this.page.getByLabel('Changed by').fill(name);
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Apply filters' }));
  }

  async rows(): Promise<AuditRow[]> {
    const out: AuditRow[] = [];
    for (const row of await this.page.locator('table.parentis-audit tbody tr').all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      out.push({ who: cells[1] ?? '', what: cells[2] ?? '', changes: cells[3] ?? '' });
    }
    return out;
  }
}
