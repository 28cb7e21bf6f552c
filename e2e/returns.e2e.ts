// The measures list and the 903 return in the browser: the analyst searches the measures, uploads a return through the form, watches its progress page move on by itself and reads the findings; every page passes axe.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { generate903 } from '../src/ssda903/generate/generate.ts';
import { clickAndWait, errorSummaryLinks, heading, signIn, visit } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('returns');

// One year of a small return, as files on disk the form's file chooser picks.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-e2e-903-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const files = generate903({ children: 120, years: 1, seed: 'e2e-returns', endYear: 2026 }).files.map((f) => {
  const file = path.join(dir, path.basename(f.path));
  fs.writeFileSync(file, f.text);
  return file;
});

test('search the measures as the board member shows the matching rows and passes axe', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.viewer);
  assert.equal(await visit(page, '/measures'), 200);
  await suite.checker.check(suite.browser, 'measures');
  const all = await page.locator('#measures tbody tr').count();
  assert.ok(all > 20, `the demonstration has its measures (${all})`);
  await page.getByLabel('Search the measures').fill('stability');
  await clickAndWait(page, page.getByRole('button', { name: 'Search' }));
  const found = await page.locator('#measures tbody th a').allInnerTexts();
  assert.ok(found.length > 0 && found.length < all, `search narrows the list: ${found.join('; ')}`);
  await suite.checker.check(suite.browser, 'measures searched');
  assert.equal(await page.locator('a[href="/returns"]').count(), 0, 'only analysts are offered the 903 pages');
});

test('send the upload form with no file as the analyst shows the error summary and passes axe', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.analyst);
  await visit(page, '/measures');
  await clickAndWait(page, page.getByRole('link', { name: /903 return: uploads/ }));
  assert.equal(await heading(page), '903 return: uploads');
  await suite.checker.check(suite.browser, 'uploads');
  await clickAndWait(page, page.getByRole('button', { name: 'Upload 903 files' }));
  await suite.checker.check(suite.browser, 'upload form');
  await clickAndWait(page, page.getByRole('button', { name: 'Check and store the files' }));
  assert.deepEqual(await errorSummaryLinks(page), [{ text: 'Choose the 903 files to upload', href: '#files' }]);
  await suite.checker.check(suite.browser, 'upload form with errors');
});

test('upload a 903 return as the analyst shows its progress, then the stored upload and its findings, passing axe', async () => {
  const { page } = suite.browser;
  await visit(page, '/returns/new');
  await page.getByLabel('903 files').setInputFiles(files);
  await page.getByLabel('Collection year (optional)').fill('2026');
  await page.getByLabel('Store them despite warnings').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Check and store the files' }));
  assert.match(new URL(page.url()).pathname, /^\/returns\/imports\/\d+$/);
  // Either still storing (refreshing itself every 2 seconds) or already finished.
  await suite.checker.check(suite.browser, 'import progress');
  await page.locator('.govuk-panel__title').waitFor({ timeout: 120_000 });
  assert.equal((await page.locator('.govuk-panel__title').innerText()).trim(), '903 return stored');
  await suite.checker.check(suite.browser, 'import finished');
  await clickAndWait(page, page.getByRole('link', { name: 'See the upload and its data-quality findings' }));
  await suite.checker.check(suite.browser, 'upload findings');
  await visit(page, '/returns');
  const current = await page.locator('#uploads tbody tr').first().locator('td').allInnerTexts();
  assert.equal(current[2], '2025/26');
  assert.equal(current[7]?.trim(), 'Current');
  assert.equal(await page.locator('#uploads tbody tr').count(), 2, 'the demonstration’s upload, now replaced, and this one');
});
