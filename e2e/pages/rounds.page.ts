// The form that opens a reporting round, as a manager fills it in: by its labels and button.
import type { Page } from 'playwright-core';
import { clickAndWait } from './site.page.ts';

/** Sends the open-a-round form shown now for a period and the demonstration's Children and Young People's Plan. */
export async function openRoundFor(page: Page, period: string): Promise<void> {
  await page.getByLabel('Reporting period').fill(period);
  await page.getByLabel('Children and Young People’s Plan', { exact: false }).first().check();
  await clickAndWait(page, page.getByRole('button', { name: 'Open the round and ask the owners' }));
}
