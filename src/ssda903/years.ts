// Decides one collection year for each return in a set of 903 files, from the XML, the file and folder names and the dates inside.
import { ValidationError } from '../domain/errors.ts';
import { collectionYearOf, dayFromUk, yearEnd, yearStart } from './days.ts';
import type { ParsedFile, ParsedRow } from './parse.ts';
import { columnOf, rowCount } from './rows.ts';
import type { TableName } from './tables.ts';

/** A collection year is named by the year it ends: 2022 = 1 April 2021 to 31 March 2022. */
export interface YearOptions {
  /** The analyst's own answer, for a set holding one return: overrides names and dates. */
  year?: number;
}

export interface YearDecision {
  /** A file left at 0 has no known year: the checks skip what depends on it, with one note (checks/registry.ts). */
  files: ParsedFile[];
  /** One line: names and dates disagreeing. */
  notes: string[];
}

/** The columns whose dates say which year a row belongs to: events, not birthdays. */
export const EVENT_DATE_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  Episodes: ['DECOM', 'DEC'],
  Missing: ['MIS_START', 'MIS_END'],
  Reviews: ['REVIEW'],
  SWEpisodes: ['SW_DECOM', 'SW_DEC'],
  AD1: ['DATE_INT', 'DATE_MATCH'],
  PlacedAdoption: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
  DoLo: ['DOLO_START', 'DOLO_END'],
};

/**
 * The collection year a path names, read as the year it ends, and how: "2021-22", "2021_22" and "2122" are spans
 * (ending 2022); "2022", "903_2022" or "episodes2022" a single year, which councils also use for the year a
 * collection starts. The last one in the path counts.
 */
export function yearInName(path: string): { year: number; span: boolean; text: string } | null {
  type Found = { year: number; span: boolean; text: string; at: number };
  // A single year inside a span already found ("2021_2022") is not another name.
  const box: { found: Found | null } = { found: null };
  const take = (year: number, span: boolean, text: string, at: number) => {
    if (!box.found || at >= box.found.at) box.found = { year, span, text, at };
  };
  for (const m of path.matchAll(/(?<!\d)(20\d{2})[-_ ]?(?:20)?(\d{2})(?!\d)/g)) {
    const start = Number(m[1]);
    if (2000 + Number(m[2]) === start + 1) take(start + 1, true, m[0], m.index);
  }
  for (const m of path.matchAll(/(?<!\d)(\d{2})(\d{2})(?!\d)/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b === a + 1 && a >= 10 && a <= 98 && m[1] !== '20') take(2000 + b, true, m[0], m.index);
  }
  for (const m of path.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) {
    if (!box.found || m.index >= box.found.at + box.found.text.length) take(Number(m[1]), false, m[0], m.index);
  }
  if (!box.found) return null;
  const { year, span, text } = box.found;
  return { year, span, text };
}

interface Group {
  key: string;
  label: string;
  /** The folder's own name, or the file's. */
  short: string;
  files: ParsedFile[];
  named: { year: number; span: boolean; text: string } | null;
  declared: number | null;
  votes: Map<number, number>;
}

function folderOf(name: string): string {
  const i = name.lastIndexOf('/');
  return i === -1 ? '' : name.slice(0, i);
}

/** The collection year of each row's latest event: most rows of a return fall in its own year. */
function vote(votes: Map<number, number>, file: Pick<ParsedFile, 'table' | 'rows' | 'columns'>): void {
  const columns = EVENT_DATE_COLUMNS[file.table];
  if (!columns) return;
  // A table read into columns is read there, with no row made.
  const dates = columns.map((c) => columnOf(file, c));
  const n = rowCount(file);
  // Most rows fall in one year: the year of the row before and its bounds are kept, and its votes counted aside.
  let year = 0;
  let from = Infinity;
  let to = -Infinity;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let latest: number | null = null;
    for (const date of dates) {
      const d = dayFromUk(date(i));
      if (d !== null && (latest === null || d > latest)) latest = d;
    }
    if (latest === null) continue;
    if (latest < from || latest > to) {
      if (count > 0) votes.set(year, (votes.get(year) ?? 0) + count);
      year = collectionYearOf(latest);
      from = yearStart(year);
      to = yearEnd(year);
      count = 0;
    }
    count += 1;
  }
  if (count > 0) votes.set(year, (votes.get(year) ?? 0) + count);
}

/** The votes of one file's rows, for a file read apart from the rest (decideYears adds them to its return's). */
export function votesOf(table: TableName, rows: ParsedRow[]): Map<number, number> {
  const votes = new Map<number, number>();
  vote(votes, { table, rows });
  return votes;
}

/** Fewer dated rows than this never overrule a name. */
const CLEAR_MAJORITY = 3;

const span = (year: number): string => `01/04/${year - 1} to 31/03/${year}`;

/**
 * Gives every file of a return the same collection year. Files are one return when they share a folder and the
 * year their own name carries; an XML file is a return of its own. The year declared in the XML wins, then
 * `options.year`; otherwise the dates decide when the names disagree with them, and the names decide when there
 * are no dates. Throws (with the one line) when two files of one table land in the same year.
 */
export function decideYears(
  files: ParsedFile[],
  declared: Map<ParsedFile, number>,
  options: YearOptions = {},
  counted: ReadonlyMap<ParsedFile, ReadonlyMap<number, number>> = new Map(),
): YearDecision {
  const notes: string[] = [];
  const groups = new Map<string, Group>();
  for (const f of files) {
    if (f.table === 'Postcodes') continue;
    const folder = folderOf(f.name);
    const own = declared.has(f) ? null : yearInName(f.name.slice(folder.length));
    const named = yearInName(f.name);
    const key = declared.has(f) ? `xml|${f.name}` : `${folder}|${own?.year ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const label = declared.has(f) || own ? f.name : `${folder || '.'}/`;
      groups.set(key, (g = { key, label, short: label.replace(/\/$/, '').split('/').pop()!, files: [], named, declared: declared.get(f) ?? null, votes: new Map() }));
    }
    g.files.push(f);
    // A file read apart from the rest (its rows are not here) brings its votes, counted where it was read.
    const votes = counted.get(f);
    if (votes) for (const [y, n] of votes) g.votes.set(y, (g.votes.get(y) ?? 0) + n);
    else vote(g.votes, f);
  }

  if (options.year !== undefined && groups.size > 1) {
    const labels = [...groups.values()].map((g) => g.label).join(', ');
    throw new YearError(`--year ${options.year} is for one collection year, but these files look like ${groups.size} returns (${labels}): give one year's files with --year, or leave it out`);
  }

  const disagree: { g: Group; dated: number }[] = [];
  for (const g of groups.values()) {
    let dated: number | null = null;
    let most = 0;
    let total = 0;
    for (const [y, n] of g.votes) {
      total += n;
      if (n > most || (n === most && dated !== null && y > dated)) [dated, most] = [y, n];
    }
    // Dates overrule a name only when most of them agree: a few stray dates are errors the checks report.
    const clear = dated !== null && most * 2 > total && most >= CLEAR_MAJORITY;
    let year: number;
    if (options.year !== undefined) year = options.year;
    else if (g.declared !== null) year = g.declared;
    else if (g.named && clear && dated !== null && g.named.year !== dated) {
      year = dated;
      disagree.push({ g, dated });
    } else year = g.named?.year ?? dated ?? 0;
    for (const f of g.files) f.collectionYear = year;
  }

  // A return left with no year is not noted here: the checks leave one note naming everything they skipped.
  if (disagree.length > 0) notes.push(disagreement(disagree));

  // Postcodes belong to no year; with one return they still travel with it.
  for (const f of files) if (f.table === 'Postcodes') f.collectionYear = 0;

  const seen = new Map<string, ParsedFile>();
  for (const f of files) {
    if (f.table === 'Postcodes' || f.collectionYear === 0) continue;
    const k = `${f.table}|${f.collectionYear}`;
    const other = seen.get(k);
    if (other) {
      throw new YearError(
        `${other.name} and ${f.name} are both the ${f.table} table of the collection year ${span(f.collectionYear)}${notes.length ? ` (${notes[0]})` : ''}: give each year's files once, or name the year with --year`,
      );
    }
    seen.set(k, f);
  }
  return { files, notes };
}

/** Names and dates disagree: one line, naming the common cause (folders named by the year a collection starts). */
function disagreement(list: { g: Group; dated: number }[]): string {
  const byStart = list.every(({ g, dated }) => !g.named!.span && dated === g.named!.year + 1);
  if (byStart) {
    const names = list.map(({ g }) => g.short).join(', ');
    const { g, dated } = list[0]!;
    return `The names ${names} are the years the collections start: most dates under ${g.short} fall from ${span(dated)}, so they are taken as the collection years ending 31 March ${list.map((d) => d.dated).join(', ')} (the dates decide; --year overrides one year's files).`;
  }
  return `Names and dates disagree, so the dates decide: ${list.map(({ g, dated }) => `${g.label} is named ${g.named!.text} but most of its dates fall from ${span(dated)}`).join('; ')}.`;
}

/** A set whose years cannot be decided: nothing is read. */
export class YearError extends ValidationError {
  override name = 'YearError';
  constructor(message: string) {
    super(message, 'year');
  }
}
