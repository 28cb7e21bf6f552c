// The young people's page ("You said, we did") read as a young person reads it: the demonstration's
// priorities shown in plain words and short sentences, with none of the sector's jargon; the plan
// words and the staff's links are set apart from what young people read.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { voiceItems } from '../../src/demo/content/voice.ts';
import { html, words } from '../helpers/html.ts';
import { people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

/** Words a young person should not meet on the page (whole words, any case). */
const JARGON = ['CLA', 'LAC', 'BRAG', 'RAG', 'KPI', '903', 'looked after', 'corporate parenting', 'priority answered', 'commissioners?', 'cohort', 'stakeholders?', 'outcomes?', 'mitigation'];

beforeEach(async () => {
  // The demonstration's priorities as they are written; the plans their actions belong to are not needed here.
  for (const item of voiceItems) await web.db.services.voice.add(web.ctx, { ...item, actions: [] });
  const first = (await web.db.services.voice.list(web.ctx))[0]!;
  await web.db.services.voice.addResponse(web.ctx, first.id, first.version, {
    respondedOn: '2018-05-03',
    weDid: 'Your health checks now happen at a place you choose.',
    evidence: 'Nine in ten checks were at a place the young person chose.',
  });
});

/** What a young person reads in the page's main part: each heading, paragraph, list item and tag, with the staff's parts left out. */
function readerUnits(body: string): { ours: string[]; quoted: string[] } {
  const main = html(body).find('main');
  assert.ok(main, 'the page has a main part');
  for (const staff of main.querySelectorAll('[data-audience="staff"], .govuk-visually-hidden')) staff.remove();
  const units = (selector: string): string[] => main.querySelectorAll(selector).map((e) => words(e.text)).filter((t) => t !== '');
  return {
    ours: units('h1, h2, h3, h4, p:not(blockquote p), li, .govuk-tag'),
    quoted: units('blockquote p'),
  };
}

const sentencesOf = (units: string[]): string[] => units.flatMap((u) => u.split(/(?<=[.!?])\s+/)).filter((s) => s !== '');
const wordCount = (s: string): number => s.split(' ').length;

for (const role of ['viewer', 'manager'] as const) {
  test(`get voice as ${role} shows what young people read in short sentences with no jargon`, async () => {
    const r = await web.get('/voice', await web.signIn(role));
    assert.equal(r.statusCode, 200);
    const { ours, quoted } = readerUnits(r.body);
    assert.ok(quoted.length >= voiceItems.length, 'every priority shows what the young people said');
    const sentences = sentencesOf([...ours, ...quoted]);
    const average = sentences.reduce((n, s) => n + wordCount(s), 0) / sentences.length;
    assert.ok(average < 15, `average sentence length ${average.toFixed(1)} words`);
    // The young people's own words are theirs; ours are kept short.
    const long = sentencesOf(ours).filter((s) => wordCount(s) > 20);
    assert.deepEqual(long, [], 'no sentence of ours over 20 words');
    const text = ours.join('\n');
    for (const word of JARGON) assert.doesNotMatch(text, new RegExp(`\\b${word}\\b`, 'i'), `no "${word}" in what young people read`);
    assert.match(text, /^We did it$/m);
    assert.match(text, /^We are working on it$/m);
    assert.match(text, /^Not started yet$/m);
  });
}

test('get voice as manager sets the staff links apart from what young people read', async () => {
  const r = await web.get('/voice', await web.signIn('manager'));
  const staff = html(r.body).all('main [data-audience="staff"]');
  assert.ok(staff.some((e) => e.querySelector('a[href$="/answer"]')), 'the staff part holds "Mark as answered"');
  assert.equal(html(r.body).all('main a[href$="/answer"]').length, staff.flatMap((e) => e.querySelectorAll('a[href$="/answer"]')).length);
  const viewer = await web.get('/voice', await web.signIn('viewer'));
  assert.equal(html(viewer.body).all('main a[href$="/answer"]').length, 0);
});

test('get voice with nothing recorded says so in plain words', async () => {
  await web.reset();
  const r = await web.get('/voice', await web.signIn('viewer'));
  assert.equal(html(r.body).text('main p.govuk-body'), 'There is nothing here yet. When you tell us something, it will be here.');
});
