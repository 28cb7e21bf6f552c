// The tables found in a council's tracker (a Word document or a spreadsheet), before any meaning is given to them.

/** One cell as a person sees it: its paragraphs joined by new lines, bullets written "- ". */
export interface SourceCell {
  text: string;
  /** A spreadsheet cell holding a real date (yyyy-mm-dd), or a number Excel may mean as a date. */
  date?: string;
  number?: number;
}

export interface SourceRow {
  /** The row as a person counts it: the spreadsheet's row number, or the table's row from 1 in a document. */
  line: number;
  cells: SourceCell[];
  /** One cell merged across the whole row (a heading row in many trackers). */
  spansRow?: boolean;
}

export interface SourceTable {
  /** 1, 2, 3 … in the order found. */
  index: number;
  /** What a person calls it: "sheet Tracker" or "table 2". */
  name: string;
  /** The heading above a document's table (a heading style, or a numbered line such as "2. Improve …"), with its "Lead:" line. */
  heading?: string;
  /** The plain line just above a document's table, when there is no heading. */
  caption?: string;
  /** Column letters (A, B …) for a spreadsheet; undefined for a document. */
  letters?: string[];
  /** Columns hidden in the spreadsheet (0-based), left out of guesses but kept for a mapping that names them. */
  hiddenColumns?: number[];
  rows: SourceRow[];
}

export interface SourceFile {
  name: string;
  kind: 'docx' | 'xlsx' | 'csv';
  tables: SourceTable[];
}

/** A problem found while reading or mapping, located as a person would look for it. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  /** "table 2", "sheet Tracker". */
  table?: string;
  line?: number;
  /** The column's header as written in the file. */
  column?: string;
  message: string;
}

export function describeProblem(p: ImportProblem): string {
  const where = [p.table, p.line !== undefined ? `row ${p.line}` : undefined].filter(Boolean).join(', ');
  const col = p.column ? `${p.column}: ` : '';
  return `${where ? `${where}, ` : ''}${col}${p.message}`;
}

/** Limits that keep a hostile or mistaken file from taking the server's memory. */
export const LIMITS = {
  /** Bytes of the file as uploaded. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of a .docx or .xlsx once decompressed, all parts together. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Characters in one cell. */
  cellChars: 100_000,
  /** Rows in one table. */
  rows: 50_000,
} as const;
