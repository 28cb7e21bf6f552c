// The glossary's forms on injected requests: add, edit and retire a term — success, each error linked
// to its field, a stale edit refused with the other change shown, and roles without the capability
// refused; and a term's first use on a page expanded in the text.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html } from '../helpers/html.ts';
import { as, ledPlanFixture, people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });
let termId = 0;

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  termId = (await web.db.services.glossary.add(web.ctx, { term: 'IRO', expansion: 'independent reviewing officer', definition: 'Chairs each CLA review.' })).id;
});

const term = async () => web.db.services.glossary.get(web.ctx, termId);

test('post glossary as the administrator adds a term that pages then expand at first use', async () => {
  const admin = await web.signIn('admin');
  const r = await web.post('/glossary', { term: 'CLA', expansion: 'children looked after', definition: 'Children in the care of the council.' }, admin);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/glossary?done=term-added#term-cla');
  const page = html((await web.get(String(r.headers.location), admin)).body);
  assert.match(page.banners().join(), /The term has been added to the glossary/);
  assert.ok(page.texts('dt').includes('CLA – children looked after'));
  // The glossary lists each expansion already, so its definitions only mark the acronym.
  assert.ok(page.texts('dd').some((d) => d.startsWith('Chairs each CLA review.')));
  // On the voice page the first CLA is followed by its expansion, the second is not.
  await web.db.services.voice.add(web.ctx, {
    council: 'Testshire In Care Council',
    priority: 'CLA reviews',
    youSaid: 'My CLA review was at school.',
    raisedBy: 'Young person',
    raisedOn: '2018-02-18',
  });
  const voice = html((await web.get('/voice', admin)).body);
  assert.equal(voice.text('section h3'), 'CLA (children looked after) reviews');
  assert.match(voice.text('section blockquote') ?? '', /^My CLA review was at school\.$/);
});

test('post glossary with errors links each to its field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/glossary', { term: '', expansion: '', definition: 'Kept' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#term', text: 'Enter the term or abbreviation' },
    { href: '#expansion', text: 'Enter what it stands for, or the term again if it is not an abbreviation' },
  ]);
  assert.equal(html(r.body).value('definition'), 'Kept');
  const taken = await web.post('/glossary', { term: 'iro', expansion: 'Something else' }, manager);
  assert.deepEqual(html(taken.body).errorSummary(), [{ href: '#term', text: '"IRO" is already in the glossary: edit that term instead' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('post glossary edit saves the term; with an old version shows the other change', async () => {
  const manager = await web.signIn('manager');
  const { version } = await term();
  const form = html((await web.get(`/glossary/${termId}/edit`, manager)).body);
  assert.equal(form.value('expansion'), 'independent reviewing officer');
  const r = await web.post(`/glossary/${termId}/edit`, { version: String(version), term: 'IRO', expansion: 'Independent Reviewing Officer', definition: 'Chairs reviews.' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal((await term()).expansion, 'Independent Reviewing Officer');
  const stale = await web.post(`/glossary/${termId}/edit`, { version: String(version), term: 'IRO', expansion: 'My wording', definition: '' }, await web.signIn('admin'));
  assert.equal(stale.statusCode, 409);
  const banner = html(stale.body).text('#stale-change') ?? '';
  assert.match(banner, /Pat Manager edited the term/);
  assert.match(banner, /Independent Reviewing Officer/);
  assert.equal(html(stale.body).value('expansion'), 'My wording');
  assert.equal((await term()).expansion, 'Independent Reviewing Officer');
});

test('post glossary retire takes the term off the pages and lists it as retired', async () => {
  const manager = await web.signIn('manager');
  const { version } = await term();
  const r = await web.post(`/glossary/${termId}/retire`, { version: String(version) }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/glossary?done=term-retired#retired-terms');
  const page = html((await web.get(String(r.headers.location), manager)).body);
  assert.ok(!page.texts('dt').some((t) => t.startsWith('IRO')));
  assert.match(page.text('#retired-terms + p + ul') ?? '', /IRO – independent reviewing officer \(retired/);
  assert.equal((await web.db.services.glossary.list(web.ctx)).length, 0);
  const again = await web.post(`/glossary/${termId}/retire`, { version: String(version) }, manager);
  assert.equal(again.statusCode, 409);
  const viewerPage = html((await web.get('/glossary', await web.signIn('viewer'))).body);
  assert.equal(viewerPage.find('#retired-terms'), undefined);
});

for (const role of ['lead', 'owner', 'analyst', 'viewer'] as const) {
  test(`post glossary forms as ${role} answers 403 and changes nothing`, async () => {
    const person = await web.signIn(role);
    const { version } = await term();
    const before = await web.db.counts();
    assert.equal((await web.post('/glossary', { term: 'PEP', expansion: 'personal education plan' }, person)).statusCode, 403);
    assert.equal((await web.post(`/glossary/${termId}/edit`, { version: String(version), term: 'IRO', expansion: 'Changed' }, person)).statusCode, 403);
    const retire = await web.post(`/glossary/${termId}/retire`, { version: String(version) }, person);
    assert.equal(retire.statusCode, 403);
    assert.equal(html(retire.body).heading(), 'You cannot do this');
    assert.equal((await web.get('/glossary/new', person)).statusCode, 403);
    assert.deepEqual(await web.db.counts(), before);
    assert.equal((await term()).version, version);
  });
}

test('edit glossary term by the command line is refused for a stale version', async () => {
  const { version } = await term();
  await web.db.services.glossary.edit(as(web.ctx, 'admin'), termId, version, { term: 'IRO', expansion: 'IRO', definition: '' });
  await assert.rejects(() => web.db.services.glossary.edit(web.ctx, termId, version, { term: 'IRO', expansion: 'Other', definition: '' }), /changed by someone else/);
});
