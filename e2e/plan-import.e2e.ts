// The tracker import wizard in the browser: a partnership manager brings in a seed-001-shaped Word document and a
// seed-000-shaped workbook as new plans, with a bad file refused on the way, then (JavaScript off) next quarter's
// copy of the document into the plan it made. Every step is checked with axe and photographed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seed000Workbook, seed001Document, xlsxFile } from '../test/helpers/trackers.ts';
import { PlanImportWizard } from './pages/plan-import.page.ts';
import { clickAndWait, errorSummaryLinks, heading, signIn } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('plan-import');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('import seed 001 document as a new plan after a refused PDF, saving the mapping', async () => {
  const { page } = suite.browser;
  await signIn(page, suite.server.users.manager);
  const wizard = new PlanImportWizard(page);
  await wizard.openFromPlans();
  await suite.checker.check(suite.browser, 'upload');
  assert.equal(await heading(page), 'Bring in a plan from Word or Excel');

  await wizard.upload('minutes.pdf', Buffer.from('%PDF-1.7\n'), 'application/pdf');
  await suite.checker.check(suite.browser, 'upload refused');
  assert.deepEqual(await errorSummaryLinks(page), [{ text: 'minutes.pdf: is a PDF: save the plan from Word or Excel as .docx or .xlsx and upload that', href: '#file' }]);

  await wizard.upload('Health task group.docx', await seed001Document(), DOCX);
  await suite.checker.check(suite.browser, 'tables');
  assert.deepEqual(await wizard.tickedTables(), ['1', '2']);
  await wizard.continue();

  await suite.checker.check(suite.browser, 'columns');
  assert.equal(await wizard.columnFor('Action'), 'Action Health and Wellbeing -');
  assert.equal(await wizard.columnFor('Owner(s) (optional)'), 'Action Owner');
  const preview = await wizard.previewRows();
  assert.deepEqual(preview.map((r) => r[0]), ['1.2', '1.5', '1.6']);
  assert.match(preview[1]![3]!, /1 February 2018 revised to 1 June 2018/);
  await wizard.saveMappingAs('Health task group tracker');
  await wizard.continue();

  await suite.checker.check(suite.browser, 'check');
  assert.equal(await heading(page), 'Check the tracker');
  await wizard.importAsNew({ title: 'Health and wellbeing task group', slug: 'health-task-group-2017', kind: "Task group's work plan" });
  await suite.checker.check(suite.browser, 'done');
  assert.equal(await wizard.panel(), 'Plan imported');
  await clickAndWait(page, page.getByRole('link', { name: 'Open Health and wellbeing task group' }));
  await suite.checker.check(suite.browser, 'imported plan');
  assert.equal(await heading(page), 'Health and wellbeing task group');
});

test('check a workbook with a bad date and no owner lists each problem by sheet, row and column', async () => {
  const { page } = suite.browser;
  const wizard = new PlanImportWizard(page);
  await wizard.openFromPlans();
  const bad = await xlsxFile([
    {
      name: 'Plan',
      rows: [
        ['No', 'Action', 'Owner', 'Timescales', 'RAG'],
        [1, 'Recruit more foster carers', 'Head of Fostering', 'Sprung 2018', 'G'],
        [2, 'Review the allowances', '', 'March 2018', 'A'],
      ],
    },
  ]);
  await wizard.upload('bad-dates.xlsx', bad, XLSX);
  await wizard.continue();
  await wizard.continue();
  await suite.checker.check(suite.browser, 'check with problems');
  assert.match(await page.title(), /^Error: Check the tracker/);
  assert.deepEqual(await errorSummaryLinks(page), [
    { text: "sheet Plan, row 2, Timescales: 'Sprung 2018' is not a date", href: '#problem-1' },
    { text: 'sheet Plan, row 3, Owner: no owner: every action needs one (or give a default owner)', href: '#problem-2' },
  ]);
  assert.equal(await page.getByRole('button', { name: 'Import as a new plan' }).count(), 0);
});

test('import seed 000 workbook as a new plan shows the guesses and the preview', async () => {
  const { page } = suite.browser;
  const wizard = new PlanImportWizard(page);
  await wizard.openFromPlans();
  await suite.checker.check(suite.browser, 'upload with a saved mapping');
  await wizard.upload('Sufficiency action plan.xlsx', await seed000Workbook(), XLSX);
  assert.deepEqual(await wizard.tickedTables(), ['1']);
  await wizard.continue();
  await suite.checker.check(suite.browser, 'workbook columns');
  assert.equal(await wizard.columnFor('BRAG status (optional)'), 'BRAG Status (July 2017)');
  const preview = await wizard.previewRows();
  assert.equal(preview.length, 3);
  assert.match(preview[0]![4]!, /Green as at 31 July 2017/);
  await wizard.continue();
  await suite.checker.check(suite.browser, 'workbook check');
  await wizard.importAsNew({ title: 'Sufficiency action plan 2016-19 (tracker)', slug: 'sufficiency-tracker-2017', kind: 'Sufficiency action plan' });
  await suite.checker.check(suite.browser, 'workbook done');
  assert.equal(await wizard.panel(), 'Plan imported');
});

test('bring next quarter’s document into the plan with JavaScript off', async () => {
  const browser = await suite.openBrowser({ javaScript: false });
  const { page } = browser;
  await signIn(page, suite.server.users.manager);
  const wizard = new PlanImportWizard(page);
  await wizard.openFromPlans();
  await suite.checker.check(browser, 'upload, JavaScript off');
  await wizard.upload('Health task group Q2.docx', await seed001Document(true), DOCX);
  await suite.checker.check(browser, 'tables, JavaScript off');
  await wizard.continue();
  await suite.checker.check(browser, 'columns, JavaScript off');
  await clickAndWait(page, page.getByRole('button', { name: 'Update the preview' }));
  await suite.checker.check(browser, 'columns after preview, JavaScript off');
  await wizard.continue();
  await suite.checker.check(browser, 'check, JavaScript off');
  await wizard.showDifferencesFor('Health and wellbeing task group');
  await suite.checker.check(browser, 'differences, JavaScript off');
  const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /^1\.5 .*Red to Amber as at 20 April 2018/);
  await wizard.apply();
  await suite.checker.check(browser, 'updated, JavaScript off');
  assert.equal(await wizard.panel(), 'Plan updated');

  // And a new plan from the workbook, without JavaScript, to the plan's page.
  await wizard.openFromPlans();
  await wizard.upload('Sufficiency action plan.xlsx', await seed000Workbook(), XLSX);
  await wizard.continue();
  await wizard.continue();
  await wizard.importAsNew({ title: 'Sufficiency tracker without scripts', slug: 'sufficiency-no-js', kind: 'Sufficiency action plan' });
  await suite.checker.check(browser, 'workbook done, JavaScript off');
  await clickAndWait(page, page.getByRole('link', { name: 'Open Sufficiency tracker without scripts' }));
  await suite.checker.check(browser, 'workbook plan, JavaScript off');
  assert.equal(await heading(page), 'Sufficiency tracker without scripts');
});
