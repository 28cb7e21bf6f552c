// A measure's target forms as a manager or analyst uses them, by their labels and buttons.
import type { Page } from 'playwright-core';
import { clickAndWait, fillDateParts } from './site.page.ts';

/** On the staged target form: two steps in the year given (from 1 April and 1 October) with their targets and a reason, then sent. */
export async function setStagedTarget(page: Page, year: string, steps: [string, string], reason: string): Promise<void> {
  await fillDateParts(page, /^Step 1/, '1', '4', year);
  await page.getByLabel('Target for step 1').fill(steps[0]);
  await fillDateParts(page, /^Step 2/, '1', '10', year);
  await page.getByLabel('Target for step 2').fill(steps[1]);
  await page.getByLabel('Reason').fill(reason);
  await clickAndWait(page, page.getByRole('button', { name: 'Set the staged target' }));
}
