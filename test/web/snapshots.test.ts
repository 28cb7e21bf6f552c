// Closing a round from its chase list and reading the snapshots: the confirmation form (its default
// name, an empty name refused naming the field, closing twice refused), other roles refused with
// nothing changed, the snapshot read as it was by a board member, and the changes page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roles, type Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { people, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

async function openRound(period = '2018/19 Q1'): Promise<number> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const opened = await web.db.services.rounds.open(web.ctx, { period, plans: ['test-plan'], dueDate: '2018-07-13' });
  return opened.round.id;
}

test('close a round through its form takes snapshot 1 and shows it as reported', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const round = html((await web.get(`/rounds/${id}`, manager)).body);
  assert.equal(round.href('Close the round and take its snapshot'), `/rounds/${id}/close`);
  const form = html((await web.get(`/rounds/${id}/close`, manager)).body);
  assert.equal(form.heading(), '2018/19 Q1 (April to June 2018) Close the round and take its snapshot');
  assert.match(form.value('name') ?? '', /^as reported to the Corporate Parenting Board on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  const r = await web.post(`/rounds/${id}/close`, { name: 'as reported to the Corporate Parenting Board on 14 July 2018' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, '/snapshots/1?done=round-closed');
  const page = html((await web.get('/snapshots/1?done=round-closed', manager)).body);
  assert.equal(page.heading(), 'Snapshot 1, 2018/19 Q1 as reported to the Corporate Parenting Board on 14 July 2018');
  assert.deepEqual(page.banners(), ['Success The round is closed and its snapshot taken. It reads here as it was reported, whatever changes later.']);
  const after = html((await web.get(`/rounds/${id}`, manager)).body);
  assert.equal(after.href('snapshot 1, as reported to the Corporate Parenting Board on 14 July 2018'), '/snapshots/1');
});

test('close a round with an empty name shows the error linked to the field and takes nothing', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/close`, { name: '  ' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#name', text: 'Enter the name the snapshot is kept under, like "as reported to the Corporate Parenting Board on 14 January 2027"' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('close a round twice shows why and takes nothing more', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  await web.post(`/rounds/${id}/close`, { name: 'as reported to the board on 14 July 2018' }, manager);
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/close`, { name: 'again' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#name', text: 'The round for 2018/19 Q1 was closed already: it is snapshot 1, "as reported to the board on 14 July 2018"' }]);
  assert.deepEqual(await web.db.counts(), before);
});

test('close a round without the form token is refused and takes nothing', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/close`, { name: 'as reported', _csrf: 'not-the-token' }, manager);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

const closers: readonly Role[] = ['admin', 'manager'];
for (const role of roles.filter((r) => !closers.includes(r))) {
  test(`post close for a round as ${role} answers 403 and changes nothing`, async () => {
    const id = await openRound();
    const as = await web.signIn(role);
    const before = await web.db.counts();
    const r = await web.post(`/rounds/${id}/close`, { name: 'as reported' }, as);
    assert.equal(r.statusCode, 403, r.body.slice(0, 300));
    assert.deepEqual(await web.db.counts(), before);
  });
}

test('get a snapshot as a board member shows the actions by part, the risks and the measures as they were', async () => {
  const id = await openRound();
  await web.db.services.measures.define(web.ctx, { code: 'health-checks', title: 'Health checks on time', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
  await web.db.services.snapshots.close(web.ctx, id, { name: 'as reported to the board on 14 July 2018' });
  await web.db.services.actions.setStatus(web.ctx, 'test-plan:1', { status: 'R', asAt: '2018-07-20', reason: 'Worse later' });
  const viewer = await web.signIn('viewer');
  const page = html((await web.get('/snapshots/1', viewer)).body);
  assert.deepEqual(page.texts('#actions-list caption'), ['1 Placements', '2 Care leavers']);
  const placements = page.rows('#actions-list table').find((row) => row[0]!.startsWith('test-plan:1 '))!;
  assert.equal(placements[2]!.split(' ')[0], 'Amber');
  assert.deepEqual(page.rows('#risks + [role=region] table').map((row) => [row[0]!.split(' ')[0], row[2]]), [['R1', '4 × 4 = 16']]);
  assert.deepEqual(page.rows('#measures ~ [role=region] table').map((row) => [row[1], row[3]]), [['no figure', 'None']]);
  const list = html((await web.get('/snapshots', viewer)).body);
  assert.equal(list.href('as reported to the board on 14 July 2018'), '/snapshots/1');
});

test('get the changes between two snapshots lists the status moved and the deadline slipped', async () => {
  const q1 = await openRound();
  await web.db.services.snapshots.close(web.ctx, q1, { name: 'as reported in July' });
  await web.db.services.actions.setStatus(web.ctx, 'test-plan:1', { status: 'R', asAt: '2018-09-30', reason: 'No carers' });
  await web.db.services.actions.reviseDeadline(web.ctx, 'test-plan:1', { date: '2018-12-31', reason: 'Campaign moved' });
  const q2 = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q2', plans: ['test-plan'], dueDate: '2018-10-12' });
  await web.db.services.snapshots.close(web.ctx, q2.round.id, { name: 'as reported in October' });
  const viewer = await web.signIn('viewer');
  const page = html((await web.get('/snapshots/2/changes', viewer)).body);
  assert.equal(page.heading(), 'Snapshot 2, as reported in October What changed since snapshot 1');
  assert.deepEqual(page.rows('#statuses + [role=region] table').map((row) => [row[0]!.split(' ')[0], row[1]!.split(' ')[0], row[2]!.split(' ')[0], row[3]]), [['test-plan:1', 'Amber', 'Red', 'Worsened']]);
  assert.deepEqual(page.rows('#deadlines + [role=region] table').map((row) => [row[1], row[2]]), [['30 September 2018', '31 December 2018']]);
  const first = html((await web.get('/snapshots/1/changes', viewer)).body);
  assert.match(first.main(), /This is the first snapshot/);
  assert.equal((await web.get('/snapshots/1/changes?since=2', viewer)).statusCode, 400);
  assert.equal((await web.get('/snapshots/3', viewer)).statusCode, 404);
  assert.equal((await web.get('/snapshots/x/changes', viewer)).statusCode, 404);
});
