// The tables a national return can read in a thread of its own: what that reader sends back, and how it is taken in.
import { HISTORY_FIELDS } from './history.ts';
import type { ParsedFile, ParsedRow } from './parse.ts';
import type { TableName } from './tables.ts';
import { votesOf } from './years.ts';

/**
 * Tables no validator rule reads (the rules read Episodes, OC2, OC3 and UASC), and of which the history reads a few
 * fields or none: another thread can read them and make their row checks while this one reads the rest. Header and
 * Reviews are a third of a national return's rows.
 */
export const READ_ASIDE: ReadonlySet<TableName> = new Set(['Header', 'Reviews', 'Missing', 'AD1', 'PrevPerm', 'PlacedAdoption', 'SWEpisodes', 'DoLo']);

/** The fields of a table's rows the history reads (HISTORY_FIELDS), every row's in turn, with the rows' lines. */
export interface HistoryRows {
  lines: Int32Array;
  cells: string[];
}

/** What the thread reading a file aside sends back once it has read it (before any collection year is decided). */
export interface ReadAside {
  table: TableName;
  /** How many rows the file has. */
  rows: number;
  /** The collection years its rows' dates vote for (years.ts). */
  votes: Map<number, number>;
  /** The rows as far as the history reads them: Header, Missing and AD1 only. */
  history: HistoryRows | null;
}

/** A file as read aside, before its collection year is known: the Header rows the history reads come later (latestHeaders). */
export function readAside(file: ParsedFile): ReadAside {
  return { table: file.table, rows: file.rows.length, votes: votesOf(file.table, file.rows), history: file.table === 'Header' ? null : historyRows(file, file.rows) };
}

function historyRows(file: ParsedFile, rows: readonly ParsedRow[]): HistoryRows | null {
  const fields = HISTORY_FIELDS[file.table];
  if (!fields) return null;
  const lines = new Int32Array(rows.length);
  const cells: string[] = [];
  rows.forEach((row, i) => {
    lines[i] = row.line;
    for (const c of fields) cells.push(row.fields[c] ?? '');
  });
  return { lines, cells };
}

/**
 * The Header rows the history reads, once the files' collection years are known: a child's sex and date of birth
 * come from their last Header row, years in order (buildReturn), so each child's last row is sent and no other —
 * one row a child instead of one a child a year. Null for a file of another table.
 */
export function latestHeaders(files: readonly ParsedFile[]): (HistoryRows | null)[] {
  const last = new Map<string, ParsedRow>();
  // The order buildReturn reads them in: oldest collection year first (a stable sort).
  const headers = files.filter((f) => f.table === 'Header').sort((a, b) => a.collectionYear - b.collectionYear);
  for (const f of headers) for (const row of f.rows) if (row.fields.CHILD) last.set(row.fields.CHILD, row);
  const kept = new Set(last.values());
  return files.map((f) => (f.table === 'Header' ? historyRows(f, f.rows.filter((row) => kept.has(row))) : null));
}

/**
 * A row's fields from its cells in HISTORY_FIELDS order, written out as object literals so that every row of a table
 * has one shape made in one step (a national return has a million and a half Header rows).
 */
const MAKE: Partial<Record<TableName, (c: string[], o: number) => Record<string, string>>> = {
  Header: (c, o) => ({ CHILD: c[o]!, DOB: c[o + 1]!, SEX: c[o + 2]! }),
  Missing: (c, o) => ({ CHILD: c[o]!, DOB: c[o + 1]!, MISSING: c[o + 2]!, MIS_START: c[o + 3]!, MIS_END: c[o + 4]! }),
  AD1: (c, o) => ({ CHILD: c[o]!, DOB: c[o + 1]!, DATE_MATCH: c[o + 2]!, FOSTER_CARE: c[o + 3]! }),
};

/** The file read aside as this thread holds it: the rows the history reads, with only those fields. */
export function fileReadAside(name: string, read: ReadAside): ParsedFile {
  const rows: ParsedRow[] = [];
  const make = MAKE[read.table];
  const width = HISTORY_FIELDS[read.table]?.length ?? 0;
  if (make && read.history) {
    const { lines, cells } = read.history;
    for (let i = 0; i < lines.length; i++) rows.push({ line: lines[i]!, fields: make(cells, i * width) });
  }
  return { name, table: read.table, collectionYear: 0, rows };
}
