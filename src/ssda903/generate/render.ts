// Writes one collection year of simulated histories as the 903 CSV tables (text only; no files are touched).
import { ageOn, birthday, fmt, yearEnd, yearStart } from './calendar.ts';
import {
  EET_WEIGHTS,
  NEET_WEIGHTS,
  REVIEW_CODE_WEIGHTS,
  SDQ_REASON_WEIGHTS,
  SUITABLE_ACCOM_WEIGHTS,
  UNSUITABLE_ACCOM_WEIGHTS,
} from './codes.ts';
import type { Random } from './random.ts';
import type { Child, Period } from './simulate.ts';

export const TABLE_FILES = {
  Header: { file: 'header.csv', columns: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB' },
  Episodes: { file: 'episodes.csv', columns: 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN' },
  UASC: { file: 'uasc.csv', columns: 'CHILD,SEX,DOB,DUC' },
  OC2: {
    file: 'oc2.csv',
    columns: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
  },
  OC3: { file: 'oc3.csv', columns: 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM' },
  Missing: { file: 'missing.csv', columns: 'CHILD,DOB,MISSING,MIS_START,MIS_END' },
  Reviews: { file: 'reviews.csv', columns: 'CHILD,DOB,REVIEW,REVIEW_CODE' },
  AD1: { file: 'ad1.csv', columns: 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR' },
  PlacedAdoption: { file: 'placed_for_adoption.csv', columns: 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED' },
  PrevPerm: { file: 'previous_permanence.csv', columns: 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM' },
  SWEpisodes: { file: 'sw_episodes.csv', columns: 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON' },
} as const;

export type GeneratedTable = keyof typeof TABLE_FILES;

/** The first collection year with social worker episodes (2023/24). */
export const SW_EPISODES_FROM = 2024;
/** The first collection year recording SEX as M/F rather than 1/2 (2024/25). */
export const SEX_LETTERS_FROM = 2025;

/** How often each health and outcome field is recorded as done (OC2) — near a county's 2018 dashboard. */
const OC2_RATES = { immunisations: 0.86, teeth: 0.82, assessment: 0.88, healthCheck: 0.9, sdqScore: 0.83, convicted: 0.03, substance: 0.04 };

const CONTACT_17_18 = { YES: 93.5, NO: 3, REFU: 1.5, NREQ: 0.5, RHOM: 1.5 } as const;
const CONTACT_19_21 = { YES: 93.5, NO: 3, REFU: 1.5, NREQ: 0.5, RHOM: 0.5 } as const;

/**
 * The lines of one table. Lines are joined into a chunk every few thousand, which keeps the number of live
 * strings small: a national run holds millions of rows, and the garbage collector would otherwise walk them all.
 */
export class TableText {
  private chunks: string[] = [];
  private lines: string[];
  rows = 0;

  constructor(columns: string) {
    this.lines = [columns];
  }

  push(line: string): void {
    this.lines.push(line);
    this.rows++;
    if (this.lines.length >= 512) {
      this.chunks.push(`${this.lines.join('\n')}\n`);
      this.lines = [];
    }
  }

  text(): string {
    return `${this.chunks.join('')}${this.lines.length > 0 ? `${this.lines.join('\n')}\n` : ''}`;
  }
}

export type YearTables = Record<GeneratedTable, TableText>;

function emptyTables(): YearTables {
  const t = {} as YearTables;
  for (const k of Object.keys(TABLE_FILES) as GeneratedTable[]) t[k] = new TableText(TABLE_FILES[k].columns);
  return t;
}

/** True when the rule for children continuously looked after for 12 months holds (ssda903.md §2.1.3). */
function continuouslyLookedAfter(child: Child, ys: number, ye: number): boolean {
  let inYear = false;
  for (const p of child.periods) {
    if (p.end < ys || p.start > ye) continue;
    inYear = true;
    if (p.shortBreak) return false;
    if (p.start > ys) return false;
    if (p.end >= ys && p.end < ye) return false;
  }
  return inYear;
}

export class YearRenderer {
  readonly tables: YearTables = emptyTables();
  private readonly ys: number;
  private readonly ye: number;

  constructor(
    readonly year: number,
    private readonly rnd: Random,
  ) {
    this.ys = yearStart(year);
    this.ye = yearEnd(year);
  }

  /** Adds the child's rows for this year; false when the child has none. */
  add(child: Child): boolean {
    const { ys, ye, year, tables } = this;
    const periods = child.periods.filter((p) => p.start <= ye && p.end >= ys);
    const oc3Birthday = this.careLeaverBirthday(child);
    if (periods.length === 0 && oc3Birthday === undefined) return false;
    const id = child.id;
    const dob = fmt(child.dob);

    // Header
    const sex = year >= SEX_LETTERS_FROM ? (child.sex === 1 ? 'M' : 'F') : String(child.sex);
    let mother = '';
    let mcDob = '';
    if (child.sex === 2 && ageOn(child.dob, ye) >= 12) {
      const isMother = child.motherChildDob !== null && child.motherChildDob <= ye;
      mother = isMother ? '1' : '0';
      if (isMother) mcDob = fmt(child.motherChildDob!);
    }
    tables.Header.push(`${id},${sex},${dob},${child.ethnic},${child.upn},${mother},${mcDob}`);

    if (child.uasc) {
      const duc = child.uascCeased !== null && child.uascCeased <= ye ? fmt(child.uascCeased) : '';
      tables.UASC.push(`${id},${sex},${dob},${duc}`);
    }

    for (const p of periods) this.period(child, p, dob);

    if (periods.length > 0 && continuouslyLookedAfter(child, ys, ye)) this.oc2(child, dob);
    if (oc3Birthday !== undefined) this.oc3(child, dob, oc3Birthday);
    this.missing(child, periods, dob);
    return true;
  }

  private period(child: Child, p: Period, dob: string): void {
    const { ys, ye, year, rnd, tables } = this;
    const id = child.id;
    for (const e of p.episodes) {
      if (e.start > ye || e.end < ys) continue;
      const closed = e.end <= ye;
      tables.Episodes.push(
        `${id},${fmt(e.start)},${e.rne},${e.ls},${p.cin},${e.place},${e.provider},${closed ? fmt(e.end) : ''},${closed ? e.rec : ''},${closed ? e.reason : ''},${e.homePost},${e.plPost},${e.urn}`,
      );
    }
    if (p.shortBreak) return;

    if (p.start >= ys && p.start <= ye) {
      tables.PrevPerm.push(`${id},${dob},${p.prevPerm.code},${p.prevPerm.la},${p.prevPerm.date}`);
    }

    // Reviews: within 20 days, then three months later, then every six months while looked after.
    for (let r = p.start + 20, n = 0; r < p.end && r <= ye; r += n === 1 ? 91 : 182, n++) {
      if (r < ys) continue;
      const code = ageOn(child.dob, r) < 4 ? 'PN0' : rnd.weighted(REVIEW_CODE_WEIGHTS);
      tables.Reviews.push(`${id},${dob},${fmt(r)},${code}`);
    }

    const a = p.adoption;
    if (a !== undefined && a.decision <= ye && (a.ceased === undefined || a.ceased.date >= ys)) {
      const ceased = a.ceased !== undefined && a.ceased.date <= ye;
      tables.PlacedAdoption.push(`${id},${dob},${fmt(a.decision)},${ceased ? fmt(a.ceased!.date) : ''},${ceased ? a.ceased!.reason : ''}`);
      if ((p.rec === 'E11' || p.rec === 'E12') && p.end >= ys && p.end <= ye) {
        tables.AD1.push(
          `${id},${dob},${fmt(a.decision)},${a.match === undefined ? '' : fmt(a.match)},${a.fosterCarer ? 1 : 0},${a.adopters.count},${a.adopters.sex},${a.adopters.status}`,
        );
      }
    }

    if (year >= SW_EPISODES_FROM) {
      for (const sw of p.socialWorkers) {
        if (sw.start > ye || sw.end < ys) continue;
        const closed = sw.end <= ye;
        tables.SWEpisodes.push(`${id},${dob},${sw.id},${fmt(sw.start)},${closed ? fmt(sw.end) : ''},${closed ? sw.reason : ''}`);
      }
    }
  }

  private oc2(child: Child, dob: string): void {
    const { ys, ye, rnd, tables } = this;
    const age = ageOn(child.dob, ye);
    let sdqScore = '';
    let sdqReason = '';
    // Rule 186: aged 4 or over at the start of the year and under 17 at its end.
    if (birthday(child.dob, 4) <= ys && birthday(child.dob, 17) > ye) {
      if (rnd.chance(OC2_RATES.sdqScore)) sdqScore = String(Math.max(0, Math.min(40, Math.round(rnd.normal(15.2, 6.5)))));
      else sdqReason = rnd.weighted(SDQ_REASON_WEIGHTS);
    } else if ([4, 17].some((n) => birthday(child.dob, n) > ys && birthday(child.dob, n) <= ye)) {
      // Rule 197B: turning 4 or 17 in the year, a score or a reason; the form was due under 4 or over 17 (SDQ1).
      sdqReason = 'SDQ1';
    }
    const convicted = age >= 10 ? this.flag(OC2_RATES.convicted) : '';
    const healthCheck = age < 5 ? this.flag(OC2_RATES.healthCheck) : '';
    const substance = age >= 10 ? this.flag(OC2_RATES.substance) : '0';
    const offered = substance === '1' ? this.flag(0.85) : '';
    const received = offered === '1' ? this.flag(0.7) : offered === '0' ? '0' : '';
    tables.OC2.push(
      `${child.id},${dob},${sdqScore},${sdqReason},${convicted},${healthCheck},${this.flag(OC2_RATES.immunisations)},${this.flag(OC2_RATES.teeth)},${this.flag(OC2_RATES.assessment)},${substance},${received},${offered}`,
    );
  }

  private flag(p: number): string {
    return this.rnd.chance(p) ? '1' : '0';
  }

  /** The 17th–21st birthday in this year for a care leaver not looked after on it (rules 1001, 1007). */
  private careLeaverBirthday(child: Child): number | undefined {
    if (!child.careLeaver) return undefined;
    for (let k = 17; k <= 21; k++) {
      const b = birthday(child.dob, k);
      if (b < this.ys || b > this.ye) continue;
      // A care leaver on that birthday: not looked after on it, and already looked after for 13 weeks after 14 and some time after 16.
      const b14 = birthday(child.dob, 14);
      const b16 = birthday(child.dob, 16);
      let after14 = 0;
      let after16 = 0;
      let adopted = false;
      for (const p of child.periods) {
        if (p.shortBreak || p.start > b) continue;
        if (b <= p.end) return undefined;
        after14 += Math.max(0, p.end - Math.max(p.start, b14));
        after16 += Math.max(0, p.end - Math.max(p.start, b16));
        adopted = p.rec === 'E11' || p.rec === 'E12';
      }
      return after14 >= 91 && after16 >= 1 && !adopted ? b : undefined;
    }
    return undefined;
  }

  private oc3(child: Child, dob: string, bday: number): void {
    const { rnd, tables } = this;
    const age = ageOn(child.dob, bday);
    const contact = rnd.weighted(age <= 18 ? CONTACT_17_18 : CONTACT_19_21);
    let activ = '0';
    let accom = '0';
    // Rule 344: back home for 6 months or more (RHOM), activity and accommodation stay 0.
    if (contact === 'YES') {
      const neet = age >= 19 ? 0.41 : 0.27;
      activ = rnd.chance(neet) ? rnd.weighted(NEET_WEIGHTS) : rnd.weighted(EET_WEIGHTS);
      if (rnd.chance(0.93)) {
        accom = rnd.weighted(SUITABLE_ACCOM_WEIGHTS);
        if (age === 17 && accom === 'Z1') accom = 'D1';
      } else accom = rnd.weighted(UNSUITABLE_ACCOM_WEIGHTS);
    }
    tables.OC3.push(`${child.id},${dob},${contact},${activ},${accom}`);
  }

  private missing(child: Child, periods: Period[], dob: string): void {
    const { ys, ye, rnd, tables } = this;
    const age = ageOn(child.dob, ye);
    const chance = age >= 11 ? 0.17 : age >= 8 ? 0.02 : 0;
    if (chance === 0 || !rnd.chance(chance)) return;
    const spans = periods.filter((p) => !p.shortBreak).map((p) => [Math.max(p.start, ys), Math.min(p.end, ye)] as const).filter(([a, b]) => b - a >= 3);
    if (spans.length === 0) return;
    const count = 1 + Math.floor(rnd.exp(2));
    for (let i = 0; i < count; i++) {
      const [a, b] = rnd.pick(spans);
      const start = rnd.int(a, b - 2);
      const end = Math.min(start + rnd.int(0, 3), b);
      tables.Missing.push(`${child.id},${dob},${rnd.chance(0.8) ? 'M' : 'A'},${fmt(start)},${fmt(end)}`);
    }
  }
}
