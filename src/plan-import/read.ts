// Reads the tables out of a tracker: a Word document's tables (.docx), a workbook's sheets (.xlsx) or a CSV file.
// Every limit is checked before the work it guards, so a hostile file is refused before it takes the memory.
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { ValidationError } from '../domain/errors.ts';
import { unpackedBytes } from '../domain/zip-size.ts';
import { LIMITS, type SourceCell, type SourceFile, type SourceRow, type SourceTable } from './model.ts';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

function refuse(file: string, message: string): never {
  throw new ValidationError(`${file}: ${message}`, 'file');
}

/** Reads a tracker; what it is comes from its bytes, the name only tells a CSV from other text. */
export async function readTracker(name: string, bytes: Uint8Array): Promise<SourceFile> {
  if (bytes.length > LIMITS.fileBytes) refuse(name, `is ${mb(bytes.length)}; a tracker can be at most ${mb(LIMITS.fileBytes)}`);
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).toString('latin1') === '%PDF') refuse(name, 'is a PDF: save the plan from Word or Excel as .docx or .xlsx and upload that');
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    refuse(name, 'is password-protected, or an old .doc or .xls file: open it, remove the password and save it as .docx or .xlsx');
  }
  let file: SourceFile;
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const zip = await openZip(name, bytes);
    if (zip.file('word/document.xml')) file = { name, kind: 'docx', tables: await readDocx(name, zip) };
    else if (zip.file('xl/workbook.xml')) file = { name, kind: 'xlsx', tables: await readXlsx(name, bytes) };
    else refuse(name, 'is a zip file but neither a Word document (.docx) nor a workbook (.xlsx)');
  } else if (/\.(csv|txt)$/i.test(name)) file = { name, kind: 'csv', tables: readCsv(name, bytes) };
  else refuse(name, 'is not a .docx, .xlsx or .csv file');
  if (file.tables.length === 0) refuse(name, file.kind === 'docx' ? 'has no table: Parentis reads a plan from the tables in a document' : 'has nothing in it');
  return file;
}

/** Opens the zip's directory only, and refuses it when its parts would inflate past the limit. */
async function openZip(name: string, bytes: Uint8Array): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    refuse(name, `cannot be opened (${(err as Error).message}): it may be damaged`);
  }
  const unpacked = unpackedBytes(zip);
  if (unpacked > LIMITS.unpackedBytes) refuse(name, `would unpack to ${mb(unpacked)}; a tracker can unpack to at most ${mb(LIMITS.unpackedBytes)}`);
  return zip;
}

function checkCell(name: string, table: string, line: number, text: string): void {
  if (text.length > LIMITS.cellChars) {
    refuse(name, `${table}, row ${line}: a cell holds ${text.length.toLocaleString('en-GB')} characters; at most ${LIMITS.cellChars.toLocaleString('en-GB')} are read`);
  }
}

function checkRows(name: string, table: string, rows: number): void {
  if (rows > LIMITS.rows) refuse(name, `${table} has ${rows.toLocaleString('en-GB')} rows; at most ${LIMITS.rows.toLocaleString('en-GB')} are read`);
}

// --- CSV ---

function readCsv(name: string, bytes: Uint8Array): SourceTable[] {
  const text = Buffer.from(bytes).toString('utf8');
  if (text.includes('\u0000')) refuse(name, 'holds a NUL byte: it is not a text file');
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: true });
  } catch (err) {
    refuse(name, (err as Error).message);
  }
  checkRows(name, 'the file', records.length);
  const rows: SourceRow[] = [];
  records.forEach((r, i) => {
    const cells = r.map((t) => {
      checkCell(name, 'the file', i + 1, t);
      return { text: t.trim() };
    });
    if (cells.some((c) => c.text !== '')) rows.push({ line: i + 1, cells });
  });
  return [{ index: 1, name: 'the file', rows }];
}

// --- Excel ---

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function excelCell(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    const date = value.toISOString().slice(0, 10);
    return { text: date, date };
  }
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
    if ('formula' in value || 'sharedFormula' in value) return excelCell((value as ExcelJS.CellFormulaValue).result);
    if ('hyperlink' in value) return { text: String((value).text ?? '').trim() };
    if ('error' in value) return { text: '' };
  }
  return { text: String(value).trim() };
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<SourceTable[]> {
  // Loaded when a workbook is read: exceljs and its dependencies are most of the command line's start-up.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    refuse(name, `cannot be read as a workbook (${(err as Error).message})`);
  }
  const tables: SourceTable[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const label = `sheet ${ws.name}`;
    checkRows(name, label, ws.actualRowCount);
    const width = ws.columnCount;
    const hidden: number[] = [];
    for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hidden.push(c - 1);
    const rows: SourceRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SourceCell[] = [];
      let mergedAcross = 0;
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged range's other cells repeat its value in ExcelJS: only the first one holds it.
        if (cell.isMerged && cell.master !== cell) {
          if (cell.master.row === cell.row) mergedAcross += 1;
          cells.push({ text: '' });
          continue;
        }
        const v = excelCell(cell.value);
        checkCell(name, label, rowNumber, v.text);
        cells.push(v);
      }
      const filled = cells.filter((c) => c.text !== '').length;
      if (filled === 0) return;
      rows.push({ line: rowNumber, cells, ...(filled === 1 && mergedAcross > 0 ? { spansRow: true } : {}) });
    });
    if (rows.length === 0) continue;
    tables.push({
      index: tables.length + 1,
      name: label,
      letters: Array.from({ length: width }, (_, i) => columnLetter(i)),
      ...(hidden.length ? { hiddenColumns: hidden } : {}),
      rows,
    });
  }
  return tables;
}

// --- Word ---

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const xml = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true, parseTagValue: false });

const tagOf = (n: XmlNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XmlNode): XmlNode[] => (n[tagOf(n)] as XmlNode[] | undefined) ?? [];
const child = (n: XmlNode, tag: string): XmlNode | undefined => kids(n).find((k) => tagOf(k) === tag);
const attr = (n: XmlNode | undefined, name: string): string | undefined => n?.[':@']?.[name];

/** A text node's value: the parser gives numbers for text that looks like one. */
const textOf = (x: XmlNode): string => {
  const v = x['#text'];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
};

/** The text of a run-bearing element: runs' text, tabs and breaks, hyperlinks and fields' results. */
function runsText(n: XmlNode): string {
  let out = '';
  for (const k of kids(n)) {
    const t = tagOf(k);
    if (t === 'w:t') out += kids(k).map(textOf).join('');
    else if (t === 'w:tab') out += '\t';
    else if (t === 'w:br' || t === 'w:cr') out += '\n';
    else if (t === 'w:r' || t === 'w:hyperlink' || t === 'w:ins' || t === 'w:smartTag' || t === 'w:sdtContent' || t === 'w:sdt' || t === 'w:fldSimple') out += runsText(k);
  }
  return out;
}

function paragraph(p: XmlNode): { text: string; style: string; bullet: boolean } {
  const props = child(p, 'w:pPr');
  const style = attr(props && child(props, 'w:pStyle'), 'w:val') ?? '';
  const bullet = props !== undefined && child(props, 'w:numPr') !== undefined;
  return { text: runsText(p).replace(/[ \t]+/g, ' ').trim(), style, bullet };
}

/** A cell's paragraphs (and any table inside it) as lines; bullets start "- ". */
function cellText(tc: XmlNode): string {
  const lines: string[] = [];
  for (const k of kids(tc)) {
    const t = tagOf(k);
    if (t === 'w:p') {
      const p = paragraph(k);
      if (p.text !== '') lines.push(p.bullet ? `- ${p.text}` : p.text);
    } else if (t === 'w:tbl') {
      for (const tr of kids(k).filter((x) => tagOf(x) === 'w:tr')) {
        lines.push(kids(tr).filter((x) => tagOf(x) === 'w:tc').map(cellText).filter(Boolean).join(' | '));
      }
    } else if (t === 'w:sdt') {
      const content = child(k, 'w:sdtContent');
      if (content) lines.push(cellText(content));
    }
  }
  return lines.join('\n').trim();
}

async function readDocx(name: string, zip: JSZip): Promise<SourceTable[]> {
  const text = await zip.file('word/document.xml')!.async('string');
  let doc: XmlNode[];
  try {
    doc = xml.parse(text) as XmlNode[];
  } catch (err) {
    refuse(name, `the document cannot be read (${(err as Error).message})`);
  }
  const root = doc.find((n) => tagOf(n) === 'w:document');
  const body = root && child(root, 'w:body');
  if (!body) refuse(name, 'has no document body');
  const tables: SourceTable[] = [];
  // Paragraphs since the last table: a heading (styled, or numbered "2. Improve …") and its "Lead:" line name the
  // part of the plan the next table belongs to; a plain short line only captions it.
  let heading: string | undefined;
  let caption: string | undefined;
  for (const k of kids(body)) {
    const t = tagOf(k);
    if (t === 'w:p') {
      const p = paragraph(k);
      if (p.text === '') continue;
      if (/^leads?:/i.test(p.text) && heading !== undefined) heading = `${heading} ${p.text}`;
      else if (/^(heading|title)/i.test(p.style) || /^([0-9]+|[A-Z])[.)]\s+\S/.test(p.text)) heading = p.text;
      else caption = p.text.length <= 120 ? p.text : undefined;
    } else if (t === 'w:tbl') {
      const label = `table ${tables.length + 1}`;
      const rows = docxRows(name, label, k);
      tables.push({ index: tables.length + 1, name: label, ...(heading ? { heading } : {}), ...(caption ? { caption } : {}), rows });
      heading = undefined;
      caption = undefined;
    }
  }
  return tables;
}

function docxRows(name: string, label: string, tbl: XmlNode): SourceRow[] {
  const trs = kids(tbl).filter((x) => tagOf(x) === 'w:tr');
  checkRows(name, label, trs.length);
  const rows: SourceRow[] = [];
  const grid = child(tbl, 'w:tblGrid');
  const gridWidth = grid ? kids(grid).filter((x) => tagOf(x) === 'w:gridCol').length : 0;
  let above: string[] = [];
  trs.forEach((tr, i) => {
    const line = i + 1;
    const cells: SourceCell[] = [];
    const texts: string[] = [];
    let spanned = 0;
    for (const tc of kids(tr).filter((x) => tagOf(x) === 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const span = Number(attr(props && child(props, 'w:gridSpan'), 'w:val') ?? '1') || 1;
      const vMerge = props && child(props, 'w:vMerge');
      const col = texts.length;
      // A vertically merged cell carries on the one above it: the same owner or theme for those rows.
      const text = vMerge && attr(vMerge, 'w:val') !== 'restart' ? (above[col] ?? '') : cellText(tc);
      checkCell(name, label, line, text);
      cells.push({ text });
      texts.push(text);
      for (let s = 1; s < span; s++) {
        cells.push({ text: '' });
        texts.push(text);
        spanned += 1;
      }
    }
    above = texts;
    const filled = cells.filter((c) => c.text !== '').length;
    if (filled === 0) return;
    const width = Math.max(gridWidth, cells.length);
    const spansRow = filled === 1 && (cells.length === 1 || spanned >= width - 1) && width > 1;
    rows.push({ line, cells, ...(spansRow ? { spansRow: true } : {}) });
  });
  return rows;
}
