// What a user is shown when their edit is stale: who changed the record, when, and what they wrote.
import type { StaleWriteError } from '../../domain/errors.ts';
import { formatDate } from '../view.ts';

export interface StaleChangeView {
  actor: string;
  /** "added a progress update", "revised the deadline" … */
  what: string;
  at: Date | null;
  /** The other person's change, field by field, in words. */
  rows: { key: string; value: string }[];
}

const EVENTS: Record<string, string> = {
  'action.update.added': 'added a progress update',
  'action.status.set': 'recorded a BRAG status',
  'action.status.proposed': 'proposed a BRAG status',
  'action.status.approved': 'approved a proposed BRAG status',
  'action.status.rejected': 'rejected a proposed BRAG status',
  'action.forecast.set': 'recorded a forecast status',
  'action.deadline.revised': 'revised the deadline',
  'action.deadline.requested': 'asked for a new deadline',
  'action.deadline.request.approved': 'approved a request for a new deadline',
  'action.deadline.request.rejected': 'turned down a request for a new deadline',
  'action.edited': 'edited the action',
  'action.refs.set': 'changed the cross-references',
  'plan.node.edited': 'edited this part of the plan',
};

const LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  successMeasures: 'Success measures',
  outcome: 'Outcome',
  owners: 'Owners',
  body: 'Update',
  date: 'Date',
  deadline: 'Deadline',
  dueDate: 'Deadline',
  reason: 'Reason',
  status: 'BRAG status',
  asAt: 'As at',
  proposedBy: 'Proposed by',
  approvedBy: 'Approved by',
  decision: 'Decision',
  flags: 'Flags',
  refs: 'Cross-references',
  lead: 'Lead',
  chair: 'Chair',
  seniorResponsibleOwner: 'Senior responsible owner',
  deliveryGroup: 'Delivery group',
  number: 'Number',
  kind: 'Kind',
};

const BRAG_WORDS: Record<string, string> = { B: 'Blue – complete', R: 'Red', A: 'Amber', G: 'Green' };

function words(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.map((v) => words(key, v)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (key === 'status' && BRAG_WORDS[s] !== undefined) return BRAG_WORDS[s];
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  return s;
}

export function staleChangeView(err: StaleWriteError): StaleChangeView {
  const change = err.change;
  if (change === undefined) return { actor: 'someone else', what: 'changed it', at: null, rows: [] };
  const after = change.after !== null && typeof change.after === 'object' ? (change.after as Record<string, unknown>) : {};
  const rows = Object.entries(after)
    .filter(([k]) => k !== 'id' && k !== 'version')
    .map(([k, v]) => ({ key: LABELS[k] ?? k, value: words(k, v) }));
  return { actor: change.actor, what: EVENTS[change.event] ?? change.event.replace(/\./g, ' '), at: change.at, rows };
}
