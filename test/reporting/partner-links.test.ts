// Partner links on a real database: an owner without an account opens a link to exactly their requested
// actions and records updates as themselves, "via link"; a used, expired, revoked or tampered link is
// refused with nothing changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Services } from '../../src/composition.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { PartnerLinkRefused } from '../../src/services/reporting/partner-link.service.ts';
import type { Ctx } from '../../src/services/context.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { clockAt, TODAY, useRoundTest } from '../helpers/rounds.ts';
import { as } from '../helpers/people.ts';

const at = { clock: clockAt(TODAY) };

let db: TestDatabase;
let services: Services;
let ctx: Ctx;
let roundId: number;
let token: string;
useRoundTest(async (t) => {
  ({ db, services, ctx } = t);
  roundId = (await services.rounds.open(as(ctx, 'manager'), { period: '2018/19 Q1', plans: ['test-plan'] })).round.id;
  // Sam Sample (owner of test-plan:1.1) has no account: the manager gives an address and a link goes out.
  await services.partnerLinks.sendLink(as(ctx, 'manager'), roundId, 'Sam Sample', 'Sam.Sample@partner.example');
  await services.reminders.runOnce();
  const messages = await db.handle.db.selectFrom('outboxMessage').selectAll().where('toName', '=', 'Sam Sample').orderBy('id', 'desc').execute();
  const m = /https:\/\/parentis\.testshire\.example\/partner\/([\w-]+)/.exec(messages[0]!.body);
  assert.ok(m, messages[0]!.body);
  token = m[1]!;
});

const entry = (over: Partial<{ body: string; date: string; status: 'R' | 'A' | 'G' | 'B' | ''; deadline: string; deadlineReason: string }> = {}) => ({
  key: 'test-plan:1.1',
  body: 'Evening held on 28 June; six families came.',
  date: '2018-06-29',
  status: 'G' as const,
  reason: 'On track',
  deadline: '',
  deadlineReason: '',
  ...over,
});

test('open partner link shows only the owner’s requested actions', async () => {
  const form = await services.partnerLinks.form(at, token);
  assert.equal(form.ownerName, 'Sam Sample');
  assert.deepEqual(form.actions.map((a) => [a.key, a.deadline]), [['test-plan:1.1', '2018-06-30']]);
  assert.equal(form.dueDate, '2018-07-13');
});

test('submit partner link records the update, proposal and deadline request as the owner via link', async () => {
  const done = await services.partnerLinks.submit(at, token, [entry({ deadline: '2018-09-30', deadlineReason: 'Venue closed in July' })]);
  assert.deepEqual(done.recorded, ['test-plan:1.1']);
  const a = await services.actions.show(ctx, 'test-plan:1.1');
  assert.deepEqual([a.updates.at(-1)!.author, a.updates.at(-1)!.body], ['Sam Sample', 'Evening held on 28 June; six families came.']);
  assert.equal(a.proposal?.status, 'G');
  assert.equal(a.proposal?.proposedBy, 'Sam Sample');
  const events = await services.audit.list(ctx, { entity: 'test-plan:1.1' });
  assert.deepEqual(
    [...new Set(events.map((e) => e.actor))],
    ['Sam Sample <sam.sample@partner.example> via link'],
  );
  assert.deepEqual(events.map((e) => e.event).sort(), ['action.deadline.requested', 'action.status.proposed', 'action.update.added', 'round.request.received']);
  const list = await services.rounds.chaseList(as(ctx, 'manager'), roundId);
  assert.deepEqual(list.rows.find((r) => r.actionKey === 'test-plan:1.1')?.receivedVia, 'link');
});

test('submit partner link a second time is refused with nothing changed', async () => {
  await services.partnerLinks.submit(at, token, [entry()]);
  const counts = await db.counts();
  await assert.rejects(services.partnerLinks.submit(at, token, [entry({ body: 'Again' })]), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'used');
  await assert.rejects(services.partnerLinks.form(at, token), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'used');
  assert.deepEqual(await db.counts(), counts);
});

test('open partner link after fourteen days is refused as expired with nothing changed', async () => {
  const counts = await db.counts();
  const later = { clock: { now: () => new Date('2018-07-16T09:00:01Z'), today: () => '2018-07-16' } };
  await assert.rejects(services.partnerLinks.form(later, token), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'expired');
  await assert.rejects(services.partnerLinks.submit(later, token, [entry()]), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'expired');
  assert.deepEqual(await db.counts(), counts);
});

test('open partner link after it is revoked is refused with nothing changed', async () => {
  const link = (await db.handle.db.selectFrom('partnerLink').selectAll().where('usedAt', 'is', null).where('revokedAt', 'is', null).executeTakeFirstOrThrow()).id;
  await assert.rejects(services.partnerLinks.revoke(as(ctx, 'owner'), roundId, link), ForbiddenError);
  await services.partnerLinks.revoke(as(ctx, 'manager'), roundId, link);
  const counts = await db.counts();
  await assert.rejects(services.partnerLinks.submit(at, token, [entry()]), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'revoked');
  assert.deepEqual(await db.counts(), counts);
});

test('open partner link with a tampered token is refused with nothing changed', async () => {
  const counts = await db.counts();
  const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  await assert.rejects(services.partnerLinks.submit(at, tampered, [entry()]), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'unknown');
  await assert.rejects(services.partnerLinks.form(at, ''), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'unknown');
  assert.deepEqual(await db.counts(), counts);
});

test('submit partner link for an action not asked about or with a future date is refused and the link still works', async () => {
  const counts = await db.counts();
  await assert.rejects(services.partnerLinks.submit(at, token, [{ ...entry(), key: 'test-plan:1' }]), (e: unknown) => e instanceof ValidationError && /does not ask about test-plan:1/.test(e.message));
  await assert.rejects(services.partnerLinks.submit(at, token, [entry({ date: '2018-07-03' })]), (e: unknown) => e instanceof ValidationError && e.field === 'date-test-plan:1.1');
  await assert.rejects(services.partnerLinks.submit(at, token, [entry({ body: '', status: '' })]), (e: unknown) => e instanceof ValidationError);
  assert.deepEqual(await db.counts(), counts);
  assert.equal((await services.partnerLinks.form(at, token)).actions.length, 1);
});

test('a new link for the same owner withdraws the one sent before', async () => {
  await services.partnerLinks.sendLink(as(ctx, 'manager'), roundId, 'Sam Sample', 'sam.sample@partner.example');
  await services.reminders.runOnce();
  await assert.rejects(services.partnerLinks.form(at, token), (e: unknown) => e instanceof PartnerLinkRefused && e.reason === 'revoked');
});
