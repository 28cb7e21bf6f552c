// The cross-reference pages on injected requests: every reference with its count, and one reference's actions.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { planFixture } from '../helpers/plan-fixture.ts';
import { html } from '../helpers/html.ts';
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
  const page = html(r.body);
  assert.equal(page.heading(), 'Cross-references');
  assert.equal(page.text('h2#kind-inspection'), 'Inspection recommendations');
  assert.equal(page.text('h2#kind-challenge'), 'Sufficiency challenges');
  const rows = page.rows();
  assert.ok(rows.some((cells) => cells[0] === 'Inspection recommendation 11' && cells[2] === '2'));
  assert.ok(rows.some((cells) => cells[0] === 'Challenge 4' && cells[2] === '1'));
  assert.equal(page.href('Inspection recommendation 11'), '/refs/inspection/11');
  assert.equal(page.href('Challenge 4'), '/refs/challenge/4');
  const inspections = page.links('main').flatMap((l) => /^\/refs\/inspection\/(\d+)$/.exec(l.href)?.[1] ?? []);
  assert.deepEqual(inspections, ['2', '11', '12']);
});

test('get one reference shows its heading and every action citing it with status and deadline', async () => {
  const r = await web.get('/refs/inspection/11', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.title(), 'Inspection recommendation 11 – Testshire County Council – Parentis');
  assert.equal(page.heading(), 'Inspection recommendation 11');
  assert.match(page.main(), /2 actions cite inspection recommendation 11\./);
  assert.equal(page.href('1 Recruit more foster carers'), '/plans/test-plan/actions/1');
  assert.equal(page.href('2 Offer every care leaver a personal adviser'), '/plans/test-plan/actions/2');
  assert.ok(page.texts('.govuk-tag--orange').includes('Amber'));
  assert.ok(page.texts('.govuk-tag--green').includes('Green'));
  assert.match(page.main(), /30 September 2018/);
});

test('get a challenge shows the one action citing it and not the others', async () => {
  const r = await web.get('/refs/challenge/4', await web.signIn('owner'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Challenge 4');
  assert.match(page.main(), /1 action cites challenge 4\./);
  assert.match(page.main(), /Recruit more foster carers/);
  assert.doesNotMatch(page.main(), /Offer every care leaver a personal adviser/);
});

test('get a reference of an unknown kind answers 404', async () => {
  const r = await web.get('/refs/rumour/11', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
});

test('get a reference no action cites answers 404', async () => {
  const r = await web.get('/refs/inspection/99', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
});
