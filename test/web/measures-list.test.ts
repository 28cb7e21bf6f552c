// The measure library page: the command line's facts for every measure, a search, small numbers suppressed, each measure linked to its page.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const definition = (code: string, title: string, unit = 'percent') => ({
  code,
  title,
  description: `${title}, reported monthly.`,
  numerator: 'children counted',
  denominator: 'children looked after',
  unit,
  polarity: unit === 'count' ? 'neither' : 'higher is better',
  frequency: 'monthly',
  source: 'manual',
  amberBand: 2,
});

beforeEach(async () => {
  const ctx = { ...web.ctx, role: 'analyst' as const };
  await web.db.services.measures.define(ctx, definition('health-assessments', 'Health assessments on time'));
  await web.db.services.measures.define(ctx, definition('care-leavers-eet', 'Care leavers in education, employment or training'));
  await web.db.services.measures.define(ctx, definition('uasc-missing', 'Unaccompanied children missing', 'count'));
  await web.db.services.measures.addTarget(ctx, 'health-assessments', { effectiveFrom: '2018-04-01', effectiveTo: '2019-03-31', value: 90, label: '2018/19' });
  const csv = ['code,period,numerator,denominator', 'health-assessments,2018-06,171,200', 'care-leavers-eet,2018-06,3,40', 'uasc-missing,2018-06,2,'].join('\n');
  await web.db.services.measures.importValues(ctx, { name: 'values.csv', data: new TextEncoder().encode(csv) });
});

test('get measures shows each measure with its latest figure, counts, target and RAG, linked to its page', async () => {
  const r = await web.get('/measures', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Measures');
  assert.equal(words(page.text('#measures-summary') ?? ''), '3 measures.');
  const row = page.rows('#measures').find((cells) => cells[0]!.startsWith('Health assessments on time'))!;
  assert.deepEqual(row.slice(0, 6), ['Health assessments on time health-assessments', '30 June 2018', '85.5%', '171 of 200', '90.0% 2018/19', 'Red']);
  assert.equal(page.href('Health assessments on time'), '/measures/health-assessments');
  assert.deepEqual(page.texts('#measures thead th').slice(6), ['England', 'Region', 'Statistical neighbours (mean)', 'Statistical neighbours (median)', 'Authorities judged good']);
});

test('get measures suppresses a figure counting 1 to 4 children, and its RAG, for a board member but shows it to an analyst marked', async () => {
  const page = html((await web.get('/measures', await web.signIn('viewer'))).body);
  const eet = page.rows('#measures').find((cells) => cells[0]!.startsWith('Care leavers'))!;
  assert.deepEqual(eet.slice(2, 4), ['[c] (suppressed: fewer than 5)', '[c] (suppressed: fewer than 5)']);
  assert.equal(eet[5], '');
  const missing = page.rows('#measures').find((cells) => cells[0]!.startsWith('Unaccompanied'))!;
  assert.equal(missing[2], '[c] (suppressed: fewer than 5)');
  assert.doesNotMatch(page.main(), /3 of 40/);
  assert.match(page.main(), /\[c\]: suppressed, because a count from 1 to 4 could identify a child\./);
  const analyst = html((await web.get('/measures', await web.signIn('analyst'))).body);
  const seen = analyst.rows('#measures').find((cells) => cells[0]!.startsWith('Care leavers'))!;
  assert.deepEqual(seen.slice(2, 4), ['7.5% (small number: shown to analysts only)', '3 of 40 (small number: shown to analysts only)']);
});

test('get measures with a search lists only the measures holding every word', async () => {
  const page = html((await web.get('/measures?q=care+LEAVERS', await web.signIn('owner'))).body);
  assert.deepEqual(
    page.rows('#measures').map((cells) => cells[0]),
    ['Care leavers in education, employment or training care-leavers-eet'],
  );
  assert.equal(page.value('q'), 'care LEAVERS');
  assert.match(words(page.text('#measures-summary') ?? ''), /^1 measure matches ‘care LEAVERS’\. Show every measure\.$/);
  const none = html((await web.get('/measures?q=adoption', await web.signIn('owner'))).body);
  assert.equal(none.find('#measures'), undefined);
  assert.match(words(none.text('#measures-summary') ?? ''), /No measure matches ‘adoption’/);
});

test('get measures with a search over 100 characters answers 400 with the error linked to the search box', async () => {
  const r = await web.get(`/measures?q=${'a'.repeat(101)}`, await web.signIn('viewer'));
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.deepEqual(page.errorSummary(), [{ text: 'Search for 100 characters or fewer', href: '#q' }]);
  assert.match(page.title(), /^Error: /);
});

test('get measures signed out is sent to sign in', async () => {
  const r = await web.get('/measures', null);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/sign-in?next=%2Fmeasures');
});
