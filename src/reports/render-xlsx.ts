// A board report as a workbook (a Contents sheet, then one sheet per table, numbers as numbers and dates
// as dates) and any one of its tables as CSV.
import type ExcelJS from 'exceljs';
import { toCsv, type CsvCell, type CsvOptions } from '../exports/csv.ts';
import type { ReportDocument, Table, TableCell } from './model.ts';
import { allTables, coverLines, isoToUtc, ratingStyle, sheetNames, shownText } from './render-common.ts';

const DATE_FORMAT = 'd mmmm yyyy';
const CONTENTS = 'Contents';

/** The report's tables as an Excel workbook, its title and language in the file's properties. */
export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  // exceljs is large: load it only when a workbook is asked for.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Parentis';
  wb.title = doc.cover.title;
  wb.company = doc.cover.authority;
  (wb as unknown as { language: string }).language = doc.language;
  const tables = allTables(doc);
  const names = sheetNames(tables.map((t) => t.caption), [CONTENTS]);
  addContentsSheet(wb, doc, tables, names);
  tables.forEach((t, i) => addTableSheet(wb, names[i]!, t));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addContentsSheet(wb: ExcelJS.Workbook, doc: ReportDocument, tables: readonly Table[], names: readonly string[]): void {
  const ws = wb.addWorksheet(CONTENTS);
  ws.columns = [{ width: 34 }, { width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  ws.addRow([doc.cover.title]).font = { bold: true, size: 16 };
  for (const line of coverLines(doc)) ws.addRow([line]);
  ws.addRow([]);
  const head = ws.addRow(['Sheet', 'Table']);
  head.font = { bold: true };
  tables.forEach((t, i) => {
    const row = ws.addRow([{ text: names[i]!, hyperlink: `#'${names[i]!.replace(/'/g, "''")}'!A1` }, t.caption]);
    row.getCell(1).font = { color: { argb: 'FF1D70B8' }, underline: true };
  });
}

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: Table): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => ({
    header: c.header,
    width: columnWidth(table, i),
    style: { alignment: { vertical: 'top', wrapText: true, ...(c.align === 'right' ? { horizontal: 'right' as const } : {}) } },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const cells of table.rows) {
    const row = ws.addRow(cells.map(excelValue));
    cells.forEach((cell, i) => styleCell(row.getCell(i + 1), cell));
  }
  if (table.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function excelValue(cell: TableCell): ExcelJS.CellValue {
  if (cell.kind === 'number') return cell.value;
  // Excel has no time zones: a calendar date goes in as UTC midnight, which exceljs writes as that day.
  if (cell.kind === 'date') return isoToUtc(cell.date);
  return shownText(cell);
}

function styleCell(target: ExcelJS.Cell, cell: TableCell): void {
  if (cell.kind === 'date') target.numFmt = DATE_FORMAT;
  if (cell.kind === 'number') target.numFmt = numberFormat(cell.text);
  if (cell.kind !== 'rating' || cell.rating === null) return;
  const style = ratingStyle(cell.rating);
  target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  target.font = { bold: true, color: { argb: `FF${style.ink}` } };
}

/** Shows the number as the report does: with thousands commas, its decimals, and a % sign (of a value already in percent). */
function numberFormat(shown: string): string {
  const decimals = /\.(\d+)/.exec(shown)?.[1]?.length ?? 0;
  const base = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
  return shown.trim().endsWith('%') ? `${base}"%"` : base;
}

function columnWidth(table: Table, i: number): number {
  const longest = Math.max(table.columns[i]!.header.length, ...table.rows.map((r) => Math.max(0, ...cellLines(r[i]).map((l) => l.length))));
  return Math.min(60, Math.max(10, longest + 2));
}

const cellLines = (cell: TableCell | undefined): string[] => (cell === undefined ? [] : shownText(cell).split('\n'));

/**
 * One table as CSV through the project's one CSV writer (so no cell can carry a live formula):
 * numbers as their value, dates as yyyy-mm-dd, ratings as their words, a cell's lines kept in one field.
 */
export function tableCsv(table: Table, options: CsvOptions = {}): string {
  const value = (cell: TableCell): CsvCell => (cell.kind === 'number' ? cell.value : cell.kind === 'date' ? cell.date : shownText(cell));
  return toCsv([table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(value))], options);
}
