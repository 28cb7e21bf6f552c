// Data-quality checks on a return, reported by file, line, child and column before any figure is worked out.
import { RULES, runRules } from './checks/registry.ts';
import { collectGarbage } from './collect.ts';
import { dateFormHint, dayFromUk, yearEnd, yearStart } from './days.ts';
import { buildReturn, foldsAsTemporary, type Ssda903Return } from './history.ts';
import type { ParsedFile, ParsedRow } from './parse.ts';
import { columnOf, releaseRows, rowCount, rowsOf } from './rows.ts';
import { BLANK_ALLOWED, CODE_COLUMNS, DATE_COLUMNS, TEMPORARY_LIMIT_DAYS, type TableName } from './tables.ts';

export interface DataQualityIssue {
  /** Errors move figures wrongly; warnings are worth a look but do not; a note says what could not be checked. */
  severity: 'error' | 'warning' | 'note';
  /** The check's name, or the validator's rule code ("388", "503A", "NoE"). */
  check: string;
  file: string;
  /** The row as a person counts it in the file (the header is row 1). */
  line: number;
  column?: string;
  child: string;
  message: string;
  /** The table the row belongs to (validator rules). */
  table?: TableName;
  /** Every field the finding points at, the first being `column` (validator rules). */
  fields?: string[];
  /** Other rows the finding involves, such as the previous episode. */
  related?: { file: string; line: number }[];
}

/**
 * The other rows a finding involves, as a person reads them ("see also row 35,422", or the file too when it is
 * another): the previous episode of an overlap, the twin of a repeated row. Empty when there are none.
 */
export function seeAlso(issue: Pick<DataQualityIssue, 'file' | 'related'>): string {
  if (!issue.related || issue.related.length === 0) return '';
  return `see also ${issue.related.map((r) => `${r.file === issue.file ? '' : `${r.file} `}row ${r.line.toLocaleString('en-GB')}`).join(', ')}`;
}

/** A finding's message as shown, with the other rows it involves (`also`, as seeAlso gives them) after it. */
export const withSeeAlso = (message: string, also: string): string => (also === '' ? message : `${message} (${also})`);

/** The checks of rows and years, each with its severity; the validator's rules (checks/registry.ts) carry their own. */
export const CHECKS = {
  'bad-date': 'error',
  'unknown-code': 'error',
  'missing-child': 'error',
  'date-outside-year': 'error',
  'ended-before-year': 'warning',
  'open-not-continued': 'warning',
  'temporary-too-long': 'error',
} as const satisfies Record<string, DataQualityIssue['severity']>;

export type CheckName = keyof typeof CHECKS;

export function checkReturn(ret: Ssda903Return): DataQualityIssue[] {
  const issues = rowFindings(ret.files);
  for (const i of returnFindings(ret, skippedWithoutYear(ret.files))) issues.push(i);
  return issues;
}

/** The heap size past which indicators straight from files collect garbage in full as they let rows go (collect.ts). */
const COLLECT_OVER = 512 * 1024 * 1024;

/** Tables whose rows only the row checks read: no figure and no validator rule looks at them. */
const ROW_CHECKS_ONLY: ReadonlySet<TableName> = new Set(['Reviews', 'PrevPerm', 'PlacedAdoption', 'SWEpisodes', 'DoLo']);
/** Tables the stitched history reads and no validator rule does (the rules read a child's history instead). */
const HISTORY_ONLY: ReadonlySet<TableName> = new Set(['Header', 'Missing', 'AD1']);

/**
 * The stitched history and every finding of checkReturn, in the same order, for a caller that wants only the
 * figures and the findings, not the rows (indicators straight from files): the rows of each table are let go as
 * soon as nothing further reads them, so a national return's millions of rows are not all held while the history
 * is built and the rules run. The files are left with no rows.
 */
export function buildAndCheck(files: ParsedFile[], rowsChecked?: RowsChecked): { ret: Ssda903Return; issues: DataQualityIssue[] } {
  const issues = rowsChecked ? rowsChecked.issues : rowFindings(files);
  const skipped = rowsChecked ? rowsChecked.skipped : skippedWithoutYear(files);
  // Tables read in another thread are here with no rows to let go, and then a collection would free little.
  let released = false;
  for (const f of files) {
    if (!ROW_CHECKS_ONLY.has(f.table) || rowCount(f) === 0) continue;
    releaseRows(f);
    released = true;
  }
  if (released) collectGarbage(COLLECT_OVER);
  const ret = buildReturn(files, HISTORY_ONLY);
  collectGarbage(COLLECT_OVER);
  for (const i of returnFindings(ret, skipped, true)) issues.push(i);
  for (const f of files) releaseRows(f);
  collectGarbage(COLLECT_OVER);
  return { ret, issues };
}

/**
 * The row checks already made, for files some of which were read and checked elsewhere (another thread) and are
 * here with only the rows the history reads: rowFindings and skippedWithoutYear as they would be on every row.
 */
export interface RowsChecked {
  issues: DataQualityIssue[];
  skipped: CheckName[];
}

/** A finding of this module's own checks on a row. */
function issueOf(check: CheckName, file: string, row: ParsedRow, column: string | undefined, message: string): DataQualityIssue {
  const issue: DataQualityIssue = { severity: CHECKS[check], check, file, line: row.line, child: row.fields.CHILD ?? '', message };
  if (column !== undefined) issue.column = column;
  return issue;
}

/**
 * The checks of each row on its own (dates, codes, a child named), file by file: the first findings of checkReturn.
 * They need the files' collection years but not the stitched history, so they can run before it is built, and the
 * rows of a table that only they read can then be let go (see ssda903.service.ts, indicators straight from files).
 */
export function rowFindings(files: readonly ParsedFile[]): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  const report: Report = (check, file, row, column, message) => issues.push(issueOf(check, file, row, column, message));
  for (const file of files) rowChecks(file, report);
  return issues;
}

/**
 * The findings of checkReturn after the row checks: episodes against the next year's file, then the validator's
 * rules. `skipped` names the checks not run on files of no known year (skippedWithoutYear, worked out while every
 * row was still there). With `releaseRows` the files' rows are let go year by year as the rules finish with them.
 */
export function returnFindings(ret: Ssda903Return, skipped: CheckName[], releaseRows = false): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  const report: Report = (check, file, row, column, message) => issues.push(issueOf(check, file, row, column, message));
  const episodeFiles = ret.files.filter((f) => f.table === 'Episodes');
  // Earliest DECOM of each child in each year's Episodes files, to see whether an open period carries on.
  const firstDecom = new Map<number, Map<string, number>>();
  for (const file of episodeFiles) {
    let byChild = firstDecom.get(file.collectionYear);
    if (!byChild) firstDecom.set(file.collectionYear, (byChild = new Map<string, number>()));
    // A child's rows come together: their earliest so far is kept to hand while the child's rows run on.
    let lastId: string | undefined;
    let earliest = Infinity;
    const decoms = columnOf(file, 'DECOM');
    const children = columnOf(file, 'CHILD');
    for (let i = 0, n = rowCount(file); i < n; i++) {
      const d = dayFromUk(decoms(i));
      const id = children(i);
      if (d === null) continue;
      if (id !== lastId) {
        lastId = id;
        earliest = byChild.get(id) ?? Infinity;
      }
      if (d < earliest) byChild.set(id, (earliest = d));
    }
  }
  for (const file of episodeFiles) episodeChecks(file, firstDecom, report);
  for (const i of runRules(ret, RULES, skipped, releaseRows)) issues.push(i);
  return issues;
}

/**
 * This module's checks that compare dates with the collection year, and so are not run on files of no known year.
 * `count` counts a file's rows where they are not all here (read elsewhere).
 */
export function skippedWithoutYear(files: readonly ParsedFile[], count: (file: ParsedFile) => number = rowCount): CheckName[] {
  const unknown = files.filter((f) => f.table !== 'Postcodes' && f.collectionYear === 0 && count(f) > 0);
  const skipped: CheckName[] = [];
  if (unknown.some((f) => (DATE_COLUMNS[f.table] ?? []).length > 0)) skipped.push('date-outside-year');
  if (unknown.some((f) => f.table === 'Episodes')) skipped.push('ended-before-year', 'open-not-continued');
  return skipped;
}

/** The date a UASC status will cease may be set ahead; every other date describes something already done. */
const LATER_ALLOWED = new Set(['DUC']);

type Report = (check: CheckName, file: string, row: ParsedRow, column: string | undefined, message: string) => void;

function rowChecks(file: ParsedFile, report: Report): void {
  if (file.table === 'Postcodes') return;
  const dates = DATE_COLUMNS[file.table] ?? [];
  const codes = Object.entries(CODE_COLUMNS[file.table] ?? {});
  const blankAllowed = BLANK_ALLOWED[file.table];
  for (const row of rowsOf(file)) {
    const f = row.fields;
    if (!f.CHILD) report('missing-child', file.name, row, 'CHILD', `line ${row.line} has no CHILD`);
    for (const c of dates) {
      const v = f[c] ?? '';
      if (v === '') continue;
      const day = dayFromUk(v);
      if (day === null) report('bad-date', file.name, row, c, `${c} "${v}" is not a date written dd/mm/yyyy${dateFormHint(v)}`);
      else if (file.collectionYear > 0 && day > yearEnd(file.collectionYear) && !LATER_ALLOWED.has(c)) {
        report('date-outside-year', file.name, row, c, `${c} ${v} is after 31/03/${file.collectionYear}, the end of this file's collection year`);
      }
    }
    if (file.table === 'Episodes' && f.DEC && f.DECOM) {
      const decom = dayFromUk(f.DECOM);
      const dec = dayFromUk(f.DEC);
      if (decom !== null && dec !== null && dec < decom) report('bad-date', file.name, row, 'DEC', `DEC ${f.DEC} is before DECOM ${f.DECOM}`);
    }
    if (file.table === 'PrevPerm') {
      const v = f.DATE_PERM ?? '';
      const m = /^(ZZ|\d{2})\/(ZZ|\d{2})\/(ZZZZ|\d{4})$/.exec(v);
      if (v !== '' && (!m || (!v.includes('Z') && dayFromUk(v) === null))) report('bad-date', file.name, row, 'DATE_PERM', `DATE_PERM "${v}" is not a date written dd/mm/yyyy (zz for an unknown part)`);
    }
    for (const [c, list] of codes) {
      const v = f[c] ?? '';
      if (v === '') {
        if (file.table === 'Episodes' && c === 'REC' && f.DEC) report('unknown-code', file.name, row, c, 'REC is blank but the episode has a DEC');
        else if (!blankAllowed?.has(c)) report('unknown-code', file.name, row, c, `${c} is blank`);
      } else if (!list.has(v)) report('unknown-code', file.name, row, c, `${c} "${v}" is not a 903 code`);
    }
  }
}

function episodeChecks(file: ParsedFile, firstDecom: Map<number, Map<string, number>>, report: Report): void {
  const year = file.collectionYear;
  const known = year > 0;
  const lastOfChild = new Map<string, { row: ParsedRow; decom: number; dec: number }>();
  // The child of the row before and their latest episode so far, kept to hand while the child's rows run on.
  let lastId: string | undefined;
  let last: { row: ParsedRow; decom: number; dec: number } | undefined;
  for (const row of rowsOf(file)) {
    const f = row.fields;
    const decom = dayFromUk(f.DECOM ?? '');
    const dec = f.DEC ? dayFromUk(f.DEC) : Infinity;
    if (known && dec !== null && dec < yearStart(year)) report('ended-before-year', file.name, row, 'DEC', `DEC ${f.DEC} is before 01/04/${year - 1}: the episode ended before this collection year`);
    if (decom === null || dec === null || !f.CHILD) continue;
    const limit = TEMPORARY_LIMIT_DAYS[f.PLACE ?? ''];
    if (limit !== undefined && !foldsAsTemporary({ place: f.PLACE ?? '', decom, dec })) {
      report('temporary-too-long', file.name, row, 'DEC', `temporary placement ${f.PLACE} lasts ${dec - decom} days, longer than the ${limit} DfE allows: it counts as a placement of its own`);
    }
    if (f.CHILD !== lastId) {
      lastId = f.CHILD;
      last = lastOfChild.get(f.CHILD);
    }
    if (!last || decom > last.decom || (decom === last.decom && row.line > last.row.line)) lastOfChild.set(f.CHILD, (last = { row, decom, dec }));
  }
  const nextYear = firstDecom.get(year + 1);
  if (!nextYear) return;
  for (const [child, last] of lastOfChild) {
    if (last.dec !== Infinity) continue;
    const continued = (nextYear.get(child) ?? Infinity) <= yearEnd(year);
    if (!continued) report('open-not-continued', file.name, last.row, 'DEC', `the episode is open at 31/03/${year} but the ${year + 1} Episodes file does not carry the period on`);
  }
}
