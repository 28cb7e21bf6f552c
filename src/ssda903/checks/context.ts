// What a validator rule sees: one collection year's tables (and the year before), indexed by child once.
import { ageOn, dayFromParts, dayFromUk, ymdFromDay, yearEnd, yearStart, type Ymd } from '../days.ts';
import { normalisePostcode, type PostcodePoint, type Ssda903Return } from '../history.ts';
import { ColumnRow, type ParsedFile } from '../parse.ts';
import { releaseRows as releaseFileRows, rowsOf } from '../rows.ts';
import { SHORT_BREAK_LS, type TableName } from '../tables.ts';

export type Severity = 'error' | 'warning';

/** A row of one table with the file it came from; `line` is the row as a person counts it (header = row 1). */
export interface Row {
  file: string;
  line: number;
  fields: Record<string, string>;
}

/** An Episodes row with its dates read once: `dec` is null when DEC is blank or not a date. */
export interface EpisodeRow extends Row {
  child: string;
  decom: number;
  dec: number | null;
}

export interface TableRows {
  rows: Row[];
  /** Columns the file carried, optional ones (PL_DISTANCE, PL_LOCATION) included. */
  columns: ReadonlySet<string>;
}

export interface CheckContext {
  /** The collection year (ending 31 March of it), or undefined when the files did not say. */
  year: number | undefined;
  /** The files of this year, as named in findings. */
  files: string[];
  /** 1 April and 31 March of the collection year, when it is known. */
  start: number | undefined;
  end: number | undefined;
  tables: Partial<Record<TableName, TableRows>>;
  /** Each child's Episodes rows with a readable DECOM, in DECOM order (file order on a tie). */
  episodesByChild: Map<string, EpisodeRow[]>;
  /** The previous collection year's context, when its files were given. */
  last: CheckContext | undefined;
  /** Children who are, or were in this or either of the two years before, unaccompanied asylum-seeking children. */
  uasc: ReadonlySet<string>;
  /** The postcode directory loaded with the return (empty when none was). */
  postcodes: ReadonlyMap<string, PostcodePoint>;
  /** The stitched history of every year given, for the rules defined on it (the 12-month cohort). */
  ret: Ssda903Return;
}

export interface FindingDetail {
  /** The row's table, when not the rule's own (191 points at Episodes for a child missing from OC2). */
  table?: TableName;
  /** The fields the finding points at; the first is the one to correct. */
  fields?: readonly string[];
  /** Other rows the finding involves (the previous episode, last year's open episode …). */
  related?: { file: string; line: number }[];
}

export type Report = (row: Row, message: string, detail?: FindingDetail) => void;

export interface Rule {
  /** The validator's code, e.g. "388", "503A", "NoE". */
  code: string;
  severity: Severity;
  /** The table whose rows the rule points at. */
  table: TableName;
  /** The fields it points at by default. */
  fields: readonly string[];
  /** This year's tables the rule needs; without one of them it is not run. */
  needs: readonly TableName[];
  /** Last year's tables it needs. */
  needsLast?: readonly TableName[];
  /** A column the Episodes file must carry (PL_DISTANCE, PL_LOCATION are optional). */
  needsColumn?: string;
  /** The rule compares dates with the collection year: skipped, with one note, when the year is not known. */
  needsYear: boolean;
  /** What it checks, in plain English (docs/indicators.md lists these). */
  what: string;
  /** Which figures it protects. */
  protects: string;
  check(ctx: CheckContext, report: Report): void;
}

/** The day a person born on `dob` turns `years` (29 February → 28 February in a common year). */
export function birthday(dob: number, years: number): number {
  const { y, m, d } = ymdFromDay(dob);
  return dayFromParts(y + years, m, d) ?? dayFromParts(y + years, m, d - 1)!;
}

/** The age reached on the birthday that falls in the collection year ending 31 March `year`. */
export function ageInYear(dob: Ymd, year: number): number {
  return (dob.m >= 4 ? year - 1 : year) - dob.y;
}

export function ageAtEnd(dob: number, end: number): number {
  return ageOn(ymdFromDay(dob), ymdFromDay(end));
}

export const isShortBreak = (fields: Record<string, string>): boolean => SHORT_BREAK_LS.has(fields.LS ?? '');

export const blank = (v: string | undefined): boolean => v === undefined || v === '';

export function samePostcode(a: string | undefined, b: string | undefined): boolean {
  return normalisePostcode(a ?? '') === normalisePostcode(b ?? '');
}

/** The rows of a table keyed by child (the first row of each child wins). */
export function byChild(table: TableRows | undefined): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of table?.rows ?? []) {
    const id = row.fields.CHILD ?? '';
    if (id !== '' && !out.has(id)) out.set(id, row);
  }
  return out;
}

/**
 * One context per collection year found in the files (files of no known year share one), in year order, each built
 * when the rules reach it. A year's rules read only it and the year before, so the contexts of earlier years can be
 * let go as the rules move on: at national size each holds every Episodes row of its year indexed by child. With
 * `releaseRows`, the files of a year no rule will read again are left with no rows as well (a caller that needs the
 * rows no further: indicators straight from files), so the rows go year by year instead of all after the last year.
 */
export function* buildContexts(ret: Ssda903Return, releaseRows = false): Generator<CheckContext> {
  const groups = new Map<number, ParsedFile[]>();
  for (const file of ret.files) {
    if (file.table === 'Postcodes') continue;
    let list = groups.get(file.collectionYear);
    if (!list) groups.set(file.collectionYear, (list = []));
    list.push(file);
  }
  const years = [...groups.keys()].sort((a, b) => a - b);
  const uascByYear = new Map<number, Set<string>>();
  for (const y of years) {
    const set = new Set<string>();
    for (const f of groups.get(y)!) if (f.table === 'UASC') for (const r of rowsOf(f)) if (r.fields.CHILD) set.add(r.fields.CHILD);
    uascByYear.set(y, set);
  }
  let previous: CheckContext | undefined;
  for (const y of years) {
    // The year before last is no longer anyone's "last": let it go before this year's rows are indexed.
    if (previous) previous.last = undefined;
    if (releaseRows) for (const [older, files] of groups) if (older < y - 1) for (const f of files) releaseFileRows(f);
    const known = y > 0;
    const tables: Partial<Record<TableName, TableRows>> = {};
    for (const f of groups.get(y)!) {
      const t = (tables[f.table] ??= { rows: [], columns: new Set<string>() });
      const name = f.name;
      // A row the CSV reader made already names its file: it is used as it is, not copied (a national return has millions).
      // A file read into columns gives its rows now, for this year's rules only.
      for (const r of rowsOf(f)) t.rows.push(r.file === name ? (r as Row) : { file: name, line: r.line, fields: r.fields });
      const columns = t.columns as Set<string>;
      if (f.columns) {
        if (f.columns.length > 0) for (const c of f.columns.header) columns.add(c);
      } else if (f.rows[0]) for (const c of Object.keys(f.rows[0].fields)) columns.add(c);
    }
    const uasc = new Set(uascByYear.get(y));
    if (known) for (const back of [y - 1, y - 2]) for (const id of uascByYear.get(back) ?? []) uasc.add(id);
    const ctx: CheckContext = {
      year: known ? y : undefined,
      files: groups.get(y)!.map((f) => f.name),
      start: known ? yearStart(y) : undefined,
      end: known ? yearEnd(y) : undefined,
      tables,
      episodesByChild: indexEpisodes(tables.Episodes),
      last: known && previous?.year === y - 1 ? previous : undefined,
      uasc,
      postcodes: ret.postcodes,
      ret,
    };
    yield ctx;
    previous = ctx;
  }
}

function indexEpisodes(table: TableRows | undefined): Map<string, EpisodeRow[]> {
  const out = new Map<string, EpisodeRow[]>();
  // A child's rows come together in the file: the map is looked in only when the child changes.
  let lastChild = '';
  let list: EpisodeRow[] = [];
  for (const row of table?.rows ?? []) {
    const child = row.fields.CHILD ?? '';
    const decom = dayFromUk(row.fields.DECOM ?? '');
    // A row with no child or no readable start date is reported by the row checks; no sequence rule can place it.
    if (child === '' || decom === null) continue;
    if (child !== lastChild) {
      lastChild = child;
      const known = out.get(child);
      if (known) list = known;
      else out.set(child, (list = []));
    }
    const dec = dayFromUk(row.fields.DEC ?? '');
    if (row instanceof ColumnRow) {
      // A row read from columns has room for the index's own fields: it is the episode, with no object of its own.
      row.child = child;
      row.decom = decom;
      row.dec = dec;
      list.push(row);
    } else list.push({ file: row.file, line: row.line, fields: row.fields, child, decom, dec });
  }
  for (const list of out.values()) list.sort((a, b) => a.decom - b.decom || a.line - b.line);
  return out;
}
