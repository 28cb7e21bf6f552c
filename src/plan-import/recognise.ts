// Guesses which row of a tracker's table is its header and what each column holds, from the words councils use.
import { z } from 'zod';
import { REF_KINDS, type RefKind } from '../domain/plan-document.ts';
import type { SourceFile, SourceRow, SourceTable } from './model.ts';
import { cleanNumber, findDates } from './values.ts';

export const FIELDS = [
  'number',
  'action',
  'owner',
  'ref',
  'successMeasures',
  'kpi',
  'deadline',
  'revisedDeadline',
  'status',
  'progress',
  'outcome',
  'theme',
] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABEL: Record<Field, string> = {
  number: 'Number',
  action: 'Action',
  owner: 'Owner(s)',
  ref: 'Challenge or inspection reference',
  successMeasures: 'Success measures',
  kpi: 'Key performance indicators (with staged targets)',
  deadline: 'Deadline or timescales',
  revisedDeadline: 'Revised deadline',
  status: 'BRAG status',
  progress: 'Progress updates',
  outcome: 'Outcome',
  theme: 'Theme or programme',
};

/** The columns an import cannot do without. */
export const REQUIRED_FIELDS: Field[] = ['action'];

/** Tried in this order: "Action owner" is an owner before it is an action, "Revised date" a revision before a date. */
const HEADER_WORDS: [Field, RegExp][] = [
  ['owner', /\b(owners?|lead officers?|leads?|responsible|accountable|who)\b/i],
  ['revisedDeadline', /\b(revised|new (target )?date|re-?profiled)\b/i],
  ['status', /\b(b?rag|status)\b/i],
  ['deadline', /\b(deadlines?|timescales?|due|target date|by when|completion date|date)\b/i],
  ['progress', /\b(progress|updates?|commentary|comments?|narrative|position)\b/i],
  ['kpi', /\b(key performance indicators?|kpis?)\b/i],
  ['successMeasures', /\b(success|measures?|kpis?|indicators?|evidence|how will we know)\b/i],
  ['ref', /\b(challenges?|recommendations?|inspection|ofsted|links? to)\b/i],
  ['outcome', /\b(outcomes?|impact)\b/i],
  ['number', /^\s*(no\.?|number|ref\.?|#|item|id|action (no\.?|number|ref\.?))\s*$/i],
  ['theme', /^\s*(themes?|areas?|sub-?areas?|programmes?|priorit(y|ies)|workstreams?|objectives?|sections?)\s*$/i],
  ['action', /\b(actions?|tasks?|activit(y|ies)|what (we will|will we) do|description|deliverables?|steps?)\b/i],
];

export function guessField(header: string): Field | undefined {
  const h = header.replace(/\s+/g, ' ').trim();
  if (h === '') return undefined;
  return HEADER_WORDS.find(([, re]) => re.test(h))?.[0];
}

export const mappingSchema = z
  .object({
    format: z.literal('parentis.tracker-mapping', { message: 'format must be "parentis.tracker-mapping"' }).default('parentis.tracker-mapping'),
    formatVersion: z.literal(1, { message: 'formatVersion must be 1' }).default(1),
    /** The tables to read, by number (1, 2 …): several when a document repeats its table page after page. */
    tables: z.array(z.number().int().min(1)).min(1, { message: 'name at least one table' }),
    /** The header's row within each table (the same in each), as a person counts rows. */
    headerLine: z.number().int().min(1),
    /** What each column holds: the column's header as written, or its letter in a spreadsheet. */
    columns: z.partialRecord(z.enum(FIELDS), z.string().trim().min(1)),
    /** The date the statuses were given (the BRAG column's header often says: "BRAG Status (July 2017)"). */
    statusAsAt: z.iso.date({ message: 'statusAsAt must be a date written yyyy-mm-dd' }).optional(),
    /** Progress written without a date is filed at this date. */
    undatedUpdatesOn: z.iso.date({ message: 'undatedUpdatesOn must be a date written yyyy-mm-dd' }).optional(),
    /** An owner for rows whose owner cell is empty (a role title or a name). */
    defaultOwner: z.string().trim().min(1).optional(),
    /** What the reference column refers to. */
    refKind: z.enum(REF_KINDS).optional(),
  })
  .strict();
export type TrackerMapping = z.infer<typeof mappingSchema>;
export type TrackerMappingInput = z.input<typeof mappingSchema>;

/** How well a row reads as a header: the number of its cells that name a known column. */
function headerScore(row: SourceRow): number {
  const fields = new Set(row.cells.map((c) => (c.text.length <= 120 ? guessField(c.text) : undefined)).filter(Boolean));
  return fields.size;
}

export interface TableGuess {
  table: SourceTable;
  headerLine: number;
  headers: string[];
  score: number;
}

/** The header of one table: the best-scoring row among its first ten (a title may stand above it). */
export function guessHeader(table: SourceTable): TableGuess {
  let best: TableGuess = { table, headerLine: table.rows[0]?.line ?? 1, headers: table.rows[0]?.cells.map((c) => c.text) ?? [], score: 0 };
  for (const row of table.rows.slice(0, 10)) {
    const score = headerScore(row);
    if (score > best.score) best = { table, headerLine: row.line, headers: row.cells.map((c) => c.text), score };
  }
  return best;
}

const sameHeaders = (a: string[], b: string[]): boolean => {
  const norm = (h: string[]) => h.map((x) => x.replace(/\s+/g, ' ').trim().toLowerCase()).join('|');
  return norm(a) === norm(b);
};

/** A column's name in messages and mappings: its header, else its letter, else "column N". */
export function columnName(table: SourceTable, headers: string[], index: number): string {
  const h = headers[index]?.replace(/\s+/g, ' ').trim();
  if (h) return h;
  return table.letters?.[index] ?? `column ${index + 1}`;
}

/** The guessed mapping for a file: its best table, the tables that repeat its header, and each column's meaning. */
export function guessMapping(file: SourceFile): { mapping: TrackerMapping; complete: boolean; missing: Field[] } | null {
  const guesses = file.tables.map(guessHeader).filter((g) => g.score >= 2);
  if (guesses.length === 0) return null;
  const best = guesses.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.table.rows.length > a.table.rows.length) ? b : a));
  const tables = guesses.filter((g) => g.headerLine === best.headerLine && sameHeaders(g.headers, best.headers)).map((g) => g.table.index);
  const columns: Partial<Record<Field, string>> = {};
  const hidden = new Set(best.table.hiddenColumns ?? []);
  best.headers.forEach((h, i) => {
    if (hidden.has(i)) return;
    const f = guessField(h);
    if (f && columns[f] === undefined) columns[f] = columnName(best.table, best.headers, i);
  });
  // An unnamed column that mostly holds action numbers is the number column (seed 000's first column has no header).
  if (columns.number === undefined) {
    const data = best.table.rows.filter((r) => r.line > best.headerLine);
    for (let i = 0; i < best.headers.length; i++) {
      if (hidden.has(i) || guessField(best.headers[i] ?? '')) continue;
      const values = data.map((r) => r.cells[i]?.text ?? '').filter((t) => t !== '');
      if (values.length > 0 && values.filter((v) => cleanNumber(v) !== null).length >= values.length * 0.6) {
        columns.number = columnName(best.table, best.headers, i);
        break;
      }
    }
  }
  const mapping: TrackerMapping = { format: 'parentis.tracker-mapping', formatVersion: 1, tables, headerLine: best.headerLine, columns };
  const statusHeader = columns.status;
  const asAt = statusHeader ? findDates(statusHeader)[0]?.date : undefined;
  if (asAt) mapping.statusAsAt = asAt;
  const refHeader = columns.ref ?? '';
  if (refHeader) mapping.refKind = guessRefKind(refHeader);
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  return { mapping, complete: missing.length === 0 && columns.owner !== undefined, missing: columns.owner === undefined ? [...missing, 'owner'] : missing };
}

export function guessRefKind(header: string): RefKind {
  if (/challenge/i.test(header)) return 'challenge';
  if (/recommendation|inspection|ofsted/i.test(header)) return 'inspection';
  if (/programme/i.test(header)) return 'programme';
  return 'tag';
}
