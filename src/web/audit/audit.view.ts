// The audit log's view: events in words, their changes field by field, and the pages of results.
import { auditEventLabel } from '../../domain/audit-events.ts';
import { financialYearLabel, financialYearOf } from '../../domain/reporting-periods.ts';
import type { Unit } from '../../measures/index.ts';
import type { AuditEntry, AuditNames } from '../../services/audit.service.ts';
import { formatValue as measureValue } from '../../services/measure-reading.ts';
import { actionPath } from '../kit/paths.ts';
import { refsChanged, storedRefWords } from '../kit/references.ts';
import { formatDate } from '../view.ts';
import { VOICE_STATUS } from '../kit/voice-status.ts';
import { BRAG_LABEL, type Brag } from '../../domain/brag.ts';

const ENTITY_TYPES: Record<string, string> = {
  action: 'Action',
  plan: 'Plan',
  plan_node: 'Part of plan',
  risk: 'Risk',
  voice_item: 'Young people’s priority',
  glossary: 'Glossary',
  organisation: 'Authority',
  user: 'User',
  user_account: 'Person',
  api_token: 'API token',
};

/** Fields whose stored name reads badly: an action's "refs" are its cross-references. */
const FIELD_LABELS: Record<string, string> = { refs: 'Cross-references', part: 'Part' };

/** A field's stored value ready for words: an action's cross-references each named. */
const fieldValue = (key: string, value: unknown): unknown => (key === 'refs' && Array.isArray(value) ? value.map(storedRefWords) : value);

/** "successMeasures" → "Success measures". */
export function fieldLabel(key: string): string {
  if (FIELD_LABELS[key] !== undefined) return FIELD_LABELS[key];
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MAX_VALUE_LENGTH = 400;

/** A stored value in words: lists joined, records as "field: value", nothing as an empty string. */
export function formatValue(value: unknown): string {
  const text = ((): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(formatValue).filter((v) => v !== '').join('; ');
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [fieldLabel(k), formatValue(v)] as const)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k.toLowerCase()}: ${v}`)
        .join(', ');
    }
    return JSON.stringify(value);
  })();
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1).trimEnd()}…` : text;
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The fields an event changed: for a record before and after, the fields whose value differs in words. */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = formatValue(before);
    const a = formatValue(after);
    return b === '' && a === '' ? [] : [{ field: 'Value', before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    keys
      .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
      .map((k) => ({ field: fieldLabel(k), before: formatValue(fieldValue(k, b[k])), after: formatValue(fieldValue(k, a[k])) }))
      // A field empty on both sides in words (nothing, '' or []) changed nothing a reader sees: a new
      // action's empty description is not "removed".
      .filter((row) => row.before !== '' || row.after !== '')
  );
}

export interface AuditRow {
  id: string;
  occurredAt: Date;
  actor: string;
  event: string;
  what: string;
  entityType: string;
  entityKey: string | null;
  /** What people call it instead of its key, when known: an action by plan title and number, a part of a plan, risk or measure by its number and title. */
  entityName: string | null;
  entityHref: string | null;
  changes: ChangeRow[];
  /** True when nothing was there before (a creation): the changes have no "before" column to show. */
  created: boolean;
}

/**
 * What happened, in words that say it: a young people's priority named ("… marked answered: Proper
 * bags"); an action's edit that linked or unlinked cross-references says which ("Reference linked:
 * Inspection recommendation 11"), after "Action edited" only when other fields changed too.
 */
function whatHappened(e: AuditEntry): string {
  const label = auditEventLabel(e.event);
  if (e.entityType === 'voice_item') {
    const named = [e.after, e.before].map((r) => (isRecord(r) && typeof r.priority === 'string' ? r.priority : '')).find((p) => p !== '');
    return named ? `${label}: ${named}` : label;
  }
  if (e.event !== 'action.edited' && e.event !== 'action.refs.set') return label;
  const changed = refsChanged(e.before, e.after);
  if (changed === undefined) return label;
  const said = (refs: string[], one: string, many: string): string[] => (refs.length === 0 ? [] : [`${refs.length === 1 ? one : many}: ${refs.join('; ')}`]);
  const links = [...said(changed.linked, 'Reference linked', 'References linked'), ...said(changed.unlinked, 'Reference unlinked', 'References unlinked')];
  if (links.length === 0) return label;
  const sentence = links.join('. ');
  const otherFields = changeRows(e.before, e.after).some((row) => row.field !== fieldLabel('refs'));
  return otherFields ? `${label}. ${sentence}` : sentence;
}

/**
 * An event as the log shows it; `linkOf` names an action and gives where it is now, from its key then
 * and its id (null when the reader cannot see it, or it is gone).
 */
export function auditRow(
  e: AuditEntry,
  linkOf: (actionKey: string, id: number | null) => { name: string; href: string } | null = () => null,
  names: AuditNames = NO_NAMES,
): AuditRow {
  const created = e.before === null || e.before === undefined;
  const action = e.entityType === 'action' && e.entityKey !== null ? linkOf(e.entityKey, e.entityId) : null;
  const named = action === null ? entityName(e, names) : null;
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actor: e.actor,
    event: e.event,
    what: whatHappened(e),
    entityType: ENTITY_TYPES[e.entityType] ?? fieldLabel(e.entityType),
    entityKey: e.entityKey,
    entityName: action?.name ?? named,
    entityHref: action?.href ?? (e.entityType === 'action' && e.entityKey !== null && e.entityKey.includes(':') ? actionPath(e.entityKey) : null),
    changes: changeRows(inWords(e, e.before, names), inWords(e, e.after, names)),
    created,
  };
}

const NO_NAMES: AuditNames = { nodes: new Map(), risks: new Map(), measures: new Map() };

const text = (record: unknown, key: string): string => (isRecord(record) && typeof record[key] === 'string' ? record[key] : '');
const joined = (...parts: string[]): string | null => {
  const words = parts.filter((p) => p !== '').join(' ');
  return words === '' ? null : words;
};

/**
 * A part of a plan, risk or measure as people know it: "2 Health", "HH1 Placement sufficiency", the
 * measure's title. What it is called now, or what the event recorded when it has gone.
 */
function entityName(e: AuditEntry, names: AuditNames): string | null {
  const id = e.entityId;
  const recorded = isRecord(e.after) ? e.after : e.before;
  if (e.entityType === 'plan_node') {
    const node = id === null ? undefined : names.nodes.get(id);
    return node ? joined(node.number, node.title) : joined(text(recorded, 'number'), text(recorded, 'title'));
  }
  if (e.entityType === 'risk') {
    const risk = id === null ? undefined : names.risks.get(id);
    const reference = e.entityKey?.slice(e.entityKey.lastIndexOf(':') + 1) ?? '';
    return risk ? joined(risk.reference, risk.title) : joined(reference, text(recorded, 'title'));
  }
  if (e.entityType === 'measure') {
    const measure = id === null ? undefined : names.measures.get(id);
    return measure ? measure.title : null;
  }
  return null;
}

/** A target in words: "93% for 2026/27 (stage 1 of 2)". */
function targetWords(unit: Unit, t: unknown): string {
  if (!isRecord(t) || typeof t.value !== 'number' || typeof t.effectiveFrom !== 'string') return formatValue(t);
  const label = typeof t.label === 'string' && t.label !== '' ? ` (${t.label})` : '';
  return `${measureValue(unit, t.value)} for ${financialYearLabel(financialYearOf(t.effectiveFrom))}${label}`;
}

/** An action's BRAG as the pages say it ("Amber"), not its letter; anything else as it was. */
const bragWord = (v: unknown): unknown => (typeof v === 'string' && v in BRAG_LABEL ? BRAG_LABEL[v as Brag] : v);

/**
 * A recorded state with its internal keys and codes put into the words the pages use: an action's part
 * of the plan by number and title rather than its id, a young people's priority's status as its page
 * says it, a measure's targets with their unit and year. The stored record is left as it was.
 */
function inWords(e: AuditEntry, record: unknown, names: AuditNames): unknown {
  if (!isRecord(record)) return record;
  const out: Record<string, unknown> = { ...record };
  if ('nodeId' in out) {
    const node = typeof out.nodeId === 'number' ? names.nodes.get(out.nodeId) : undefined;
    const part = node ? joined(node.number, node.title) : joined(text(out, 'node'));
    delete out.nodeId;
    delete out.node;
    out.part = part;
  }
  if (e.entityType === 'voice_item' && typeof out.status === 'string') out.status = VOICE_STATUS[out.status]?.text ?? out.status;
  if (e.entityType === 'action') {
    if ('status' in out) out.status = bragWord(out.status);
    if (Array.isArray(out.replacedProposals)) out.replacedProposals = (out.replacedProposals as unknown[]).map((p) => (isRecord(p) ? { ...p, status: bragWord(p.status) } : p));
  }
  if (e.event === 'measure.target-added') {
    const measure = e.entityId === null ? undefined : names.measures.get(e.entityId);
    const unit = (measure?.unit ?? 'count') as Unit;
    if (Array.isArray(out.targets)) {
      const { targets, ...rest } = out;
      return { target: (targets as unknown[]).map((t) => targetWords(unit, t)).join('; '), ...rest };
    }
    if (typeof out.value === 'number' && typeof out.effectiveFrom === 'string') {
      const { reason } = out;
      return { target: targetWords(unit, out), ...(reason === undefined ? {} : { reason }) };
    }
  }
  return out;
}

/**
 * govukPagination's options for page `page` of `pages`: previous and next, the first and last
 * pages, and the pages either side of this one, with ellipses between.
 */
export function paginationOf(page: number, pages: number, href: (page: number) => string): object | null {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: object[] = [];
  let previous = 0;
  for (const p of shown) {
    if (p - previous > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: href(p), current: p === page });
    previous = p;
  }
  return {
    items,
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    landmarkLabel: 'Pages of the audit log',
  };
}
