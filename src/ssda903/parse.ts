// Reads 903 files (CSV or the DfE XML form) into recognised tables of upper-cased, trimmed string rows.
import { Readable } from 'node:stream';
import { parse as parseCsvStreaming } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { ValidationError } from '../domain/errors.ts';
import { collectionYearOf, dayFromUk } from './days.ts';
import { decideYears, yearInName, type YearDecision, type YearOptions } from './years.ts';
import { OPTIONAL_COLUMNS, TABLE_COLUMNS, TABLE_NAMES, type TableName } from './tables.ts';

export interface InputFile {
  name: string;
  text: string;
}

export interface ParsedRow {
  line: number;
  fields: Record<string, string>;
  /** The file's name, set by the CSV reader, so that the checks can point at the row without a copy of it. */
  file?: string;
}

export interface ParsedFile {
  name: string;
  table: TableName;
  collectionYear: number;
  /** The rows as objects; empty for a file read into columns (`columns`) instead. */
  rows: ParsedRow[];
  /** The rows in columns, for a table read that way (readStreamed's `columnar`): `rows` is then empty. */
  columns?: ColumnTable;
}

/** A file that cannot be read as a 903 table; nothing from any file is returned. */
export class Ssda903FileError extends ValidationError {
  override name = 'Ssda903FileError';
  constructor(
    message: string,
    readonly file: string,
    readonly missingColumns: string[] = [],
    readonly unexpectedColumns: string[] = [],
  ) {
    super(message, file);
  }
}

export function parseFiles(files: InputFile[], options: YearOptions = {}): ParsedFile[] {
  return readReturn(files, options).files;
}

/**
 * Reads a set of files and gives each return one collection year (years.ts), with the notes to show the analyst:
 * names and dates disagreeing.
 */
export function readReturn(files: InputFile[], options: YearOptions = {}): YearDecision {
  const out: ParsedFile[] = [];
  const declared = new Map<ParsedFile, number>();
  const cells: CellCache = new Map();
  for (const file of files) {
    const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    if (/^\s*</.test(text)) addXml(parseXml(file.name, text), out, declared);
    else out.push(parseCsvFile(file.name, text, cells));
  }
  return decideYears(out, declared, options);
}

/** A file read as it comes: `chunks` opens it (the caller does the I/O). */
export interface StreamedFile {
  name: string;
  chunks: () => AsyncIterable<Uint8Array | string>;
  /** Where the file is and how large, when it is on disk: a reader in another thread can then open it itself. */
  path?: string;
  bytes?: number;
}

/** As readReturn, reading each CSV as a stream (stopping at its first fatal error); an XML file is read whole. */
export async function readReturnStreamed(files: StreamedFile[], options: YearOptions = {}, columnar?: Columnar): Promise<YearDecision> {
  const { out, declared } = await readStreamed(files, new Map(), columnar);
  return decideYears(out, declared, options);
}

/**
 * The tables of a set of files read as streams, in the order given, before any collection year is decided: an XML
 * file gives several tables, and the year it declares (`declared`).
 */
export async function readStreamed(files: StreamedFile[], cells: CellCache = new Map(), columnar?: Columnar): Promise<{ out: ParsedFile[]; declared: Map<ParsedFile, number> }> {
  const out: ParsedFile[] = [];
  const declared = new Map<ParsedFile, number>();
  for (const file of files) {
    if (file.name.toLowerCase().endsWith('.xml')) {
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of file.chunks()) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      text += decoder.decode();
      addXml(parseXml(file.name, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), out, declared);
    } else out.push(await parseCsvStream(file.name, file.chunks(), cells, columnar));
  }
  return { out, declared };
}

/**
 * The table a CSV file holds, told from its first line alone (the rest is not read), or null when that line is not a
 * 903 header: a file that is then read in full reports why.
 */
export async function tableOfCsv(file: StreamedFile): Promise<TableName | null> {
  const source = file.chunks()[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const next = await source.next();
      if (next.done === true) break;
      text += typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      if (text.includes('\n') || text.length > MAX_RECORD_CHARS) break;
    }
  } finally {
    await source.return?.();
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const end = text.indexOf('\n');
  const line = (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
  // A quoted header is left to the full reader, which knows CSV quoting.
  if (line.includes('"')) return null;
  try {
    return matchTable(file.name, line.split(',').map((c) => c.trim().toUpperCase()));
  } catch {
    return null;
  }
}

function addXml(xml: { year: number | null; tables: ParsedFile[] }, out: ParsedFile[], declared: Map<ParsedFile, number>): void {
  for (const t of xml.tables) {
    out.push(t);
    if (xml.year !== null) declared.set(t, xml.year);
  }
}

/** Picks the table whose columns the header carries exactly (required ones all present, extras only optional ones). */
export function matchTable(fileName: string, header: string[]): TableName {
  const present = new Set(header);
  let best: { table: TableName; missing: string[]; unexpected: string[]; score: number } | undefined;
  for (const table of TABLE_NAMES) {
    const required = TABLE_COLUMNS[table];
    const allowed = new Set([...required, ...(OPTIONAL_COLUMNS[table] ?? [])]);
    const missing = required.filter((c) => !present.has(c));
    const unexpected = header.filter((c) => !allowed.has(c));
    if (missing.length === 0 && unexpected.length === 0) return table;
    const score = required.length - missing.length - unexpected.length / 100;
    if (!best || score > best.score) best = { table, missing, unexpected, score };
  }
  if (!best || best.score < 2) {
    throw new Ssda903FileError(`${fileName}: the columns (${header.join(', ')}) do not match any 903 table`, fileName, [], header);
  }
  const parts = [
    best.missing.length ? `missing column${best.missing.length > 1 ? 's' : ''} ${best.missing.join(', ')}` : '',
    best.unexpected.length ? `unexpected column${best.unexpected.length > 1 ? 's' : ''} ${best.unexpected.join(', ')}` : '',
  ].filter(Boolean);
  throw new Ssda903FileError(`${fileName}: looks like the ${best.table} table but has ${parts.join(' and ')}`, fileName, best.missing, best.unexpected);
}

/** No 903 table has more than 15 columns: a header far wider is not a 903 file, and is refused before any work on it. */
export const MAX_COLUMNS = 200;
/** One CSV record (a line, or more with quoted newlines) longer than this is not a 903 row. */
export const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Cell values already read in this return, by column name, each numbered and kept once (ColumnTexts): codes, dates
 * and child identifiers repeat in every table and year, and one copy of each (with its trimmed, upper-cased form
 * worked out once) keeps a national return's millions of cells in a fraction of the memory. A table read into rows
 * takes its cells' texts from here; one read into columns keeps their numbers.
 */
export type CellCache = Map<string, ColumnTexts>;

type RowMaker = (file: string, line: number, cells: string[]) => ParsedRow;

const FILE = Symbol('file');
const LINE = Symbol('line');

/**
 * A row read from a CSV file: one object holding its cells under their column names, which is also its `fields`,
 * with its file and line under symbols (so that the fields, listed or written as JSON, are the columns and nothing
 * else). One object a row instead of a row and its fields: a national return has six and a half million rows.
 */
class CsvRow {
  declare [FILE]: string;
  declare [LINE]: number;
  get file(): string {
    return this[FILE];
  }
  get line(): number {
    return this[LINE];
  }
  get fields(): Record<string, string> {
    return this as unknown as Record<string, string>;
  }
}

/**
 * Makes a row from its cells in header order, with a class written for this header (as d3-dsv writes an object
 * literal): every row of a table then has one shape, built in one step, where filling an empty object column by
 * column went through the engine's slow path for each of a national return's 50 million cells. The names are
 * column names matchTable has accepted (capitals, digits and underscores), quoted with JSON.stringify.
 */
function rowMaker(header: readonly string[]): RowMaker {
  const key = header.join(',');
  let make = rowMakers.get(key);
  if (!make) rowMakers.set(key, (make = newRowMaker(header)));
  return make;
}

/** One class for each header met: a table's rows from every year's file have one shape. */
const rowMakers = new Map<string, RowMaker>();

function newRowMaker(header: readonly string[]): RowMaker {
  const body = `return class extends Base { constructor(file, line, c) { super(); this[FILE] = file; this[LINE] = line; ${header.map((h, i) => `this[${JSON.stringify(h)}] = c[${i}];`).join(' ')} } };`;
  type RowClass = new (file: string, line: number, cells: string[]) => ParsedRow;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a known header, see above
  const define = new Function('Base', 'FILE', 'LINE', body) as (base: typeof CsvRow, file: symbol, line: symbol) => RowClass;
  const Row = define(CsvRow, FILE, LINE);
  return (file, line, cells) => new Row(file, line, cells);
}

/** Tables to read into columns rather than row objects (the numbers of their cells index the return's CellCache). */
export type Columnar = ReadonlySet<TableName>;

/**
 * What indicators straight from files read into columns: the tables the history and the validator's rules read, held
 * from the reading until the rules without a row object each (the Episodes are a national return's largest).
 */
export const FIGURES_COLUMNAR: Columnar = new Set<TableName>(['Episodes', 'OC2', 'OC3', 'UASC']);

/** A column's values in a return, each numbered once: 0 is the blank cell. */
export class ColumnTexts {
  /** The number of each cell as read (before trimming and upper-casing). */
  readonly ids = new Map<string, number>();
  /** The value (trimmed, upper-cased) of each number. */
  readonly values: string[] = [''];

  add(raw: string, value: string): number {
    const id = this.values.length;
    this.values.push(value);
    this.ids.set(raw, id);
    return id;
  }
}

/**
 * A table's rows in columns: each cell the number of its value in its column's ColumnTexts, each row's line in a
 * column of its own. A row is four bytes a cell; as an object it is some 150 bytes, and one more object for the
 * collector to copy while a national return's 1.8 million episodes are read and held.
 */
export class ColumnTable {
  length = 0;
  private lines: Int32Array;
  /** Each column's cells, numbered (read by the rows' getters). */
  cells: Uint32Array[];
  private readonly View: new (store: ColumnTable, i: number) => ColumnRow;
  constructor(
    readonly name: string,
    readonly header: readonly string[],
    readonly texts: readonly ColumnTexts[],
    capacity = 4096,
  ) {
    this.lines = new Int32Array(capacity);
    this.cells = header.map(() => new Uint32Array(capacity));
    this.View = viewClass(header);
  }

  push(line: number, ids: readonly number[]): void {
    const i = this.length;
    if (i === this.lines.length) this.resize(i * 2);
    this.lines[i] = line;
    for (let c = 0; c < ids.length; c++) this.cells[c]![i] = ids[c]!;
    this.length = i + 1;
  }

  /** The columns cut to the rows read, once the file is. */
  finish(): this {
    if (this.lines.length !== this.length) this.resize(this.length);
    return this;
  }

  private resize(capacity: number): void {
    const lines = new Int32Array(capacity);
    lines.set(this.lines.subarray(0, this.length));
    this.lines = lines;
    this.cells = this.cells.map((old) => {
      const next = new Uint32Array(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    });
  }

  /** The index of a column, or -1. */
  column(name: string): number {
    return this.header.indexOf(name);
  }

  line(i: number): number {
    return this.lines[i]!;
  }

  /** Row i's value in column c ('' when c is -1: a column the file does not carry). */
  text(i: number, c: number): string {
    return c < 0 ? '' : this.texts[c]!.values[this.cells[c]![i]!]!;
  }

  /** Row i as a row: a small object reading its cells from the columns, not a copy of them. */
  row(i: number): ColumnRow {
    return new this.View(this, i);
  }

  *rows(): Generator<ColumnRow> {
    for (let i = 0; i < this.length; i++) yield new this.View(this, i);
  }
}

/**
 * A row of a ColumnTable: its fields are getters reading the columns (so the row is some 60 bytes, whatever its
 * width), with its file and line. `child`, `decom` and `dec` are room for the validator rules' index of a year's
 * episodes (checks/context.ts), which then needs no object of its own for the row.
 */
export class ColumnRow {
  child = '';
  decom = 0;
  dec: number | null = null;
  constructor(
    readonly store: ColumnTable,
    readonly i: number,
  ) {}
  get file(): string {
    return this.store.name;
  }
  get line(): number {
    return this.store.line(this.i);
  }
  get fields(): Record<string, string> {
    return this as unknown as Record<string, string>;
  }
}

/** One class of rows for each header met, its getters written for the header (as the row classes of CsvRow are). */
const viewClasses = new Map<string, new (store: ColumnTable, i: number) => ColumnRow>();

function viewClass(header: readonly string[]): new (store: ColumnTable, i: number) => ColumnRow {
  const key = header.join(',');
  let View = viewClasses.get(key);
  if (!View) {
    const getters = header.map((h, c) => `get ${JSON.stringify(h)}() { const s = this.store; return s.texts[${c}].values[s.cells[${c}][this.i]]; }`).join(' ');
    type ViewClass = new (store: ColumnTable, i: number) => ColumnRow;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a header matchTable has accepted, see rowMaker
    const define = new Function('Base', `return class extends Base { ${getters} };`) as (base: typeof ColumnRow) => ViewClass;
    View = define(ColumnRow);
    viewClasses.set(key, View);
  }
  return View;
}

/** One table built from CSV records as they arrive: the header is checked on the first, so a bad file stops there. */
export class CsvTableBuilder {
  private header: string[] | undefined;
  private table: TableName | undefined;
  private make: RowMaker | undefined;
  /** Each column's values in the return (from the CellCache), by which a cell is numbered. */
  private texts: ColumnTexts[] = [];
  /** Each column's cell in the row before, as read and numbered. */
  private lastRaw: string[] = [];
  private lastId: number[] = [];
  /** The numbers of the row being read, and their texts for a row object (which copies them). */
  private ids: number[] = [];
  private scratch: string[] = [];
  private readonly rows: ParsedRow[] = [];
  /** The rows in columns, for a table `columnar` names. */
  private store: ColumnTable | undefined;
  constructor(
    readonly name: string,
    private readonly cells: CellCache = new Map(),
    private readonly columnar?: Columnar,
  ) {}

  add(cells: string[], line: number): void {
    const { name } = this;
    if (!this.header) {
      if (cells.length > MAX_COLUMNS) {
        throw new Ssda903FileError(`${name}: the header has ${cells.length} columns, and no 903 table has more than ${MAX_COLUMNS}: this is not a 903 file`, name);
      }
      const header = cells.map((c) => c.trim().toUpperCase());
      const seen = new Set<string>();
      for (const c of header) {
        if (seen.has(c)) throw new Ssda903FileError(`${name}: column ${c} appears twice`, name, [], [c]);
        seen.add(c);
      }
      this.table = matchTable(name, header);
      this.header = header;
      this.make = rowMaker(header);
      this.lastRaw = header.map(() => '');
      this.lastId = header.map(() => 0);
      this.ids = header.map(() => 0);
      this.scratch = header.map(() => '');
      this.texts = header.map((c) => {
        let t = this.cells.get(c);
        if (!t) this.cells.set(c, (t = new ColumnTexts()));
        return t;
      });
      if (this.columnar?.has(this.table)) this.store = new ColumnTable(name, header, this.texts);
      return;
    }
    const { lastRaw, lastId, ids } = this;
    for (let c = 0; c < ids.length; c++) {
      const raw = cells[c];
      // A file lists each child's rows together: the child, their dates of birth and postcodes repeat from the row
      // above, and comparing a short string with it is far quicker than a look-up in a map of half a million.
      ids[c] = raw === undefined || raw === '' ? 0 : raw === lastRaw[c] ? lastId[c]! : this.keep(c, raw);
    }
    this.keepRow(line);
  }

  /** The number of column c's cell `raw` (one that differs from the row before's), remembered as the column's last. */
  private keep(c: number, raw: string): number {
    const texts = this.texts[c]!;
    let id = texts.ids.get(raw);
    if (id === undefined) id = texts.add(raw, cell(raw));
    this.lastRaw[c] = raw;
    this.lastId[c] = id;
    return id;
  }

  /** The row just numbered (`ids`), into the columns or as a row object. */
  private keepRow(line: number): void {
    const { ids } = this;
    if (this.store) {
      this.store.push(line, ids);
      return;
    }
    const { texts, scratch } = this;
    for (let c = 0; c < ids.length; c++) scratch[c] = texts[c]!.values[ids[c]!]!;
    this.rows.push(this.make!(this.name, line, scratch));
  }

  /**
   * Adds the plain (unquoted) line text[from, end) without cutting it into a line and an array of cells: each cell is
   * compared in place with the same column of the row before (a child's rows repeat the child, dates of birth and
   * postcodes), and only a cell that differs is cut out and looked up. The same cells as add(line.split(',')).
   */
  addPlain(text: string, from: number, end: number, line: number): void {
    if (!this.header) {
      this.add(text.slice(from, end).split(','), line);
      return;
    }
    const { lastRaw, lastId, ids } = this;
    const width = ids.length;
    let pos = from;
    for (let c = 0; c < width; c++) {
      // Past the line's last cell: a short row's missing cells are blank, as add() makes them.
      if (pos > end) {
        ids[c] = 0;
        continue;
      }
      let comma = text.indexOf(',', pos);
      if (comma === -1 || comma > end) comma = end;
      const length = comma - pos;
      if (length === 0) ids[c] = 0;
      else {
        const before = lastRaw[c]!;
        if (before.length === length && text.startsWith(before, pos)) ids[c] = lastId[c]!;
        else ids[c] = this.keep(c, text.slice(pos, comma));
      }
      pos = comma + 1;
    }
    this.keepRow(line);
  }

  finish(): ParsedFile {
    if (!this.header || !this.table) throw new Ssda903FileError(`${this.name}: the file is empty`, this.name);
    if (this.store) return { name: this.name, table: this.table, collectionYear: 0, rows: [], columns: this.store.finish() };
    return { name: this.name, table: this.table, collectionYear: 0, rows: this.rows };
  }
}

/**
 * Adds the unquoted lines of `text` from `from` to the table, up to the last whole line (or to the end when `last`).
 * Gives where the unread rest starts, or -1 - that offset at a line a CSV parser must read (a quote or a lone CR).
 */
function addPlainLines(table: CsvTableBuilder, text: string, from: number, last: boolean, lineRef: { line: number }): number {
  // The first quote and carriage return from here, found once for the text rather than searched for in every line.
  const q = text.indexOf('"', from);
  const quote = q === -1 ? Infinity : q;
  let cr = text.indexOf('\r', from);
  for (;;) {
    let to = text.indexOf('\n', from);
    if (to === -1) {
      if (!last || from >= text.length) return from;
      to = text.length;
    }
    let end = to;
    if (end > from && text.charCodeAt(end - 1) === 13) end -= 1;
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    if (quote < end || (cr !== -1 && cr < end)) return -1 - from;
    lineRef.line += 1;
    const length = end - from;
    if (lineRef.line === 1 && length > MAX_RECORD_CHARS) throw new Ssda903FileError(`${table.name}: the first line is ${length} characters long, too long for a 903 header`, table.name);
    if (length > MAX_RECORD_CHARS) throw new Ssda903FileError(`${table.name}: not a readable CSV file (a row is longer than ${MAX_RECORD_CHARS} characters)`, table.name);
    // A line that starts with a printable character is not blank; only one that starts with white space is trimmed to see.
    const first = text.charCodeAt(from);
    if (length > 0 && ((first > 32 && first < 127) || text.slice(from, end).trim() !== '')) table.addPlain(text, from, end, lineRef.line);
    from = to + 1;
  }
}

function parseCsvFile(name: string, text: string, cells?: CellCache): ParsedFile {
  // Lines without any quote character are split directly: the result is what a CSV parser gives, several times
  // faster on a large return. From the first line with a quote, the rest goes through csv-parse.
  const table = new CsvTableBuilder(name, cells);
  const lineRef = { line: 0 };
  const stop = addPlainLines(table, text, 0, true, lineRef);
  if (stop < 0) {
    for (const r of readQuotedCsv(name, text.slice(-1 - stop))) if (!(r.cells.length === 1 && r.cells[0]!.trim() === '')) table.add(r.cells, lineRef.line + r.line);
  }
  return table.finish();
}

/**
 * Reads one CSV table from its bytes as they come (a file being read), so a bad header or a broken row stops the
 * reading there, and memory holds the rows, not the whole text. Plain lines (no quotes: every 903 file a case
 * management system writes) are split as they arrive; from the first quoted line on, csv-parse reads the rest.
 * Pure: the caller opens the file.
 */
export async function parseCsvStream(name: string, chunks: AsyncIterable<Uint8Array | string>, cells?: CellCache, columnar?: Columnar): Promise<ParsedFile> {
  const table = new CsvTableBuilder(name, cells, columnar);
  const decoder = new TextDecoder();
  const source = chunks[Symbol.asyncIterator]();
  const lineRef = { line: 0 };
  let carry = '';
  let started = false;
  try {
    for (;;) {
      const next = await source.next();
      let text = carry + (next.done === true ? decoder.decode() : typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true }));
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const rest = addPlainLines(table, text, 0, next.done === true, lineRef);
      if (rest < 0) {
        await parseQuotedRest(table, text.slice(-1 - rest), source, decoder, next.done === true, lineRef.line);
        break;
      }
      if (next.done === true) break;
      carry = text.slice(rest);
      if (carry.length > MAX_RECORD_CHARS) {
        throw new Ssda903FileError(`${name}: not a readable CSV file (a row is longer than ${MAX_RECORD_CHARS} characters)`, name);
      }
    }
  } finally {
    await source.return?.();
  }
  return table.finish();
}

/** The rest of a streamed CSV from its first quoted line, through csv-parse; `before` lines were already read. */
async function parseQuotedRest(
  table: CsvTableBuilder,
  head: string,
  source: AsyncIterator<Uint8Array | string>,
  decoder: TextDecoder,
  ended: boolean,
  before: number,
): Promise<void> {
  const name = table.name;
  async function* text(): AsyncGenerator<string> {
    yield head;
    if (ended) return;
    for (;;) {
      const next = await source.next();
      if (next.done === true) {
        yield decoder.decode();
        return;
      }
      yield typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
    }
  }
  const parser = parseCsvStreaming({ info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS });
  const input = Readable.from(text());
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === 1 && record[0]!.trim() === '') continue;
      table.add(record, before + info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0));
    }
  } catch (e) {
    if (e instanceof Ssda903FileError) throw e;
    const message = (e as Error).message;
    throw new Ssda903FileError(`${name}: not a readable CSV file (${/max_record_size|record size/i.test(message) ? `a row is longer than ${MAX_RECORD_CHARS} characters` : message})`, name);
  } finally {
    input.unpipe(parser);
    input.destroy();
    parser.destroy();
  }
}

/** Trimmed and upper-cased; most cells already are, and are then kept as they are. */
function cell(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const v = first <= 32 || last <= 32 ? raw.trim() : raw;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) return v.toUpperCase();
    if (c > 127) return v.toUpperCase();
  }
  return v;
}

function readQuotedCsv(name: string, text: string): { cells: string[]; line: number }[] {
  try {
    const records = parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    // info.lines is the line a record ends on; step back over newlines inside quoted cells.
    return records.map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0),
    }));
  } catch (e) {
    throw new Ssda903FileError(`${name}: not a readable CSV file (${(e as Error).message})`, name);
  }
}

/** The collection year a path names ("903/2018/episodes.csv", "episodes_2017-18.csv" → 2018), read as the year it ends. */
export function yearFromPath(path: string): number | null {
  return yearInName(path)?.year ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// XML: EXPSSDA903 > CHILD > HEADER (child fields, AREVIEW, AMISSING, OC2, PERMANENCE, AD_PLACED …) + EPISODE …
// Tag names follow the DfE schema; CHILDID becomes CHILD and PL becomes PLACE, as in the validator's reader.

const BLOCKS: Record<string, TableName> = {
  EPISODE: 'Episodes',
  AREVIEW: 'Reviews',
  AMISSING: 'Missing',
  OC2: 'OC2',
  OC3: 'OC3',
  AD1: 'AD1',
  PERMANENCE: 'PrevPerm',
  AD_PLACED: 'PlacedAdoption',
  SW_EPISODE: 'SWEpisodes',
  SWEPISODE: 'SWEpisodes',
  DOLO: 'DoLo',
};
const RENAME: Record<string, string> = { CHILDID: 'CHILD', PL: 'PLACE' };
const REPEATED = new Set(['CHILD', ...Object.keys(BLOCKS)]);
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type XmlNode = Record<string, unknown>;

function parseXml(name: string, text: string): { year: number | null; tables: ParsedFile[] } {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (tag) => REPEATED.has(tag.toUpperCase()),
    transformTagName: (tag) => tag.toUpperCase(),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(text, true) as XmlNode;
  } catch (e) {
    throw new Ssda903FileError(`${name}: not a readable XML file (${(e as Error).message})`, name);
  }
  const rootName = Object.keys(doc).find((k) => typeof doc[k] === 'object' && doc[k] !== null);
  const root = rootName ? (doc[rootName] as XmlNode) : undefined;
  const children = root?.CHILD as XmlNode[] | undefined;
  if (!root || !Array.isArray(children)) throw new Ssda903FileError(`${name}: no CHILD elements found; not a 903 XML return`, name);

  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineOf = (node: unknown): number => {
    const start = (node as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex ?? 0;
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  const rows = new Map<TableName, ParsedRow[]>();
  const add = (table: TableName, line: number, fields: Record<string, string>) => {
    let list = rows.get(table);
    if (!list) rows.set(table, (list = []));
    const full: Record<string, string> = {};
    for (const c of [...TABLE_COLUMNS[table], ...(OPTIONAL_COLUMNS[table] ?? [])]) {
      if (c in fields || TABLE_COLUMNS[table].includes(c)) full[c] = fields[c] ?? '';
    }
    list.push({ line, fields: full });
  };

  for (const child of children) {
    const header = (child.HEADER as XmlNode | undefined) ?? {};
    const own: Record<string, string> = { ...leaves(child), ...leaves(header) };
    const line = lineOf(child);
    add('Header', line, own);
    if (own.UASC === '1' || (own.DUC ?? '') !== '') add('UASC', line, own);
    if ((own.IN_TOUCH ?? '') !== '' || (own.ACTIV ?? '') !== '' || (own.ACCOM ?? '') !== '') add('OC3', line, own);
    if ((own.DATE_INT ?? '') !== '' || (own.DATE_MATCH ?? '') !== '') add('AD1', line, own);
    for (const holder of [child, header]) {
      for (const [tag, table] of Object.entries(BLOCKS)) {
        for (const block of (holder[tag] as XmlNode[] | undefined) ?? []) {
          add(table, lineOf(block), { ...own, ...leaves(block) });
        }
      }
    }
  }
  return { year: xmlYear(root), tables: [...rows].map(([table, list]) => ({ name, table, collectionYear: 0, rows: list })) };
}

/** Leaf elements of a node as upper-cased strings; ISO dates are rewritten dd/mm/yyyy like the CSV form. */
function leaves(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, value] of Object.entries(node)) {
    if (value !== null && typeof value === 'object') continue;
    let v = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim().toUpperCase() : '';
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (iso) v = `${iso[3]}/${iso[2]}/${iso[1]}`;
    out[RENAME[tag] ?? tag] = v;
  }
  return out;
}

/** A collection year written in the XML's own header, when there is one (a YEAR element or a reference date). */
function xmlYear(root: XmlNode): number | null {
  const found: string[] = [];
  const walk = (node: XmlNode, depth: number) => {
    for (const [tag, value] of Object.entries(node)) {
      if (tag === 'CHILD') continue;
      if (value !== null && typeof value === 'object' && depth < 3) walk(value as XmlNode, depth + 1);
      else if (/YEAR|REFERENCEDATE/.test(tag)) found.push(String(value));
    }
  };
  walk(root, 0);
  for (const v of found) {
    const year = /^\s*(20\d{2})\s*$/.exec(v);
    if (year) return Number(year[1]);
    const day = dayFromUk(v.trim()) ?? null;
    if (day !== null) return collectionYearOf(day);
    const iso = /^(20\d{2})-(\d{2})-(\d{2})/.exec(v);
    if (iso) return Number(iso[2]) >= 4 ? Number(iso[1]) + 1 : Number(iso[1]);
  }
  return null;
}
