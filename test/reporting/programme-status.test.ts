// Programme status per reporting period on a real database: entries are added, never overwritten;
// the status at a period's end is the latest entered up to it (or the plan's own); a stale form and a
// programme the lead does not lead are refused with nothing written.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ForbiddenError, StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';

const t = useTestDatabase('Command Line');
const programmes = () => t.db.services.programmes;
let q1 = 0;
let q2 = 0;
let planId = 0;
let theme1 = 0;
let theme2 = 0;

beforeEach(async () => {
  const doc = ledPlanFixture();
  doc.plan.nodes![0]!.status = { status: 'A', trend: 'stable', reason: 'As the plan was agreed', asAt: '2018-03-31' };
  await t.db.services.plans.importDocument(t.ctx, doc);
  q1 = (await t.db.services.rounds.open(t.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' })).round.id;
  q2 = (await t.db.services.rounds.open(t.ctx, { period: '2018/19 Q2', plans: ['test-plan'], dueDate: '2018-10-12' })).round.id;
  planId = (await t.db.services.plans.list(t.ctx))[0]!.id;
  const listed = (await programmes().forRound(t.ctx, q1)).programmes;
  theme1 = listed[0]!.nodeId;
  theme2 = listed[1]!.nodeId;
});

const entry = (status: string, reason: string, expectedVersion: number) => ({ status, trend: 'improving', reason, deliveryGroup: 'Placements Board', chair: 'Lee Lead', expectedVersion });

test('programme statuses at a period end give the latest entry up to it, else the plan’s own', async () => {
  const lead = as(t.ctx, 'lead');
  assert.deepEqual((await programmes().programmeStatusesAt(t.ctx, [planId], '2018-06-30')).map((s) => [s.number, s.status, s.reason, s.enteredBy]), [['1', 'A', 'As the plan was agreed', null]]);
  await programmes().enter(lead, q1, theme1, entry('R', 'No applicants', 0));
  await programmes().enter(lead, q1, theme1, entry('A', 'Two enquiries after all', 1));
  await programmes().enter(lead, q2, theme1, entry('G', 'Twelve carers approved', 2));
  const atQ1 = await programmes().programmeStatusesAt(t.ctx, [planId], '2018-06-30');
  assert.deepEqual(atQ1.map((s) => [s.number, s.status, s.trend, s.reason, s.period, s.enteredBy]), [['1', 'A', 'improving', 'Two enquiries after all', '2018/19 Q1', 'Lee Lead']]);
  const atQ2 = await programmes().programmeStatusesAt(t.ctx, [planId], '2018-09-30');
  assert.deepEqual(atQ2.map((s) => [s.status, s.period, s.deliveryGroup, s.chair]), [['G', '2018/19 Q2', 'Placements Board', 'Lee Lead']]);
  assert.deepEqual(await programmes().programmeStatusesAt(t.ctx, [planId], '2018-03-30'), []);
  // Nothing was overwritten: the history holds every entry and the plan's own, newest first.
  const shown = await programmes().show(t.ctx, q2, theme1);
  assert.deepEqual(shown.history.map((h) => h.reason), ['Twelve carers approved', 'Two enquiries after all', 'No applicants', 'As the plan was agreed']);
  const events = await t.db.services.audit.list(t.ctx, {});
  assert.deepEqual(events.filter((e) => e.event === 'programme.status.entered').map((e) => e.actor), ['Lee Lead', 'Lee Lead', 'Lee Lead']);
});

test('enter programme status from a stale version is refused naming who entered one, and writes nothing', async () => {
  await programmes().enter(as(t.ctx, 'manager'), q1, theme1, entry('R', 'Panel found no carers', 0));
  const before = await t.db.counts();
  await assert.rejects(
    programmes().enter(as(t.ctx, 'lead'), q1, theme1, entry('A', 'Two enquiries', 0)),
    (e: unknown) => e instanceof StaleWriteError && e.currentVersion === 1 && e.change?.actor === 'Pat Manager' && e.change.event === 'programme.status.entered',
  );
  assert.deepEqual(await t.db.counts(), before);
});

test('enter programme status for a programme the lead does not lead, or without a reason, is refused and writes nothing', async () => {
  const before = await t.db.counts();
  await assert.rejects(programmes().enter(as(t.ctx, 'lead'), q1, theme2, entry('G', 'Fine', 0)), ForbiddenError);
  await assert.rejects(programmes().enter(as(t.ctx, 'owner'), q1, theme1, entry('G', 'Fine', 0)), ForbiddenError);
  await assert.rejects(programmes().enter(as(t.ctx, 'lead'), q1, theme1, entry('G', ' ', 0)), (e: unknown) => e instanceof ValidationError && e.field === 'reason');
  await assert.rejects(programmes().enter(as(t.ctx, 'lead'), q1, theme1, { ...entry('G', 'Fine', 0), trend: 'sideways' }), (e: unknown) => e instanceof ValidationError && e.field === 'trend');
  assert.deepEqual(await t.db.counts(), before);
});
