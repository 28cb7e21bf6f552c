// Data-quality checks on a return, reported by file, line, child and column before any figure is worked out.
import { dayFromUk, isoFromDay, yearEnd, yearStart } from './days.ts';
import { foldsAsTemporary, inContinuousCare, type ChildHistory, type Ssda903Return } from './history.ts';
import type { ParsedFile, ParsedRow } from './parse.ts';
import { BLANK_ALLOWED, CODE_COLUMNS, DATE_COLUMNS, SHORT_BREAK_LS, TEMPORARY_LIMIT_DAYS } from './tables.ts';

export interface DataQualityIssue {
  severity: 'error' | 'warning';
  check: string;
  file: string;
  line: number;
  column?: string;
  child: string;
  message: string;
}

/** The checks, each with its severity: errors move figures wrongly; warnings are worth a look but do not. */
export const CHECKS = {
  'bad-date': 'error',
  'unknown-code': 'error',
  'missing-child': 'error',
  'overlapping-episodes': 'error',
  'broken-chain': 'error',
  'date-outside-year': 'error',
  'temporary-too-long': 'error',
  'ended-before-year': 'warning',
  'open-not-continued': 'warning',
  'missing-postcode': 'warning',
  'oc2-cohort': 'warning',
  'oc3-cohort': 'warning',
} as const satisfies Record<string, DataQualityIssue['severity']>;

type CheckName = keyof typeof CHECKS;

const uk = (day: number): string => {
  const iso = isoFromDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

export function checkReturn(ret: Ssda903Return): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  const report = (check: CheckName, file: string, row: ParsedRow, column: string | undefined, message: string) => {
    const issue: DataQualityIssue = { severity: CHECKS[check], check, file, line: row.line, child: row.fields.CHILD ?? '', message };
    if (column !== undefined) issue.column = column;
    issues.push(issue);
  };

  for (const file of ret.files) rowChecks(file, report);
  const episodeFiles = ret.files.filter((f) => f.table === 'Episodes');
  // Earliest DECOM of each child in each year's Episodes files, to see whether an open period carries on.
  const firstDecom = new Map<number, Map<string, number>>();
  for (const file of episodeFiles) {
    let byChild = firstDecom.get(file.collectionYear);
    if (!byChild) firstDecom.set(file.collectionYear, (byChild = new Map<string, number>()));
    for (const { fields } of file.rows) {
      const d = dayFromUk(fields.DECOM ?? '');
      const id = fields.CHILD ?? '';
      if (d !== null && d < (byChild.get(id) ?? Infinity)) byChild.set(id, d);
    }
  }
  for (const file of episodeFiles) episodeChecks(ret, file, firstDecom, report);
  for (const file of ret.files) {
    if (file.table === 'OC2') oc2Checks(ret, file, report);
    if (file.table === 'OC3') oc3Checks(file, report);
  }
  return issues;
}

/** The date a UASC status will cease may be set ahead; every other date describes something already done. */
const LATER_ALLOWED = new Set(['DUC']);

type Report = (check: CheckName, file: string, row: ParsedRow, column: string | undefined, message: string) => void;

function rowChecks(file: ParsedFile, report: Report): void {
  if (file.table === 'Postcodes') return;
  const dates = DATE_COLUMNS[file.table] ?? [];
  const codes = Object.entries(CODE_COLUMNS[file.table] ?? {});
  const blankAllowed = BLANK_ALLOWED[file.table];
  for (const row of file.rows) {
    const f = row.fields;
    if (!f.CHILD) report('missing-child', file.name, row, 'CHILD', `line ${row.line} has no CHILD`);
    for (const c of dates) {
      const v = f[c] ?? '';
      if (v === '') continue;
      const day = dayFromUk(v);
      if (day === null) report('bad-date', file.name, row, c, `${c} "${v}" is not a date written dd/mm/yyyy`);
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

interface TypedRow {
  row: ParsedRow;
  decom: number;
  dec: number;
}

function episodeChecks(ret: Ssda903Return, file: ParsedFile, firstDecom: Map<number, Map<string, number>>, report: Report): void {
  const year = file.collectionYear;
  const known = year > 0;
  const byChild = new Map<string, TypedRow[]>();
  for (const row of file.rows) {
    const f = row.fields;
    const decom = dayFromUk(f.DECOM ?? '');
    const dec = f.DEC ? dayFromUk(f.DEC) : Infinity;
    if (known && dec !== null && dec < yearStart(year)) report('ended-before-year', file.name, row, 'DEC', `DEC ${f.DEC} is before 01/04/${year - 1}: the episode ended before this collection year`);
    if (decom === null || dec === null || !f.CHILD) continue;
    let list = byChild.get(f.CHILD);
    if (!list) byChild.set(f.CHILD, (list = []));
    list.push({ row, decom, dec });
    postcodeCheck(ret.byId.get(f.CHILD), file.name, row, decom, report);
    const limit = TEMPORARY_LIMIT_DAYS[f.PLACE ?? ''];
    if (limit !== undefined && !foldsAsTemporary({ place: f.PLACE ?? '', decom, dec })) {
      report('temporary-too-long', file.name, row, 'DEC', `temporary placement ${f.PLACE} lasts ${dec - decom} days, longer than the ${limit} DfE allows: it counts as a placement of its own`);
    }
  }
  const nextYear = firstDecom.get(year + 1);
  for (const [child, list] of byChild) {
    list.sort((a, b) => a.decom - b.decom || a.row.line - b.row.line);
    for (let i = 0; i < list.length; i++) {
      const cur = list[i]!;
      const prev = list[i - 1];
      const rec = cur.row.fields.REC ?? '';
      const rne = cur.row.fields.RNE ?? '';
      if (prev) {
        const prevRec = prev.row.fields.REC ?? '';
        if (prev.dec > cur.decom) {
          report('overlapping-episodes', file.name, cur.row, 'DECOM', `episode starting ${uk(cur.decom)} overlaps the episode on line ${prev.row.line}, which ${prev.dec === Infinity ? 'is still open' : `ends ${uk(prev.dec)}`}`);
        } else if (prevRec === 'X1' && rne === 'S') {
          report('broken-chain', file.name, cur.row, 'RNE', `RNE S starts a new period although the episode on line ${prev.row.line} ended X1 (continuing the period)`);
        } else if (prevRec !== 'X1' && prev.dec !== Infinity && rne !== 'S' && rne !== '') {
          report('broken-chain', file.name, cur.row, 'RNE', `RNE ${rne} continues a period, but the episode on line ${prev.row.line} ended ${prevRec || 'without a REC'}, not X1`);
        }
      }
      if (rec === 'X1' && cur.dec !== Infinity) {
        const next = list[i + 1];
        if (!next) report('broken-chain', file.name, cur.row, 'REC', `REC X1 on ${uk(cur.dec)} but no episode follows: the last episode must not end X1`);
        else if (next.decom !== cur.dec) report('broken-chain', file.name, cur.row, 'REC', `REC X1 on ${uk(cur.dec)} but the next episode (line ${next.row.line}) starts ${uk(next.decom)}, not the same day`);
      }
    }
    const last = list[list.length - 1];
    if (last && last.dec === Infinity && nextYear) {
      const continued = (nextYear.get(child) ?? Infinity) <= yearEnd(year);
      if (!continued) report('open-not-continued', file.name, last.row, 'DEC', `the episode is open at 31/03/${year} but the ${year + 1} Episodes file does not carry the period on`);
    }
  }
}

function postcodeCheck(child: ChildHistory | undefined, file: string, row: ParsedRow, decom: number, report: Report): void {
  const f = row.fields;
  if (f.PL_DISTANCE || SHORT_BREAK_LS.has(f.LS ?? '')) return;
  if (child?.uasc && (child.duc === null || child.duc > decom)) return;
  for (const c of ['HOME_POST', 'PL_POST']) {
    if (!f[c]) report('missing-postcode', file, row, c, `${c} is blank, so the distance from home cannot be worked out`);
  }
}

function oc2Checks(ret: Ssda903Return, file: ParsedFile, report: Report): void {
  const year = file.collectionYear;
  if (year === 0 || !ret.tableYears.get('Episodes')?.has(year)) return;
  const w0 = yearStart(year);
  const a = yearEnd(year);
  const listed = new Set<string>();
  for (const row of file.rows) {
    const id = row.fields.CHILD ?? '';
    listed.add(id);
    const child = ret.byId.get(id);
    if (!child || !inContinuousCare(child, w0, a)) {
      report('oc2-cohort', file.name, row, 'CHILD', `child ${id} is in OC2 but was not looked after continuously for the 12 months to 31/03/${year}`);
    }
  }
  for (const child of ret.children) {
    if (listed.has(child.id) || !inContinuousCare(child, w0, a)) continue;
    const episode = [...child.episodes].reverse().find((e) => e.year === year) ?? child.episodes[child.episodes.length - 1]!;
    const issue = { line: episode.source.line, fields: { CHILD: child.id } };
    report('oc2-cohort', episode.source.file, issue, 'CHILD', `child ${child.id} was looked after continuously for the 12 months to 31/03/${year} but has no OC2 row in ${file.name}`);
  }
}

function oc3Checks(file: ParsedFile, report: Report): void {
  const year = file.collectionYear;
  if (year === 0) return;
  for (const row of file.rows) {
    const dob = dayFromUk(row.fields.DOB ?? '');
    if (dob === null) continue;
    const iso = isoFromDay(dob);
    // The birthday in the year to 31 March falls in the calendar year before when born April to December.
    const age = (Number(iso.slice(5, 7)) >= 4 ? year - 1 : year) - Number(iso.slice(0, 4));
    if (age < 17 || age > 21) {
      report('oc3-cohort', file.name, row, 'DOB', `OC3 is for young people whose 17th to 21st birthday falls in the year; this one turns ${age} in the year to 31/03/${year}`);
    }
  }
}
