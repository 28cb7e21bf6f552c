// The home page's lists worked out from the read model: one entry per action, the most pressing first,
// and the dashboard's headline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AwaitingDecision } from '../../services/actions/index.ts';
import type { Trend } from '../../domain/brag.ts';
import type { StatusMove } from '../../domain/snapshot.ts';
import type { SnapshotComparison } from '../../services/reporting/snapshot.service.ts';
import { decisionRows, headline, HEADLINE_SHOWN, mineRows, sinceLastBoardLines, type HomeRow } from './home-view.ts';

const row = (key: string, over: Partial<HomeRow> = {}): HomeRow => ({
  key,
  href: `/plans/p/actions/${key.split(':')[1]}`,
  number: key.split(':')[1]!,
  title: `Action ${key}`,
  plan: 'p',
  planTitle: 'Plan P',
  owners: [],
  deadline: '2027-06-30',
  overdue: false,
  daysToDeadline: 200,
  status: 'G',
  pendingProposal: null,
  lastUpdate: '2026-12-01',
  daysSinceUpdate: 2,
  ...over,
  open: over.open ?? over.status !== 'B',
});

test('mineRows lists each open action once with every reason, the most pressing first, and counts the complete ones', () => {
  const rows = [
    row('p:1'),
    row('p:2', { daysToDeadline: 10, deadline: '2026-12-13' }),
    row('p:3', { overdue: true, deadline: '2026-11-01', daysToDeadline: -32, daysSinceUpdate: 90 }),
    row('p:4', { status: 'B' }),
    row('p:5', { daysSinceUpdate: null, lastUpdate: null }),
  ];
  const requests = [{ roundId: 1, period: '2026/27 Q2', dueDate: '2026-10-14', actionKey: 'p:5', title: 'Action p:5', late: true }];
  const { open, complete } = mineRows(rows, requests);
  assert.deepEqual(
    open.map((r) => [r.key, r.attention]),
    [
      ['p:3', ['overdue', 'update-late']],
      ['p:5', ['update-asked']],
      ['p:2', ['due-soon']],
      ['p:1', []],
    ],
  );
  assert.equal(complete, 1);
  assert.deepEqual(open[1]!.request, { period: '2026/27 Q2', dueDate: '2026-10-14', late: true });
});

test('decisionRows gives one row per action holding both a proposed status and a requested deadline', () => {
  const base = { key: 'p:1', number: '1', title: 'One', planTitle: 'Plan P', overdue: true } as unknown as AwaitingDecision;
  const rows = decisionRows([
    {
      ...base,
      proposal: { id: 1, status: 'G', kind: 'current', asAt: '2026-11-30', reason: 'Done', proposedBy: 'Jo', recordedAt: '2026-12-01T09:00:00Z' },
      pendingDeadlineRequest: { id: 2, dueDate: '2027-03-31', reason: 'Later', requestedBy: 'Jo', requestedAt: '2026-11-20T09:00:00Z', decision: null, decidedBy: null, decidedAt: null, decisionReason: '' },
    },
  ]);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.asks.map((a) => [a.what, a.formHref]), [
    ['status', '/plans/p/actions/1/decision'],
    ['deadline', '/plans/p/actions/1/deadline-decision'],
  ]);
  assert.equal(rows[0]!.since, '2026-11-20T09:00:00Z');
});

test('headline counts the measures by RAG and names the red ones before the amber, at most HEADLINE_SHOWN', () => {
  const reading = (code: string, rag: string | null) => ({ measure: { code, title: code }, rag, ragWord: rag, ragReason: `${code} reason` });
  const readings = [reading('a', 'A'), reading('g', 'G'), reading('r', 'R'), reading('n', null), ...Array.from({ length: 10 }, (_, i) => reading(`a${i}`, 'A'))];
  const h = headline('2026-11-30', readings);
  assert.deepEqual([h.all, h.red, h.amber, h.green], [14, 1, 11, 1]);
  assert.equal(h.attention.length, HEADLINE_SHOWN);
  assert.deepEqual(h.attention.slice(0, 2).map((m) => [m.title, m.rag, m.href]), [
    ['r', 'R', '/measures/r'],
    ['a', 'A', '/measures/a'],
  ]);
});

test('sinceLastBoardLines says how many moved actions were given their first status, so better and worse add up', () => {
  const move = (key: string, from: string | null, to: string, trend: Trend): StatusMove => ({ key, title: `Action ${key}`, from, to, trend }) as StatusMove;
  const summary = { number: 2, name: 'as reported', period: '2026/27 Q1' } as SnapshotComparison['snapshot'];
  const changes = { statuses: [move('p:1', null, 'A', 'new'), move('p:2', null, 'G', 'new'), move('p:3', 'G', 'R', 'worsened'), move('p:4', 'R', 'G', 'improved')], deadlines: [], newActions: [], newRisks: [], closedRisks: [], rescoredRisks: [], measures: [] };
  assert.deepEqual(sinceLastBoardLines({ snapshot: summary, since: summary, changes }), ['4 actions moved BRAG status (2 given a status for the first time, 1 better, 1 worse)']);
  assert.deepEqual(sinceLastBoardLines({ snapshot: summary, since: summary, changes: { ...changes, statuses: [move('p:3', 'G', 'R', 'worsened')] } }), ['1 action moved BRAG status (0 better, 1 worse)']);
});
