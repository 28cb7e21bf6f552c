// Typed rows and the stitched multi-year history of each child: episodes, periods of care and placement spells.
import { dayFromUk, type Ymd, ymdFromDay, yearEnd } from './days.ts';
import type { ParsedFile, ParsedRow } from './parse.ts';
import { columnOf, releaseRows, rowsOf } from './rows.ts';
import { EpisodeColumns, type EpisodeFields, SHORT_BREAK } from './episode-columns.ts';
import { ADOPTION_WITH_CURRENT_CARER, SHORT_BREAK_LS, TEMPORARY_LIMIT_DAYS, type TableName } from './tables.ts';

/** One episode after stitching. Dates are day numbers; an open episode ends at Infinity. */
export type Episode = EpisodeFields;

/** Episodes chained by X1 (§2.1.1). */
export interface Period {
  start: number;
  end: number;
  endRec: string;
  first: number;
  last: number;
  startsWithS: boolean;
  /** Every episode is LS V3/V4 (short breaks). */
  shortBreakOnly: boolean;
}

/** One placement with one carer (§2.0): starts at RNE S, P or B; L, T, U and temporary detours continue it. */
export interface Spell {
  start: number;
  end: number;
  first: number;
  last: number;
  period: number;
}

export interface Oc2Row {
  sdq: number | null;
  convicted: boolean;
  healthCheck: boolean;
  immunisations: boolean;
  teethCheck: boolean;
  healthAssessment: boolean;
}

export interface Oc3Row {
  dob: Ymd | null;
  inTouch: string;
  activ: string;
  accom: string;
}

export interface Ad1Row {
  dateMatch: number | null;
  fosterCare: boolean;
}

export interface MissingIncident {
  kind: string;
  start: number;
  end: number;
}

/** What a child's history is made with: its own fields, not its methods, its place in the columns nor what is read there. */
type ChildFields = Omit<
  { [K in keyof ChildHistory as ChildHistory[K] extends (...args: never[]) => unknown ? never : K]: ChildHistory[K] },
  'store' | 'first' | 'count' | 'episodes' | 'periods' | 'spells'
>;

/**
 * A child's stitched history. The episodes are rows `first` to `first + count - 1` of the return's episode columns
 * (`store`), read there by the figures and the rules; its periods and spells begin where rows of `store.periods` and
 * `store.spells` from `firstPeriod` and `firstSpell` say (periodFirst, periodLast …). `episodes`, `periods` and
 * `spells` give them as objects, made when asked.
 */
export class ChildHistory {
  id!: string;
  dob!: Ymd | null;
  sex!: string;
  firstPeriod!: number;
  periodCount!: number;
  firstSpell!: number;
  spellCount!: number;
  uasc!: boolean;
  duc!: number | null;
  oc2!: Map<number, Oc2Row>;
  oc3!: Map<number, Oc3Row>;
  ad1!: Ad1Row | null;
  missing!: MissingIncident[];
  /** First DECOM and last DEC (Infinity while open); Infinity and -Infinity when the child has no episode. */
  firstDay!: number;
  lastDay!: number;
  readonly store: EpisodeColumns;
  /** The child's first row in `store`, and how many rows are theirs. */
  readonly first: number;
  readonly count: number;

  constructor(store: EpisodeColumns, first: number, count: number, fields: ChildFields) {
    Object.assign(this, fields);
    this.store = store;
    this.first = first;
    this.count = count;
  }

  /** The episodes in order, as objects (copies of the columns' rows). */
  get episodes(): Episode[] {
    const out: Episode[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.store.get(this.first + i));
    return out;
  }

  /** The row in `store` of the first episode of period p (counted within the child's, as `store.period` counts it). */
  periodFirst(p: number): number {
    return this.first + this.store.periods.first[this.firstPeriod + p]!;
  }

  /** The row in `store` of the last episode of period p: the one before the next period's first, or the child's last. */
  periodLast(p: number): number {
    return p + 1 < this.periodCount ? this.periodFirst(p + 1) - 1 : this.first + this.count - 1;
  }

  /** The row in `store` of the first episode of spell s (counted within the child's, as `store.spell` counts it). */
  spellFirst(s: number): number {
    return this.first + this.store.spells.first[this.firstSpell + s]!;
  }

  /** The row in `store` of the last episode of spell s. */
  spellLast(s: number): number {
    return s + 1 < this.spellCount ? this.spellFirst(s + 1) - 1 : this.first + this.count - 1;
  }

  /** Every episode of period p is a short break (V3/V4). */
  shortBreakOnly(p: number): boolean {
    const { flags } = this.store;
    for (let i = this.periodFirst(p), last = this.periodLast(p); i <= last; i++) if (!(flags[i]! & SHORT_BREAK)) return false;
    return true;
  }

  /** The periods of care in order, as objects (made from the columns). */
  get periods(): Period[] {
    const { decom, dec, rne, rec, texts } = this.store;
    const out: Period[] = [];
    for (let p = 0; p < this.periodCount; p++) {
      const first = this.periodFirst(p);
      const last = this.periodLast(p);
      out.push({
        start: decom[first]!,
        end: dec[last]!,
        endRec: texts.text[rec[last]!]!,
        first: first - this.first,
        last: last - this.first,
        startsWithS: texts.text[rne[first]!] === 'S',
        shortBreakOnly: this.shortBreakOnly(p),
      });
    }
    return out;
  }

  /** The placement spells in order, as objects (made from the columns). */
  get spells(): Spell[] {
    const { decom, dec, period } = this.store;
    const out: Spell[] = [];
    for (let s = 0; s < this.spellCount; s++) {
      const first = this.spellFirst(s);
      const last = this.spellLast(s);
      out.push({ start: decom[first]!, end: dec[last]!, first: first - this.first, last: last - this.first, period: period[first]! });
    }
    return out;
  }
}

export interface PostcodePoint {
  easting: number;
  northing: number;
  laCode: string;
}

export interface Ssda903Return {
  /** The files as parsed, kept for the data-quality checks. */
  files: ParsedFile[];
  /** Collection years for which each table was supplied. */
  tableYears: Map<TableName, Set<number>>;
  children: ChildHistory[];
  byId: Map<string, ChildHistory>;
  /** Every child's episodes, in columns. */
  episodes: EpisodeColumns;
  postcodes: Map<string, PostcodePoint>;
  /** Some Episodes file carried PL_DISTANCE. */
  hasDistance: boolean;
}

/**
 * A child's rows gathered from every file. The maps are made only for a child with such rows: a national return has
 * half a million children, most with no OC2, OC3 or missing rows, and an empty map each would cost hundreds of MB.
 */
interface Pending {
  id: string;
  /**
   * Episodes rows and their files, in file order (files are read oldest collection year first): a row, or its index in
   * its file's columns for a file read into columns.
   */
  episodeRows: (ParsedRow | number)[];
  episodeFiles: ParsedFile[];
  /** The fields read from the child's latest Header, UASC and AD1 rows (not the rows, which can then be let go). */
  header: { dob: string | undefined; sex: string | undefined } | null;
  dobFallback: { year: number; value: string } | null;
  uasc: { sex: string | undefined; duc: string | undefined } | null;
  oc2: Map<number, Oc2Row> | null;
  oc3: Map<number, Oc3Row> | null;
  ad1: { dateMatch: string | undefined; fosterCare: string | undefined } | null;
  missing: Map<string, { year: number; incident: MissingIncident }> | null;
}

/** The maps of a child with no rows of that table: shared, and never written to. */
const NO_OC2: Map<number, Oc2Row> = new Map();
const NO_OC3: Map<number, Oc3Row> = new Map();
/** The missing incidents of a child with none (most children): one shared, never written to, list. */
const NO_MISSING: MissingIncident[] = [];

const USED_TABLES = new Set<TableName>(['Header', 'Episodes', 'UASC', 'OC2', 'OC3', 'AD1', 'Missing']);

/**
 * The only fields buildReturn reads of the Header, Missing and AD1 rows: a reader elsewhere (another thread) can send
 * these and nothing more, and the history is the same. Keep in step with the switch in buildReturn.
 */
export const HISTORY_FIELDS: Partial<Record<TableName, readonly string[]>> = {
  Header: ['CHILD', 'DOB', 'SEX'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  AD1: ['CHILD', 'DOB', 'DATE_MATCH', 'FOSTER_CARE'],
};

export function normalisePostcode(p: string): string {
  return p.includes(' ') ? p.replace(/\s+/g, '') : p;
}

/**
 * Builds each child's history from every year's files; where years overlap, the latest year's file wins (§2.1.5).
 * The rows of a table in `release` are let go once read (the file is left with none): a caller that needs them no
 * further saves holding a national return's Header rows while the history is built.
 */
export function buildReturn(files: ParsedFile[], release: ReadonlySet<TableName> = new Set()): Ssda903Return {
  const ordered = [...files].sort((a, b) => a.collectionYear - b.collectionYear);
  const tableYears = new Map<TableName, Set<number>>();
  const pending = new Map<string, Pending>();
  const postcodes = new Map<string, PostcodePoint>();
  let hasDistance = false;
  // A file lists each child's rows together: the child of the row before is kept to hand, and the map of half a
  // million children is looked in only when the child changes.
  let lastId = '';
  let last: Pending | undefined;
  const get = (id: string): Pending => {
    if (id === lastId && last) return last;
    let p = pending.get(id);
    if (!p) {
      p = { id, episodeRows: [], episodeFiles: [], header: null, dobFallback: null, uasc: null, oc2: null, oc3: null, ad1: null, missing: null };
      pending.set(id, p);
    }
    lastId = id;
    last = p;
    return p;
  };

  for (const file of ordered) {
    const year = file.collectionYear;
    let years = tableYears.get(file.table);
    if (!years) tableYears.set(file.table, (years = new Set()));
    years.add(year);
    if (file.table === 'Postcodes') {
      for (const { fields } of file.rows) {
        const e = Number(fields.EASTING);
        const n = Number(fields.NORTHING);
        if (fields.POSTCODE && fields.EASTING && fields.NORTHING && Number.isFinite(e) && Number.isFinite(n)) {
          postcodes.set(normalisePostcode(fields.POSTCODE), { easting: e, northing: n, laCode: fields.LA_CODE ?? '' });
        }
      }
      continue;
    }
    // Reviews, previous permanence, adoption decisions and social workers feed no figure: only the checks read them.
    if (!USED_TABLES.has(file.table)) continue;
    const store = file.columns;
    if (store && file.table === 'Episodes') {
      // Episodes read into columns: each child keeps the rows' indexes, not rows.
      const children = columnOf(file, 'CHILD');
      const distances = columnOf(file, 'PL_DISTANCE');
      for (let i = 0; i < store.length; i++) {
        const id = children(i);
        if (id === '') continue;
        const p = get(id);
        if (distances(i)) hasDistance = true;
        p.episodeRows.push(i);
        p.episodeFiles.push(file);
      }
      if (release.has(file.table)) releaseRows(file);
      continue;
    }
    for (const row of rowsOf(file)) {
      const f = row.fields;
      const id = f.CHILD ?? '';
      if (id === '') continue;
      const p = get(id);
      if (file.table !== 'Episodes' && file.table !== 'Header' && f.DOB && (!p.dobFallback || p.dobFallback.year <= year) && dayFromUk(f.DOB) !== null) {
        p.dobFallback = { year, value: f.DOB };
      }
      switch (file.table) {
        case 'Episodes': {
          if (f.PL_DISTANCE) hasDistance = true;
          p.episodeRows.push(row);
          p.episodeFiles.push(file);
          break;
        }
        case 'Header':
          p.header = { dob: f.DOB, sex: f.SEX };
          break;
        case 'UASC':
          p.uasc = { sex: f.SEX, duc: f.DUC };
          break;
        case 'OC2': {
          const score = /^\d{1,2}$/.test(f.SDQ_SCORE ?? '') ? Number(f.SDQ_SCORE) : null;
          (p.oc2 ??= new Map()).set(year, {
            sdq: score !== null && score <= 40 ? score : null,
            convicted: f.CONVICTED === '1',
            healthCheck: f.HEALTH_CHECK === '1',
            immunisations: f.IMMUNISATIONS === '1',
            teethCheck: f.TEETH_CHECK === '1',
            healthAssessment: f.HEALTH_ASSESSMENT === '1',
          });
          break;
        }
        case 'OC3': {
          const dob = dayFromUk(f.DOB ?? '');
          (p.oc3 ??= new Map()).set(year, { dob: dob === null ? null : ymdFromDay(dob), inTouch: f.IN_TOUCH ?? '', activ: f.ACTIV ?? '', accom: f.ACCOM ?? '' });
          break;
        }
        case 'AD1':
          p.ad1 = { dateMatch: f.DATE_MATCH, fosterCare: f.FOSTER_CARE };
          break;
        case 'Missing': {
          const start = dayFromUk(f.MIS_START ?? '');
          if (start === null) break;
          const end = f.MIS_END ? (dayFromUk(f.MIS_END) ?? Infinity) : Infinity;
          // The same incident restated in a later year's file replaces the earlier copy.
          (p.missing ??= new Map()).set(`${f.MISSING}|${start}`, { year, incident: { kind: f.MISSING ?? '', start, end } });
          break;
        }
        default:
          break;
      }
    }
    if (release.has(file.table)) releaseRows(file);
  }

  const latestEpisodesYear = Math.max(...(tableYears.get('Episodes') ?? new Set([0])));
  const children: ChildHistory[] = [];
  const byId = new Map<string, ChildHistory>();
  const compacted = new Map<string, string>();
  // Stitching keeps at most every Episodes row read: room for that many, so the columns never grow.
  let rows = 0;
  for (const p of pending.values()) rows += p.episodeRows.length;
  const store = new EpisodeColumns(rows);
  for (const p of pending.values()) {
    const child = finishChild(p, latestEpisodesYear, compacted, store);
    // Each child's gathered rows go as its history is made, so the two are not both held whole at the end.
    pending.delete(p.id);
    children.push(child);
    byId.set(child.id, child);
  }
  return { files, tableYears, children, byId, episodes: store, postcodes, hasDistance };
}

function finishChild(p: Pending, latestEpisodesYear: number, postcodes: Map<string, string>, store: EpisodeColumns): ChildHistory {
  const dobText = p.header?.dob || p.dobFallback?.value || '';
  const dobDay = dayFromUk(dobText);
  const uascRow = p.uasc;
  const ad1 = p.ad1;
  const episodes = stitchEpisodes(p, latestEpisodesYear, postcodes);
  const spans = periodsAndSpells(episodes, store);
  const missing = p.missing === null ? NO_MISSING : [...p.missing.values()].map((m) => m.incident).sort((a, b) => a.start - b.start);
  // The episodes go into the columns; the objects stitching made are let go with this call.
  const first = store.length;
  let lastDay = -Infinity;
  for (const e of episodes) {
    store.push(e);
    if (e.dec > lastDay) lastDay = e.dec;
  }
  return new ChildHistory(store, first, episodes.length, {
    id: p.id,
    dob: dobDay === null ? null : ymdFromDay(dobDay),
    sex: p.header?.sex ?? uascRow?.sex ?? '',
    ...spans,
    uasc: p.uasc !== null,
    duc: uascRow?.duc ? dayFromUk(uascRow.duc) : null,
    oc2: p.oc2 ?? NO_OC2,
    oc3: p.oc3 ?? NO_OC3,
    ad1: ad1 ? { dateMatch: dayFromUk(ad1.dateMatch ?? ''), fosterCare: ad1.fosterCare === '1' } : null,
    missing,
    firstDay: episodes.length ? episodes[0]!.decom : Infinity,
    lastDay,
  });
}

/** A postcode without its spaces, made once per postcode of the return. */
function compact(postcodes: Map<string, string>, p: string): string {
  let v = postcodes.get(p);
  if (v === undefined) postcodes.set(p, (v = normalisePostcode(p)));
  return v;
}

/** An Episodes row whose DECOM has been read (`decom`). */
function toEpisode(row: ParsedRow, decom: number, year: number, postcodes: Map<string, string>): Episode {
  const f = row.fields;
  // An unreadable DEC is treated as open: the next episode clips it, and the checks report it.
  const dec = f.DEC ? (dayFromUk(f.DEC) ?? Infinity) : Infinity;
  const distance = f.PL_DISTANCE ? Number(f.PL_DISTANCE) : NaN;
  return {
    decom,
    dec: dec < decom ? decom : dec,
    rne: f.RNE ?? '',
    ls: f.LS ?? '',
    place: f.PLACE ?? '',
    rec: dec === Infinity ? '' : (f.REC ?? ''),
    plPost: compact(postcodes, f.PL_POST ?? ''),
    homePost: compact(postcodes, f.HOME_POST ?? ''),
    urn: f.URN ?? '',
    plDistance: Number.isFinite(distance) ? distance : null,
    plLocation: f.PL_LOCATION ?? '',
    shortBreak: SHORT_BREAK_LS.has(f.LS ?? ''),
    closedByStitch: false,
    period: 0,
    spell: 0,
    year,
  };
}

/**
 * Latest file wins: an older year's episodes are kept only before the first DECOM the later files restate. An older
 * episode still open there, or running past that DECOM, ends at it — with X1 when the later episode continues the
 * period. One open at the end of its year that the later files do not carry on is closed on 1 April after that
 * year end (the child was looked after on the 31 March) and flagged, so that it is no real ceasing (ssda903.md
 * §2.1.5). A recorded ending that does not overlap the next episode stays where it is.
 */
function stitchEpisodes(p: Pending, latestEpisodesYear: number, postcodes: Map<string, string>): Episode[] {
  const rows = p.episodeRows;
  const files = p.episodeFiles;
  let kept: Episode[] = [];
  // The rows come in file order, and the files are read oldest collection year first: each year's rows are together,
  // and the years are taken from the latest back.
  let end = rows.length;
  while (end > 0) {
    const year = files[end - 1]!.collectionYear;
    let start = end - 1;
    while (start > 0 && files[start - 1]!.collectionYear === year) start -= 1;
    const next = kept[0];
    const mine: Episode[] = [];
    for (let i = start; i < end; i++) {
      const ref = rows[i]!;
      const row = typeof ref === 'number' ? files[i]!.columns!.row(ref) : ref;
      const decom = dayFromUk(row.fields.DECOM ?? '');
      // An episode the later files restate (from their first DECOM on) is not made at all.
      if (decom === null || (next && decom >= next.decom)) continue;
      mine.push(toEpisode(row, decom, year, postcodes));
    }
    end = start;
    // A stable sort keeps rows of one DECOM in line order: the later line wins.
    mine.sort((x, y) => x.decom - y.decom);
    const older: Episode[] = [];
    for (let i = 0; i < mine.length; i++) if (i + 1 === mine.length || mine[i + 1]!.decom !== mine[i]!.decom) older.push(mine[i]!);
    const last = older[older.length - 1];
    const afterYear = yearEnd(year) + 1;
    if (last && next && last.dec > next.decom) {
      if (next.rne !== 'S') {
        last.dec = next.decom;
        last.rec = 'X1';
      } else if (last.dec === Infinity) {
        last.dec = Math.max(last.decom, Math.min(afterYear, next.decom));
        last.rec = '';
        last.closedByStitch = true;
      } else last.dec = next.decom;
    } else if (last && !next && last.dec === Infinity && year < latestEpisodesYear) {
      last.dec = Math.max(afterYear, last.decom);
      last.closedByStitch = true;
    }
    kept = older.concat(kept);
  }
  // Overlaps inside one file are errors the checks report; for the figures, clip each episode at the next DECOM.
  for (let i = 0; i + 1 < kept.length; i++) {
    const e = kept[i]!;
    const n = kept[i + 1]!;
    if (e.dec > n.decom) {
      e.dec = n.decom;
      if (n.rne !== 'S') e.rec = 'X1';
    }
  }
  return kept;
}

const SPELL_START_RNE = new Set(['S', 'P', 'B']);

/** A temporary placement within its limit: it folds into the carer spell around it. One still open is taken as within. */
export function foldsAsTemporary(e: { place: string; decom: number; dec: number }): boolean {
  const limit = TEMPORARY_LIMIT_DAYS[e.place];
  return limit !== undefined && (e.dec === Infinity || e.dec - e.decom <= limit);
}

/**
 * The periods of care and placement spells of a child's stitched episodes: where each begins, added to the store's span
 * columns, and each episode told its period and spell, counted within the child's.
 */
export function periodsAndSpells(episodes: Episode[], store: EpisodeColumns): { firstPeriod: number; periodCount: number; firstSpell: number; spellCount: number } {
  const { periods, spells } = store;
  const firstPeriod = periods.length;
  const firstSpell = spells.length;
  let period = -1;
  let spell = -1;
  let prev: Episode | undefined;
  let lastSettled: Episode | undefined; // the last non-temporary episode of the current spell
  for (let i = 0; i < episodes.length; i++) {
    const e = episodes[i]!;
    const continues = prev !== undefined && e.rne !== 'S' && prev.rec === 'X1' && prev.dec === e.decom;
    if (!continues) {
      period = periods.push(i);
      spell = spells.push(i);
      lastSettled = foldsAsTemporary(e) ? undefined : e;
    } else {
      const temporary = foldsAsTemporary(e);
      const back = prev!.place !== e.place && foldsAsTemporary(prev!) && lastSettled !== undefined && lastSettled.place === e.place && lastSettled.plPost === e.plPost;
      const newCarer = SPELL_START_RNE.has(e.rne) && !temporary && !back && !ADOPTION_WITH_CURRENT_CARER.has(e.place);
      if (newCarer) spell = spells.push(i);
      if (!temporary) lastSettled = e;
    }
    e.period = period - firstPeriod;
    e.spell = spell - firstSpell;
    prev = e;
  }
  return { firstPeriod, periodCount: periods.length - firstPeriod, firstSpell, spellCount: spells.length - firstSpell };
}

/**
 * Looked after continuously for the 12 months from w0 to a (the OC2 cohort at 31 March, §2.1.3, after the DfE
 * validation rule): in care on the first day, with no new period (RNE S) starting after it, no episode ending
 * before the last day other than by X1, no day uncovered between one episode and the next (an X1 ending is
 * followed the same day), and no short break (V3/V4) in them.
 */
export function inContinuousCare(child: ChildHistory, w0: number, a: number): boolean {
  const { decom, dec, flags, rne, rec, texts } = child.store;
  const S = texts.find('S');
  const X1 = texts.find('X1');
  let reach: number | null = null;
  for (let i = child.first, end = child.first + child.count; i < end; i++) {
    const start = decom[i]!;
    const stop = dec[i]!;
    if (start > a) break;
    if (stop < w0) continue;
    if (flags[i]! & SHORT_BREAK) return false;
    if (rne[i] === S && start > w0) return false;
    if (stop < a && rec[i] !== X1) return false;
    if (reach === null ? start > w0 : start > reach) return false;
    reach = reach === null ? stop : Math.max(reach, stop);
  }
  return reach !== null && reach >= a;
}
