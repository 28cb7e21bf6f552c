// The young people's priorities' forms on injected requests: add a priority, add what was done
// with its date and evidence, link actions and mark it answered — success, each error linked to its
// field, a stale edit refused with the other change shown, and roles without the capability refused.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { as, ledPlanFixture, people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });
let itemId = 0;

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  itemId = (
    await web.db.services.voice.add(web.ctx, {
      council: 'Testshire In Care Council',
      priority: 'Moving with proper bags',
      youSaid: 'My stuff went in bin bags.',
      raisedBy: 'Young person, aged 13',
      raisedOn: '2018-02-18',
    })
  ).id;
});

const item = async () => web.db.services.voice.get(web.ctx, itemId);
const section = (body: string): string => words(html(body).find(`section#item-${itemId}`)?.text ?? '');

test('post voice as the manager adds a priority to its council', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get('/voice/new', manager);
  assert.equal(html(form.body).heading(), 'Add a young people’s priority');
  const r = await web.post(
    '/voice',
    { council: 'Care Leavers Forum', priority: 'Help with bills', youSaid: 'Nobody told me about council tax.', raisedBy: 'Care leaver, aged 19', 'raisedOn-day': '3', 'raisedOn-month': '4', 'raisedOn-year': '2018' },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.match(String(r.headers.location), /^\/voice\?done=voice-added#item-\d+$/);
  const page = await web.get(String(r.headers.location), manager);
  assert.equal(html(page.body).text('h2#council-care-leavers-forum'), 'Care Leavers Forum');
  assert.match(html(page.body).main(), /Help with bills Not started yet Care leaver, aged 19 told us on 3 April 2018\. What you said Nobody told me about council tax\. What we did We have not done anything yet\./);
});

test('post voice with errors links each to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/voice', { council: 'Care Leavers Forum', priority: '', youSaid: '', raisedBy: 'Care leaver', 'raisedOn-day': '31', 'raisedOn-month': '2', 'raisedOn-year': '2018' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#priority', text: 'Enter the priority, in a few words' },
    { href: '#youSaid', text: 'Enter what the young people said, in their words' },
    { href: '#raisedOn-day', text: 'The date it was raised must be a real date, for example 31 3 2019' },
  ]);
  assert.equal(html(r.body).value('council'), 'Care Leavers Forum');
  assert.deepEqual(await web.db.counts(), before);
});

test('post voice respond records what was done with its date and evidence and moves it to in progress', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  const r = await web.post(
    `/voice/${itemId}/respond`,
    { version: String(version), 'respondedOn-day': '3', 'respondedOn-month': '5', 'respondedOn-year': '2018', weDid: 'Every child who moves gets a holdall.', evidence: '42 holdalls given out.' },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `/voice?done=voice-responded#item-${itemId}`);
  const page = await web.get(String(r.headers.location), manager);
  assert.match(section(page.body), /We are working on it/);
  assert.match(section(page.body), /On 3 May 2018 Every child who moves gets a holdall\. How we know: 42 holdalls given out\./);
  assert.equal((await web.db.services.audit.list(web.ctx, { limit: 1 }))[0]?.event, 'voice.response.added');
});

test('post voice respond with errors links each to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  const before = await web.db.counts();
  const r = await web.post(`/voice/${itemId}/respond`, { version: String(version), weDid: '', evidence: 'Kept' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#respondedOn-day', text: 'Enter the date it was done' },
    { href: '#weDid', text: 'Enter what was done' },
  ]);
  assert.equal(html(r.body).value('evidence'), 'Kept');
  const early = await web.post(`/voice/${itemId}/respond`, { version: String(version), 'respondedOn-day': '1', 'respondedOn-month': '1', 'respondedOn-year': '2018', weDid: 'Bags' }, manager);
  assert.deepEqual(html(early.body).errorSummary(), [{ href: '#respondedOn-day', text: 'The date it was done must be on or after the day it was raised, 2018-02-18' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post voice respond with an old version shows the other change and keeps what was typed', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  await web.db.services.voice.addResponse(as(web.ctx, 'admin'), itemId, version, { respondedOn: '2018-03-01', weDid: 'Ordered 100 holdalls.', evidence: '' });
  const r = await web.post(
    `/voice/${itemId}/respond`,
    { version: String(version), 'respondedOn-day': '3', 'respondedOn-month': '5', 'respondedOn-year': '2018', weDid: 'My version', evidence: '' },
    manager,
  );
  assert.equal(r.statusCode, 409);
  const banner = html(r.body).text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed this priority since you opened it/);
  assert.match(banner, /Ada Admin added a “we did” response/);
  assert.match(banner, /Ordered 100 holdalls\./);
  assert.equal(html(r.body).value('weDid'), 'My version');
  assert.equal((await item()).responses.length, 1);
});

test('post voice actions links the actions named and refuses one that does not exist', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  const bad = await web.post(`/voice/${itemId}/actions`, { version: String(version), actions: 'test-plan:1\ntest-plan:42' }, manager);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(html(bad.body).errorSummary(), [{ href: '#actions', text: "There is no action test-plan:42: write the plan's short name and the action's number, for example test-plan:4" }]);
  assert.deepEqual((await item()).actions, []);
  const r = await web.post(`/voice/${itemId}/actions`, { version: String(version), actions: 'test-plan:1, test-plan:2' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.deepEqual((await item()).actions, ['test-plan:1', 'test-plan:2']);
  const page = await web.get(String(r.headers.location), manager);
  assert.equal(html(page.body).href('Offer every care leaver a personal adviser'), '/plans/test-plan/actions/2');
});

test('get voice answer shows the priority, what has been done so far and the actions linked, above the form', async () => {
  const manager = await web.signIn('manager');
  const before = words(html((await web.get(`/voice/${itemId}/answer`, manager)).body).main());
  assert.match(before, /Moving with proper bags Not started yet What they said My stuff went in bin bags\. What has been done so far Nothing has been recorded as done yet\. .*No actions are linked\./);
  await web.db.services.voice.addResponse(as(web.ctx, 'admin'), itemId, (await item()).version, { respondedOn: '2018-03-01', weDid: 'Ordered 100 holdalls.', evidence: 'Delivery note' });
  await web.db.services.voice.setActions(as(web.ctx, 'admin'), itemId, (await item()).version, ['test-plan:1']);
  const page = html((await web.get(`/voice/${itemId}/answer`, manager)).body);
  const shown = words(page.main());
  assert.match(shown, /What has been done so far .*On 1 March 2018 Ordered 100 holdalls\. How we know: Delivery note/);
  assert.ok(page.links('main').some((l) => l.href === '/plans/test-plan/actions/1'), shown);
  assert.ok(shown.indexOf('Ordered 100 holdalls') < shown.indexOf('Date they were told'), 'what was done comes before the form');
});

test('post voice answer marks it done on its date', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  const missing = await web.post(`/voice/${itemId}/answer`, { version: String(version) }, manager);
  assert.deepEqual(html(missing.body).errorSummary(), [{ href: '#answeredOn-day', text: 'Enter the date it was answered' }]);
  const r = await web.post(`/voice/${itemId}/answer`, { version: String(version), 'answeredOn-day': '12', 'answeredOn-month': '6', 'answeredOn-year': '2018' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  const page = await web.get(String(r.headers.location), manager);
  assert.match(section(page.body), /We did it/);
  assert.match(section(page.body), /We told you what we did on 12 June 2018\./);
  assert.equal(html(page.body).href('Mark as answered: Moving with proper bags'), undefined);
});

test('post voice answer with a date to come or before it was raised links the error to the date and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  const before = await web.db.counts();
  const future = await web.post(`/voice/${itemId}/answer`, { version: String(version), 'answeredOn-day': '1', 'answeredOn-month': '1', 'answeredOn-year': '2099' }, manager);
  assert.equal(future.statusCode, 400);
  assert.deepEqual(html(future.body).errorSummary(), [{ href: '#answeredOn-day', text: 'The date it was answered must be today or in the past' }]);
  const early = await web.post(`/voice/${itemId}/answer`, { version: String(version), 'answeredOn-day': '1', 'answeredOn-month': '1', 'answeredOn-year': '2018' }, manager);
  assert.equal(early.statusCode, 400);
  assert.deepEqual(html(early.body).errorSummary(), [{ href: '#answeredOn-day', text: 'The date it was answered must be on or after the day it was raised, 2018-02-18' }]);
  assert.equal(html(early.body).value('answeredOn-year'), '2018');
  assert.deepEqual(await web.db.counts(), before);
});

test('post voice answer and voice actions with an old version show the other change and change nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await item();
  await web.db.services.voice.addResponse(as(web.ctx, 'admin'), itemId, version, { respondedOn: '2018-03-01', weDid: 'Ordered 100 holdalls.', evidence: '' });
  const before = await web.db.counts();
  const answer = await web.post(`/voice/${itemId}/answer`, { version: String(version), 'answeredOn-day': '12', 'answeredOn-month': '6', 'answeredOn-year': '2018' }, manager);
  assert.equal(answer.statusCode, 409, answer.body.slice(0, 500));
  assert.match(html(answer.body).text('#stale-change') ?? '', /Ada Admin added a “we did” response/);
  assert.equal(html(answer.body).value('answeredOn-day'), '12');
  const actions = await web.post(`/voice/${itemId}/actions`, { version: String(version), actions: 'test-plan:1' }, manager);
  assert.equal(actions.statusCode, 409, actions.body.slice(0, 500));
  assert.match(html(actions.body).text('#stale-change') ?? '', /Ada Admin added a “we did” response/);
  assert.equal(html(actions.body).value('actions'), 'test-plan:1');
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await item()).status, 'in-progress');
});

test('get voice as a young people’s reader uses short sentences', async () => {
  const r = await web.get('/voice', await web.signIn('viewer'));
  const intro = html(r.body).find('main p.govuk-body')?.text ?? '';
  const sentences = words(intro).split(/(?<=\.)\s+/);
  assert.ok(sentences.length >= 2);
  for (const s of sentences) assert.ok(s.split(' ').length <= 15, `a short sentence: "${s}"`);
  assert.equal(html(r.body).find('a[href$="/respond"]'), undefined);
});

for (const role of ['lead', 'owner', 'analyst', 'viewer'] as const) {
  test(`post voice forms as ${role} answers 403 and changes nothing`, async () => {
    const person = await web.signIn(role);
    const { version } = await item();
    const before = await web.db.counts();
    const date = { 'respondedOn-day': '3', 'respondedOn-month': '5', 'respondedOn-year': '2018', 'answeredOn-day': '3', 'answeredOn-month': '5', 'answeredOn-year': '2018' };
    assert.equal((await web.post('/voice', { council: 'C', priority: 'P', youSaid: 'Y', raisedBy: 'R', 'raisedOn-day': '1', 'raisedOn-month': '1', 'raisedOn-year': '2018' }, person)).statusCode, 403);
    assert.equal((await web.post(`/voice/${itemId}/respond`, { version: String(version), ...date, weDid: 'No' }, person)).statusCode, 403);
    assert.equal((await web.post(`/voice/${itemId}/actions`, { version: String(version), actions: 'test-plan:1' }, person)).statusCode, 403);
    const answer = await web.post(`/voice/${itemId}/answer`, { version: String(version), ...date }, person);
    assert.equal(answer.statusCode, 403);
    assert.equal(html(answer.body).heading(), 'You cannot do this');
    assert.deepEqual(await web.db.counts(), before);
    assert.equal((await item()).version, version);
  });
}
