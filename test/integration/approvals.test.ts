// The approval workflow on a real database: an owner proposes a status or asks for a deadline, a
// lead or manager approves or rejects it; decisions are audited and stale ones refused.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ForbiddenError, StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';

const t = useTestDatabase('Command Line');
beforeEach(async () => {
  await t.db.services.plans.importDocument(t.ctx, ledPlanFixture());
});
const owner = () => as(t.ctx, 'owner');
const lead = () => as(t.ctx, 'lead');
const actions = () => t.db.services.actions;

test('propose status as owner then approve as lead makes it current with its history and audit trail', async () => {
  const proposed = await actions().proposeStatus(owner(), 'test-plan:1', { status: 'R', reason: 'No applicants in June', expectedVersion: 1 });
  assert.equal(proposed.status, 'A');
  assert.equal(proposed.pendingProposal, 'R');
  assert.deepEqual(
    { status: proposed.proposal?.status, reason: proposed.proposal?.reason, proposedBy: proposed.proposal?.proposedBy, asAt: proposed.proposal?.asAt },
    { status: 'R', reason: 'No applicants in June', proposedBy: 'Jo Example', asAt: '2018-06-30' },
  );
  assert.equal(proposed.may.decideProposal, false);

  const seen = await actions().show(lead(), 'test-plan:1');
  assert.equal(seen.may.decideProposal, true);
  const approved = await actions().decideProposal(lead(), 'test-plan:1', { decision: 'approve', reason: 'Agreed at panel', expectedVersion: seen.version });
  assert.equal(approved.status, 'R');
  assert.equal(approved.statusAsAt, '2018-06-30');
  assert.equal(approved.pendingProposal, null);
  assert.equal(approved.proposal, null);
  const last = approved.statuses.at(-1)!;
  assert.deepEqual(
    { status: last.status, proposedBy: last.proposedBy, approvedBy: last.approvedBy, rejectedBy: last.rejectedBy, decisionReason: last.decisionReason },
    { status: 'R', proposedBy: 'Jo Example', approvedBy: 'Lee Lead', rejectedBy: null, decisionReason: 'Agreed at panel' },
  );
  assert.notEqual(last.decidedAt, null);

  const events = await t.db.services.audit.list(as(t.ctx, 'admin'), { entity: 'test-plan:1' });
  assert.deepEqual(
    events.slice(0, 2).map((e) => [e.event, e.actor]),
    [
      ['action.status.approved', 'Lee Lead'],
      ['action.status.proposed', 'Jo Example'],
    ],
  );
  assert.deepEqual(events[0]!.before, { status: 'A', asAt: '2018-05-31', proposal: { status: 'R', asAt: '2018-06-30', reason: 'No applicants in June', proposedBy: 'Jo Example' } });
  assert.deepEqual(events[0]!.after, { status: 'R', asAt: '2018-06-30', decision: 'approved', decidedBy: 'Lee Lead', reason: 'Agreed at panel' });
});

test('add update with a proposed status records both in one change and two audit events', async () => {
  const a = await actions().addUpdate(owner(), 'test-plan:1', { date: '2018-06-29', body: 'Campaign paused.', proposal: { status: 'R' }, expectedVersion: 1 });
  assert.equal(a.version, 2);
  assert.equal(a.updates.at(-1)!.body, 'Campaign paused.');
  assert.equal(a.status, 'A');
  assert.deepEqual([a.proposal?.status, a.proposal?.asAt, a.proposal?.reason], ['R', '2018-06-29', 'Campaign paused.']);
  const events = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.deepEqual(events.map((e) => e.event).sort(), ['action.status.proposed', 'action.update.added']);
});

test('reject proposal keeps the status and records who rejected it and why', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'G', reason: 'Back on track' });
  const a = await actions().decideProposal(lead(), 'test-plan:1', { decision: 'reject', reason: 'Only two enquiries so far', expectedVersion: 2 });
  assert.equal(a.status, 'A');
  assert.equal(a.pendingProposal, null);
  const last = a.statuses.at(-1)!;
  assert.deepEqual([last.status, last.approvedBy, last.rejectedBy, last.decisionReason], ['G', null, 'Lee Lead', 'Only two enquiries so far']);
  const [event] = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.equal(event!.event, 'action.status.rejected');
  assert.deepEqual(event!.after, { status: 'A', asAt: '2018-05-31', decision: 'rejected', decidedBy: 'Lee Lead', reason: 'Only two enquiries so far' });
});

test('reject proposal without a reason is refused naming the field and changes nothing', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'G', reason: 'Back on track' });
  const before = await t.db.counts();
  await assert.rejects(
    actions().decideProposal(lead(), 'test-plan:1', { decision: 'reject', reason: ' ', expectedVersion: 2 }),
    (e: unknown) => e instanceof ValidationError && e.field === 'reason',
  );
  assert.deepEqual(await t.db.counts(), before);
  assert.equal((await actions().show(t.ctx, 'test-plan:1')).pendingProposal, 'G');
});

test('decide proposal when none is waiting is refused naming the decision', async () => {
  await assert.rejects(
    actions().decideProposal(lead(), 'test-plan:1', { decision: 'approve', reason: '', expectedVersion: 1 }),
    (e: unknown) => e instanceof ValidationError && e.field === 'decision' && /no proposed status/.test(e.message),
  );
});

test('decide proposal from a stale version is refused and changes nothing', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'R', reason: 'Slipping' });
  const opened = await actions().show(lead(), 'test-plan:1');
  await actions().addUpdate(owner(), 'test-plan:1', { date: '2018-06-30', body: 'Actually, one enquiry came in.' });
  const before = await t.db.counts();
  await assert.rejects(
    actions().decideProposal(lead(), 'test-plan:1', { decision: 'approve', reason: '', expectedVersion: opened.version }),
    (e: unknown) => e instanceof StaleWriteError && /Jo Example/.test(e.message) && e.currentVersion === opened.version + 1,
  );
  assert.deepEqual(await t.db.counts(), before);
  const a = await actions().show(t.ctx, 'test-plan:1');
  assert.equal(a.status, 'A');
  assert.equal(a.pendingProposal, 'R');
});

test('decide proposal as a lead outside their programme is refused', async () => {
  await actions().proposeStatus(t.ctx, 'test-plan:2', { status: 'A', reason: 'Advisers leaving' });
  await assert.rejects(actions().decideProposal(lead(), 'test-plan:2', { decision: 'approve', reason: '' }), ForbiddenError);
  assert.equal((await actions().show(t.ctx, 'test-plan:2')).pendingProposal, 'A');
});

test('propose status again replaces the proposal waiting and only the newest is decided', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'R', reason: 'Slipping' });
  const a = await actions().proposeStatus(owner(), 'test-plan:1', { status: 'G', reason: 'Recovered' });
  assert.equal(a.pendingProposal, 'G');
  assert.deepEqual(
    a.statuses.map((s) => [s.status, s.approvedBy, s.rejectedBy, s.decisionReason]),
    [
      ['A', 'Head of Placements', null, ''],
      ['R', null, 'Jo Example', 'Replaced by a later proposal'],
      ['G', null, null, ''],
    ],
  );
  const approved = await actions().decideProposal(lead(), 'test-plan:1', { decision: 'approve', reason: '' });
  assert.equal(approved.status, 'G');
});

test('request deadline as owner then approve as lead moves the deadline and keeps its history', async () => {
  const asked = await actions().requestDeadline(owner(), 'test-plan:1', { dueDate: '2018-12-31', reason: 'Recruitment delayed', expectedVersion: 1 });
  assert.equal(asked.deadline, '2018-09-30');
  assert.deepEqual([asked.pendingDeadlineRequest?.dueDate, asked.pendingDeadlineRequest?.requestedBy], ['2018-12-31', 'Jo Example']);
  assert.equal(asked.may.decideDeadlineRequest, false);
  const approved = await actions().decideDeadlineRequest(lead(), 'test-plan:1', { decision: 'approve', reason: 'Fine', expectedVersion: 2 });
  assert.equal(approved.deadline, '2018-12-31');
  assert.deepEqual(approved.slippage, { revisions: 1, daysMoved: 92 });
  assert.equal(approved.pendingDeadlineRequest, null);
  assert.deepEqual(
    approved.deadlines.map((d) => [d.date, d.setBy, d.reason]),
    [
      ['2018-09-30', 'Jo Example', 'Original deadline'],
      ['2018-12-31', 'Lee Lead', 'Recruitment delayed (asked for by Jo Example)'],
    ],
  );
  assert.deepEqual(approved.deadlineRequests.map((r) => [r.decision, r.decidedBy]), [['approved', 'Lee Lead']]);
  const events = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.deepEqual(events.map((e) => e.event), ['action.deadline.request.approved', 'action.deadline.requested']);
  assert.deepEqual(events[0]!.before, { deadline: '2018-09-30', request: { requestedDeadline: '2018-12-31', reason: 'Recruitment delayed', requestedBy: 'Jo Example' } });
});

test('reject deadline request keeps the deadline and records the reason', async () => {
  await actions().requestDeadline(owner(), 'test-plan:1', { dueDate: '2018-12-31', reason: 'Recruitment delayed' });
  const a = await actions().decideDeadlineRequest(as(t.ctx, 'manager'), 'test-plan:1', { decision: 'reject', reason: 'The board needs it by September' });
  assert.equal(a.deadline, '2018-09-30');
  assert.deepEqual(a.deadlineRequests.map((r) => [r.decision, r.decidedBy, r.decisionReason]), [['rejected', 'Pat Manager', 'The board needs it by September']]);
});

test('request deadline without a reason or with a bad date is refused naming the field', async () => {
  await assert.rejects(
    actions().requestDeadline(owner(), 'test-plan:1', { dueDate: '2018-12-31', reason: '' }),
    (e: unknown) => e instanceof ValidationError && e.field === 'reason',
  );
  await assert.rejects(
    actions().requestDeadline(owner(), 'test-plan:1', { dueDate: '2018-02-30', reason: 'Later' }),
    (e: unknown) => e instanceof ValidationError && e.field === 'dueDate',
  );
});

test('awaiting decision lists for a lead only the actions in their programme', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'R', reason: 'Slipping' });
  await actions().proposeStatus(t.ctx, 'test-plan:2', { status: 'A', reason: 'Advisers leaving' });
  await actions().requestDeadline(as(t.ctx, 'owner', 'Sam Sample'), 'test-plan:1.1', { dueDate: '2018-07-31', reason: 'Venue' });
  const forLead = await actions().awaitingDecision(lead());
  assert.deepEqual(
    forLead.map((a) => [a.key, a.proposal?.status ?? null, a.pendingDeadlineRequest?.dueDate ?? null]),
    [
      ['test-plan:1', 'R', null],
      ['test-plan:1.1', null, '2018-07-31'],
    ],
  );
  assert.deepEqual((await actions().awaitingDecision(as(t.ctx, 'manager'))).map((a) => a.key), ['test-plan:1', 'test-plan:1.1', 'test-plan:2']);
  assert.deepEqual(await actions().awaitingDecision(owner()), []);
});

test('mine lists the actions whose owner is the signed-in person', async () => {
  assert.deepEqual((await actions().mine(owner())).map((a) => a.key), ['test-plan:1']);
  assert.deepEqual((await actions().mine(as(t.ctx, 'owner', 'sam sample'))).map((a) => a.key), ['test-plan:1.1']);
  assert.deepEqual(await actions().mine(as(t.ctx, 'owner', 'Head of Placements')), []);
});

test('show action offers an owner only what they may do to their own action', async () => {
  const own = await actions().show(owner(), 'test-plan:1');
  assert.deepEqual(own.may, {
    addUpdate: true,
    proposeStatus: true,
    decideProposal: false,
    setStatus: false,
    requestDeadline: true,
    decideDeadlineRequest: false,
    reviseDeadline: false,
    edit: false,
  });
  const other = await actions().show(owner(), 'test-plan:2');
  assert.equal(Object.values(other.may).some(Boolean), false);
  const viewer = await actions().show(as(t.ctx, 'viewer'), 'test-plan:1');
  assert.equal(Object.values(viewer.may).some(Boolean), false);
});

test('export then import of a plan keeps a rejected proposal rejected', async () => {
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'G', reason: 'Back on track' });
  await actions().decideProposal(lead(), 'test-plan:1', { decision: 'reject', reason: 'Too early' });
  const doc = await t.db.services.plans.exportDocument(t.ctx, 'test-plan');
  const rejected = doc.plan.nodes[0]!.actions[0]!.statuses.at(-1)!;
  assert.deepEqual([rejected.status, rejected.approvedBy, rejected.rejectedBy, rejected.decisionReason], ['G', null, 'Lee Lead', 'Too early']);
  await t.db.services.plans.importDocument(t.ctx, doc, { replace: true });
  const a = await actions().show(t.ctx, 'test-plan:1');
  assert.deepEqual([a.status, a.pendingProposal, a.statuses.at(-1)!.rejectedBy], ['A', null, 'Lee Lead']);
  assert.deepEqual(await t.db.services.plans.exportDocument(t.ctx, 'test-plan'), doc);
});
