// Simulates the care histories of synthetic children: periods of care, placements, legal statuses and outcomes.
import { birthday, day, isYearEnd, isYearStart, parts } from './calendar.ts';
import { CIN_WEIGHTS, ETHNIC_WEIGHTS, REASON_PLACE_CHANGE_WEIGHTS, REGISTERED_PLACEMENTS, SW_REASON_WEIGHTS, UASC_ETHNIC_WEIGHTS } from './codes.ts';
import type { PostcodeBook, Zone } from './postcodes.ts';
import type { Random } from './random.ts';
import { TEMPORARY_LIMIT_DAYS } from '../tables.ts';

export interface Episode {
  start: number;
  /** The day the episode ended (DEC); for the last episode of a period, the day the period ended. */
  end: number;
  rne: string;
  ls: string;
  place: string;
  provider: string;
  /** X1 for every episode but the last of a period. */
  rec: string;
  reason: string;
  homePost: string;
  plPost: string;
  urn: string;
}

export interface Adoption {
  /** Decision that the child should be placed for adoption (AD1 DATE_INT = PlacedAdoption DATE_PLACED). */
  decision: number;
  /** Placement order: the first E1 episode starts here. */
  order: number;
  /** Set when the plan ends: adopted (RD1) or changed (RD3). */
  ceased?: { date: number; reason: string };
  match?: number;
  fosterCarer: boolean;
  adopters: { count: number; sex: string; status: string };
}

export interface SocialWorkerEpisode {
  id: string;
  start: number;
  end: number;
  /** Reason for the change; blank when the episode closes because care ended. */
  reason: string;
}

export interface Period {
  start: number;
  end: number;
  rec: string;
  shortBreak: boolean;
  episodes: Episode[];
  adoption?: Adoption;
  /** Category of need, fixed for the whole period. */
  cin: string;
  prevPerm: { code: string; la: string; date: string };
  socialWorkers: SocialWorkerEpisode[];
}

export interface Child {
  id: string;
  sex: 1 | 2;
  dob: number;
  ethnic: string;
  upn: string;
  uasc: boolean;
  /** Date UASC status ceased: the 18th birthday, or earlier when assessed as an adult. */
  uascCeased: number | null;
  motherChildDob: number | null;
  periods: Period[];
  careLeaver: boolean;
}

export interface SimulationWindow {
  /** 1 April opening the first collection year. */
  from: number;
  /** 31 March closing the last collection year. */
  to: number;
}

/** Parameters tuned so the demonstration authority's indicators land near a county's published figures. */
export const TUNING = {
  uascShare: 0.085,
  shortBreakShare: 0.012,
  reEntryChance: 0.36,
  emergencyFirstPlacement: 0.3,
  settledMeanDays: 4.5 * 365,
  unsettledMeanDays: 150,
  outOfAreaBias: 1,
};

const SUPPORTED_FROM = day(2023, 10, 28); // H5 ended and K3 began when supported accommodation had to register
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

// Weight tables (relative frequencies).
const ENTRY_AGE_BANDS = { baby: 20, toddler: 16, primary: 16, teen: 34, older: 14 } as const;
const PREV_PERM_WEIGHTS = { Z1: 93, P1: 2, P2: 2, P3: 1, P4: 2 } as const;
const PERM_DATE_FORMS = { full: 70, month: 20, year: 10 } as const;
const FOSTER_PROVIDERS = { PR1: 60, PR4: 35, PR5: 5 } as const;
const HOME_PROVIDERS = { PR4: 75, PR1: 20, PR5: 5 } as const;
const ADOPTION_PROVIDERS = { PR1: 60, PR2: 15, PR5: 25 } as const;
const UASC_UNDER_16 = { U6: 55, U4: 30, K2: 15 } as const;
const ADOPTER_SEX = { MF: 80, FF: 5, MM: 5, F1: 9, M1: 1 } as const;
const ADOPTER_STATUS = { L0: 70, L11: 10, L12: 5, L2: 15 } as const;
const UASC_OUTCOMES = { age18: 88, other: 12 } as const;
const REMAND_PLACEMENTS = { K1: 40, R5: 30, U6: 30 } as const;
const PACE_PLACEMENTS = { K2: 50, U6: 50 } as const;
const SGO_RELATIVE = { E45: 60, E47: 40 } as const;
const SGO_OTHER = { E46: 50, E48: 30, E47: 20 } as const;
const LEAVING_FOSTER_AT_18 = { E17: 45, E5: 30, E6: 10, E8: 15 } as const;
const LEAVING_OTHER_AT_18 = { E5: 55, E6: 25, E8: 20 } as const;
const OTHER_ENDINGS = { E3: 25, E13: 25, E8: 40, E16: 10 } as const;
const TEMPORARY_KINDS = { T3: 45, T1: 20, T4: 25, T2: 10 } as const;
const AFTER_ADOPTION_PLAN_CHANGED = { sgo: 60, age18: 40 } as const;
const OUTCOMES_UNDER_5 = { home: 45, sgo: 33, age18: 9, other: 13 } as const;
const OUTCOMES_5_TO_9 = { home: 45, sgo: 24, age18: 19, other: 12 } as const;
const OUTCOMES_10_TO_15 = { home: 50, age18: 33, sgo: 6, other: 11 } as const;
const OUTCOMES_16_AND_OVER = { home: 22, age18: 70, other: 8 } as const;
const UASC_16_H5 = { H5: 50, U6: 25, U4: 15, K2: 10 } as const;
const UASC_16_K3 = { K3: 50, U6: 25, U4: 15, K2: 10 } as const;
const UNDER_8 = { U6: 50, U4: 20, U3: 14, U1: 6, U5: 2 } as const;
const UNDER_10 = { ...UNDER_8, K2: 3 } as const;
const UNDER_16 = { U6: 40, U4: 22, U3: 8, U1: 3, K2: 18, R1: 1 } as const;
const OVER_16_H5 = { U6: 30, U4: 15, U3: 3, K2: 12, H5: 38, R1: 2 } as const;
const OVER_16_K3 = { U6: 30, U4: 15, U3: 3, K2: 12, K3: 38, R1: 2 } as const;

type Outcome = 'home' | 'sgo' | 'age18' | 'other' | 'adopted' | 'remand' | 'pace';

function pickOutcome(rnd: Random, table: Readonly<Record<string, number>>): Outcome {
  return rnd.weighted(table) as Outcome;
}

interface Spell {
  carer: number;
  start: number;
  place: string;
  provider: string;
  post: string;
  urn: string;
  /** Placement type changes with the same carer (RNE T/U): [date, new PLACE]. */
  changes: [number, string][];
  temporary: boolean;
}

/** A unique pupil number: a check letter (DfE's weighted sum modulo 23) and twelve digits. */
function upn(rnd: Random): string {
  let digits = '';
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const d = rnd.int(0, 9);
    digits += d;
    sum += d * (i + 2);
  }
  return `${UPN_LETTERS[sum % 23]}${digits}`;
}

function laterOf(a: number, b: number): number {
  return a > b ? a : b;
}

/** Moves a day off 1 April or 31 March, where published definitions disagree (ssda903.md §2.1). */
function avoidYearEdges(d: number, direction: 1 | -1): number {
  while (isYearStart(d) || isYearEnd(d)) d += direction;
  return d;
}

export class Simulator {
  private carerSeq = 0;
  private readonly socialWorkers: string[];

  constructor(
    private readonly rnd: Random,
    private readonly postcodes: PostcodeBook,
    private readonly window: SimulationWindow,
    children: number,
  ) {
    const pool = Math.max(20, Math.round(children / 12));
    this.socialWorkers = [];
    for (let i = 0; i < pool; i++) this.socialWorkers.push(`SW${String(100000 + i * 7).padStart(6, '0')}`);
  }

  /**
   * One candidate child whose first period of care starts on a day drawn evenly from 22 years before the
   * window to its end; returns undefined when nothing of that child falls in the window (care or care-leaver birthdays).
   */
  candidate(id: string): Child | undefined {
    const rnd = this.rnd;
    const earliest = this.window.from - Math.round(22 * 365.25);
    const start0 = avoidYearEdges(earliest + Math.floor(rnd.next() * (this.window.to - earliest)), 1);
    const uasc = rnd.chance(TUNING.uascShare);
    const shortBreak = !uasc && rnd.chance(TUNING.shortBreakShare);
    const ageDays = uasc ? rnd.int(14 * 365, Math.round(17.4 * 365)) : shortBreak ? rnd.int(5 * 365, 16 * 365) : this.entryAgeDays();
    let dob = start0 - ageDays;
    const p = parts(dob);
    if (p.date > 28) dob = day(p.year, p.month, 28);
    const b18 = birthday(dob, 18);
    // The earliest any of the child's rows could appear: a care leaver's 21st birthday must reach the window.
    if (birthday(dob, 22) < this.window.from) return undefined;
    if (start0 >= b18 - 1) return undefined;

    const sex: 1 | 2 = uasc ? (rnd.chance(0.92) ? 1 : 2) : rnd.chance(0.55) ? 1 : 2;
    const child: Child = {
      id,
      sex,
      dob,
      ethnic: uasc ? rnd.weighted(UASC_ETHNIC_WEIGHTS) : rnd.weighted(ETHNIC_WEIGHTS),
      upn: '',
      uasc,
      uascCeased: null,
      motherChildDob: null,
      periods: [],
      careLeaver: false,
    };

    if (shortBreak) {
      child.periods = this.shortBreaks(child, start0);
    } else {
      let start = start0;
      let prevPerm = this.prevPerm(start, false);
      for (;;) {
        const period = this.period(child, start, prevPerm, child.periods[child.periods.length - 1]?.end);
        child.periods.push(period);
        if (period.end > this.window.to) break;
        const reEnter = ['E4A', 'E4B', 'E13', 'E8'].includes(period.rec)
          ? rnd.chance(TUNING.reEntryChance)
          : ['E45', 'E46', 'E47', 'E48', 'E41'].includes(period.rec) && rnd.chance(0.04);
        if (!reEnter) break;
        const next = avoidYearEdges(period.end + 30 + Math.round(rnd.exp(400)), 1);
        if (next >= b18 - 90) break;
        // Coming back after a special guardianship or child arrangements order ended that permanence (P2, P3).
        prevPerm = /^E4[1-8]$/.test(period.rec) ? this.prevPerm(next, true, period.rec, period.end) : { code: 'Z1', la: '', date: '' };
        start = next;
      }
    }

    if (uasc) {
      const last = child.periods[child.periods.length - 1] as Period;
      child.uascCeased = last.rec === 'E15' ? last.end : b18;
    }
    child.careLeaver = this.isCareLeaver(child);
    if (sex === 2 && !shortBreak && rnd.chance(0.05)) {
      const at = birthday(dob, 15) + rnd.int(180, 1000);
      if (child.periods.some((q) => q.start <= at && at < q.end && !q.shortBreak)) child.motherChildDob = at;
    }

    const seen = child.periods.some((q) => q.end >= this.window.from && q.start <= this.window.to);
    const leaverInWindow = child.careLeaver && birthday(dob, 21) >= this.window.from && birthday(dob, 17) <= this.window.to;
    if (!seen && !leaverInWindow) return undefined;
    child.upn = upn(rnd);
    return child;
  }

  private entryAgeDays(): number {
    const rnd = this.rnd;
    const band = rnd.weighted(ENTRY_AGE_BANDS);
    switch (band) {
      case 'baby':
        return rnd.chance(0.3) ? rnd.int(0, 7) : rnd.int(8, 364);
      case 'toddler':
        return rnd.int(365, 5 * 365 - 1);
      case 'primary':
        return rnd.int(5 * 365, 10 * 365 - 1);
      case 'teen':
        return rnd.int(10 * 365, 16 * 365 - 1);
      default:
        return rnd.int(16 * 365, Math.round(17.6 * 365));
    }
  }

  private prevPerm(start: number, reEntry: boolean, rec?: string, lastEnd?: number): Period['prevPerm'] {
    const rnd = this.rnd;
    let code: string;
    if (reEntry && rec !== undefined) code = rec === 'E41' ? 'P3' : 'P2'; // E45–E48 are special guardianship orders
    else code = rnd.weighted(PREV_PERM_WEIGHTS);
    if (code === 'Z1' || code === 'P4') return { code, la: '', date: '' };
    const when = lastEnd ?? start - rnd.int(200, 3000);
    const p = parts(when);
    const la = String(rnd.int(800, 940));
    const form = rnd.weighted(PERM_DATE_FORMS);
    const date =
      form === 'full'
        ? `${String(p.date).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`
        : form === 'month'
          ? `zz/${String(p.month).padStart(2, '0')}/${p.year}`
          : `zz/zz/${p.year}`;
    return { code, la, date };
  }

  private shortBreaks(child: Child, first: number): Period[] {
    const rnd = this.rnd;
    const b18 = birthday(child.dob, 18);
    const until = Math.min(b18 - 30, first + rnd.int(365, 4 * 365));
    const home = this.rnd.pick(this.postcodes.own).postcode;
    const carer = this.newSpell(first, 'K2', home, 'own');
    const periods: Period[] = [];
    for (let s = first; s < until; s = avoidYearEdges(s + rnd.int(21, 56), 1)) {
      const end = avoidYearEdges(s + rnd.int(1, 4), -1);
      if (end <= s) continue;
      periods.push({
        start: s,
        end,
        rec: 'E4A',
        shortBreak: true,
        episodes: [
          { start: s, end, rne: 'S', ls: 'V3', place: carer.place, provider: carer.provider, rec: 'E4A', reason: '', homePost: '', plPost: '', urn: carer.urn },
        ],
        cin: 'N2',
        prevPerm: { code: 'Z1', la: '', date: '' },
        socialWorkers: [],
      });
    }
    return periods;
  }

  private isCareLeaver(child: Child): boolean {
    const b14 = birthday(child.dob, 14);
    const b16 = birthday(child.dob, 16);
    let after14 = 0;
    let after16 = 0;
    for (const p of child.periods) {
      if (p.shortBreak) continue;
      after14 += Math.max(0, p.end - laterOf(p.start, b14));
      after16 += Math.max(0, p.end - laterOf(p.start, b16));
    }
    const last = child.periods[child.periods.length - 1];
    return after14 >= 91 && after16 >= 1 && last !== undefined && last.rec !== 'E11' && last.rec !== 'E12';
  }

  private newSpell(start: number, place: string, homePost: string, zone?: Zone, previousPost?: string): Spell {
    const rnd = this.rnd;
    let provider: string;
    switch (place) {
      case 'P1':
        provider = 'PR0';
        break;
      case 'U1':
      case 'U2':
      case 'U3':
        provider = 'PR1';
        break;
      case 'U4':
      case 'U5':
      case 'U6':
        provider = rnd.weighted(FOSTER_PROVIDERS);
        break;
      case 'K2':
        provider = rnd.weighted(HOME_PROVIDERS);
        break;
      case 'K1':
        provider = 'PR2';
        break;
      case 'R5':
        provider = 'PR3';
        break;
      case 'A4':
      case 'A6':
        provider = rnd.weighted(ADOPTION_PROVIDERS);
        break;
      default:
        provider = place.startsWith('T') ? '' : 'PR4';
    }
    if (zone === undefined) {
      const out = provider === 'PR4' || provider === 'PR5' || provider === 'PR2';
      const r = rnd.next() / TUNING.outOfAreaBias;
      zone = place === 'K2' || place === 'K1' || place === 'R5' ? (r < 0.5 ? 'own' : r < 0.85 ? 'near' : 'far') : out ? (r < 0.72 ? 'own' : r < 0.94 ? 'near' : 'far') : r < 0.93 ? 'own' : r < 0.985 ? 'near' : 'far';
    }
    let post = homePost;
    if (place !== 'P1') {
      const book = zone === 'own' ? this.postcodes.own : zone === 'near' ? this.postcodes.near : this.postcodes.far;
      do post = rnd.pick(book).postcode;
      while (post === previousPost || post === homePost);
    }
    const urn = REGISTERED_PLACEMENTS.has(place) ? `SC${rnd.int(100000, 999999)}` : 'XXXXXXX';
    return { carer: ++this.carerSeq, start, place, provider, post, urn, changes: [], temporary: place.startsWith('T') };
  }

  /** The kind of placement a child of this age is likely to move to. */
  private placementFor(age: number, at: number, uasc: boolean): string {
    const rnd = this.rnd;
    const h5 = at < SUPPORTED_FROM;
    if (uasc) {
      if (age >= 16) return rnd.weighted(h5 ? UASC_16_H5 : UASC_16_K3);
      return rnd.weighted(UASC_UNDER_16);
    }
    if (age < 8) return rnd.weighted(UNDER_8);
    if (age < 10) return rnd.weighted(UNDER_10);
    if (age < 16) return rnd.weighted(UNDER_16);
    return rnd.weighted(h5 ? OVER_16_H5 : OVER_16_K3);
  }

  private period(child: Child, start: number, prevPerm: Period['prevPerm'], previousEnd: number | undefined): Period {
    const rnd = this.rnd;
    const b18 = birthday(child.dob, 18);
    const age = (start - child.dob) / 365.25;
    const homePost = child.uasc ? '' : rnd.chance(0.93) ? rnd.pick(this.postcodes.own).postcode : rnd.pick(this.postcodes.near).postcode;
    const cin = child.uasc ? 'N8' : rnd.weighted(CIN_WEIGHTS);

    // Legal route and outcome.
    let route: 'care' | 's20' | 'adopt' | 'remand' | 'pace';
    if (child.uasc) route = 's20';
    else if (age >= 12 && rnd.chance(0.012)) route = 'remand';
    else if (age >= 10 && rnd.chance(0.005)) route = 'pace';
    else if (age < 4 && rnd.chance(0.42)) route = 'adopt';
    else {
      const care = age < 1 ? 0.75 : age < 10 ? 0.6 : age < 16 ? 0.45 : 0.15;
      route = rnd.chance(care) ? 'care' : 's20';
    }

    let end: number;
    let outcome: Outcome;
    const adoption: Adoption | undefined =
      route === 'adopt'
        ? (() => {
            const decision = start + rnd.int(110, 260);
            const order = decision + rnd.int(20, 150);
            const sex = rnd.weighted(ADOPTER_SEX);
            return {
              decision,
              order,
              fosterCarer: rnd.chance(0.15),
              adopters: { count: sex.length === 2 && sex[1] !== '1' ? 2 : 1, sex, status: sex.endsWith('1') ? 'L4' : rnd.weighted(ADOPTER_STATUS) },
            };
          })()
        : undefined;
    let placedForAdoption: number | undefined;
    if (adoption !== undefined && rnd.chance(0.88)) {
      adoption.match = adoption.order + rnd.int(40, 200);
      placedForAdoption = adoption.match + rnd.int(10, 50);
      end = placedForAdoption + rnd.int(80, 320);
      outcome = 'adopted';
      adoption.ceased = { date: end, reason: 'RD1' };
    } else {
      if (adoption !== undefined) adoption.ceased = { date: adoption.order + rnd.int(60, 300), reason: 'RD3' };
      if (route === 'remand') {
        outcome = 'remand';
        end = start + rnd.int(5, 120);
      } else if (route === 'pace') {
        outcome = 'pace';
        end = start + rnd.int(1, 2);
      } else if (child.uasc) {
        outcome = rnd.weighted(UASC_OUTCOMES);
        end = outcome === 'age18' ? b18 : start + Math.round(rnd.exp(300)) + 7;
      } else {
        const w =
          adoption !== undefined
            ? AFTER_ADOPTION_PLAN_CHANGED
            : age < 5
              ? OUTCOMES_UNDER_5
              : age < 10
                ? OUTCOMES_5_TO_9
                : age < 16
                  ? OUTCOMES_10_TO_15
                  : OUTCOMES_16_AND_OVER;
        outcome = pickOutcome(rnd, w);
        const careOrder = route === 'care' || route === 'adopt';
        switch (outcome) {
          case 'home':
            end = start + 2 + Math.round(Math.exp(rnd.normal(careOrder ? 5.4 : 4.5, 1.2)));
            break;
          case 'sgo':
            end = start + rnd.int(300, 1000);
            break;
          case 'other':
            end = start + 3 + Math.round(rnd.exp(330));
            break;
          default:
            end = b18;
        }
        if (adoption?.ceased !== undefined && end <= adoption.ceased.date) end = adoption.ceased.date + rnd.int(30, 400);
      }
    }
    if (end >= b18) {
      end = b18;
      if (outcome !== 'adopted') outcome = 'age18';
    } else {
      end = avoidYearEdges(end, -1);
      if (end <= start) end = Math.min(avoidYearEdges(start + 1, 1), b18);
    }

    // A period wholly before the window is never written: only its dates and ending matter (re-entry, care leavers).
    if (end < this.window.from) {
      return { start, end, rec: this.finalReason(outcome, route, [], child), shortBreak: false, episodes: [], cin, prevPerm, socialWorkers: [] };
    }

    // Legal statuses: [date, LS].
    const legal: [number, string][] = [];
    if (route === 'remand') legal.push([start, 'J1']);
    else if (route === 'pace') legal.push([start, 'J2']);
    else if (route === 's20') {
      legal.push([start, 'V2']);
      if (!child.uasc && end - start > 200 && rnd.chance(0.1)) {
        const c1 = start + rnd.int(60, Math.min(end - start - 30, 600));
        legal.push([c1, 'C1']);
        if (end - c1 > 300) legal.push([c1 + rnd.int(150, 280), 'C2']);
      }
    } else {
      let t = start;
      if (rnd.chance(0.12) && end - start > 12) {
        legal.push([start, rnd.chance(0.6) ? 'L2' : 'L1']);
        t = start + rnd.int(1, 8);
      }
      legal.push([t, 'C1']);
      if (route === 'adopt' && adoption !== undefined) {
        if (adoption.order < end) legal.push([adoption.order, 'E1']);
        if (adoption.ceased?.reason === 'RD3' && adoption.ceased.date < end) legal.push([adoption.ceased.date, 'C2']);
      } else {
        const full = t + rnd.int(140, 300);
        if (full < end - 1) legal.push([full, 'C2']);
      }
    }
    const careOrder = route === 'care' || route === 'adopt' || legal.some(([, ls]) => ls === 'C2');

    // Placements with carers.
    const spells: Spell[] = [];
    let t = start;
    let previousPost: string | undefined;
    const adoptiveFrom = placedForAdoption ?? Infinity;
    const lastAt = outcome === 'home' && careOrder && end - start > 300 && rnd.chance(0.45) ? end - rnd.int(90, Math.min(400, end - start - 120)) : Infinity;
    let first = true;
    while (t < end && t < adoptiveFrom) {
      const ageNow = (t - child.dob) / 365.25;
      let place: string;
      let zone: Zone | undefined;
      if (route === 'remand') place = rnd.weighted(REMAND_PLACEMENTS);
      else if (route === 'pace') place = rnd.weighted(PACE_PLACEMENTS);
      else if (t >= lastAt) place = 'P1';
      else place = this.placementFor(ageNow, t, child.uasc);
      // Placed with parents needs a care order and a home; two in a row would be no change of carer at all.
      if (place === 'P1' && (!careOrder || homePost === '' || spells[spells.length - 1]?.place === 'P1')) place = 'U6';
      if ((place === 'U1' || place === 'U3') && rnd.chance(0.2)) zone = 'near';
      const spell = this.newSpell(t, place, homePost, zone, previousPost);
      previousPost = spell.post;
      spells.push(spell);
      let length: number;
      if (first && route !== 'remand' && route !== 'pace' && rnd.chance(TUNING.emergencyFirstPlacement)) length = 7 + Math.round(rnd.exp(40));
      else {
        const settledChance = ageNow < 10 ? 0.75 : ageNow < 16 ? 0.62 : 0.55;
        length = rnd.chance(settledChance) ? 30 + Math.round(rnd.exp(TUNING.settledMeanDays)) : 14 + Math.round(rnd.exp(TUNING.unsettledMeanDays));
      }
      first = false;
      let next = place === 'P1' ? Math.min(end, adoptiveFrom) : Math.min(t + length, end, adoptiveFrom, lastAt > t ? lastAt : Infinity);
      if (next <= t) next = t + 1;
      // Long-term fostering or kinship is confirmed part-way through a settled placement: same carer, new code.
      if ((place === 'U6' || place === 'U3') && next - t > 400 && ageNow < 16 && rnd.chance(0.5)) {
        spell.changes.push([t + rnd.int(150, 360), place === 'U6' ? 'U4' : 'U1']);
      }
      if (place === 'H5' && next > SUPPORTED_FROM) spell.changes.push([SUPPORTED_FROM, 'K3']);
      t = next;
    }
    if (placedForAdoption !== undefined && placedForAdoption < end) {
      const last = spells[spells.length - 1];
      if (adoption?.fosterCarer === true && last !== undefined && last.place.startsWith('U')) {
        last.changes.push([placedForAdoption, 'A5']);
      } else {
        adoption!.fosterCarer = false;
        spells.push(this.newSpell(placedForAdoption, 'A6', homePost, rnd.chance(0.7) ? 'own' : 'near', previousPost));
      }
    }

    const rec = this.finalReason(outcome, route, spells, child);
    // Most children already had a social worker before care began (SW12: the whole year's social worker episodes are returned).
    const allocated = rnd.chance(0.2) ? start : Math.max(start - rnd.int(1, 300), (previousEnd ?? -Infinity) + 1);
    const episodes = this.episodes(start, end, rec, legal, spells, homePost);
    for (const e of episodes) if (e.rec === '') e.rec = 'X1';
    const period: Period = { start, end, rec, shortBreak: false, episodes, cin, prevPerm, socialWorkers: this.socialWorkerEpisodes(allocated, end) };
    if (adoption !== undefined) period.adoption = adoption;
    return period;
  }

  private finalReason(outcome: string, route: string, spells: Spell[], child: Child): string {
    const rnd = this.rnd;
    const lastSpell = spells[spells.length - 1];
    const lastPlace = lastSpell === undefined ? '' : (lastSpell.changes[lastSpell.changes.length - 1]?.[1] ?? lastSpell.place);
    switch (outcome) {
      case 'adopted':
        return rnd.chance(0.92) ? 'E11' : 'E12';
      case 'remand':
        return rnd.chance(0.7) ? 'E14' : 'E9';
      case 'pace':
        return 'E4A';
      case 'home':
        return rnd.chance(0.75) ? 'E4A' : 'E4B';
      case 'sgo':
        if (rnd.chance(0.15)) return 'E41';
        return lastPlace === 'U1' || lastPlace === 'U3' ? rnd.weighted(SGO_RELATIVE) : rnd.weighted(SGO_OTHER);
      case 'age18':
        if (lastPlace.startsWith('U')) return rnd.weighted(LEAVING_FOSTER_AT_18);
        return rnd.weighted(LEAVING_OTHER_AT_18);
      default:
        if (child.uasc && rnd.chance(0.4)) return 'E15';
        void route;
        return rnd.weighted(OTHER_ENDINGS);
    }
  }

  /** Cuts a period into episodes at every change of legal status, carer or placement type, with the RNE that describes it. */
  private episodes(start: number, end: number, rec: string, legal: [number, string][], spells: Spell[], homePost: string): Episode[] {
    const rnd = this.rnd;
    const cut = new Set<number>([start]);
    for (const [d] of legal) if (d > start && d < end) cut.add(d);
    for (const s of spells) {
      if (s.start > start && s.start < end) cut.add(s.start);
      for (const [d] of s.changes) if (d > s.start && d < end) cut.add(d);
    }
    // Occasional temporary placements (holidays, hospital, short respite) inside long foster placements, away from other changes.
    const detours: { from: number; to: number; spell: Spell }[] = [];
    const sortedCuts = [...cut].sort((a, b) => a - b);
    for (const s of spells) {
      if (!s.place.startsWith('U')) continue;
      const spellEnd = spells[spells.indexOf(s) + 1]?.start ?? end;
      const years = (spellEnd - s.start) / 365;
      if (years < 0.3 || !rnd.chance(Math.min(0.5, 0.05 * years))) continue;
      const from = s.start + rnd.int(30, spellEnd - s.start - 30);
      const to = from + rnd.int(2, 14);
      if (sortedCuts.some((c) => c >= from - 7 && c <= to + 7) || to >= spellEnd - 7) continue;
      const kind = rnd.weighted(TEMPORARY_KINDS);
      // Within DfE's limit for the code (T4: 7 days), as a real return would be.
      const until = Math.min(to, from + (TEMPORARY_LIMIT_DAYS[kind] ?? 14));
      detours.push({ from, to: until, spell: this.newSpell(from, kind, homePost, 'own', s.post) });
      cut.add(from);
      cut.add(until);
    }
    const days = [...cut].sort((a, b) => a - b);


    const episodes: Episode[] = [];
    let prev: { ls: string; carer: number; place: string } | undefined;
    for (let i = 0; i < days.length; i++) {
      const d = days[i] as number;
      let ls = legal[0]?.[1] ?? 'V2';
      for (const [from, code] of legal) if (from <= d) ls = code;
      let spell = spells[0] as Spell;
      let place: string;
      const detour = detours.find((x) => x.from <= d && d < x.to);
      if (detour !== undefined) {
        spell = detour.spell;
        place = spell.place;
      } else {
        for (const sp of spells) if (sp.start <= d) spell = sp;
        place = spell.place;
        for (const [from, code] of spell.changes) if (from <= d) place = code;
      }
      let rne: string;
      if (prev === undefined) rne = 'S';
      else if (prev.carer !== spell.carer) rne = prev.ls !== ls ? 'B' : 'P';
      else if (prev.place !== place) rne = prev.ls !== ls ? 'U' : 'T';
      else if (prev.ls !== ls) rne = 'L';
      else continue;
      const last = episodes[episodes.length - 1];
      if (last !== undefined) {
        last.end = d;
        const aroundTemporary = last.place.startsWith('T') || place.startsWith('T');
        if (!aroundTemporary && (rne === 'P' || rne === 'B')) last.reason = spell.place === 'A6' || place === 'P1' ? 'CARPL' : rnd.weighted(REASON_PLACE_CHANGE_WEIGHTS);
        else if (!aroundTemporary && (rne === 'T' || rne === 'U')) last.reason = place === 'A5' ? 'CARPL' : 'PLACE';
      }
      episodes.push({ start: d, end, rne, ls, place, provider: spell.provider, rec: '', reason: '', homePost, plPost: spell.post, urn: spell.urn });
      prev = { ls, carer: spell.carer, place };
    }
    const final = episodes[episodes.length - 1] as Episode;
    final.end = end;
    final.rec = rec;
    return episodes;
  }

  private socialWorkerEpisodes(start: number, end: number): SocialWorkerEpisode[] {
    const rnd = this.rnd;
    const out: SocialWorkerEpisode[] = [];
    let t = start;
    let previous = '';
    while (t < end) {
      let id: string;
      do id = rnd.pick(this.socialWorkers);
      while (id === previous && this.socialWorkers.length > 1);
      const next = t + 30 + Math.round(rnd.exp(300));
      if (next >= end) {
        out.push({ id, start: t, end, reason: '' });
        break;
      }
      out.push({ id, start: t, end: next, reason: rnd.weighted(SW_REASON_WEIGHTS) });
      previous = id;
      t = next;
    }
    return out;
  }
}
