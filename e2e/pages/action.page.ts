// The action page and its forms (progress update with a proposed status, decision, deadline), as a
// person uses them: by their labels and buttons.
import type { Page } from 'playwright-core';
import { clickAndWait, visit } from './site.page.ts';

export interface StatusHistoryRow {
  asAt: string;
  status: string;
  proposedBy: string;
  decision: string;
  reason: string;
}

export const actionPath = (plan: string, number: string): string => `/plans/${plan}/actions/${encodeURIComponent(number)}`;

export class ActionPage {
  constructor(private readonly page: Page) {}

  open(plan: string, number: string): Promise<number> {
    return visit(this.page, actionPath(plan, number));
  }

  /** The current BRAG status as the details list words it, e.g. "Green as at 30 June 2018". */
  async status(): Promise<string> {
    const row = this.page.locator('.govuk-summary-list__row', { has: this.page.locator('dt', { hasText: 'BRAG status' }) });
    return (await row.locator('dd').first().innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The success banner after a change, or '' when there is none. */
  async banner(): Promise<string> {
    const banner = this.page.locator('.govuk-notification-banner--success');
    return (await banner.count()) > 0 ? (await banner.innerText()).replace(/\s+/g, ' ').trim() : '';
  }

  async statusHistory(): Promise<StatusHistoryRow[]> {
    const rows = this.page.locator('#status-history + [role=region] table tbody tr');
    const out: StatusHistoryRow[] = [];
    for (const row of await rows.all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      out.push({ asAt: cells[0] ?? '', status: cells[1] ?? '', proposedBy: cells[2] ?? '', decision: cells[3] ?? '', reason: cells[4] ?? '' });
    }
    return out;
  }

  async deadlineHistory(): Promise<string[][]> {
    const rows = this.page.locator('#deadline-history + [role=region] table tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
    return out;
  }

  async updateTexts(): Promise<string[]> {
    return (await this.page.locator('.parentis-update').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async follow(name: string | RegExp): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('link', { name }).or(this.page.getByRole('button', { name })).first());
  }

  async hasButton(name: string | RegExp): Promise<boolean> {
    return (await this.page.getByRole('button', { name }).or(this.page.getByRole('link', { name })).count()) > 0;
  }
}

/** Fills a GOV.UK date input (Day, Month, Year) inside the fieldset with this legend. */
export async function fillDate(page: Page, legend: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year ?? '');
}

export class UpdateForm {
  constructor(private readonly page: Page) {}

  async fill(input: { date?: string; body: string; status?: string; reason?: string }): Promise<void> {
    if (input.date !== undefined) await fillDate(this.page, 'Date of the update', input.date);
    await this.page.getByLabel('Progress update', { exact: true }).fill(input.body);
    if (input.status !== undefined) await this.page.getByRole('radio', { name: input.status, exact: true }).check();
    if (input.reason !== undefined) await this.page.getByLabel('Reason for the status').fill(input.reason);
  }

  save(): Promise<unknown> {
    return clickAndWait(this.page, this.page.getByRole('button', { name: 'Save the update' }));
  }
}

export class DecisionForm {
  constructor(private readonly page: Page) {}

  async decide(decision: 'approve' | 'reject', reason = ''): Promise<void> {
    await this.page.getByRole('radio', { name: decision === 'approve' ? /^Approve/ : /^Reject/ }).check();
    if (reason !== '') await this.page.getByLabel('Reason', { exact: true }).fill(reason);
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Save the decision' }));
  }
}

export class DeadlineForm {
  constructor(private readonly page: Page) {}

  async fill(input: { date?: string; reason?: string }): Promise<void> {
    if (input.date !== undefined) await fillDate(this.page, 'New deadline', input.date);
    if (input.reason !== undefined) await this.page.getByLabel('Reason for the change').fill(input.reason);
  }

  save(): Promise<unknown> {
    return clickAndWait(this.page, this.page.getByRole('button', { name: /Save the new deadline|Send the request/ }));
  }
}
