// The risk register's forms on injected requests: add (from a plan's page, its register chosen), edit
// and link, re-score and close a risk — success, each error linked to its field, a stale edit refused
// with the other change shown, and roles without the capability refused with nothing changed.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { as, ledPlanFixture, people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const r1 = async () => {
  const risk = (await web.db.services.risks.list(web.ctx)).find((r) => r.reference === 'R1');
  assert.ok(risk, 'risk R1');
  return risk;
};
const row = (body: string, id: string): string => words(html(body).find(`tr#${id}`)?.text ?? '');

const newRisk = {
  plan: 'test-plan',
  reference: 'R7',
  title: 'Social worker turnover rises',
  impact: 'Children lose the worker they know.',
  mitigation: 'Retention payments.',
  owner: 'Head of Workforce',
  'reviewDate-day': '30',
  'reviewDate-month': '9',
  'reviewDate-year': '2018',
  actions: 'test-plan:1',
  likelihood: '3',
  impactScore: '4',
  'assessedOn-day': '1',
  'assessedOn-month': '7',
  'assessedOn-year': '2018',
  note: 'First assessment',
};

test('post risk as the manager adds it to the register with its first score and audit', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get('/risks/new', manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Add a risk');
  const r = await web.post('/risks', newRisk, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/risks?done=risk-added#risk-R7');
  const page = await web.get(String(r.headers.location), manager);
  assert.match(html(page.body).banners().join(), /The risk has been added to the register/);
  const text = row(page.body, 'risk-R7');
  assert.match(text, /R7: Social worker turnover rises/);
  assert.match(text, /Recruit more foster carers – Test improvement plan, action 1/);
  assert.doesNotMatch(text, /test-plan:1/);
  assert.match(text, /Head of Workforce/);
  assert.deepEqual(html(page.body).rows('tr#risk-R7 table.parentis-risk-history'), [['1 July 2018', '12 (3 × 4) First score', 'First assessment Pat Manager']]);
  const audit = await web.db.services.audit.list(web.ctx, { limit: 1 });
  assert.equal(audit[0]?.event, 'risk.added');
});

test('get plan links to its risks and, for a manager, to a new risk form with its register chosen', async () => {
  const manager = await web.signIn('manager');
  const plan = html((await web.get('/plans/test-plan', manager)).body);
  assert.equal(plan.href("This plan's risks"), '/risks?plan=test-plan');
  assert.equal(plan.href('Add a risk to this plan'), '/risks/new?plan=test-plan');
  const form = await web.get('/risks/new?plan=test-plan', manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).value('plan'), 'test-plan');
  assert.equal(html((await web.get('/risks?plan=test-plan', manager)).body).href('Add a risk'), '/risks/new?plan=test-plan');
  const viewer = html((await web.get('/plans/test-plan', await web.signIn('viewer'))).body);
  assert.equal(viewer.href("This plan's risks"), '/risks?plan=test-plan');
  assert.equal(viewer.href('Add a risk to this plan'), undefined);
});

test('get new risk form does not offer the register of an archived plan, nor does its page, and a post naming it is refused', async () => {
  await web.db.services.plans.setArchived(as(web.ctx, 'manager'), 'test-plan', (await web.db.services.plans.tree(web.ctx, 'test-plan')).version, true);
  const manager = await web.signIn('manager');
  const form = html((await web.get('/risks/new', manager)).body);
  assert.deepEqual(form.all('select[name="plan"] option').map((o) => o.getAttribute('value')), ['']);
  assert.equal(html((await web.get('/plans/test-plan', manager)).body).href('Add a risk to this plan'), undefined);
  const before = await web.db.counts();
  const posted = await web.post('/risks', newRisk, manager);
  assert.equal(posted.statusCode, 400);
  assert.deepEqual(html(posted.body).errorSummary(), [
    { href: '#plan', text: '"Test improvement plan" is archived: its register takes no new risks. Take it out of the archive first, or choose another register' },
  ]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post risk with errors links each to its field and keeps what was typed', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/risks', { ...newRisk, reference: '', title: '', owner: '', likelihood: '', 'assessedOn-year': '' }, manager);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.deepEqual(page.errorSummary(), [
    { href: '#reference', text: 'Enter a reference for the risk, for example R7' },
    { href: '#title', text: 'Enter the risk, in a sentence' },
    { href: '#owner', text: 'Enter who owns the risk: a name, a role title or both' },
    { href: '#likelihood', text: 'Choose how likely the risk is, from 1 to 5' },
    { href: '#assessedOn-year', text: 'The date of the assessment must include a year' },
  ]);
  assert.equal(page.fieldError('title'), 'Enter the risk, in a sentence');
  assert.equal(page.value('mitigation'), 'Retention payments.');
  assert.deepEqual(await web.db.counts(), before);
});

test('post risk with a reference already used or an unknown action shows the error against its field', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const taken = await web.post('/risks', { ...newRisk, reference: 'R1' }, manager);
  assert.equal(taken.statusCode, 400);
  assert.deepEqual(html(taken.body).errorSummary(), [{ href: '#reference', text: 'There is already a risk R1 in this register: choose another reference' }]);
  const unknown = await web.post('/risks', { ...newRisk, actions: 'test-plan:99' }, manager);
  assert.equal(unknown.statusCode, 400);
  assert.match(html(unknown.body).errorFor('#actions') ?? '', /There is no action test-plan:99/);
  const future = await web.post('/risks', { ...newRisk, 'assessedOn-year': '2099' }, manager);
  assert.deepEqual(html(future.body).errorSummary(), [{ href: '#assessedOn-day', text: 'The date of the assessment must be today or in the past' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post risk edit saves the words and the links', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  const form = await web.get(`/risks/${risk.id}/edit`, manager);
  assert.equal(form.statusCode, 200);
  const page = html(form.body);
  assert.equal(page.value('title'), 'Not enough local foster carers');
  assert.equal(page.value('actions'), 'test-plan:1');
  const r = await web.post(
    `/risks/${risk.id}/edit`,
    { version: page.value('version') ?? '', title: 'Too few foster carers nearby', owner: 'Head of Placements', impact: 'Children placed far away.', mitigation: '', actions: 'test-plan:1\ntest-plan:2' },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/risks?done=risk-edited#risk-R1');
  const saved = await r1();
  assert.equal(saved.title, 'Too few foster carers nearby');
  assert.deepEqual(saved.actions, ['test-plan:1', 'test-plan:2']);
  assert.equal(saved.version, risk.version + 1);
});

test('post risk edit with an old version shows the other change and keeps what was typed', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  await web.db.services.risks.edit(as(web.ctx, 'admin'), risk.id, risk.version, {
    title: 'Carers leaving faster than we recruit',
    impact: '',
    mitigation: '',
    owner: 'Head of Placements',
    reviewDate: null,
    actions: [],
    measures: [],
  });
  const r = await web.post(`/risks/${risk.id}/edit`, { version: String(risk.version), title: 'My wording', owner: 'Head of Placements', actions: '' }, manager);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  const banner = page.text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed this risk since you opened it/);
  assert.match(banner, /Ada Admin edited the risk/);
  assert.match(banner, /Carers leaving faster than we recruit/);
  assert.equal(page.value('title'), 'My wording');
  assert.equal(page.value('version'), String(risk.version + 1));
  assert.equal((await r1()).title, 'Carers leaving faster than we recruit');
});

test('post risk score records the new score with its date and reason and shows the trend', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  const r = await web.post(
    `/risks/${risk.id}/score`,
    { version: String(risk.version), likelihood: '3', impactScore: '4', 'assessedOn-day': '2', 'assessedOn-month': '7', 'assessedOn-year': '2018', note: 'Recruitment campaign started' },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  const page = await web.get(String(r.headers.location), manager);
  const text = row(page.body, 'risk-R1');
  assert.match(text, /Falling \(was 16\)/);
  assert.deepEqual(html(page.body).rows('tr#risk-R1 table.parentis-risk-history'), [
    ['2 July 2018', '12 (3 × 4) Falling', 'Recruitment campaign started Pat Manager'],
    ['2 April 2018', '16 (4 × 4) First score', 'Not given Head of Placements'],
  ]);
});

test('post risk score with errors links each to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  const before = await web.db.counts();
  const r = await web.post(`/risks/${risk.id}/score`, { version: String(risk.version), likelihood: '6', impactScore: '', note: '' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#likelihood', text: 'Choose how likely the risk is, from 1 to 5' },
    { href: '#impactScore', text: 'Choose how much harm it would do, from 1 to 5' },
    { href: '#assessedOn-day', text: 'Enter the date of the assessment' },
    { href: '#note', text: 'Enter the reason for the new score' },
  ]);
  const early = await web.post(
    `/risks/${risk.id}/score`,
    { version: String(risk.version), likelihood: '2', impactScore: '2', 'assessedOn-day': '1', 'assessedOn-month': '1', 'assessedOn-year': '2018', note: 'Back-dated' },
    manager,
  );
  assert.deepEqual(html(early.body).errorSummary(), [{ href: '#assessedOn-day', text: 'The date of the assessment must be on or after the last one, 2018-04-02' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post risk score as the lead of its programme records it; as the owner answers 403', async () => {
  const risk = await r1();
  const body = { version: String(risk.version), likelihood: '2', impactScore: '4', 'assessedOn-day': '2', 'assessedOn-month': '7', 'assessedOn-year': '2018', note: 'Better' };
  const owner = await web.signIn('owner');
  const before = await web.db.counts();
  assert.equal((await web.get(`/risks/${risk.id}/score`, owner)).statusCode, 403);
  assert.equal((await web.post(`/risks/${risk.id}/score`, body, owner)).statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
  const lead = await web.signIn('lead');
  const r = await web.post(`/risks/${risk.id}/score`, body, lead);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal((await r1()).score, 8);
});

test('post risk score and risk close with an old version show the other change, keep what was typed and change nothing', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  await web.db.services.risks.rescoreById(as(web.ctx, 'admin'), risk.id, risk.version, { likelihood: 2, impact: 4, assessedOn: '2018-06-01', note: 'Carers approved in May' });
  const before = await web.db.counts();
  const score = await web.post(
    `/risks/${risk.id}/score`,
    { version: String(risk.version), likelihood: '3', impactScore: '4', 'assessedOn-day': '2', 'assessedOn-month': '7', 'assessedOn-year': '2018', note: 'My reason' },
    manager,
  );
  assert.equal(score.statusCode, 409, score.body.slice(0, 500));
  assert.match(html(score.body).text('#stale-change') ?? '', /Someone else changed this risk since you opened it/);
  assert.match(html(score.body).text('#stale-change') ?? '', /Ada Admin re-scored the risk/);
  assert.equal(html(score.body).value('note'), 'My reason');
  const close = await web.post(`/risks/${risk.id}/close`, { version: String(risk.version), 'closedOn-day': '31', 'closedOn-month': '3', 'closedOn-year': '2019', reason: 'My closing reason' }, manager);
  assert.equal(close.statusCode, 409, close.body.slice(0, 500));
  assert.match(html(close.body).text('#stale-change') ?? '', /Ada Admin re-scored the risk/);
  assert.equal(html(close.body).value('reason'), 'My closing reason');
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await r1()).score, 8);
});

test('post risk close closes it with its date and reason and takes it off the heat map', async () => {
  const manager = await web.signIn('manager');
  const risk = await r1();
  const form = await web.get(`/risks/${risk.id}/close`, manager);
  assert.equal(html(form.body).heading(), 'Close: Not enough local foster carers');
  const missing = await web.post(`/risks/${risk.id}/close`, { version: String(risk.version), reason: '' }, manager);
  assert.deepEqual(html(missing.body).errorSummary(), [
    { href: '#closedOn-day', text: 'Enter the date the risk was closed' },
    { href: '#reason', text: 'Enter why the risk is being closed' },
  ]);
  const r = await web.post(
    `/risks/${risk.id}/close`,
    { version: String(risk.version), 'closedOn-day': '31', 'closedOn-month': '3', 'closedOn-year': '2019', reason: 'Enough carers approved' },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  const page = await web.get(String(r.headers.location), manager);
  assert.match(row(page.body, 'risk-R1'), /Closed on 31 March 2019: Enough carers approved/);
  assert.match(html(page.body).text('td#heat-l4-i4') ?? '', /0 risks/);
});

for (const role of ['lead', 'owner', 'analyst', 'viewer'] as const) {
  test(`post risk add, edit, close${role === 'lead' ? '' : ' and re-score'} as ${role} answers 403 and changes nothing`, async () => {
    const person = await web.signIn(role);
    const risk = await r1();
    const before = await web.db.counts();
    assert.equal((await web.post('/risks', newRisk, person)).statusCode, 403);
    assert.equal((await web.post(`/risks/${risk.id}/edit`, { version: String(risk.version), title: 'Changed', owner: 'Someone' }, person)).statusCode, 403);
    if (role !== 'lead') {
      const score = { version: String(risk.version), likelihood: '2', impactScore: '2', 'assessedOn-day': '2', 'assessedOn-month': '7', 'assessedOn-year': '2018', note: 'No' };
      assert.equal((await web.post(`/risks/${risk.id}/score`, score, person)).statusCode, 403);
    }
    const close = await web.post(`/risks/${risk.id}/close`, { version: String(risk.version), 'closedOn-day': '1', 'closedOn-month': '1', 'closedOn-year': '2019', reason: 'No' }, person);
    assert.equal(close.statusCode, 403);
    assert.equal(html(close.body).heading(), 'You cannot do this');
    assert.deepEqual(await web.db.counts(), before);
    const after = await r1();
    assert.equal(after.version, risk.version);
    assert.equal(after.title, risk.title);
  });
}

test('post risk edit links the measures ticked and shows them on the register', async () => {
  const manager = await web.signIn('manager');
  await web.db.services.measures.define(web.ctx, { code: 'placements-3plus', title: '3+ placements', unit: 'percent', polarity: 'lower is better', frequency: 'monthly' });
  const [measure] = await web.db.services.risks.measureChoices(web.ctx);
  assert.ok(measure);
  const risk = await r1();
  const form = html((await web.get(`/risks/${risk.id}/edit`, manager)).body);
  assert.equal(form.text(`label[for="measures"]`), 'placements-3plus: 3+ placements');
  const r = await web.post(`/risks/${risk.id}/edit`, { version: String(risk.version), title: risk.title, owner: risk.owner, actions: 'test-plan:1', measures: String(measure.id) }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.deepEqual((await r1()).measures.map((m) => m.code), ['placements-3plus']);
  assert.match(row((await web.get(String(r.headers.location), manager)).body, 'risk-R1'), /Linked measures placements-3plus: 3\+ placements/);
  const bad = await web.post(`/risks/${risk.id}/edit`, { version: String(risk.version + 1), title: risk.title, owner: risk.owner, measures: '999' }, manager);
  assert.deepEqual(html(bad.body).errorSummary(), [{ href: '#measures', text: 'Choose measures from the list' }]);
});
