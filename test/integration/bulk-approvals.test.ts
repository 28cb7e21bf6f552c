// A lead's decisions on several proposals at once: one transaction, audited as single decisions; a
// change made since the page was shown, or one item the lead may not decide, decides none of them.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { StaleItemsError } from '../../src/services/actions/index.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';

const t = useTestDatabase('Command Line');
const actions = () => t.db.services.actions;
const owner = () => as(t.ctx, 'owner');
const lead = () => as(t.ctx, 'lead');
const manager = () => as(t.ctx, 'manager');

// test-plan:1 (Lee Lead's programme) gets a proposed status and a deadline request; test-plan:2 (not theirs) a proposed status.
beforeEach(async () => {
  await t.db.services.plans.importDocument(t.ctx, ledPlanFixture());
  await actions().proposeStatus(owner(), 'test-plan:1', { status: 'R', reason: 'No applicants in June' });
  await actions().requestDeadline(owner(), 'test-plan:1', { dueDate: '2018-12-31', reason: 'Campaign moved to the autumn' });
  await actions().proposeStatus(manager(), 'test-plan:2', { status: 'B', reason: 'Every care leaver has an adviser' });
});

test('decide many approves a status and a deadline on one action as the single decisions do', async () => {
  const { version } = await actions().show(t.ctx, 'test-plan:1');
  const r = await actions().decideMany(
    lead(),
    [
      { kind: 'status', key: 'test-plan:1', expectedVersion: version },
      { kind: 'deadline', key: 'test-plan:1', expectedVersion: version },
    ],
    { decision: 'approve', reason: 'Agreed at the programme board' },
  );
  assert.deepEqual(r, { decided: 2 });
  const a = await actions().show(t.ctx, 'test-plan:1');
  assert.deepEqual([a.status, a.pendingProposal, a.deadline, a.pendingDeadlineRequest], ['R', null, '2018-12-31', null]);
  assert.equal(a.version, version + 2);
  const events = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.deepEqual(
    events.slice(0, 2).map((e) => [e.event, e.actor]),
    [
      ['action.deadline.request.approved', 'Lee Lead'],
      ['action.status.approved', 'Lee Lead'],
    ],
  );
  assert.deepEqual(events[1]!.after, { status: 'R', asAt: '2018-06-30', decision: 'approved', decidedBy: 'Lee Lead', reason: 'Agreed at the programme board' });
});

test('decide many rejecting without a reason is refused naming the reason and decides nothing', async () => {
  const { version } = await actions().show(t.ctx, 'test-plan:1');
  const before = await t.db.counts();
  await assert.rejects(
    actions().decideMany(lead(), [{ kind: 'status', key: 'test-plan:1', expectedVersion: version }], { decision: 'reject', reason: '  ' }),
    (e: unknown) => e instanceof ValidationError && e.field === 'reason',
  );
  await assert.rejects(actions().decideMany(lead(), [], { decision: 'approve', reason: '' }), (e: unknown) => e instanceof ValidationError && e.field === 'items');
  assert.deepEqual(await t.db.counts(), before);
});

test('decide many after another change to one action refuses naming it and decides none', async () => {
  const one = await actions().show(t.ctx, 'test-plan:1');
  const two = await actions().show(t.ctx, 'test-plan:2');
  // Someone else writes an update on action 2 after the lead's page was drawn.
  await actions().addUpdate(manager(), 'test-plan:2', { date: '2018-06-30', body: 'Advisers allocated to the last three.' });
  const before = await t.db.counts();
  await assert.rejects(
    actions().decideMany(
      manager(),
      [
        { kind: 'status', key: 'test-plan:1', expectedVersion: one.version },
        { kind: 'status', key: 'test-plan:2', expectedVersion: two.version },
      ],
      { decision: 'approve', reason: '' },
    ),
    (e: unknown) =>
      e instanceof StaleItemsError &&
      e.stale.length === 1 &&
      e.stale[0]!.key === 'test-plan:2' &&
      e.stale[0]!.error.change?.actor === 'Pat Manager' &&
      e.stale[0]!.error.change.event === 'action.update.added',
  );
  assert.deepEqual(await t.db.counts(), before);
  assert.equal((await actions().show(t.ctx, 'test-plan:1')).pendingProposal, 'R');
  assert.equal((await actions().show(t.ctx, 'test-plan:2')).pendingProposal, 'B');
});

test('decide many with an action the lead may not decide is refused and undoes the decisions before it', async () => {
  const one = await actions().show(t.ctx, 'test-plan:1');
  const two = await actions().show(t.ctx, 'test-plan:2');
  const before = await t.db.counts();
  await assert.rejects(
    actions().decideMany(
      lead(),
      [
        { kind: 'status', key: 'test-plan:1', expectedVersion: one.version },
        { kind: 'status', key: 'test-plan:2', expectedVersion: two.version },
      ],
      { decision: 'approve', reason: '' },
    ),
    ForbiddenError,
  );
  assert.deepEqual(await t.db.counts(), before);
  const after = await actions().show(t.ctx, 'test-plan:1');
  assert.deepEqual([after.status, after.pendingProposal, after.version], ['A', 'R', one.version]);
});
