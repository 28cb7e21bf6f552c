// The list pages' figures, picked out of each action's history in SQL, against the same figures
// worked out from the whole history (the action page) on a plan whose history has every twist:
// superseded and same-day statuses, rejected and pending proposals, revised and repeated deadlines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentDeadline, emptyRollUp, addToRollUp, isOverdue, statusAt } from '../../src/domain/action-derived.ts';
import type { PlanDocumentInput } from '../../src/domain/plan-document.ts';
import type { ActionSummary } from '../../src/services/actions/index.ts';
import { useTestDatabase } from '../helpers/database.ts';

const t = useTestDatabase();
const AS_OF = '2018-09-15';

const dl = (date: string, setAt: string) => ({ date, reason: 'Revised', setBy: 'Head of Service', setAt });
const st = (status: 'B' | 'R' | 'A' | 'G', asAt: string, recordedAt: string, decision: { approvedBy?: string | null; rejectedBy?: string; kind?: 'current' | 'forecast' } = {}) => ({
  status,
  asAt,
  recordedAt,
  kind: decision.kind ?? 'current',
  proposedBy: 'Jo Example',
  approvedBy: decision.approvedBy === undefined ? 'Head of Service' : decision.approvedBy,
  ...(decision.rejectedBy !== undefined ? { rejectedBy: decision.rejectedBy } : {}),
});

function twistedPlan(): PlanDocumentInput {
  return {
    format: 'parentis.plan',
    formatVersion: 1,
    plan: {
      slug: 'twisted',
      title: 'A plan with every kind of history',
      kind: 'improvement',
      nodes: [
        {
          kind: 'theme',
          number: '1',
          title: 'Placements',
          actions: [
            {
              number: '1',
              title: 'Superseded, same-day and rejected statuses; deadline moved out then back',
              owners: [{ name: 'Jo Example', role: 'Fostering Manager' }, { role: 'Head of Placements' }],
              refs: [{ kind: 'inspection', value: '11' }],
              deadlines: [dl('2018-06-30', '2018-04-02T09:00:00Z'), dl('2018-10-31', '2018-05-01T09:00:00Z'), dl('2018-08-31', '2018-07-01T09:00:00Z')],
              statuses: [
                st('R', '2018-04-30', '2018-05-01T09:00:00Z'),
                st('G', '2018-05-31', '2018-06-01T09:00:00Z'),
                // Same as-at date, recorded later: this one is the status.
                st('A', '2018-05-31', '2018-06-02T09:00:00Z'),
                st('B', '2018-07-31', '2018-08-01T09:00:00Z', { approvedBy: null, rejectedBy: 'Head of Service' }),
                st('G', '2018-06-30', '2018-07-01T09:00:00Z', { approvedBy: null }),
                st('R', '2018-08-31', '2018-09-01T09:00:00Z', { approvedBy: null }),
                st('G', '2018-12-31', '2018-06-01T09:00:00Z', { kind: 'forecast' }),
              ],
              updates: [
                { date: '2018-05-31', author: 'Jo Example', body: 'Campaign designed.' },
                { date: '2018-08-10', author: 'Jo Example', body: 'Campaign running.' },
              ],
              subActions: [
                {
                  number: '1.1',
                  title: 'Complete, deadline passed',
                  owners: [{ name: 'Sam Sample' }],
                  deadlines: [dl('2018-06-30', '2018-04-02T09:00:00Z')],
                  statuses: [st('B', '2018-06-30', '2018-07-01T09:00:00Z')],
                },
              ],
            },
            {
              number: '2',
              title: 'No status; two deadlines set at one moment',
              owners: [{ role: 'Leaving Care Manager' }],
              deadlines: [dl('2018-09-30', '2018-04-02T09:00:00Z'), dl('2018-08-01', '2018-04-02T09:00:00Z')],
            },
          ],
        },
        {
          kind: 'theme',
          number: '2',
          title: 'Care leavers',
          actions: [
            {
              number: '3',
              title: 'Only a rejected proposal and no deadline',
              owners: [{ name: 'Alex Adviser' }],
              statuses: [st('G', '2018-05-31', '2018-06-01T09:00:00Z', { approvedBy: null, rejectedBy: 'Head of Service' })],
            },
            {
              number: '4',
              title: 'Brought forward after a later status',
              owners: [{ name: 'Alex Adviser' }],
              deadlines: [dl('2018-12-31', '2018-04-02T09:00:00Z'), dl('2018-09-01', '2018-08-01T09:00:00Z')],
              statuses: [st('G', '2018-06-30', '2018-07-01T09:00:00Z'), st('R', '2018-08-31', '2018-09-01T09:00:00Z')],
            },
          ],
        },
      ],
    },
  };
}

const FIGURES = ['status', 'statusAsAt', 'forecast', 'pendingProposal', 'deadline', 'originalDeadline', 'slippage', 'overdue', 'lastUpdate', 'updateCount', 'daysSinceUpdate', 'owners', 'refs'] as const;
const figuresOf = (a: ActionSummary) => Object.fromEntries(FIGURES.map((k) => [k, a[k]]));

test('list actions gives each action the figures its whole history gives', async () => {
  await t.db.services.plans.importDocument(t.ctx, twistedPlan());
  const ctx = { ...t.ctx, asOf: AS_OF };
  const listed = await t.db.services.actions.list(ctx, { plan: 'twisted' });
  assert.deepEqual(listed.map((a) => a.number), ['1', '1.1', '2', '3', '4']);
  for (const a of listed) {
    const detail = await t.db.services.actions.show(ctx, a.key);
    assert.deepEqual(figuresOf(a), figuresOf(detail), `figures of action ${a.number}`);
  }
  const [first, , second, third, fourth] = listed;
  assert.deepEqual(
    { status: first!.status, asAt: first!.statusAsAt, forecast: first!.forecast, pending: first!.pendingProposal, deadline: first!.deadline, slippage: first!.slippage },
    { status: 'A', asAt: '2018-05-31', forecast: 'G', pending: 'R', deadline: '2018-08-31', slippage: { revisions: 2, daysMoved: 62 } },
  );
  assert.deepEqual({ deadline: second!.deadline, original: second!.originalDeadline, overdue: second!.overdue }, { deadline: '2018-08-01', original: '2018-09-30', overdue: true });
  assert.deepEqual({ status: third!.status, pending: third!.pendingProposal, deadline: third!.deadline, overdue: third!.overdue }, { status: null, pending: null, deadline: null, overdue: false });
  assert.deepEqual({ status: fourth!.status, deadline: fourth!.deadline, overdue: fourth!.overdue, slippage: fourth!.slippage }, { status: 'R', deadline: '2018-09-01', overdue: true, slippage: { revisions: 1, daysMoved: -121 } });
});

test('list plans counts in SQL the roll-up the actions\' histories give', async () => {
  await t.db.services.plans.importDocument(t.ctx, twistedPlan());
  const ctx = { ...t.ctx, asOf: AS_OF };
  const expected = emptyRollUp();
  for (const a of await t.db.services.actions.list(ctx, { plan: 'twisted' })) {
    const detail = await t.db.services.actions.show(ctx, a.key);
    const status = statusAt(detail.statuses)?.status ?? null;
    addToRollUp(expected, status, isOverdue(currentDeadline(detail.deadlines)?.date ?? null, status, AS_OF));
  }
  const [plan] = await t.db.services.plans.list(ctx);
  assert.deepEqual(plan!.rollUp, expected);
  assert.deepEqual(plan!.rollUp, { actions: 5, counts: { B: 1, R: 1, A: 1, G: 0, none: 2 }, overdue: 3 });
  const tree = await t.db.services.plans.tree(ctx, 'twisted');
  assert.deepEqual(tree.rollUp, plan!.rollUp);
});

test('list actions due by a date gives the open actions whose current deadline falls by then', async () => {
  await t.db.services.plans.importDocument(t.ctx, twistedPlan());
  const ctx = { ...t.ctx, asOf: AS_OF };
  const all = await t.db.services.actions.list(ctx, { plan: 'twisted' });
  const due = await t.db.services.actions.list(ctx, { plan: 'twisted', dueBy: '2018-09-01' });
  assert.deepEqual(
    due,
    all.filter((a) => a.status !== 'B' && a.deadline !== null && a.deadline <= '2018-09-01'),
  );
  assert.deepEqual(due.map((a) => a.number), ['1', '2', '4']);
});
