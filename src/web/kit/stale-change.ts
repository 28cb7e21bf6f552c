// What a user is shown when their edit is stale: who changed the record, when, and what they wrote.
import { auditEventDeed } from '../../domain/audit-events.ts';
import type { StaleWriteError } from '../../domain/errors.ts';
import { REPORT_TEXT_FIELDS } from '../../domain/report-text.ts';
import { formatDate } from '../view.ts';
import { refsChanged } from './references.ts';

export interface StaleChangeView {
  actor: string;
  /** "added a progress update", "revised the deadline" … */
  what: string;
  at: Date | null;
  /** The other person's change, field by field, in words. */
  rows: { key: string; value: string }[];
}

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
  trend: 'Trend',
  period: 'Reporting period',
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
  impact: 'Impact',
  mitigation: 'Mitigation',
  owner: 'Owner',
  reviewDate: 'Review date',
  actions: 'Linked actions',
  measures: 'Linked measures',
  likelihood: 'Likelihood',
  impactScore: 'Impact score',
  assessedOn: 'Assessed on',
  note: 'Reason',
  closedOn: 'Closed on',
  weDid: 'We did',
  evidence: 'Evidence',
  term: 'Term',
  expansion: 'Stands for',
  definition: 'Meaning',
  retiredOn: 'Retired on',
  targets: 'Targets',
  value: 'Value',
  effectiveFrom: 'From',
  effectiveTo: 'To',
  label: 'Label',
  amberBand: 'Amber band',
  periodEnd: 'Period end',
  numerator: 'Numerator',
  denominator: 'Denominator',
  ...Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f.key, f.report === 'annual' ? `Annual report: ${f.label.toLowerCase()}` : f.label])),
};

const BRAG_WORDS: Record<string, string> = { B: 'Blue – complete', R: 'Red', A: 'Amber', G: 'Green' };
const TREND_WORDS: Record<string, string> = { improving: 'Improving', stable: 'Steady', worsening: 'Worsening' };

function words(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.map((v) => words(key, v)).join('; ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${LABELS[k] ?? k} ${words(k, v)}`).join(', ');
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (key === 'status' && BRAG_WORDS[s] !== undefined) return BRAG_WORDS[s];
  if (key === 'trend' && TREND_WORDS[s] !== undefined) return TREND_WORDS[s];
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
  return { actor: change.actor, what: deedOf(change), at: change.at, rows };
}

/**
 * What the other person did, in the audit log's words: an edit of an action that linked or unlinked
 * cross-references says which ("linked a reference: Inspection recommendation 23").
 */
function deedOf(change: NonNullable<StaleWriteError['change']>): string {
  const deed = auditEventDeed(change.event);
  if (change.event !== 'action.edited' && change.event !== 'action.refs.set') return deed;
  const refs = refsChanged(change.before, change.after);
  if (refs === undefined) return deed;
  const said = (names: string[], verb: string): string[] => (names.length === 0 ? [] : [`${verb} ${names.length === 1 ? 'a reference' : 'references'}: ${names.join('; ')}`]);
  const links = [...said(refs.linked, 'linked'), ...said(refs.unlinked, 'unlinked')];
  if (links.length === 0) return deed;
  const after = change.after !== null && typeof change.after === 'object' ? Object.keys(change.after) : [];
  const otherFields = after.some((k) => k !== 'refs');
  return `${otherFields ? `${deed}, and ` : ''}${links.join(' and ')}`;
}
