// Reporting rounds on a real database: opening a round asks each owner once per action, updates mark
// requests received, the chase list shows received, awaited and late, and reminders go once however
// many senders run, resuming what a stopped sender left.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import type { Services } from '../../src/composition.ts';
import { openServer, type DatabaseHandle } from '../../src/db/database.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { ReminderSender } from '../../src/services/reporting/reminder-sender.ts';
import { Store } from '../../src/repositories/store.ts';
import type { Ctx } from '../../src/services/context.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { clockAt, TODAY, useRoundTest } from '../helpers/rounds.ts';
import { as } from '../helpers/people.ts';

const t = useRoundTest();
let db: TestDatabase;
let services: Services;
let ctx: Ctx;
beforeEach(() => {
  ({ db, services, ctx } = t);
});

const manager = (): Ctx => as(ctx, 'manager');
const outbox = () => db.handle.db.selectFrom('outboxMessage').selectAll().orderBy('id').execute();

test('open round asks every named owner of an open action once, with the default due date and reminders', async () => {
  const opened = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  assert.equal(opened.created, true);
  assert.equal(opened.round.dueDate, '2018-07-13');
  assert.equal(opened.round.description, '2018/19 Q1 (April to June 2018)');
  // test-plan:2 is owned only by a role title; 1 by Jo Example (and a role), 1.1 by Sam Sample.
  assert.equal(opened.asked, 2);
  const list = await services.rounds.chaseList(manager(), opened.round.id);
  assert.deepEqual(
    list.rows.map((r) => [r.actionKey, r.owner, r.state, r.programme]),
    [
      ['test-plan:1', 'Jo Example', 'missing', '1 Placements'],
      ['test-plan:1.1', 'Sam Sample', 'missing', '1 Placements'],
    ],
  );
  assert.deepEqual(
    list.owners[0]!.reminders.map((r) => [r.kind, r.sendOn, r.status]),
    [
      ['request', '2018-07-02', 'scheduled'],
      ['before', '2018-07-10', 'scheduled'],
      ['due', '2018-07-13', 'scheduled'],
      ['overdue', '2018-07-18', 'scheduled'],
      ['overdue', '2018-07-25', 'scheduled'],
    ],
  );
});

test('open round again for the same period changes nothing and asks nobody twice', async () => {
  const first = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const counts = await db.counts();
  const again = await services.rounds.open(manager(), { period: '2018/19 q1', plans: ['test-plan'], dueDate: '2018-07-20' });
  assert.equal(again.created, false);
  assert.equal(again.round.id, first.round.id);
  assert.equal(again.round.dueDate, '2018-07-13');
  assert.deepEqual([again.asked, again.alreadyAsked], [0, 2]);
  assert.deepEqual(await db.counts(), counts);
});

test('open round skips actions whose status is blue', async () => {
  await services.actions.setStatus(ctx, 'test-plan:1', { status: 'B', asAt: '2018-06-30', reason: 'Done' });
  const opened = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  assert.equal(opened.asked, 1);
});

test('open round refuses an owner, a bad period and an unknown plan with nothing stored', async () => {
  const counts = await db.counts();
  await assert.rejects(services.rounds.open(as(ctx, 'owner'), { period: '2018/19 Q1', plans: ['test-plan'] }), ForbiddenError);
  await assert.rejects(services.rounds.open(manager(), { period: '2018 Q1', plans: ['test-plan'] }), (e: unknown) => e instanceof ValidationError && e.field === 'period');
  await assert.rejects(services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['no-such-plan'] }), (e: unknown) => e instanceof ValidationError && e.field === 'plans');
  await assert.rejects(services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-02-30' }), (e: unknown) => e instanceof ValidationError && e.field === 'dueDate');
  assert.deepEqual(await db.counts(), counts);
});

test('record progress on a requested action marks the request received and leaves my requests', async () => {
  const { round } = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const jo = { ...as(ctx, 'owner'), clock: clockAt(TODAY) };
  assert.deepEqual((await services.rounds.mine(jo)).map((r) => [r.actionKey, r.period, r.dueDate, r.late]), [['test-plan:1', '2018/19 Q1', '2018-07-13', false]]);
  await services.actions.recordProgress(jo, 'test-plan:1', { date: '2018-07-02', body: 'Two carers approved.' });
  assert.deepEqual(await services.rounds.mine(jo), []);
  const list = await services.rounds.chaseList(manager(), round.id);
  assert.deepEqual(list.rows.map((r) => [r.actionKey, r.state, r.receivedVia]), [
    ['test-plan:1', 'received', 'account'],
    ['test-plan:1.1', 'missing', null],
  ]);
  const events = await services.audit.list(ctx, { entity: 'test-plan:1' });
  assert.deepEqual(events.map((e) => e.event).sort(), ['action.update.added', 'round.request.received']);
});

test('chase list after the due date shows the missing update late', async () => {
  const { round } = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const later = { ...manager(), clock: clockAt('2018-07-16') };
  const list = await services.rounds.chaseList(later, round.id);
  assert.deepEqual(list.rows.map((r) => r.state), ['late', 'late']);
  assert.deepEqual(list.owners.map((o) => [o.owner, o.late]), [['Jo Example', 1], ['Sam Sample', 1]]);
  assert.equal(list.round.late, true);
});

test('send reminders without a channel puts one message per owner in the outbox, once', async () => {
  await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const first = await services.reminders.runOnce();
  assert.deepEqual(first, { sent: 2, failed: 0, bounced: 0, skipped: 0, retrying: 0 });
  assert.deepEqual(await services.reminders.runOnce(), { sent: 0, failed: 0, bounced: 0, skipped: 0, retrying: 0 });
  const messages = await outbox();
  assert.deepEqual(messages.map((m) => m.toName), ['Jo Example', 'Sam Sample']);
  assert.match(messages[0]!.body, /Testshire County Council asks for your progress update on an action you own for 2018\/19 Q1 \(April to June 2018\), by Friday 13 July 2018\./);
  assert.match(messages[0]!.body, /test-plan:1: Recruit more foster carers\n {2}https:\/\/parentis\.testshire\.example\/plans\/test-plan\/actions\/1\/update/);
  const events = await services.audit.list(ctx, { entity: '2018/19 Q1' });
  assert.deepEqual(events.filter((e) => e.event === 'round.reminder.sent').length, 2);
});

test('send reminders skips an owner whose updates have all arrived', async () => {
  await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  await services.actions.recordProgress({ ...as(ctx, 'owner'), clock: clockAt(TODAY) }, 'test-plan:1', { date: TODAY, body: 'Done this month.' });
  const tally = await services.reminders.runOnce();
  assert.deepEqual([tally.sent, tally.skipped], [1, 1]);
  assert.deepEqual((await outbox()).map((m) => m.toName), ['Sam Sample']);
});

test('remind now schedules a reminder for one owner and refuses an owner not asked', async () => {
  const { round } = await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  await services.reminders.runOnce();
  const asked = await services.rounds.remindNow(manager(), round.id, { owner: 'jo example' });
  assert.deepEqual(asked.owners, ['Jo Example']);
  assert.equal((await services.reminders.runOnce()).sent, 1);
  await assert.rejects(services.rounds.remindNow(manager(), round.id, { owner: 'Nobody' }), ValidationError);
  await assert.rejects(services.rounds.remindNow(manager(), round.id, 'late'), /Nothing is late yet/);
  const list = await services.rounds.chaseList(manager(), round.id);
  assert.notEqual(list.owners[0]!.lastReminded, null);
});

test('two senders racing on one database send each reminder once', async () => {
  await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  await services.rounds.open(manager(), { period: '2018/19 M3', plans: ['test-plan'] });
  // A second pool on the PostgreSQL server, as a second Parentis server would have; PGlite has one connection, so it runs them in turn.
  let other: DatabaseHandle | undefined;
  if (db.kind === 'server') other = await openServer(db.url!);
  try {
    const storeA = new Store(db.handle.db);
    const storeB = new Store((other ?? db.handle).db);
    const senders = [
      new ReminderSender(storeA, { publicUrl: 'https://p.example', clock: clockAt(TODAY), worker: 'server-a' }),
      new ReminderSender(storeB, { publicUrl: 'https://p.example', clock: clockAt(TODAY), worker: 'server-b' }),
    ];
    const tallies = await Promise.all([senders[0]!.runOnce(1), senders[1]!.runOnce(1), senders[0]!.runOnce(1), senders[1]!.runOnce(1)]);
    assert.equal(tallies.reduce((n, t) => n + t.sent, 0), 4);
    const messages = await outbox();
    assert.equal(messages.length, 4);
    assert.equal(new Set(messages.map((m) => m.reminderId)).size, 4);
  } finally {
    await other?.close();
  }
});

test('a reminder claimed by a sender that stopped is sent after the claim times out, not before', async () => {
  await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const repos = new Store(db.handle.db).read;
  const stranded = await repos.rounds.claimDue('stopped-server', TODAY, 1);
  assert.equal(stranded.length, 1);
  assert.equal((await services.reminders.runOnce()).sent, 1);
  await sql`update reminder set claimed_at = now() - interval '11 minutes' where id = ${stranded[0]!.id}`.execute(db.handle.db);
  assert.equal((await services.reminders.runOnce()).sent, 1);
  const row = await db.handle.db.selectFrom('reminder').selectAll().where('id', '=', stranded[0]!.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.attempts, row.claimedBy], ['sent', 2, null]);
  assert.equal((await outbox()).length, 2);
});

test('sender started on an interval sends what is due and stops cleanly', async () => {
  await services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] });
  const errors: unknown[] = [];
  const stop = services.reminders.start(20, (err) => errors.push(err));
  for (let i = 0; i < 200 && (await outbox()).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  await stop();
  assert.deepEqual(errors, []);
  assert.equal((await outbox()).length, 2);
});
