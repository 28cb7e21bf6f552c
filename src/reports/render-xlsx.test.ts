// The workbook and CSV renderings of a board report, read back as Excel and a CSV reader would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { everyCellTable, reportFixture } from '../../test/helpers/report-document.ts';
import { sheetNames } from './render-common.ts';
import { reportXlsx, tableCsv } from './render-xlsx.ts';

async function readBack(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await reportXlsx(reportFixture())).buffer);
  return wb;
}

test('render report xlsx gives a contents sheet then one sheet per table named from its caption', async () => {
  const wb = await readBack();
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Contents', 'Actions by priority status <at>', 'Long-term stability by quarter', 'Work plan education task group']);
  const contents = wb.getWorksheet('Contents')!;
  const column = (contents.getColumn(1).values as unknown[]).map((v) => (typeof v === 'object' && v !== null && 'text' in v ? (v as { text: string }).text : v));
  assert.ok(column.includes('Quarterly executive summary'));
  assert.ok(column.includes('Northshire County Council'));
  assert.ok(column.includes('As reported to the Corporate Parenting Board on 6 November 2026'));
  assert.ok(column.includes('Draft — not yet reported'));
  assert.ok(column.includes('Work plan education task group'));
  assert.equal(wb.title, 'Quarterly executive summary');
});

test('render report xlsx freezes a bold header row and writes numbers as numbers and dates as dates', async () => {
  const ws = (await readBack()).worksheets[1]!;
  assert.deepEqual(ws.views[0], { ...ws.views[0], state: 'frozen', ySplit: 1 });
  assert.equal(ws.getCell('A1').value, 'Action');
  assert.equal(ws.getCell('A1').font.bold, true);
  assert.equal(ws.getCell('B2').value, 1204);
  assert.equal(ws.getCell('B4').value, 67.5);
  assert.equal(ws.getCell('B4').numFmt, '#,##0.0"%"');
  assert.deepEqual(ws.getCell('C2').value, new Date('2026-12-04T00:00:00Z'));
  assert.equal(ws.getCell('C2').numFmt, 'd mmmm yyyy');
  assert.equal(ws.getCell('E2').value, '1 October 2026: review started\n2 November 2026: half done');
});

test('render report xlsx keeps the suppressed figure as the text c and fills ratings beside their word', async () => {
  const ws = (await readBack()).worksheets[1]!;
  assert.equal(ws.getCell('B3').value, 'c');
  assert.equal(ws.getCell('B3').type, ExcelJS.ValueType.String);
  assert.equal(ws.getCell('D2').value, 'Red');
  assert.equal((ws.getCell('D2').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFF4D7D7');
  assert.equal(ws.getCell('D3').value, 'Amber — 3.1 points below target');
  assert.equal(ws.getCell('D5').value, 'Blue');
  assert.equal(ws.getCell('A4').value, '=HYPERLINK("http://bad")');
  assert.equal(ws.getCell('A4').type, ExcelJS.ValueType.String, 'text that looks like a formula stays text');
});

test('make sheet names shortens to 31 characters, drops characters Excel refuses and keeps names unique', () => {
  const long = 'Children looked after: placement stability [by quarter] / area';
  assert.deepEqual(sheetNames([long, long, 'Contents', 'a?b*c'], ['Contents']), [
    'Children looked after placement',
    'Children looked after place (2)',
    'Contents (2)',
    'a b c',
  ]);
});

test('render table csv neutralises formulas, keeps c and numbers, and writes dates as yyyy-mm-dd', () => {
  const rows: string[][] = parse(tableCsv(everyCellTable));
  assert.deepEqual(rows[0], ['Action', 'Children', 'Due', 'RAG', 'Progress updates']);
  assert.deepEqual(rows[1]!.slice(1, 4), ['1204', '2026-12-04', 'Red']);
  assert.equal(rows[2]![1], 'c');
  assert.equal(rows[3]![0], `'=HYPERLINK("http://bad")`);
  assert.equal(rows[4]![1], '-2');
});
