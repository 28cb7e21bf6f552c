// Writing results for people (tables), spreadsheets (CSV) and programs (JSON).
import Table from 'cli-table3';
import { ValidationError } from '../domain/errors.ts';
import { toCsv } from '../exports/csv.ts';
import { io } from './io.ts';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string, allowed: readonly string[] = FORMATS): string {
  if (!allowed.includes(value)) throw new ValidationError(`--format must be one of ${allowed.join(', ')} (got "${value}")`, 'format');
  return value;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** Wrap long text in the table at this many characters. */
  width?: number;
}

export function render<T>(rows: T[], columns: Column<T>[], format: Format, json: (row: T) => unknown): string {
  if (format === 'json') return `${JSON.stringify(rows.map(json), null, 2)}\n`;
  const cells = rows.map((r) => columns.map((c) => c.value(r) ?? ''));
  if (format === 'csv') return toCsv([columns.map((c) => c.header), ...cells]);
  if (rows.length === 0) return 'Nothing found.\n';
  const table = new Table({
    head: columns.map((c) => c.header),
    colWidths: columns.map((c) => (c.width === undefined ? null : c.width)),
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const row of cells) table.push(row.map(String));
  return `${table.toString()}\n`;
}

export function write(text: string): void {
  io().stdout.write(text);
}
