// The search page on injected requests: actions and progress updates found by their words, in context.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { Store } from '../../src/repositories/store.ts';
import { addGlossaryTerms } from '../../src/services/glossary.service.ts';
import { authority } from '../helpers/database.ts';
import { html } from '../helpers/html.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, planFixture());
  const version = (await web.db.services.actions.show(web.ctx, 'test-plan:2')).version;
  await web.db.services.actions.edit(web.ctx, 'test-plan:2', {
    expectedVersion: version,
    description: 'Every care leaver is offered a personal adviser from the CLA team before they turn 18.',
    successMeasures: '100% of care leavers have a pathway plan.',
  });
  await new Store(web.db.handle.db).transaction((repos) =>
    addGlossaryTerms(repos, web.ctx, [{ term: 'CLA', expansion: 'Children Looked After', definition: '' }]),
  );
  // Another authority's plan with the same words must never show.
  const other = await authority(web.db, 'Other Officer');
  await web.db.services.plans.importDocument(other, planFixture('other-plan'));
});

test('search finds an action by a word in its progress update and shows the match in context', async () => {
  const r = await web.get('/search?q=radio+advert', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.title(), 'Search: radio advert – Testshire County Council – Parentis');
  assert.match(page.main(), /Found 0 actions and 1 progress update containing ‘radio advert’\./);
  assert.ok(page.texts('h2').includes('Progress updates'));
  assert.equal(page.href('Update of 31 May 2018 on Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.deepEqual(page.texts('mark.parentis-search-match'), ['Radio advert']);
  assert.match(page.main(), /Test improvement plan, action 1 · by Jo Example/);
  assert.doesNotMatch(page.main(), /test-plan:1/);
  assert.match(page.main(), /Campaign designed\. Radio advert booked Events planned/);
  assert.doesNotMatch(r.body, /other-plan/);
});

test('search ignores case and finds an action by its title', async () => {
  const r = await web.get('/search?q=FOSTER', await web.signIn('owner'));
  const page = html(r.body);
  assert.ok(page.texts('h2').includes('Actions'));
  assert.equal(page.href('Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.ok(page.texts('.govuk-tag--orange').includes('Amber'));
  assert.doesNotMatch(r.body, /other-plan/);
});

test('search finds an action by its description and marks known acronyms in the match', async () => {
  const r = await web.get('/search?q=personal+adviser+from', await web.signIn('viewer'));
  const page = html(r.body);
  assert.equal(page.href('Offer every care leaver a personal adviser'), '/plans/test-plan/actions/2');
  assert.match(page.main(), /In the description: Every care leaver is offered a personal adviser from the CLA \(Children Looked After\) team/);
  assert.deepEqual(page.texts('mark.parentis-search-match'), ['personal adviser from']);
  assert.equal(page.text('abbr[title="Children Looked After"]'), 'CLA');
});

test('search treats a percent sign as the character, not a wildcard', async () => {
  const r = await web.get('/search?q=100%25', await web.signIn('viewer'));
  assert.match(html(r.body).main(), /In the success measures: 100% of care leavers/);
  assert.deepEqual(html(r.body).texts('mark.parentis-search-match'), ['100%']);
  const none = await web.get('/search?q=10%25+of', await web.signIn('viewer'));
  assert.match(html(none.body).main(), /Nothing found for ‘10% of’/);
});

test('search with nothing typed shows the search box and no results', async () => {
  const r = await web.get('/search', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.text('label[for="q"]'), 'Search actions, progress updates and cross-references');
  assert.ok(page.find('label[for="q"]')?.classList.contains('govuk-label--l'));
  assert.doesNotMatch(page.main(), /Found |Nothing found/);
});

test('search with one letter shows the error summary linked to the search box', async () => {
  const r = await web.get('/search?q=a', await web.signIn('viewer'));
  assert.equal(r.statusCode, 400);
  assert.match(html(r.body).title(), /^Error: Search – /);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#q', text: 'Enter at least 2 characters to search for' }]);
});

test('search escapes what was typed', async () => {
  const r = await web.get(`/search?q=${encodeURIComponent('<script>x</script>')}`, await web.signIn('viewer'));
  // Read as text, the page shows what was typed; in the HTML it is escaped, never a script.
  assert.match(html(r.body).main(), /Nothing found for ‘<script>x<\/script>’/);
  assert.doesNotMatch(r.body, /<script>x/);
});
