// The home page: what the signed-in person has to do (their actions, proposals waiting for them).
import type { Page } from 'playwright-core';
import { actionPath } from './action.page.ts';
import { clickAndWait, visit } from './site.page.ts';

export class HomePage {
  constructor(private readonly page: Page) {}

  open(): Promise<number> {
    return visit(this.page, '/');
  }

  /** Follows the home page's own link to an action (in "my actions" or "waiting for your decision"). */
  async openAction(plan: string, number: string): Promise<void> {
    const link = this.page.locator(`main a[href="${actionPath(plan, number)}"]`).first();
    await clickAndWait(this.page, link);
  }
}
