// A measure's page, and the dashboard, at another date: the figures of the periods up to it, from the page's own GET form or a link,
// its download with them, and a date that is not one, or is after today, named on the form.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { clockWithToday } from '../../src/domain/clock.ts';
import { html, words } from '../helpers/html.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();
const CODE = 'pep-up-to-date';
beforeEach(async () => {
  web.db.services.clock = clockWithToday('2026-12-03');
  await web.db.services.measures.define(web.ctx, { code: CODE, title: 'Personal education plans', unit: 'percent', polarity: 'higher is better', frequency: 'monthly', source: 'manual' });
  await web.db.services.measures.enterFigure(web.ctx, CODE, 1, { periodEnd: '2026-09-30', numerator: 45, denominator: 50 });
  await web.db.services.measures.enterFigure(web.ctx, CODE, 2, { periodEnd: '2026-10-31', numerator: 40, denominator: 50 });
});

const summary = (body: string): string => words(html(body).text('.parentis-measure-summary') ?? '');

test('get a measure page as at a date from its form shows the figure of the last period up to it, and says so', async () => {
  const viewer = await web.signIn('viewer');
  const today = await web.get(`/measures/${CODE}`, viewer);
  assert.match(summary(today.body), /^At 31 October 2026 80\.0%/);
  assert.equal(html(today.body).find('#as-at-shown'), undefined);
  const r = await web.get(`/measures/${CODE}?asAt-day=15&asAt-month=10&asAt-year=2026`, viewer);
  assert.equal(r.statusCode, 200);
  assert.match(summary(r.body), /^At 30 September 2026 90\.0%/);
  const page = html(r.body);
  assert.match(words(page.text('#as-at-shown') ?? ''), /^Figures for the periods up to 15 October 2026, as Parentis holds them now/);
  assert.equal(page.href("See today’s figures"), `/measures/${CODE}`);
  assert.deepEqual([page.value('asAt-day'), page.value('asAt-month'), page.value('asAt-year')], ['15', '10', '2026']);
  // A link gives the date as the API does, and the download carries it.
  const linked = await web.get(`/measures/${CODE}?asAt=2026-10-15`, viewer);
  assert.match(summary(linked.body), /^At 30 September 2026 90\.0%/);
  const csvHref = html(linked.body).href('CSV file of Personal education plans')!;
  assert.equal(csvHref, `/measures/${CODE}/figures.csv?asAt=2026-10-15`);
  const csv = (await web.get(csvHref, viewer)).body;
  assert.match(csv, /pep-up-to-date,2026-09-30,/);
  assert.doesNotMatch(csv, /2026-10-31/, 'no period after the date');
});

test('get a measure page as at a date that is not one, or is after today, names the box and shows today’s figures', async () => {
  const viewer = await web.signIn('viewer');
  for (const [query, message] of [
    ['asAt-day=31&asAt-month=9&asAt-year=2026', 'The date must be a real date, for example 31 3 2019'],
    ['asAt-day=1&asAt-month=&asAt-year=2026', 'The date must include a month'],
    ['asAt-day=1&asAt-month=1&asAt-year=2027', 'The date must be today or in the past'],
    ['asAt=2026-13-01', 'The date must be a real date, for example 30 9 2026'],
  ] as const) {
    const r = await web.get(`/measures/${CODE}?${query}`, viewer);
    assert.equal(r.statusCode, 400, query);
    const page = html(r.body);
    assert.equal(page.errorSummary()[0]?.text, message, query);
    assert.match(summary(r.body), /^At 31 October 2026 80\.0%/, query);
    assert.notEqual(page.find('details#as-at[open]'), undefined, `${query}: the form is open to correct`);
  }
});

test('get the dashboard as at a date shows each tile at it, leading to its measure page at that date', async () => {
  const viewer = await web.signIn('viewer');
  const tileText = (body: string): string => html(body).texts(`#tile-${CODE} ~ *`).join(' ');
  assert.match(tileText((await web.get('/dashboard', viewer)).body), /^80\.0%/);
  const r = await web.get('/dashboard?asAt-day=15&asAt-month=10&asAt-year=2026', viewer);
  assert.equal(r.statusCode, 200);
  assert.match(tileText(r.body), /^90\.0% ?45 of 50 At 30 September 2026/);
  const page = html(r.body);
  assert.match(words(page.text('#as-at-shown') ?? ''), /^Figures for the periods up to 15 October 2026/);
  assert.equal(page.find(`#tile-${CODE} a`)?.getAttribute('href'), `/measures/${CODE}?asAt=2026-10-15`);
  const bad = await web.get('/dashboard?asAt-day=1&asAt-month=1&asAt-year=2027', viewer);
  assert.equal(bad.statusCode, 400);
  assert.equal(html(bad.body).errorSummary()[0]?.text, 'The date must be today or in the past');
  assert.match(html(bad.body).title(), /^Error: /);
  assert.match(tileText(bad.body), /^80\.0%/, 'today’s figures while the date is put right');
});
