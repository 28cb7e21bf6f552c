// The tracker import wizard's steps as a manager uses them: upload, tables, columns, check, import.
import type { Page } from 'playwright-core';
import { clickAndWait, visit } from './site.page.ts';

export class PlanImportWizard {
  constructor(private readonly page: Page) {}

  async openFromPlans(): Promise<void> {
    await visit(this.page, '/plans');
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Bring in a plan from Word or Excel' }));
  }

  async upload(name: string, buffer: Buffer, mimeType: string): Promise<void> {
    await this.page.getByLabel('Upload a tracker').setInputFiles({ name, mimeType, buffer });
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Upload and continue' }));
  }

  /** The tables ticked on step 2. */
  async tickedTables(): Promise<string[]> {
    const boxes = this.page.locator('input[name="tables"]:checked');
    return Promise.all((await boxes.all()).map(async (b) => (await b.getAttribute('value')) ?? ''));
  }

  async continue(): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Continue', exact: true }));
  }

  /** The column chosen for a Parentis field on step 3, by its label. */
  async columnFor(label: string): Promise<string> {
    return this.page.getByLabel(label, { exact: true }).inputValue();
  }

  /** The preview's rows on step 3, each row's cells as text. */
  async previewRows(): Promise<string[][]> {
    return this.page.locator('table.parentis-preview tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
  }

  async saveMappingAs(name: string): Promise<void> {
    await this.page.getByLabel('Save this mapping as (optional)').fill(name);
  }

  async importAsNew(details: { title: string; slug: string; kind: string }): Promise<void> {
    await this.page.getByLabel('Title of the plan').fill(details.title);
    await this.page.getByLabel('Short name for its address').fill(details.slug);
    await this.page.getByLabel('Kind of plan').selectOption({ label: details.kind });
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Import as a new plan' }));
  }

  async showDifferencesFor(planTitle: string): Promise<void> {
    await this.page.getByLabel('Plan', { exact: true }).selectOption({ label: planTitle });
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Show what it would add' }));
  }

  async apply(): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Add these to the plan' }));
  }

  async panel(): Promise<string> {
    return (await this.page.locator('.govuk-panel__title').innerText()).trim();
  }
}
