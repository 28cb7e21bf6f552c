// A parsed file's rows, whichever way it was read: as row objects, or into columns (parse.ts, ColumnTable).
import type { ParsedFile, ParsedRow } from './parse.ts';

/** How many rows a file has, in objects or in columns. */
export function rowCount(file: Pick<ParsedFile, 'rows' | 'columns'>): number {
  return file.columns?.length ?? file.rows.length;
}

/** A file's rows as objects: its own, or made one by one from its columns (each let go once read, unless kept). */
export function rowsOf(file: ParsedFile): Iterable<ParsedRow> {
  return file.columns ? file.columns.rows() : file.rows;
}

/** Column `name` of a file's rows, by row index, read from its objects or its columns ('' where the row has none). */
export function columnOf(file: Pick<ParsedFile, 'rows' | 'columns'>, name: string): (i: number) => string {
  const store = file.columns;
  if (store) {
    const c = store.column(name);
    return (i) => store.text(i, c);
  }
  const { rows } = file;
  return (i) => rows[i]!.fields[name] ?? '';
}

/** Lets a file's rows go, in objects and in columns. */
export function releaseRows(file: ParsedFile): void {
  file.rows = [];
  delete file.columns;
}
