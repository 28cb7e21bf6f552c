// The audit log page on injected requests: administrators only, filters, changes before and after, pages of fifty.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { planFixture } from '../helpers/plan-fixture.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, planFixture());
  await web.db.services.actions.setStatus({ ...web.ctx, actor: 'Jo Example' }, 'test-plan:1', { status: 'R', asAt: '2018-06-30', reason: 'Campaign cancelled' });
  await web.db.services.actions.reviseDeadline(web.ctx, 'test-plan:2', { date: '2018-12-31', reason: 'Recruitment delayed' });
});

/** The rows of the audit table, each as its text. */
const rows = (html: string): string[] => [...(/<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);

test('get audit as a viewer answers 403 and shows no events', async () => {
  const r = await web.get('/audit', await web.signIn('viewer'));
  assert.equal(r.statusCode, 403);
  assert.doesNotMatch(r.body, /Campaign cancelled/);
});

test('get audit as a manager answers 403', async () => {
  const r = await web.get('/audit', await web.signIn('manager'));
  assert.equal(r.statusCode, 403);
  assert.match(r.body, /read the audit log/);
});

test('get audit with bad filters as a viewer still answers 403', async () => {
  const r = await web.get('/audit?from-day=99&from-month=1&from-year=2018', await web.signIn('viewer'));
  assert.equal(r.statusCode, 403);
});

test('get audit as an administrator lists events newest first with who, what and the change before and after', async () => {
  const r = await web.get('/audit', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Audit log<\/h1>/);
  assert.match(r.body, /Showing 1 to 3 of 3 events/);
  const [deadline, status, imported] = rows(r.body);
  assert.match(deadline!, /Deadline revised/);
  assert.match(deadline!, /<dt>Deadline<\/dt>\s*<dd>\s*31 December 2018/);
  assert.match(deadline!, /<dt>Reason<\/dt>\s*<dd>\s*Recruitment delayed/);
  assert.match(status!, /Jo Example/);
  assert.match(status!, /<strong>BRAG status recorded<\/strong>/);
  assert.match(status!, /href="\/plans\/test-plan\/actions\/1">test-plan:1<\/a>/);
  assert.match(status!, /<dt>Status<\/dt>\s*<dd>\s*A <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to<\/span> R/);
  assert.match(status!, /<dt>Reason<\/dt>[\s\S]*Campaign cancelled/);
  assert.match(imported!, /Plan imported/);
});

test('get audit filtered by an action shows only that action’s events', async () => {
  const r = await web.get('/audit?entity=test-plan%3A1', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /Showing 1 to 1 of 1 event\s*<\/h2>/);
  assert.match(r.body, /BRAG status recorded/);
  assert.doesNotMatch(r.body, /Deadline revised/);
  assert.match(r.body, /id="entity" name="entity" type="text" spellcheck="false" value="test-plan:1"/);
});

test('get audit filtered by a plan shows the plan’s and its actions’ events', async () => {
  const r = await web.get('/audit?entity=test-plan', await web.signIn('admin'));
  assert.match(r.body, /Showing 1 to 3 of 3 events/);
});

test('get audit filtered by who made the change shows only their events', async () => {
  const r = await web.get('/audit?actor=jo', await web.signIn('admin'));
  assert.match(r.body, /Showing 1 to 1 of 1 event\s*<\/h2>/);
  assert.match(r.body, /Jo Example/);
});

test('get audit with a date range after every event finds none', async () => {
  const r = await web.get('/audit?from-day=1&from-month=1&from-year=2999', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /No events\s*match these filters/);
});

test('get audit with a date range around today finds the events', async () => {
  const today = new Date();
  const q = `from-day=${today.getUTCDate()}&from-month=${today.getUTCMonth() + 1}&from-year=${today.getUTCFullYear()}&to-day=${today.getUTCDate()}&to-month=${today.getUTCMonth() + 1}&to-year=${today.getUTCFullYear()}`;
  const r = await web.get(`/audit?${q}`, await web.signIn('admin'));
  assert.match(r.body, /Showing 1 to 3 of 3 events/);
});

test('get audit with an impossible date shows the error summary linked to the day box', async () => {
  const r = await web.get('/audit?from-day=31&from-month=2&from-year=2018', await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<title>Error: Audit log – /);
  assert.match(r.body, /<a href="#from-day">The from date must be a real date/);
  assert.match(r.body, /id="from-day" name="from-day" type="text" value="31"/);
});

test('get audit with the from date after the to date says so', async () => {
  const r = await web.get('/audit?from-day=2&from-month=1&from-year=2018&to-day=1&to-month=1&to-year=2018', await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#from-day">The from date must be the same as or before the to date<\/a>/);
});

test('get audit pages the log fifty events at a time, keeping the filters in the page links', async () => {
  for (let i = 1; i <= 50; i++) {
    await web.db.services.actions.addUpdate(web.ctx, 'test-plan:2', { date: '2018-06-30', body: `Update number ${i}` });
  }
  const admin = await web.signIn('admin');
  const first = await web.get('/audit?entity=test-plan', admin);
  assert.match(first.body, /Showing 1 to 50 of 53 events/);
  assert.equal(rows(first.body).length, 50);
  assert.match(first.body, /Update number 50/);
  assert.match(first.body, /<nav class="govuk-pagination" aria-label="Pages of the audit log">/);
  assert.match(first.body, /href="\/audit\?entity=test-plan&amp;page=2"/);
  const second = await web.get('/audit?entity=test-plan&page=2', admin);
  assert.match(second.body, /Showing 51 to 53 of 53 events/);
  assert.equal(rows(second.body).length, 3);
  assert.match(second.body, /Plan imported/);
});
