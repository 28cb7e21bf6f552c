// The partnership manager runs a plan from a fresh start without the command line (Parentis started on an
// empty data directory, loading the demonstration itself as `npm start` does the first time): creates a plan
// with two themes and four actions, links an inspection recommendation, moves an action, adds and
// re-scores a risk, answers a young people's priority and sets a staged target, each page reached
// by the links of the one before and checked with axe; the administrator then reads every step in
// the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInLondon } from '../src/domain/dates.ts';
import { AuditPage } from './pages/audit.page.ts';
import { setStagedTarget } from './pages/measure.page.ts';
import { PlanPage } from './pages/plan.page.ts';
import { clickAndWait, fillDateParts, heading, signIn, signOut } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('manager-walk', { empty: true });

const PLAN = { title: 'Homes and health action plan', slug: 'homes-and-health' };
const THEMES = [
  { kind: 'Theme', number: '1', title: 'Homes close to home' },
  { kind: 'Theme', number: '2', title: 'Health and wellbeing' },
];
const ACTIONS = [
  { theme: 0, number: '1.1', title: 'Recruit twenty more local foster carers', owner: 'Dana Whitlock' },
  { theme: 0, number: '1.2', title: 'Review health assessments with the designated nurse', owner: 'Sam Okafor' },
  { theme: 1, number: '2.1', title: 'Offer every care leaver a health passport', owner: 'Sam Okafor' },
  { theme: 1, number: '2.2', title: 'Run a drop-in with the emotional wellbeing service', owner: 'Lena Marsh' },
];
const RISK = { reference: 'HH1', title: 'Not enough local foster carers come forward' };
const [year, month, day] = todayInLondon().split('-') as [string, string, string];
const nextYear = String(Number(year) + 1);

/** The young people's priority the manager marks answered (the first offered), for the audit log to name. */
let answeredPriority = '';

const nav = (name: string) => suite.browser.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name, exact: true });

test('create a plan with two themes and four actions as manager, reaching each form from the page before', async () => {
  const { page } = suite.browser;
  const plan = new PlanPage(page);
  await signIn(page, suite.server.users.manager);
  await suite.checker.check(suite.browser, 'manager home');
  await clickAndWait(page, nav('Plans'));
  await suite.checker.check(suite.browser, 'plans');
  await plan.create(PLAN);
  assert.equal(await heading(page), PLAN.title);
  assert.match(await plan.banner(), /plan has been created/i);
  await suite.checker.check(suite.browser, 'new plan');
  for (const theme of THEMES) {
    await plan.openNewPart();
    await suite.checker.check(suite.browser, `add ${theme.title}`);
    await plan.fillPart(theme);
    await plan.save();
    assert.match(await plan.banner(), /added/i);
  }
  await suite.checker.check(suite.browser, 'plan with two themes');
  for (const action of ACTIONS) {
    await plan.openNewActionIn(THEMES[action.theme]!.title);
    await suite.checker.check(suite.browser, `add action ${action.number}`);
    await plan.fillAction(action);
    await plan.addAction();
    assert.equal(await heading(page), `${action.number}. ${action.title}`);
    assert.match(await plan.banner(), /action has been added/i);
    await clickAndWait(page, page.getByRole('link', { name: PLAN.title, exact: true }).first());
  }
  await suite.checker.check(suite.browser, 'plan with four actions');
  for (const action of ACTIONS) assert.equal(await page.locator('main').getByRole('link', { name: action.title, exact: true }).count(), 1);
});

test('link inspection recommendation 11 to an action and move another action as manager', async () => {
  const { page } = suite.browser;
  const plan = new PlanPage(page);
  await plan.openAction(ACTIONS[0]!.title);
  await suite.checker.check(suite.browser, 'action 1.1');
  await clickAndWait(page, page.getByRole('link', { name: 'Edit this action' }));
  await suite.checker.check(suite.browser, 'edit action 1.1');
  await page.getByRole('group', { name: 'Inspection recommendations' }).getByLabel('Inspection recommendation 11', { exact: true }).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Save the action' }));
  assert.match(await plan.banner(), /The action has been saved/);
  assert.ok((await page.locator('main').getByRole('link', { name: /Inspection recommendation 11/ }).count()) >= 1);
  await suite.checker.check(suite.browser, 'action 1.1 linked to inspection recommendation 11');

  await clickAndWait(page, page.getByRole('link', { name: PLAN.title, exact: true }).first());
  await plan.openAction(ACTIONS[1]!.title);
  await clickAndWait(page, page.getByRole('link', { name: 'Move to another part of the plan' }));
  await suite.checker.check(suite.browser, 'move action 1.2');
  await page.getByLabel('Part of the plan to move it to').selectOption({ label: `${THEMES[1]!.number} ${THEMES[1]!.title}` });
  await page.getByLabel('New number (optional)').fill('2.3');
  await clickAndWait(page, page.getByRole('button', { name: 'Move the action' }));
  assert.match(await plan.banner(), /moved/i);
  await suite.checker.check(suite.browser, 'action moved to theme 2');
  assert.match(await page.locator('main').innerText(), /2\.3/);
});

test('add a risk from the plan and re-score it as manager', async () => {
  const { page } = suite.browser;
  await clickAndWait(page, page.getByRole('link', { name: PLAN.title, exact: true }).first());
  await clickAndWait(page, page.getByRole('link', { name: 'Add a risk to this plan' }));
  await suite.checker.check(suite.browser, 'add a risk');
  assert.equal(await page.getByLabel('Register').inputValue(), PLAN.slug);
  await page.getByLabel('Reference').fill(RISK.reference);
  await page.getByLabel('Risk', { exact: true }).fill(RISK.title);
  await page.getByLabel('Owner', { exact: true }).fill('Dana Whitlock, Head of Fostering');
  await page.getByRole('group', { name: 'Likelihood' }).getByLabel('4 – Likely').check();
  await page.getByRole('group', { name: 'Impact score' }).getByLabel('4 – Major').check();
  await fillDateParts(page, /^Date of the assessment/, day, month, year);
  await clickAndWait(page, page.getByRole('button', { name: 'Add the risk' }));
  assert.match(await new PlanPage(page).banner(), /risk has been added/i);
  await suite.checker.check(suite.browser, 'risk register with the new risk');
  await clickAndWait(page, page.getByRole('link', { name: `Re-score risk ${RISK.reference}`, exact: true }));
  await suite.checker.check(suite.browser, 're-score the risk');
  await page.getByRole('group', { name: 'Likelihood' }).getByLabel('2 – Unlikely').check();
  await fillDateParts(page, /^Date of the assessment/, day, month, year);
  await page.getByLabel('Reason for the new score').fill('Twelve enquiries from the spring campaign');
  await clickAndWait(page, page.getByRole('button', { name: 'Record the score' }));
  assert.match(await new PlanPage(page).banner(), /new score has been recorded/i);
  await suite.checker.check(suite.browser, 'risk register after re-scoring');
});

test("answer a young people's priority as manager from the menu", async () => {
  const { page } = suite.browser;
  await clickAndWait(page, nav('Voice of the child'));
  await suite.checker.check(suite.browser, 'you said, we did');
  const answer = page.getByRole('link', { name: /^Mark as answered/ }).first();
  const priority = ((await answer.innerText()).split(':')[1] ?? '').trim();
  answeredPriority = priority;
  await clickAndWait(page, answer);
  await suite.checker.check(suite.browser, 'mark a priority answered');
  await fillDateParts(page, /^Date they were told/, day, month, year);
  await clickAndWait(page, page.getByRole('button', { name: 'Mark as answered' }));
  assert.match(await new PlanPage(page).banner(), /marked as answered/i);
  await suite.checker.check(suite.browser, 'you said, we did after answering');
  assert.ok(priority !== '');
  const section = page.locator('section.parentis-voice-item', { has: page.getByRole('heading', { name: priority, exact: true }) });
  assert.equal(await section.getByRole('link', { name: /^Mark as answered/ }).count(), 0);
});

test('set a staged target on a measure as manager from the menu', async () => {
  const { page } = suite.browser;
  await clickAndWait(page, nav('Measures'));
  await suite.checker.check(suite.browser, 'measures');
  await clickAndWait(page, page.getByRole('link', { name: 'Children looked after with an up-to-date personal education plan' }));
  await suite.checker.check(suite.browser, 'measure page as manager');
  await clickAndWait(page, page.getByRole('link', { name: 'Targets', exact: true }));
  await clickAndWait(page, page.getByRole('link', { name: 'Add a staged target' }));
  await suite.checker.check(suite.browser, 'staged target form as manager');
  await setStagedTarget(page, nextYear, ['93', '95'], 'Agreed with the Virtual School head');
  assert.match(await new PlanPage(page).banner(), /The target has been set/);
  await suite.checker.check(suite.browser, 'targets after the staged target');
  await signOut(page);
});

test('read the audit log as administrator shows each step the manager took', async () => {
  const { page } = suite.browser;
  const manager = suite.server.users.manager;
  await signIn(page, suite.server.users.admin);
  const audit = new AuditPage(page);
  await audit.byActor(manager.name);
  await suite.checker.check(suite.browser, 'audit log of the manager');
  const rows = await audit.rows();
  const what = rows.map((r) => r.what);
  const count = (label: RegExp): number => what.filter((w) => label.test(w)).length;
  assert.ok(rows.every((r) => r.who.includes(manager.name)), `every row is the manager's: ${rows.map((r) => r.who).join(', ')}`);
  assert.equal(count(/^Plan created/), 1, what.join('\n'));
  assert.equal(count(/^Part of a plan added/), 2, what.join('\n'));
  assert.equal(count(/^Action created/), 4, what.join('\n'));
  assert.ok(rows.every((r) => !/\(removed\)/.test(r.changes)), 'nothing shown as removed on the way');
  assert.equal(count(/^Action edited/), 0, what.join('\n'));
  const linked = rows.filter((r) => r.what.startsWith('Reference linked: Inspection recommendation 11 '));
  assert.equal(linked.length, 1, what.join('\n'));
  assert.match(linked[0]!.changes, /Cross-references\s*\(none\)\s*→\s*(changed to\s*)?Inspection recommendation 11/);
  assert.equal(count(/^Action moved to another part of the plan/), 1, what.join('\n'));
  assert.equal(count(/^Risk added/), 1, what.join('\n'));
  assert.equal(count(/^Risk re-scored/), 1, what.join('\n'));
  assert.ok(answeredPriority !== '');
  assert.equal(count(/^Young people’s priority marked answered/), 1, what.join('\n'));
  assert.ok(what.some((w) => w.startsWith(`Young people’s priority marked answered: ${answeredPriority} `)), what.join('\n'));
  assert.equal(count(/^Measure target set/), 1, what.join('\n'));
});
