// Cross-references as things of their own, on injected requests: recording and editing what a
// reference says (success, each error linked to its field, a stale edit refused with the other change
// shown, roles without the capability refused with nothing changed), the reference's page with its
// text, actions and the measures they aim to move, the action's edit form linking references and
// library measures, and the site search finding a reference by its number and by its words.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { ledPlanFixture, people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  await web.db.services.measures.define(web.ctx, { code: 'placement-stability', title: 'Children in the same placement for two years', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
  await web.db.services.measures.define(web.ctx, { code: 'health-checks', title: 'Health checks on time', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
});

const recommendation11 = {
  kind: 'inspection',
  value: '11',
  title: 'Placement choice and stability',
  body: 'Increase placement choice and stability so that more children live in a permanent home.',
  source: 'Inspection of children’s social care services',
  'issuedOn-day': '27',
  'issuedOn-month': '11',
  'issuedOn-year': '2017',
};

const record = () =>
  web.db.services.references.add(web.ctx, { kind: 'inspection', value: '11', title: recommendation11.title, body: recommendation11.body, source: recommendation11.source, issuedOn: '2017-11-27' });

test('post refs as the manager records a reference that its page then shows with source, date and actions', async () => {
  const manager = await web.signIn('manager');
  const before = html((await web.get('/refs/inspection/11', manager)).body);
  assert.match(before.text('#no-text') ?? '', /No text recorded yet — add it/);
  assert.equal(before.href('add it for inspection recommendation 11'), '/refs/new?kind=inspection&value=11');
  const form = html((await web.get('/refs/new?kind=inspection&value=11', manager)).body);
  assert.deepEqual(form.checked('kind'), ['inspection']);
  assert.equal(form.value('value'), '11');
  const r = await web.post('/refs', recommendation11, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/refs/inspection/11?done=reference-added');
  const page = html((await web.get(String(r.headers.location), manager)).body);
  assert.match(page.banners().join(), /The cross-reference has been recorded/);
  assert.equal(page.heading(), 'Inspection recommendation 11');
  assert.equal(page.text('#ref-title'), 'Placement choice and stability');
  assert.match(page.main(), /Increase placement choice and stability so that more children live in a permanent home\./);
  assert.match(page.main(), /Inspection of children’s social care services/);
  assert.match(page.main(), /27 November 2017/);
  assert.equal(page.href('1 Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.equal(page.find('#no-text'), undefined);
  const audit = (await web.db.services.audit.list(web.ctx, { entity: 'inspection:11' })).filter((e) => e.entityType === 'cross_reference');
  assert.deepEqual(audit.map((e) => [e.event, e.actor, e.entityKey]), [['reference.added', 'Pat Manager', 'inspection:11']]);
});

test('get the reference page as a board member shows no add or edit links', async () => {
  const viewer = await web.signIn('viewer');
  const bare = html((await web.get('/refs/challenge/4', viewer)).body);
  assert.equal(bare.text('#no-text'), 'No text recorded yet.');
  await record();
  const page = html((await web.get('/refs/inspection/11', viewer)).body);
  assert.equal(page.links('main').some((l) => l.href.endsWith('/edit')), false);
});

test('post refs with errors links each to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/refs', { kind: '', value: '', title: '', body: '', source: 'Kept', 'issuedOn-day': '31', 'issuedOn-month': '2', 'issuedOn-year': '2017' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#kind', text: 'Choose what kind of reference it is' },
    { href: '#body', text: 'Enter what it says, or a short title' },
    { href: '#issuedOn-day', text: 'The date of the document must be a real date, for example 31 3 2019' },
  ]);
  assert.equal(html(r.body).value('source'), 'Kept');
  const badNumber = await web.post('/refs', { ...recommendation11, value: '11 and 12' }, manager);
  assert.deepEqual(html(badNumber.body).errorSummary(), [
    { href: '#value', text: 'The number of the inspection recommendation is letters, digits and full stops, up to 20 characters, for example 11, 4 or 2a' },
  ]);
  const noNumber = await web.post('/refs', { ...recommendation11, value: '' }, manager);
  assert.deepEqual(html(noNumber.body).errorSummary(), [{ href: '#value', text: 'Enter the number of the inspection recommendation' }]);
  assert.deepEqual(await web.db.counts(), before);
  await record();
  const taken = await web.post('/refs', recommendation11, manager);
  assert.equal(taken.statusCode, 400);
  assert.deepEqual(html(taken.body).errorSummary(), [{ href: '#value', text: 'Inspection recommendation 11 is already recorded: edit it instead' }]);
});

test('post refs edit saves the text; with an old version shows the other change and keeps what was typed', async () => {
  const ref = await record();
  const manager = await web.signIn('manager');
  const form = html((await web.get('/refs/inspection/11/edit', manager)).body);
  assert.equal(form.heading(), 'Edit inspection recommendation 11');
  assert.equal(form.value('title'), 'Placement choice and stability');
  assert.equal(form.value('issuedOn-year'), '2017');
  const fields = { version: String(ref.version), title: 'Placement stability', body: 'More children stay in one home.', source: 'Ofsted report', 'issuedOn-day': '', 'issuedOn-month': '', 'issuedOn-year': '' };
  const r = await web.post('/refs/inspection/11/edit', fields, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/refs/inspection/11?done=reference-edited');
  const saved = await web.db.services.references.get(web.ctx, 'inspection', '11');
  assert.deepEqual([saved.title, saved.body, saved.issuedOn, saved.version], ['Placement stability', 'More children stay in one home.', null, ref.version + 1]);
  const stale = await web.post('/refs/inspection/11/edit', { ...fields, body: 'My wording' }, await web.signIn('admin'));
  assert.equal(stale.statusCode, 409);
  const banner = html(stale.body).text('#stale-change') ?? '';
  assert.match(banner, /Pat Manager edited the cross-reference/);
  assert.match(banner, /More children stay in one home\./);
  assert.equal(html(stale.body).value('body'), 'My wording');
  assert.equal((await web.db.services.references.get(web.ctx, 'inspection', '11')).body, 'More children stay in one home.');
  const empty = await web.post('/refs/inspection/11/edit', { ...fields, version: String(saved.version), title: '', body: '' }, manager);
  assert.deepEqual(html(empty.body).errorSummary(), [{ href: '#body', text: 'Enter what it says, or a short title' }]);
});

for (const role of ['lead', 'owner', 'analyst', 'viewer'] as const) {
  test(`post refs and refs edit as ${role} answer 403 and change nothing`, async () => {
    const ref = await record();
    const as = await web.signIn(role);
    const before = await web.db.counts();
    const add = await web.post('/refs', { ...recommendation11, value: '12' }, as);
    assert.equal(add.statusCode, 403);
    const edit = await web.post('/refs/inspection/11/edit', { version: String(ref.version), title: 'Mine', body: 'Mine', source: '' }, as);
    assert.equal(edit.statusCode, 403);
    assert.equal(html(edit.body).heading(), 'You cannot do this');
    assert.deepEqual(await web.db.counts(), before);
    assert.equal((await web.db.services.references.get(web.ctx, 'inspection', '11')).title, 'Placement choice and stability');
  });
}

test('get a recorded reference no action cites shows its text and says no action cites it', async () => {
  await web.db.services.references.add(web.ctx, { kind: 'challenge', value: '6', title: 'Emotional health', body: 'Needs are not met early enough.', source: '', issuedOn: null });
  const page = html((await web.get('/refs/challenge/6', await web.signIn('viewer'))).body);
  assert.equal(page.heading(), 'Challenge 6');
  assert.match(page.main(), /No action cites challenge 6 yet\./);
  const list = html((await web.get('/refs', await web.signIn('viewer'))).body);
  assert.ok(list.rows().some((cells) => cells[0] === 'Challenge 6' && cells[1] === 'Emotional health' && cells[2] === '0'));
});

test('post the action edit form links references and library measures, shown by title on the action, reference and measure pages', async () => {
  await record();
  await web.db.services.references.add(web.ctx, { kind: 'programme', value: '6', title: 'Children in care and care leavers', body: 'Improving outcomes.', source: '', issuedOn: null });
  const manager = await web.signIn('manager');
  const form = html((await web.get('/plans/test-plan/actions/1/edit', manager)).body);
  assert.deepEqual(form.checked('refs'), ['inspection:11', 'challenge:4']);
  assert.deepEqual(form.checked('measures'), []);
  assert.ok(form.texts('label').includes('Programme 6'));
  assert.ok(form.texts('label').includes('Health checks on time'));
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  const r = await web.post(
    '/plans/test-plan/actions/1/edit',
    {
      version: String(version),
      title: 'Recruit more foster carers',
      ownerName1: 'Jo Example',
      ownerRole1: 'Fostering Manager',
      refsOffered: 'yes',
      refs: ['inspection:11', 'programme:6'],
      newRefKind: 'challenge',
      newRefValue: '2',
      measures: 'placement-stability',
    },
    manager,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 800));
  const action = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  assert.deepEqual(action.refs.map((x) => `${x.kind}:${x.value}`).sort(), ['challenge:2', 'inspection:11', 'measure:placement-stability', 'programme:6']);
  const edited = (await web.db.services.audit.list(web.ctx, { entity: 'test-plan:1' })).find((e) => e.event === 'action.edited');
  assert.deepEqual((edited?.after as { refs: string[] }).refs.sort(), ['challenge:2', 'inspection:11', 'measure:placement-stability', 'programme:6']);
  const page = html((await web.get('/plans/test-plan/actions/1', manager)).body);
  assert.equal(page.href('Children in the same placement for two years'), '/measures/placement-stability');
  assert.equal(page.find('a[href="/measures/placement-stability"]')?.textContent, 'Children in the same placement for two years');
  assert.doesNotMatch(page.text('main') ?? '', /placement-stability/);
  assert.ok(page.texts('li').some((t) => t.startsWith('Inspection recommendation 11: Placement choice and stability')));
  const ref = html((await web.get('/refs/programme/6', manager)).body);
  assert.equal(ref.href('1 Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.equal(ref.href('Children in the same placement for two years'), '/measures/placement-stability');
  const measure = html((await web.get('/measures/placement-stability', manager)).body);
  assert.ok(measure.links('main').some((l) => l.href === '/plans/test-plan/actions/1'));
});

test('post the action edit form with a bad new reference or an unknown measure links the error to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  const base = { version: String(version), title: 'Recruit more foster carers', ownerName1: 'Jo Example', refsOffered: 'yes', refs: ['inspection:11', 'challenge:4'] };
  const before = await web.db.counts();
  const noKind = await web.post('/plans/test-plan/actions/1/edit', { ...base, newRefKind: '', newRefValue: '7' }, manager);
  assert.equal(noKind.statusCode, 400);
  assert.deepEqual(html(noKind.body).errorSummary(), [{ href: '#newRefKind', text: 'Choose what kind of reference the new number is' }]);
  assert.equal(html(noKind.body).value('newRefValue'), '7');
  const noNumber = await web.post('/plans/test-plan/actions/1/edit', { ...base, newRefKind: 'programme', newRefValue: '' }, manager);
  assert.deepEqual(html(noNumber.body).errorSummary(), [{ href: '#newRefValue', text: 'Enter the number of the programme' }]);
  const unknown = await web.post('/plans/test-plan/actions/1/edit', { ...base, measures: ['placement-stability', 'made-up'] }, manager);
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(html(unknown.body).errorSummary(), [{ href: '#measures', text: 'There is no measure "made-up" in the library: choose the measures from the list' }]);
  assert.deepEqual(await web.db.counts(), before);
  assert.deepEqual((await web.db.services.actions.show(web.ctx, 'test-plan:1')).refs.map((x) => `${x.kind}:${x.value}`), ['inspection:11', 'challenge:4']);
});

test('post the action edit form from an old version shows the other change to the links and saves nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  const fields = { version: String(version), title: 'Recruit more foster carers', ownerName1: 'Jo Example', refsOffered: 'yes', refs: ['inspection:11'], measures: 'health-checks' };
  assert.equal((await web.post('/plans/test-plan/actions/1/edit', fields, manager)).statusCode, 303);
  const stale = await web.post('/plans/test-plan/actions/1/edit', { ...fields, refs: ['challenge:4'], measures: [] }, await web.signIn('admin'));
  assert.equal(stale.statusCode, 409);
  const page = html(stale.body);
  assert.match(page.text('#stale-change') ?? '', /Pat Manager edited the action/);
  assert.match(page.main(), /Health checks on time/);
  assert.deepEqual(page.checked('refs'), ['challenge:4']);
  assert.deepEqual((await web.db.services.actions.show(web.ctx, 'test-plan:1')).refs.map((x) => `${x.kind}:${x.value}`), ['inspection:11', 'measure:health-checks']);
});

for (const role of ['lead', 'owner', 'analyst', 'viewer'] as const) {
  test(`post the action edit form linking a reference as ${role} answers 403 and links nothing`, async () => {
    await record();
    const person = await web.signIn(role);
    const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:2');
    const before = await web.db.counts();
    const r = await web.post(
      '/plans/test-plan/actions/2/edit',
      { version: String(version), title: 'Offer every care leaver a personal adviser', ownerName1: 'Jo Example', refsOffered: 'yes', refs: ['inspection:11'], measures: 'health-checks' },
      person,
    );
    assert.equal(r.statusCode, 403, r.body.slice(0, 300));
    assert.equal(html(r.body).heading(), 'You cannot do this');
    assert.deepEqual(await web.db.counts(), before);
    const after = await web.db.services.actions.show(web.ctx, 'test-plan:2');
    assert.equal(after.version, version);
    assert.ok(!after.refs.some((x) => x.kind === 'inspection' && x.value === '11'));
  });
}

test('search finds a reference by its number and by a word of what it says', async () => {
  await record();
  const viewer = await web.signIn('viewer');
  const byNumber = html((await web.get('/search?q=inspection+recommendation+11', viewer)).body);
  assert.equal(byNumber.href('Inspection recommendation 11: Placement choice and stability'), '/refs/inspection/11');
  const byWords = html((await web.get('/search?q=permanent+home', viewer)).body);
  assert.equal(byWords.href('Inspection recommendation 11: Placement choice and stability'), '/refs/inspection/11');
  assert.match(byWords.main(), /Found 1 cross-reference, 0 actions and 0 progress updates containing ‘permanent home’\./);
  const cited = html((await web.get('/search?q=challenge+4', viewer)).body);
  assert.equal(cited.href('Challenge 4'), '/refs/challenge/4');
  const other = html((await web.get('/search?q=challenge+9', viewer)).body);
  assert.equal(other.links('main').some((l) => l.href.startsWith('/refs/')), false);
});
