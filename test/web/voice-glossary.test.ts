// The voice of the child and glossary pages on injected requests, and known acronyms marked as <abbr>.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { Store } from '../../src/repositories/store.ts';
import { addGlossaryTerms } from '../../src/services/glossary.service.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, planFixture());
  await new Store(web.db.handle.db).transaction((repos) =>
    addGlossaryTerms(repos, web.ctx, [
      { term: 'CLA', expansion: 'Children Looked After', definition: 'Children in the care of the local authority.' },
      { term: 'PEP', expansion: 'Personal Education Plan', definition: 'Part of the care plan for CLA, reviewed each term.' },
      { term: 'The Pledge', expansion: 'The Pledge to children looked after', definition: 'The council’s written promises.' },
      { term: 'Staying Put', expansion: 'Staying Put', definition: 'Staying with former foster carers after 18.' },
    ]),
  );
  await web.db.services.voice.add(web.ctx, {
    council: 'Testshire In Care Council',
    priority: 'Moving with proper bags',
    youSaid: 'My stuff went in bin bags. <b>It makes you feel like rubbish.</b>',
    weDid: 'The CLA team now gives every child who moves a holdall to keep.',
    raisedBy: 'Young person, aged 13',
    raisedOn: '2018-02-18',
    status: 'in-progress',
    actions: ['test-plan:1'],
  });
});

test('get voice shows what young people said and what was done, with status and the actions answering it', async () => {
  const r = await web.get('/voice', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Voice of the child: you said, we did<\/h1>/);
  assert.match(r.body, /<h2 class="govuk-heading-l[^"]*" id="council-testshire-in-care-council">Testshire In Care Council<\/h2>/);
  assert.match(r.body, /<h3 class="govuk-heading-m" id="item-1-heading">Moving with proper bags<\/h3>/);
  assert.match(r.body, /<h4 class="govuk-heading-s govuk-!-margin-bottom-2">You said<\/h4>\s*<blockquote[^>]*><p class="govuk-body">My stuff went in bin bags\./);
  assert.match(r.body, /<h4 class="govuk-heading-s govuk-!-margin-bottom-2">We did<\/h4>/);
  assert.match(r.body, /govuk-tag--blue">\s*In progress\s*</);
  assert.match(r.body, /Raised by Young person, aged 13 on 18 February 2018/);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/1">test-plan:1<\/a> Recruit more foster carers/);
});

test('get voice marks a known acronym with its expansion and escapes the young people’s words', async () => {
  const r = await web.get('/voice', await web.signIn('viewer'));
  assert.match(r.body, /The <abbr title="Children Looked After">CLA<\/abbr> team now gives every child/);
  assert.match(r.body, /&lt;b&gt;It makes you feel like rubbish\.&lt;\/b&gt;/);
  assert.doesNotMatch(r.body, /<b>It makes/);
});

test('get glossary lists the terms under their letters with expansions and an A to Z index', async () => {
  const r = await web.get('/glossary', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Glossary<\/h1>/);
  const letters = [...r.body.matchAll(/<h2 class="govuk-heading-l parentis-glossary__letter" id="letter-([a-z]+)">/g)].map((m) => m[1]);
  assert.deepEqual(letters, ['c', 'p', 's']);
  assert.match(r.body, /<a class="govuk-link" href="#letter-c">C<\/a>/);
  assert.match(r.body, /<span class="parentis-a-to-z__empty">A<span class="govuk-visually-hidden"> \(no terms\)<\/span><\/span>/);
  assert.match(r.body, /CLA <span class="parentis-glossary__expansion">– Children Looked After<\/span><\/dt>/);
  // "The Pledge" is filed under P, as people look it up; "Staying Put" is not repeated as its own expansion.
  assert.match(r.body, /id="letter-p">P<\/h2>[\s\S]*The Pledge[\s\S]*id="letter-s"/);
  assert.match(r.body, /Staying Put<\/dt>/);
  assert.match(r.body, /Part of the care plan for <abbr title="Children Looked After">CLA<\/abbr>, reviewed each term\./);
});
