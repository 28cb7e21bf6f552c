// A measure's targets, tolerance band and hand-entered figures through the analyst's forms: success
// with the change in the measure's history, each error linked to its field with nothing changed, a
// stale edit refused with the other person's change shown, and the dashboard's RAG following a new
// target from the day it takes effect and not before.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { clockWithToday } from '../../src/domain/clock.ts';
import { html, words } from '../helpers/html.ts';
import { as } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { analyst: 'Ann Analyst' } });

const PEP = '/measures/pep-up-to-date';

beforeEach(async () => {
  web.db.services.clock = clockWithToday('2026-12-03');
  const m = web.db.services.measures;
  await m.define(web.ctx, {
    code: 'pep-up-to-date',
    title: 'Up-to-date personal education plans',
    numerator: 'children with a PEP reviewed this term',
    denominator: 'children of school age',
    unit: 'percent',
    polarity: 'higher is better',
    frequency: 'monthly',
    source: 'manual',
    amberBand: 2,
  });
  await m.define(web.ctx, { code: 'cla', title: 'Children looked after', unit: 'count', polarity: 'neither', frequency: 'monthly', source: 'ssda903' });
});

const version = async (code = 'pep-up-to-date'): Promise<string> => String((await web.db.services.measures.get(web.ctx, code)).version);
const history = (body: string): string[] => html(body).texts('#changes + ul li, ul.parentis-measure-history li');

test('post an annual target as the analyst sets it, lists it in force and tells the history', async () => {
  const analyst = await web.signIn('analyst');
  const form = await web.get(`${PEP}/targets/annual`, analyst);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Add an annual target');
  const r = await web.post(`${PEP}/targets/annual`, { version: await version(), yearEnding: '2027', value: '70', reason: 'Agreed by the board' }, analyst);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `${PEP}/targets?done=target-added`);
  const again = await web.post(`${PEP}/targets/annual`, { version: await version(), yearEnding: '2027', value: '72', reason: 'Raised after the inspection' }, analyst);
  assert.equal(again.statusCode, 303, again.body.slice(0, 500));

  const list = await web.get(String(r.headers.location), analyst);
  const page = html(list.body);
  assert.match(page.banners().join(), /The target has been set/);
  assert.deepEqual(
    page.rows('#in-force').map((row) => row.slice(0, 3)),
    [
      ['70.0%', '1 April 2026', '31 March 2027'],
      ['72.0%', '1 April 2026', '31 March 2027'],
    ],
  );
  const measure = await web.get(PEP, analyst);
  const lines = history(measure.body);
  assert.match(lines[0]!, /^Target changed from 70\.0% to 72\.0% from 1 April 2026 to 31 March 2027 \(2026\/27\) by Ann Analyst on \d{1,2} \w+ \d{4} at .*\. Reason: Raised after the inspection$/);
  assert.match(lines[1]!, /^Target set at 70\.0% from 1 April 2026 to 31 March 2027 \(2026\/27\) by Ann Analyst/);
  assert.equal((await web.db.services.audit.list(web.ctx, { limit: 1 }))[0]?.event, 'measure.target-added');
});

test('post an annual target with errors links each to its field and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const r = await web.post(`${PEP}/targets/annual`, { version: await version(), yearEnding: '', value: 'seventy', reason: '' }, analyst);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#yearEnding', text: 'Choose the financial year' },
    { href: '#value', text: 'The target must be a number, for example 72.5' },
    { href: '#reason', text: 'Enter the reason for the change' },
  ]);
  const tooHigh = await web.post(`${PEP}/targets/annual`, { version: await version(), yearEnding: '2027', value: '120', reason: 'A typing slip' }, analyst);
  assert.equal(tooHigh.statusCode, 400);
  assert.deepEqual(html(tooHigh.body).errorSummary(), [{ href: '#value', text: 'A percentage target must be from 0 to 100' }]);
  assert.equal(html(tooHigh.body).value('value'), '120');
  assert.deepEqual(await web.db.counts(), before);
});

test('post a staged target sets each step until the next and tells the steps in the history', async () => {
  const analyst = await web.signIn('analyst');
  const steps = {
    'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2026', step1Value: '64',
    'step2From-day': '1', 'step2From-month': '4', 'step2From-year': '2027', step2Value: '67',
    'step3From-day': '1', 'step3From-month': '4', 'step3From-year': '2028', step3Value: '70',
  };
  const r = await web.post(`${PEP}/targets/staged`, { version: await version(), ...steps, reason: 'Three-year plan' }, analyst);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  const targets = await web.db.services.measures.settings(web.ctx, 'pep-up-to-date');
  assert.deepEqual(
    targets.targets.map((t) => [t.effectiveFrom, t.effectiveTo, t.value, t.label]),
    [
      ['2026-04-01', '2027-03-31', 64, 'stage 1 of 3'],
      ['2027-04-01', '2028-03-31', 67, 'stage 2 of 3'],
      ['2028-04-01', null, 70, 'stage 3 of 3'],
    ],
  );
  const page = html((await web.get(`${PEP}/targets`, analyst)).body);
  assert.deepEqual([page.rows('#in-force').length, page.rows('#coming').length], [1, 2]);
  assert.match(history((await web.get(PEP, analyst)).body)[0]!, /^Staged target set: 64\.0% from 1 April 2026, 67\.0% from 1 April 2027, 70\.0% from 1 April 2028 by Ann Analyst/);
});

test('post a staged target with errors links each to its step and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const empty = await web.post(`${PEP}/targets/staged`, { version: await version(), reason: 'Plan' }, analyst);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(html(empty.body).errorSummary(), [{ href: '#step1From-day', text: 'Enter at least one step: the date it takes effect and its target' }]);
  const r = await web.post(
    `${PEP}/targets/staged`,
    { version: await version(), 'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2026', step1Value: '', 'step2From-day': '', 'step2From-month': '4', 'step2From-year': '2027', step2Value: '67', reason: 'Plan' },
    analyst,
  );
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#step1Value', text: 'Enter the target for step 1' },
    { href: '#step2From-day', text: 'The date step 2 takes effect must include a day' },
  ]);
  const twice = await web.post(
    `${PEP}/targets/staged`,
    { version: await version(), 'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2026', step1Value: '60', 'step2From-day': '1', 'step2From-month': '4', 'step2From-year': '2026', step2Value: '67', reason: 'Plan' },
    analyst,
  );
  assert.equal(twice.statusCode, 400);
  assert.deepEqual(html(twice.body).errorSummary(), [{ href: '#step2From-day', text: 'Each step takes effect on its own date' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post end of a target keeps it with its new last day and refuses a day before it began', async () => {
  const analyst = await web.signIn('analyst');
  await web.db.services.measures.addAnnualTarget(as(web.ctx, 'analyst'), 'pep-up-to-date', Number(await version()), { yearEnding: 2027, value: 70, reason: 'Board' });
  const [target] = (await web.db.services.measures.settings(web.ctx, 'pep-up-to-date')).targets;
  const form = await web.get(`${PEP}/targets/${target!.id}/end`, analyst);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'End a target');
  const before = await web.db.counts();
  const early = await web.post(`${PEP}/targets/${target!.id}/end`, { version: await version(), 'lastDay-day': '1', 'lastDay-month': '1', 'lastDay-year': '2026', reason: 'Replaced' }, analyst);
  assert.equal(early.statusCode, 400);
  assert.deepEqual(html(early.body).errorSummary(), [{ href: '#lastDay-day', text: 'The last day must be on or after the day the target took effect' }]);
  assert.deepEqual(await web.db.counts(), before);
  const r = await web.post(`${PEP}/targets/${target!.id}/end`, { version: await version(), 'lastDay-day': '30', 'lastDay-month': '9', 'lastDay-year': '2026', reason: 'Replaced by the new plan' }, analyst);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `${PEP}/targets?done=target-ended`);
  const [ended] = (await web.db.services.measures.settings(web.ctx, 'pep-up-to-date')).targets;
  assert.equal(ended!.effectiveTo, '2026-09-30');
  assert.match(history((await web.get(PEP, analyst)).body)[0]!, /^Target of 70\.0% \(2026\/27\) ended: last in force on 30 September 2026 by Ann Analyst .*Reason: Replaced by the new plan$/);
});

test('post tolerance band as the analyst changes it in percentage points with its history', async () => {
  const analyst = await web.signIn('analyst');
  const form = await web.get(`${PEP}/tolerance`, analyst);
  assert.equal(html(form.body).value('amberBand'), '2');
  assert.match(html(form.body).main(), /percentage points/);
  const r = await web.post(`${PEP}/tolerance`, { version: await version(), amberBand: '3', reason: 'Board accepts a wider band' }, analyst);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `${PEP}?done=tolerance-changed`);
  const page = await web.get(String(r.headers.location), analyst);
  assert.match(html(page.body).banners().join(), /The tolerance band has been changed/);
  assert.match(history(page.body)[0]!, /^Amber band changed from 2 percentage points to 3 percentage points by Ann Analyst .*Reason: Board accepts a wider band$/);
  assert.equal((await web.db.services.measures.get(web.ctx, 'pep-up-to-date')).amberBand, 3);
});

test('post tolerance band with errors links each to its field and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const r = await web.post(`${PEP}/tolerance`, { version: await version(), amberBand: 'two', reason: '' }, analyst);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#amberBand', text: 'The amber band must be a number, for example 72.5' },
    { href: '#reason', text: 'Enter the reason for the change' },
  ]);
  const negative = await web.post(`${PEP}/tolerance`, { version: await version(), amberBand: '-1', reason: 'Slip' }, analyst);
  assert.deepEqual(html(negative.body).errorSummary(), [{ href: '#amberBand', text: 'The amber band cannot be negative' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post tolerance band from a stale form is refused with the other analyst’s change shown and nothing saved', async () => {
  const analyst = await web.signIn('analyst');
  const opened = await version();
  await web.db.services.measures.setTolerance(as(web.ctx, 'analyst', 'Sam Other'), 'pep-up-to-date', Number(opened), { amberBand: 4, reason: 'Quarterly review' });
  const before = await web.db.counts();
  const r = await web.post(`${PEP}/tolerance`, { version: opened, amberBand: '3', reason: 'Mine' }, analyst);
  assert.equal(r.statusCode, 409);
  const banner = words(html(r.body).find('#stale-change')?.text ?? '');
  assert.match(banner, /Sam Other changed the tolerance band/);
  assert.match(banner, /Amber band 4/);
  assert.match(banner, /Reason Quarterly review/);
  assert.equal(html(r.body).value('amberBand'), '3');
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await web.db.services.measures.get(web.ctx, 'pep-up-to-date')).amberBand, 4);
});

// Each form opened before another analyst's change: refused with that change shown, what was typed
// kept, and nothing saved.
const staleForms: { name: string; url: string; form: Record<string, string>; kept: [string, string] }[] = [
  { name: 'an annual target', url: `${PEP}/targets/annual`, form: { yearEnding: '2027', value: '80', reason: 'Mine' }, kept: ['value', '80'] },
  { name: 'a staged target', url: `${PEP}/targets/staged`, form: { 'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2026', step1Value: '75', reason: 'Mine' }, kept: ['step1Value', '75'] },
  { name: 'a figure', url: `${PEP}/values`, form: { 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2026', numerator: '180', denominator: '240', reason: 'Mine' }, kept: ['numerator', '180'] },
];
for (const { name, url, form, kept } of staleForms) {
  test(`post ${name} from a stale form is refused with the other analyst’s change shown and nothing saved`, async () => {
    const analyst = await web.signIn('analyst');
    const opened = await version();
    await web.db.services.measures.setTolerance(as(web.ctx, 'analyst', 'Sam Other'), 'pep-up-to-date', Number(opened), { amberBand: 4, reason: 'Quarterly review' });
    const before = await web.db.counts();
    const r = await web.post(url, { ...form, version: opened }, analyst);
    assert.equal(r.statusCode, 409, r.body.slice(0, 500));
    assert.match(words(html(r.body).find('#stale-change')?.text ?? ''), /Sam Other changed the tolerance band/);
    assert.equal(html(r.body).value(kept[0]), kept[1]);
    assert.deepEqual(await web.db.counts(), before);
  });
}

test('post a figure as the analyst stores it by hand with the value worked out, and a second one keeps the first in the history', async () => {
  const analyst = await web.signIn('analyst');
  const figure = { 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2026', numerator: '180', denominator: '240', reason: '' };
  const r = await web.post(`${PEP}/values`, { version: await version(), ...figure }, analyst);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `${PEP}/values?done=figure-entered`);
  const again = await web.post(`${PEP}/values`, { version: await version(), ...figure, numerator: '192', reason: 'Late returns from two schools' }, analyst);
  assert.equal(again.statusCode, 303, again.body.slice(0, 500));
  const page = await web.get(`${PEP}/values`, analyst);
  assert.deepEqual(html(page.body).rows('table')[0], ['31 October 2026', '80.0%', '192', '240', 'Entered by hand']);
  const lines = history(page.body);
  assert.match(lines[0]!, /^Figure for 31 October 2026 changed from 75\.0% \(180 of 240\) to 80\.0% \(192 of 240\) by Ann Analyst .*Reason: Late returns from two schools$/);
  assert.match(lines[1]!, /^Figure for 31 October 2026 entered: 75\.0% \(180 of 240\)/);
  assert.equal((await web.db.services.audit.list(web.ctx, { limit: 1 }))[0]?.event, 'measure.value-entered');
});

test('post a figure with errors links each to its field and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const post = (over: Record<string, string>) =>
    web.post(`${PEP}/values`, { 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2026', numerator: '180', denominator: '240', reason: '', ...over, version: '1' }, analyst);
  const cases: [Record<string, string>, { href: string; text: string }][] = [
    [{ denominator: '0' }, { href: '#denominator', text: 'The denominator must be more than 0' }],
    [{ denominator: '' }, { href: '#denominator', text: 'Enter the denominator' }],
    [{ numerator: '250' }, { href: '#numerator', text: 'The numerator cannot be more than the denominator for a percentage' }],
    [{ numerator: '' }, { href: '#numerator', text: 'Enter the numerator' }],
    [{ 'periodEnd-day': '15' }, { href: '#periodEnd-day', text: 'The period end must be the last day of a month' }],
    [{ 'periodEnd-day': '31', 'periodEnd-month': '12' }, { href: '#periodEnd-day', text: 'The period has not ended yet: enter a figure for a period that has' }],
    [{ 'periodEnd-day': '31', 'periodEnd-month': '2' }, { href: '#periodEnd-day', text: 'The last day of the period must be a real date, for example 31 3 2019' }],
  ];
  for (const [over, error] of cases) {
    const r = await post(over);
    assert.equal(r.statusCode, 400, JSON.stringify(over));
    assert.deepEqual(html(r.body).errorSummary(), [error], JSON.stringify(over));
  }
  assert.deepEqual(await web.db.counts(), before);
});

test('get figures of a measure worked out from the 903 return offers no form, and a post is refused with nothing changed', async () => {
  const analyst = await web.signIn('analyst');
  const page = await web.get('/measures/cla/values', analyst);
  assert.equal(page.statusCode, 200);
  assert.equal(html(page.body).find('form input[name="numerator"]'), undefined);
  assert.match(html(page.body).main(), /worked out by Parentis from the SSDA903 return/);
  const before = await web.db.counts();
  const r = await web.post('/measures/cla/values', { version: await version('cla'), 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2026', numerator: '500', denominator: '', reason: '' }, analyst);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#periodEnd-day', text: 'Children looked after is worked out from the 903 return; its figures cannot be entered by hand' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('get the measure page links the analyst to targets, tolerance and figures, the manager to targets and tolerance, and nobody else', async () => {
  const analyst = html((await web.get(PEP, await web.signIn('analyst'))).body);
  assert.deepEqual(analyst.links('nav[aria-labelledby="manage-heading"]').map((l) => l.href), [`${PEP}/targets`, `${PEP}/tolerance`, `${PEP}/values`]);
  const manager = html((await web.get(PEP, await web.signIn('manager'))).body);
  assert.deepEqual(manager.links('nav[aria-labelledby="manage-heading"]').map((l) => l.href), [`${PEP}/targets`, `${PEP}/tolerance`]);
  const viewer = html((await web.get(PEP, await web.signIn('viewer'))).body);
  assert.equal(viewer.find('nav[aria-labelledby="manage-heading"]'), undefined);
});

test('dashboard RAG follows a new target from the day it takes effect and not before', async () => {
  const analyst = await web.signIn('analyst');
  const ctx = as(web.ctx, 'analyst');
  const m = web.db.services.measures;
  for (const [periodEnd, numerator] of [['2026-09-30', '150'], ['2026-10-31', '150']] as const) {
    await m.enterFigure(ctx, 'pep-up-to-date', (await m.get(web.ctx, 'pep-up-to-date')).version, { periodEnd, numerator: Number(numerator), denominator: 200 });
  }
  // 75% against 70% until 30 September, then a step to 80% from 1 October.
  const steps = { 'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2026', step1Value: '70', 'step2From-day': '1', 'step2From-month': '10', 'step2From-year': '2026', step2Value: '80' };
  assert.equal((await web.post(`${PEP}/targets/staged`, { version: await version(), ...steps, reason: 'Stretch from October' }, analyst)).statusCode, 303);

  web.db.services.clock = clockWithToday('2026-10-15');
  const september = html((await web.get('/dashboard', analyst)).body);
  assert.equal(september.text('#tile-pep-up-to-date ~ .parentis-tile__as-at'), 'At 30 September 2026');
  assert.equal(september.text('#tile-pep-up-to-date ~ .parentis-tile__rag'), '● Green 5.0 points above the 70.0% target');

  web.db.services.clock = clockWithToday('2026-11-15');
  const october = html((await web.get('/dashboard', analyst)).body);
  assert.equal(october.text('#tile-pep-up-to-date ~ .parentis-tile__as-at'), 'At 31 October 2026');
  assert.equal(october.text('#tile-pep-up-to-date ~ .parentis-tile__rag'), '■ Red 5.0 points below the 80.0% target');
});

test('get and post the end of a target no measure has answers 404, or 400 for a number no target can have, and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  assert.equal((await web.get(`${PEP}/targets/99/end`, analyst)).statusCode, 404);
  assert.equal((await web.get(`${PEP}/targets/99999999999999999999/end`, analyst)).statusCode, 400);
  const before = await web.db.counts();
  const form = { version: await version(), 'lastDay-day': '30', 'lastDay-month': '9', 'lastDay-year': '2026', reason: 'Replaced' };
  assert.equal((await web.post(`${PEP}/targets/99/end`, form, analyst)).statusCode, 404);
  assert.equal((await web.post(`${PEP}/targets/99999999999999999999/end`, form, analyst)).statusCode, 400);
  assert.deepEqual(await web.db.counts(), before);
});
