// The cross-reference pages on injected requests: every reference with its count, and one reference's actions.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { planFixture } from '../helpers/plan-fixture.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

beforeEach(async () => {
  const doc = planFixture();
  // Action 2 answers inspection recommendations 2 and 11 as well: 11 is then cited twice.
  doc.plan.nodes![1]!.actions![0]!.refs = [
    { kind: 'inspection', value: '12' },
    { kind: 'inspection', value: '2' },
    { kind: 'inspection', value: '11' },
  ];
  await web.db.services.plans.importDocument(web.ctx, doc);
});

test('get refs lists each kind of reference with how many actions cite each, in number order', async () => {
  const r = await web.get('/refs', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Cross-references<\/h1>/);
  assert.match(r.body, /<h2 class="govuk-heading-m" id="kind-inspection">Inspection recommendations<\/h2>/);
  assert.match(r.body, /<h2 class="govuk-heading-m" id="kind-challenge">Sufficiency challenges<\/h2>/);
  assert.match(r.body, /href="\/refs\/inspection\/11">Inspection recommendation 11<\/a><\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/);
  assert.match(r.body, /href="\/refs\/challenge\/4">Challenge 4<\/a><\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">1<\/td>/);
  const inspections = [...r.body.matchAll(/href="\/refs\/inspection\/(\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(inspections, ['2', '11', '12']);
});

test('get one reference shows its heading and every action citing it with status and deadline', async () => {
  const r = await web.get('/refs/inspection/11', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<title>Inspection recommendation 11 – Testshire County Council – Parentis<\/title>/);
  assert.match(r.body, /<h1 class="govuk-heading-l">Inspection recommendation 11<\/h1>/);
  assert.match(r.body, /2 actions cite inspection recommendation 11\./);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/1">1 Recruit more foster carers<\/a>/);
  assert.match(r.body, /href="\/plans\/test-plan\/actions\/2">2 Offer every care leaver a personal adviser<\/a>/);
  assert.match(r.body, /govuk-tag--orange">Amber</);
  assert.match(r.body, /govuk-tag--green">Green</);
  assert.match(r.body, /30 September 2018/);
});

test('get a challenge shows the one action citing it and not the others', async () => {
  const r = await web.get('/refs/challenge/4', await web.signIn('owner'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Challenge 4<\/h1>/);
  assert.match(r.body, /1 action cites challenge 4\./);
  assert.match(r.body, /Recruit more foster carers/);
  assert.doesNotMatch(r.body, /Offer every care leaver a personal adviser/);
});

test('get a reference of an unknown kind answers 404', async () => {
  const r = await web.get('/refs/rumour/11', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
});

test('get a reference no action cites answers 404', async () => {
  const r = await web.get('/refs/inspection/99', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
});
