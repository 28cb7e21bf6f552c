// One action as a flat row: what the command line's JSON and the API's action list both give.
import type { ActionSummary } from './actions/action-read-model.ts';

export const actionRow = (a: ActionSummary) => ({
  plan: a.plan,
  number: a.number,
  key: a.key,
  title: a.title,
  status: a.status,
  statusAsAt: a.statusAsAt,
  forecast: a.forecast,
  pendingProposal: a.pendingProposal,
  owners: a.owners.map((o) => o.label),
  deadline: a.deadline,
  originalDeadline: a.originalDeadline,
  deadlineRevisions: a.slippage.revisions,
  daysMoved: a.slippage.daysMoved,
  overdue: a.overdue,
  lastUpdate: a.lastUpdate,
  daysSinceUpdate: a.daysSinceUpdate,
  refs: a.refs.map((r) => `${r.kind}:${r.value}`),
  flags: a.flags,
  ...(a.trend !== undefined ? { trend: a.trend } : {}),
  version: a.version,
});
