// Closing a round freezes an "as reported" snapshot: its content (actions, programmes, risks,
// priorities, measures with small numbers suppressed), numbering and naming, one close per round,
// the database refusing UPDATE and DELETE on the stored rows (PGlite and PostgreSQL), and the changes
// between two snapshots.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import type { Services } from '../../src/composition.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { as } from '../helpers/people.ts';
import { clockAt, useRoundTest } from '../helpers/rounds.ts';

const t = useRoundTest(async ({ services, ctx }) => {
  await services.measures.define(ctx, { code: 'health-checks', title: 'Health checks on time', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
  await services.measures.define(ctx, { code: 'missing-children', title: 'Children missing', unit: 'count', polarity: 'lower is better', frequency: 'monthly' });
  const csv = 'code,period,numerator,denominator\nhealth-checks,2018-05,80,100\nhealth-checks,2018-06,83,100\nhealth-checks,2018-07,95,100\nmissing-children,2018-06,3,\n';
  // July's figure is sent once July has ended, after the period end the round reports.
  await services.measures.importValues({ ...ctx, clock: clockAt('2018-08-01') }, { name: 'values.csv', data: Buffer.from(csv) });
  await services.measures.addTarget(ctx, 'health-checks', { effectiveFrom: '2018-04-01', value: 90 });
  await services.measures.addCommentary(ctx, 'health-checks', { periodEnd: '2018-06-30', body: 'Two nurses started in June.' });
  await services.voice.add(ctx, { council: 'In Care Council', priority: 'Proper bags', youSaid: 'Not bin bags', raisedBy: 'Young person', raisedOn: '2018-02-18' });
});
let db: TestDatabase;
let services: Services;
let ctx: Ctx;
beforeEach(() => {
  ({ db, services, ctx } = t);
});

const manager = (): Ctx => as(ctx, 'manager');
const openQ1 = async (): Promise<number> => (await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] })).round.id;

test('close round freezes the actions, programmes, risks, priorities and measures as at the period end, each figure with its note', async () => {
  const id = await openQ1();
  await sql`update measure_value set note = 'a note said beside the figure' where period_end = '2018-06-30' and measure_id = (select id from measure where code = 'health-checks')`.execute(db.handle.db);
  await services.actions.addUpdate(ctx, 'test-plan:1', { date: '2018-07-01', body: 'Three carers approved.' });
  const taken = await services.snapshots.close(manager(), id);
  assert.deepEqual([taken.number, taken.name, taken.period, taken.periodEnd], [1, 'as reported to the Corporate Parenting Board on 2 July 2018', '2018/19 Q1', '2018-06-30']);
  const s = await services.snapshots.show(manager(), 1);
  const [plan] = s.content.actions;
  assert.deepEqual(
    plan!.actions.map((a) => [a.key, a.status, a.deadline, a.owners.join(' / '), a.updates.map((u) => u.body)]),
    [
      ['test-plan:1', 'A', '2018-09-30', 'Jo Example / Head of Placements', ['Campaign designed.\n\n- Radio advert booked\n- Events planned', 'Three carers approved.']],
      ['test-plan:1.1', null, '2018-06-30', 'Sam Sample', []],
      ['test-plan:2', 'G', null, 'Leaving Care Manager', []],
    ],
  );
  assert.deepEqual(
    s.content.programmes.map((p) => [p.number, p.title, p.counts]),
    [
      ['1', 'Placements', { B: 0, R: 0, A: 1, G: 0, none: 1 }],
      ['2', 'Care leavers', { B: 0, R: 0, A: 0, G: 1, none: 0 }],
    ],
  );
  assert.deepEqual(s.content.risks.map((r) => [r.reference, r.score, r.rating]), [['R1', 16, 'very high']]);
  assert.deepEqual(s.content.priorities.map((p) => [p.council, p.priority]), [['In Care Council', 'Proper bags']]);
  // June's figure (the period end), not July's; the count of 3 missing children is a small number the board sees as "c".
  const health = s.content.measures.find((m) => m.code === 'health-checks')!;
  assert.deepEqual([health.periodEnd, health.value, health.target, health.rag, health.commentary, health.note], ['2018-06-30', '83.0%', '90.0%', 'R', 'Two nurses started in June.', 'a note said beside the figure']);
  const missing = s.content.measures.find((m) => m.code === 'missing-children')!;
  assert.deepEqual([missing.value, missing.numerator, missing.note], ['c', null, null]);
});

test("close round freezes an action's owners, newest statuses, deadlines in the order set and the period's updates as its history has them", async () => {
  const id = await openQ1();
  const q = db.handle.db;
  const { id: actionId } = await q.selectFrom('action').select('id').where('number', '=', '2').executeTakeFirstOrThrow();
  // An owner whose name is blank is nobody, even with a role; a second owner keeps their place.
  await q.insertInto('actionOwner').values([{ actionId, position: 5, name: '', role: 'Nobody by name' }, { actionId, position: 6, name: 'Ash Adviser', role: null }]).execute();
  // Two approved statuses on the same day: the one recorded later wins, to the millisecond; then a newer forecast and an older one.
  await q
    .insertInto('actionStatus')
    .values([
      { actionId, kind: 'current', status: 'A', asAt: '2018-06-15', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-15T10:00:00.001Z' },
      { actionId, kind: 'current', status: 'R', asAt: '2018-06-15', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-15T10:00:00.000Z' },
      { actionId, kind: 'current', status: 'B', asAt: '2018-06-20', reason: '', proposedBy: 'x', approvedBy: null, recordedAt: '2018-06-20T10:00:00Z' },
      { actionId, kind: 'forecast', status: 'G', asAt: '2018-06-30', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-30T10:00:00Z' },
      { actionId, kind: 'forecast', status: 'R', asAt: '2018-05-30', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-30T11:00:00Z' },
    ])
    .execute();
  // Deadlines: entered out of time order; the last at 23:30 GMT on 30 June, which is 1 July in London (summer time).
  await q
    .insertInto('actionDeadline')
    .values([
      { actionId, dueDate: '2018-12-31', reason: 'Slipped', setBy: 'x', setAt: '2018-06-30T23:30:00Z' },
      { actionId, dueDate: '2018-09-30', reason: 'First plan', setBy: 'x', setAt: '2018-04-02T09:00:00Z' },
    ])
    .execute();
  await services.actions.addUpdate(ctx, 'test-plan:2', { date: '2018-03-31', body: 'Before the quarter.' });
  await services.actions.addUpdate(ctx, 'test-plan:2', { date: '2018-07-02', body: 'On the day of closing.' });
  await services.actions.addUpdate(ctx, 'test-plan:2', { date: '2018-04-01', body: 'First day of the quarter.' });
  await services.snapshots.close(manager(), id);
  const action = (await services.snapshots.show(manager(), 1)).content.actions[0]!.actions.find((a) => a.key === 'test-plan:2')!;
  const { nodeId: _nodeId, ...rest } = action;
  assert.deepEqual(rest, {
    key: 'test-plan:2',
    number: '2',
    title: 'Offer every care leaver a personal adviser',
    owners: ['Leaving Care Manager', 'Ash Adviser'],
    status: 'A',
    statusAsAt: '2018-06-15',
    forecast: 'G',
    deadline: '2018-12-31',
    originalDeadline: '2018-12-31',
    deadlines: [
      { dueDate: '2018-09-30', reason: 'First plan', setOn: '2018-04-02' },
      { dueDate: '2018-12-31', reason: 'Slipped', setOn: '2018-07-01' },
    ],
    updates: [
      { date: '2018-04-01', author: 'Pat Manager', body: 'First day of the quarter.' },
      { date: '2018-07-02', author: 'Pat Manager', body: 'On the day of closing.' },
    ],
  });
});

test("close round freezes the status a programme's lead entered for the period, over the plan's own", async () => {
  const id = await openQ1();
  const nodes = (await services.plans.tree(ctx, 'test-plan')).nodes;
  await services.programmes.enter(manager(), id, nodes[0]!.id, { status: 'R', trend: 'worsening', reason: 'Two carers resigned.', deliveryGroup: '', chair: '', expectedVersion: 0 });
  await services.snapshots.close(manager(), id);
  const [first, second] = (await services.snapshots.show(manager(), 1)).content.programmes;
  assert.deepEqual([first!.status, first!.trend, first!.reason], ['R', 'worsening', 'Two carers resigned.']);
  // The other programme has no entry: it keeps what the plan says of it (here, nothing).
  assert.deepEqual([second!.status, second!.reason], [null, '']);
});

test('close round twice is refused naming the snapshot, with nothing stored', async () => {
  const id = await openQ1();
  await services.snapshots.close(manager(), id, { name: 'as reported to the Corporate Parenting Board on 12 July 2018' });
  const counts = await db.counts();
  await assert.rejects(
    services.snapshots.close(manager(), id),
    (e: unknown) => e instanceof ValidationError && e.message === 'The round for 2018/19 Q1 was closed already: it is snapshot 1, "as reported to the Corporate Parenting Board on 12 July 2018"',
  );
  assert.deepEqual(await db.counts(), counts);
});

test('close round as an owner is refused with nothing stored', async () => {
  const id = await openQ1();
  const counts = await db.counts();
  await assert.rejects(services.snapshots.close(as(ctx, 'owner'), id), ForbiddenError);
  await assert.rejects(services.snapshots.close(manager(), id, { name: 'x'.repeat(201) }), (e: unknown) => e instanceof ValidationError && e.field === 'name');
  assert.deepEqual(await db.counts(), counts);
});

test('close round stops its reminders, records the audit events and refuses reminding in it', async () => {
  const id = await openQ1();
  await services.snapshots.close(manager(), id);
  const reminders = await db.handle.db.selectFrom('reminder').select('status').where('roundId', '=', id).execute();
  assert.equal(reminders.every((r) => r.status === 'skipped'), true);
  const events = await db.handle.db.selectFrom('auditEvent').select('event').where('event', 'in', ['round.closed', 'snapshot.taken']).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.event), ['round.closed', 'snapshot.taken']);
  await assert.rejects(services.rounds.remindNow(manager(), id, { owner: 'Jo Example' }), /is closed \(snapshot 1\)/);
  assert.deepEqual((await services.rounds.list(manager()))[0]!.closed?.snapshot, 1);
});

test("an update after its round closed leaves the closed round's chase list as it was", async () => {
  const id = await openQ1();
  await services.snapshots.close(manager(), id);
  const waiting = async () => (await db.handle.db.selectFrom('updateRequest').select('id').where('roundId', '=', id).where('receivedAt', 'is', null).execute()).length;
  const before = await waiting();
  assert.ok(before > 0);
  await services.actions.addUpdate(ctx, 'test-plan:1', { date: '2018-07-02', body: 'Sent after the board.' });
  assert.equal(await waiting(), before);
});

test('update and delete a snapshot through raw SQL are refused by the database', async () => {
  await services.snapshots.close(manager(), await openQ1());
  const q = db.handle.db;
  await assert.rejects(sql`update snapshot set name = 'changed'`.execute(q), /a snapshot is frozen/);
  await assert.rejects(sql`delete from snapshot`.execute(q), /a snapshot is frozen/);
  await assert.rejects(sql`update snapshot_section set content = '[]'::jsonb`.execute(q), /a snapshot is frozen/);
  await assert.rejects(sql`delete from snapshot_section`.execute(q), /a snapshot is frozen/);
  const s = await services.snapshots.show(manager(), 1);
  assert.equal(s.name, 'as reported to the Corporate Parenting Board on 2 July 2018');
  assert.equal(s.content.actions[0]!.actions.length, 3);
});

test('show snapshot after the live action is edited reads as it was', async () => {
  await services.snapshots.close(manager(), await openQ1());
  const before = await services.snapshots.show(manager(), 1);
  await services.actions.setStatus(ctx, 'test-plan:1', { status: 'R', asAt: '2018-07-02', reason: 'No carers' });
  await services.actions.reviseDeadline(ctx, 'test-plan:1', { date: '2018-12-31', reason: 'Campaign moved' });
  await services.actions.addUpdate(ctx, 'test-plan:1', { date: '2018-07-02', body: 'Later words.' });
  assert.deepEqual(await services.snapshots.show(manager(), 1), before);
});

test('changes between two snapshots show statuses moved, deadlines slipped, new risks and measures that changed RAG', async () => {
  await services.snapshots.close(manager(), await openQ1());
  const later = { ...manager(), clock: clockAt('2018-10-02') };
  await services.actions.setStatus(ctx, 'test-plan:1', { status: 'R', asAt: '2018-09-30', reason: 'No carers' });
  await services.actions.reviseDeadline(ctx, 'test-plan:1', { date: '2018-12-31', reason: 'Campaign moved' });
  await services.risks.add(later, {
    plan: 'test-plan',
    reference: 'R2',
    title: 'Nurses leave',
    impact: '',
    mitigation: '',
    owner: 'Head of Health',
    reviewDate: null,
    actions: [],
    measures: [],
    score: { likelihood: 2, impact: 3, assessedOn: '2018-09-30', note: '' },
  });
  const q2 = await services.rounds.open(later, { period: '2018/19 Q2', plans: ['test-plan'] });
  // September's health checks meet the target: Red in Q1, Green in Q2.
  await services.measures.importValues({ ...ctx, clock: clockAt('2018-10-02') }, { name: 'values.csv', data: Buffer.from('code,period,numerator,denominator\nhealth-checks,2018-09,92,100\n') });
  await services.snapshots.close(later, q2.round.id, { name: 'as reported to the board on 14 October 2018' });
  const c = await services.snapshots.changes(manager(), 2);
  assert.equal(c.since?.number, 1);
  assert.deepEqual(c.changes!.statuses.map((x) => [x.key, x.from, x.to, x.trend]), [['test-plan:1', 'A', 'R', 'worsened']]);
  assert.deepEqual(c.changes!.deadlines.map((x) => [x.key, x.from, x.to]), [['test-plan:1', '2018-09-30', '2018-12-31']]);
  assert.deepEqual(c.changes!.newRisks.map((x) => x.reference), ['R2']);
  assert.deepEqual(c.changes!.measures.map((x) => [x.code, x.from, x.to]), [['health-checks', 'R', 'G']]);
  const first = await services.snapshots.changes(manager(), 1);
  assert.deepEqual([first.since, first.changes], [null, null]);
  await assert.rejects(services.snapshots.changes(manager(), 1, 2), (e: unknown) => e instanceof ValidationError && e.field === 'since');
});

test('close round as at an earlier day holds what stood then: later statuses, deadlines, updates, scores, risks and priorities are left out', async () => {
  const id = await openQ1();
  const q = db.handle.db;
  const { id: actionId } = await q.selectFrom('action').select('id').where('number', '=', '1').executeTakeFirstOrThrow();
  await q
    .insertInto('actionStatus')
    .values([
      // Changed after the day: Red on 28 June.
      { actionId, kind: 'current', status: 'R', asAt: '2018-06-28', reason: 'Carers withdrew', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-28T10:00:00Z' },
      // Dated before the day but written down after it (23:30 GMT on 25 June is 26 June in London).
      { actionId, kind: 'current', status: 'G', asAt: '2018-06-10', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-25T23:30:00Z' },
      // Proposed before the day, approved after it.
      { actionId, kind: 'current', status: 'B', asAt: '2018-06-20', reason: '', proposedBy: 'x', approvedBy: 'y', recordedAt: '2018-06-20T10:00:00Z', decidedAt: '2018-06-29T10:00:00Z' },
    ])
    .execute();
  await q.insertInto('actionDeadline').values({ actionId, dueDate: '2018-12-31', reason: 'Slipped', setBy: 'x', setAt: '2018-06-27T09:00:00Z' }).execute();
  await services.actions.addUpdate(ctx, 'test-plan:1', { date: '2018-06-24', body: 'Known on the day.' });
  await services.actions.addUpdate(ctx, 'test-plan:1', { date: '2018-06-26', body: 'Written the day after.' });
  const { id: riskId } = await q.selectFrom('risk').select('id').where('reference', '=', 'R1').executeTakeFirstOrThrow();
  await q.insertInto('riskScore').values({ riskId, likelihood: 1, impact: 2, recordedAt: '2018-06-29T09:00:00Z', recordedBy: 'x', note: '', assessedOn: '2018-06-29' }).execute();
  await services.risks.add(manager(), { plan: 'test-plan', reference: 'R2', title: 'Nurses leave', impact: '', mitigation: '', owner: 'Head of Health', reviewDate: null, actions: [], measures: [], score: { likelihood: 2, impact: 3, assessedOn: '2018-06-30', note: '' } });
  await services.voice.add(ctx, { council: 'In Care Council', priority: 'Later wish', youSaid: 'Raised after the day', raisedBy: 'Young person', raisedOn: '2018-06-28' });

  await services.snapshots.close(manager(), id, { asAt: '2018-06-25' });
  const s = await services.snapshots.show(manager(), 1);
  const action = s.content.actions[0]!.actions.find((a) => a.key === 'test-plan:1')!;
  assert.deepEqual([action.status, action.statusAsAt, action.deadline, action.deadlines.length], ['A', '2018-05-31', '2018-09-30', 1]);
  assert.deepEqual(action.updates.map((u) => u.body), ['Campaign designed.\n\n- Radio advert booked\n- Events planned', 'Known on the day.']);
  assert.deepEqual(s.content.programmes.map((p) => [p.number, p.counts.A, p.counts.R, p.counts.B]), [['1', 1, 0, 0], ['2', 0, 0, 0]]);
  assert.deepEqual(s.content.risks.map((r) => [r.reference, r.score, r.rating]), [['R1', 16, 'very high']]);
  assert.deepEqual(s.content.priorities.map((p) => p.priority), ['Proper bags']);
});

test('close round as at a day after today, or not a date, is refused with nothing stored', async () => {
  const id = await openQ1();
  const counts = await db.counts();
  await assert.rejects(
    services.snapshots.close(manager(), id, { asAt: '2018-07-03' }),
    (e: unknown) => e instanceof ValidationError && e.field === 'asAt' && e.message === 'The "as at" date 2018-07-03 is in the future: a snapshot can only hold what stood on 2018-07-02 or before',
  );
  await assert.rejects(services.snapshots.close(manager(), id, { asAt: '2018-02-30' }), (e: unknown) => e instanceof ValidationError && e.field === 'asAt');
  assert.deepEqual(await db.counts(), counts);
});
