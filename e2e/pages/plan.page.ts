// A plan's page and the forms that build it (a new plan, its parts, its actions), as a manager uses
// them: by their labels, buttons and the links each page offers to the next step.
import type { Page } from 'playwright-core';
import { clickAndWait } from './site.page.ts';

export class PlanPage {
  constructor(private readonly page: Page) {}

  /** From the list of plans, the "Create a plan" form filled and sent. */
  async create(details: { title: string; slug: string }): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Create a plan' }).or(this.page.getByRole('link', { name: 'Create a plan' })).first());
    await this.page.getByLabel('Title', { exact: true }).fill(details.title);
    await this.page.getByLabel('Short name for addresses (optional)').fill(details.slug);
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Create the plan' }));
  }

  /** From the plan's page, a part at the top of the plan. */
  async openNewPart(): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Add a part of the plan' }).or(this.page.getByRole('link', { name: 'Add a part of the plan' })).first());
  }

  async fillPart(part: { kind: string; number: string; title: string }): Promise<void> {
    await this.page.getByLabel('Kind', { exact: true }).selectOption({ label: part.kind });
    await this.page.getByLabel('Number (optional)').fill(part.number);
    await this.page.getByLabel('Title', { exact: true }).fill(part.title);
  }

  save(): Promise<unknown> {
    return clickAndWait(this.page, this.page.getByRole('button', { name: 'Save', exact: true }));
  }

  /** From the plan's page, the "Add an action here" link of one part (named for people using a screen reader by a hidden ": title"). */
  async openNewActionIn(partTitle: string): Promise<void> {
    await clickAndWait(this.page, this.page.getByRole('link', { name: new RegExp(`^Add an action here ?: ${partTitle}$`) }));
  }

  async fillAction(action: { number: string; title: string; owner: string }): Promise<void> {
    await this.page.getByLabel('Number', { exact: true }).fill(action.number);
    await this.page.getByLabel('Title', { exact: true }).fill(action.title);
    await this.page.getByLabel('Owner 1 name').fill(action.owner);
  }

  addAction(): Promise<unknown> {
    return clickAndWait(this.page, this.page.getByRole('button', { name: 'Add the action' }));
  }

  /** The success banner after a change, or '' when there is none. */
  async banner(): Promise<string> {
    const banner = this.page.locator('.govuk-notification-banner--success');
    return (await banner.count()) > 0 ? (await banner.innerText()).replace(/\s+/g, ' ').trim() : '';
  }

  /** Follows a link on the page to an action, by its title. */
  async openAction(title: string): Promise<void> {
    await clickAndWait(this.page, this.page.locator('main').getByRole('link', { name: title, exact: true }));
  }
}
