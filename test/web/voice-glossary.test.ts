// The voice of the child and glossary pages on injected requests, and known acronyms marked as <abbr>.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { Store } from '../../src/repositories/store.ts';
import { addGlossaryTerms } from '../../src/services/glossary.service.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { html, words } from '../helpers/html.ts';
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
  const page = html(r.body);
  assert.equal(page.heading(), 'You said, we did');
  assert.equal(page.text('h2#council-testshire-in-care-council'), 'Testshire In Care Council');
  assert.equal(page.text('h3#item-1-heading'), 'Moving with proper bags');
  const said = page.all('h4').find((h) => words(h.text) === 'What you said');
  assert.ok(said, 'a "What you said" heading');
  assert.equal(said.nextElementSibling?.tagName, 'BLOCKQUOTE');
  assert.match(words(said.nextElementSibling?.querySelector('p.govuk-body')?.text ?? ''), /^My stuff went in bin bags\./);
  assert.ok(page.texts('h4').includes('What we did'));
  assert.ok(page.texts('.govuk-tag--blue').includes('We are working on it'));
  assert.match(page.main(), /Young person, aged 13 told us on 18 February 2018\./);
  assert.equal(page.href('Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.match(page.main(), /Recruit more foster carers – Test improvement plan, action 1/);
  assert.doesNotMatch(page.main(), /test-plan:1/);
});

test('get voice marks a known acronym with its expansion and escapes the young people’s words', async () => {
  const r = await web.get('/voice', await web.signIn('viewer'));
  const page = html(r.body);
  assert.match(page.main(), /The CLA \(Children Looked After\) team now gives every child/);
  assert.ok(page.all('abbr[title="Children Looked After"]').some((a) => a.text === 'CLA'));
  // Read as text, the words are as typed; in the HTML they are escaped, never markup.
  assert.match(page.main(), /<b>It makes you feel like rubbish\.<\/b>/);
  assert.equal(page.find('main b'), undefined);
  assert.doesNotMatch(r.body, /<b>It makes/);
});

test('get glossary lists the terms under their letters with expansions and an A to Z index', async () => {
  const r = await web.get('/glossary', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Glossary');
  const letters = page.all('h2.parentis-glossary__letter').map((h) => h.id);
  assert.deepEqual(letters, ['letter-c', 'letter-p', 'letter-s']);
  assert.equal(page.href('C'), '#letter-c');
  assert.equal(page.text('.parentis-a-to-z__empty'), 'A (no terms)');
  assert.equal(page.text('.parentis-a-to-z__empty .govuk-visually-hidden'), '(no terms)');
  /** The terms filed under a letter: the <dt>s of the list after its heading. */
  const termsUnder = (id: string): string[] => page.find(`h2#${id}`)?.nextElementSibling?.querySelectorAll('dt').map((dt) => words(dt.text)) ?? [];
  assert.ok(termsUnder('letter-c').includes('CLA – Children Looked After'));
  // "The Pledge" is filed under P, as people look it up; "Staying Put" is not repeated as its own expansion.
  assert.ok(termsUnder('letter-p').some((t) => t.startsWith('The Pledge')));
  assert.ok(termsUnder('letter-s').includes('Staying Put'));
  assert.ok(page.texts('dd').includes('Part of the care plan for CLA, reviewed each term.'));
  assert.ok(page.all('dd abbr[title="Children Looked After"]').some((a) => a.text === 'CLA'));
});
