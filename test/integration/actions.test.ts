// Action services on a real database: status, deadline and update writes, their history and audit,
// stale edits refused, derived figures and filters.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { NodeDocumentInput } from '../../src/domain/plan-document.ts';
import { StaleWriteError, ValidationError, NotFoundError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { planFixture } from '../helpers/plan-fixture.ts';

const t = useTestDatabase('Jo Example');
beforeEach(async () => {
  await t.db.services.plans.importDocument(t.ctx, planFixture());
});

test('show action derives status, deadline, overdue and days since update', async () => {
  const a = await t.db.services.actions.show({ ...t.ctx, asOf: '2018-10-15' }, 'test-plan:1');
  assert.equal(a.status, 'A');
  assert.equal(a.deadline, '2018-09-30');
  assert.equal(a.overdue, true);
  assert.equal(a.lastUpdate, '2018-05-31');
  assert.equal(a.daysSinceUpdate, 137);
  assert.deepEqual(a.owners.map((o) => o.label), ['Jo Example, Fostering Manager', 'Head of Placements']);
  assert.deepEqual(a.path.map((p) => p.title), ['Placements']);
  assert.deepEqual(a.subActions.map((s) => s.number), ['1.1']);
  assert.deepEqual(a.risks.map((r) => r.reference), ['R1']);
});

test('set status appends to the history and records the audit event with before and after', async () => {
  const a = await t.db.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'R', asAt: '2018-06-30', reason: 'No applicants in June' });
  assert.equal(a.status, 'R');
  assert.deepEqual(a.statuses.map((s) => s.status), ['A', 'R']);
  assert.equal(a.statuses[1]!.approvedBy, 'Jo Example');
  assert.equal(a.version, 2);
  const [event] = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.equal(event!.event, 'action.status.set');
  assert.equal(event!.actor, 'Jo Example');
  assert.deepEqual(event!.before, { status: 'A', asAt: '2018-05-31' });
  assert.equal((event!.after as { status: string }).status, 'R');
});

test('propose status leaves the current status until a lead approves', async () => {
  const a = await t.db.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'G', asAt: '2018-06-30', reason: 'Back on track', approve: false });
  assert.equal(a.status, 'A');
  assert.equal(a.pendingProposal, 'G');
});

test('set forecast keeps the current status apart', async () => {
  const a = await t.db.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'G', asAt: '2018-06-30', reason: 'Expected by autumn', kind: 'forecast' });
  assert.equal(a.status, 'A');
  assert.equal(a.forecast, 'G');
});

test('revise deadline keeps every earlier deadline and derives slippage', async () => {
  await t.db.services.actions.reviseDeadline(t.ctx, 'test-plan:1', { date: '2018-12-31', reason: 'Campaign moved to autumn' });
  const a = await t.db.services.actions.reviseDeadline(t.ctx, 'test-plan:1', { date: '2019-01-31', reason: 'Panel dates' });
  assert.deepEqual(a.deadlines.map((d) => d.date), ['2018-09-30', '2018-12-31', '2019-01-31']);
  assert.deepEqual(a.slippage, { revisions: 2, daysMoved: 123 });
  assert.equal(a.deadline, '2019-01-31');
  const events = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:1' });
  assert.deepEqual(events[0]!.before, { deadline: '2018-12-31' });
  assert.deepEqual(events[0]!.after, { deadline: '2019-01-31', reason: 'Panel dates' });
});

test('revise deadline without a reason is refused naming the field', async () => {
  await assert.rejects(
    t.db.services.actions.reviseDeadline(t.ctx, 'test-plan:1', { date: '2018-12-31', reason: '  ' }),
    (err: unknown) => err instanceof ValidationError && err.field === 'reason',
  );
});

test('add update records the author and moves last update on', async () => {
  const a = await t.db.services.actions.addUpdate({ ...t.ctx, asOf: '2018-07-01' }, 'test-plan:1', { date: '2018-06-20', body: 'Two enquiries.' });
  assert.equal(a.lastUpdate, '2018-06-20');
  assert.equal(a.daysSinceUpdate, 11);
  assert.equal(a.updates.at(-1)!.author, 'Jo Example');
});

test('two edits from the same version land once and refuse the other', async () => {
  const { version } = await t.db.services.actions.show(t.ctx, 'test-plan:1');
  const other: Ctx = { ...t.ctx, actor: 'Sam Sample' };
  await t.db.services.actions.setStatus(other, 'test-plan:1', { status: 'R', asAt: '2018-06-30', reason: 'Slipping', expectedVersion: version });
  await assert.rejects(
    t.db.services.actions.reviseDeadline(t.ctx, 'test-plan:1', { date: '2018-12-31', reason: 'Later', expectedVersion: version }),
    (err: unknown) =>
      err instanceof StaleWriteError && /Sam Sample/.test(err.message) && /Nothing was saved/.test(err.message) && err.currentVersion === version + 1,
  );
  const a = await t.db.services.actions.show(t.ctx, 'test-plan:1');
  assert.equal(a.status, 'R');
  assert.equal(a.deadline, '2018-09-30');
  assert.equal(a.version, version + 1);
});

test('edit action changes fields and owners and refuses a stale version', async () => {
  const a = await t.db.services.actions.edit(t.ctx, 'test-plan:2', {
    expectedVersion: 1,
    title: 'Offer every care leaver a personal adviser to 25',
    owners: [{ name: 'Lee Leaver', role: 'Personal Adviser Lead' }],
  });
  assert.equal(a.title, 'Offer every care leaver a personal adviser to 25');
  assert.deepEqual(a.owners.map((o) => o.label), ['Lee Leaver, Personal Adviser Lead']);
  await assert.rejects(t.db.services.actions.edit(t.ctx, 'test-plan:2', { expectedVersion: 1, outcome: 'x' }), StaleWriteError);
  const [event] = await t.db.services.audit.list(t.ctx, { entity: 'test-plan:2' });
  assert.deepEqual((event!.before as { owners: string[] }).owners, ['Leaving Care Manager']);
});

test('list actions filters by status, owner, overdue and reference', async () => {
  const asOf = { ...t.ctx, asOf: '2018-10-01' };
  assert.deepEqual((await t.db.services.actions.list(asOf, { status: ['A'] })).map((a) => a.key), ['test-plan:1']);
  assert.deepEqual((await t.db.services.actions.list(asOf, { owner: 'fostering' })).map((a) => a.key), ['test-plan:1']);
  assert.deepEqual((await t.db.services.actions.list(asOf, { overdue: true })).map((a) => a.key), ['test-plan:1', 'test-plan:1.1']);
  assert.deepEqual((await t.db.services.actions.list(asOf, { ref: { kind: 'inspection', value: '12' } })).map((a) => a.key), ['test-plan:2']);
  assert.deepEqual((await t.db.services.actions.list(asOf, { text: 'radio advert' })).map((a) => a.key), ['test-plan:1']);
});

test('show action for an unknown plan or number names what is missing', async () => {
  await assert.rejects(t.db.services.actions.show(t.ctx, 'nope:1'), (e: unknown) => e instanceof NotFoundError && /no plan "nope"/.test(e.message));
  await assert.rejects(t.db.services.actions.show(t.ctx, 'test-plan:9'), (e: unknown) => e instanceof NotFoundError && /no action numbered 9/.test(e.message));
});

test('rescore risk keeps the score history and reports the trend', async () => {
  await t.db.services.risks.rescore(t.ctx, { plan: 'test-plan', reference: 'R1', likelihood: 3, impact: 4, note: 'Campaign under way' });
  const [risk] = await t.db.services.risks.list(t.ctx);
  assert.equal(risk!.score, 12);
  assert.equal(risk!.previousScore, 16);
  assert.equal(risk!.trend, 'falling');
  assert.deepEqual(risk!.actions, ['test-plan:1']);
});

test('rescore risk outside 1 to 5 is refused and changes nothing', async () => {
  const before = await t.db.counts();
  await assert.rejects(t.db.services.risks.rescore(t.ctx, { plan: 'test-plan', reference: 'R1', likelihood: 6, impact: 1, note: '' }), ValidationError);
  assert.deepEqual(await t.db.counts(), before);
});

test('set status for an earlier date files it in date order and leaves the later status in force', async () => {
  const a = await t.db.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'R', asAt: '2018-04-30', reason: 'Recorded late' });
  assert.equal(a.status, 'A');
  assert.deepEqual(a.statuses.map((s) => `${s.asAt} ${s.status}`), ['2018-04-30 R', '2018-05-31 A']);
});

test('list actions aiming at a measure finds them by a linked measure or a success measure, each once', async () => {
  const doc = planFixture('aims');
  const [placements, leavers] = doc.plan.nodes as NodeDocumentInput[];
  const recruit = placements!.actions![0]!;
  recruit.kpis = [{ title: 'Health checks on time', measureCode: 'health-checks' }];
  recruit.subActions![0]!.refs = [{ kind: 'measure', value: 'health-checks' }];
  recruit.subActions![0]!.kpis = [{ title: 'Health checks on time', measureCode: 'health-checks' }];
  leavers!.actions![0]!.kpis = [{ title: 'Care leavers in education', measureCode: 'care-leavers-eet' }];
  await t.db.services.plans.importDocument(t.ctx, doc);
  assert.deepEqual((await t.db.services.actions.list(t.ctx, { aimsAt: 'health-checks' })).map((a) => a.key), ['aims:1', 'aims:1.1']);
  assert.deepEqual((await t.db.services.actions.list(t.ctx, { aimsAt: 'care-leavers-eet' })).map((a) => a.key), ['aims:2']);
  assert.deepEqual(await t.db.services.actions.list(t.ctx, { aimsAt: 'nobody-aims-here' }), []);
});
