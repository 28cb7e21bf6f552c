// The search page on injected requests: actions and progress updates found by their words, in context.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { Store } from '../../src/repositories/store.ts';
import { addGlossaryTerms } from '../../src/services/glossary.service.ts';
import { authority } from '../helpers/database.ts';
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
  assert.match(r.body, /<title>Search: radio advert – Testshire County Council – Parentis<\/title>/);
  assert.match(r.body, /Found 0 actions and 1 progress update containing ‘radio advert’\./);
  assert.match(r.body, /<h2 class="govuk-heading-m">Progress updates<\/h2>/);
  assert.match(r.body, /<a class="govuk-link" href="\/plans\/test-plan\/actions\/1">Update of 31 May 2018 on test-plan:1<\/a>/);
  assert.match(r.body, /Campaign designed\. <mark class="parentis-search-match">Radio advert<\/mark> booked Events planned/);
  assert.doesNotMatch(r.body, /other-plan/);
});

test('search ignores case and finds an action by its title', async () => {
  const r = await web.get('/search?q=FOSTER', await web.signIn('owner'));
  assert.match(r.body, /<h2 class="govuk-heading-m">Actions<\/h2>/);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/1">1 Recruit more foster carers<\/a>/);
  assert.match(r.body, /govuk-tag--orange">Amber</);
  assert.doesNotMatch(r.body, /other-plan/);
});

test('search finds an action by its description and marks known acronyms in the match', async () => {
  const r = await web.get('/search?q=personal+adviser+from', await web.signIn('viewer'));
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/2">2 Offer every care leaver a personal adviser<\/a>/);
  assert.match(r.body, /In the description: Every care leaver is offered a <mark class="parentis-search-match">personal adviser from<\/mark> the <abbr title="Children Looked After">CLA<\/abbr> team/);
});

test('search treats a percent sign as the character, not a wildcard', async () => {
  const r = await web.get('/search?q=100%25', await web.signIn('viewer'));
  assert.match(r.body, /In the success measures: <mark class="parentis-search-match">100%<\/mark> of care leavers/);
  const none = await web.get('/search?q=10%25+of', await web.signIn('viewer'));
  assert.match(none.body, /Nothing found for ‘10% of’/);
});

test('search with nothing typed shows the search box and no results', async () => {
  const r = await web.get('/search', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<label class="govuk-label govuk-label--l" for="q">\s*Search actions and progress updates\s*<\/label>/);
  assert.doesNotMatch(r.body, /Found |Nothing found/);
});

test('search with one letter shows the error summary linked to the search box', async () => {
  const r = await web.get('/search?q=a', await web.signIn('viewer'));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<title>Error: Search – /);
  assert.match(r.body, /<a href="#q">Enter at least 2 characters to search for<\/a>/);
});

test('search escapes what was typed', async () => {
  const r = await web.get(`/search?q=${encodeURIComponent('<script>x</script>')}`, await web.signIn('viewer'));
  assert.match(r.body, /Nothing found for ‘&lt;script&gt;x&lt;\/script&gt;’/);
  assert.doesNotMatch(r.body, /<script>x/);
});
