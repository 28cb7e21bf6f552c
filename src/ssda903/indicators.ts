// Works out every indicator from the stitched history as at any month end (definitions.ts says what each one means).
import { longDate } from '../domain/dates.ts';
import { ValidationError } from '../domain/errors.ts';
import { ageOn, collectionYearOf, dayFromIso, dayFromParts, daysInMonth, isoFromDay, monthEndShift, type Ymd, yearEnd, yearStart, ymdFromDay } from './days.ts';
import { CLOSED_BY_STITCH, type EpisodeColumns, SHORT_BREAK } from './episode-columns.ts';
import { type ChildHistory, inContinuousCare, type Ssda903Return } from './history.ts';
import { ADOPTED_REC, ADOPTION_PLACE, EET_ACTIV, LEGACY_EET_ACTIV, LEGACY_EET_UNTIL, NEET_ACTIV } from './tables.ts';

export interface IndicatorOptions {
  /** ONS mid-year estimates of children aged 0–17 in the authority. */
  population?: { year: number; count: number }[];
  /** The authority's own code, for "out of area" when the Postcodes table carries LA codes. */
  laCode?: string;
}

export type IndicatorUnit = 'percent' | 'rate per 10,000' | 'count' | 'days' | 'score';

export interface IndicatorValue {
  code: string;
  asAt: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: IndicatorUnit;
  breakdown?: { dimension: 'age band' | 'sex' | 'UASC' | 'placement type'; category: string };
  /** An annual figure (OC2, OC3) shown at another month end: the 31 March it belongs to (yyyy-mm-dd). */
  annualAsAt?: string;
  /** Said beside the figure: why it may mislead (too little history loaded). */
  note?: string;
}

/** Every month end from `from` to `to`, both inclusive (yyyy-mm-dd). */
export function monthEndsBetween(from: string, to: string): string[] {
  const start = dayFromIso(from);
  const end = dayFromIso(to);
  if (start === null) throw new ValidationError(`"${from}" is not a date: write yyyy-mm-dd`, 'from');
  if (end === null) throw new ValidationError(`"${to}" is not a date: write yyyy-mm-dd`, 'to');
  const out: string[] = [];
  let { y, m } = ymdFromDay(start);
  for (;;) {
    const day = dayFromParts(y, m, daysInMonth(y, m))!;
    if (day > end) break;
    if (day >= start) out.push(isoFromDay(day));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export const AGE_BANDS = ['0 to 4', '5 to 9', '10 to 15', '16 to 17'] as const;
export const PLACEMENT_GROUPS = [
  'Foster placements',
  'Placed for adoption',
  'Placed with parents',
  "Children's homes and residential settings",
  'Supported accommodation',
  'Other placements',
] as const;

const PLACEMENT_GROUP: Record<string, (typeof PLACEMENT_GROUPS)[number]> = {};
for (const c of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Q1', 'Q2']) PLACEMENT_GROUP[c] = 'Foster placements';
for (const c of ['A3', 'A4', 'A5', 'A6', 'A1', 'A2']) PLACEMENT_GROUP[c] = 'Placed for adoption';
PLACEMENT_GROUP.P1 = 'Placed with parents';
for (const c of ['K1', 'K2', 'R1', 'R2', 'R3', 'R5', 'S1', 'P3']) PLACEMENT_GROUP[c] = "Children's homes and residential settings";
for (const c of ['K3', 'H5', 'P2']) PLACEMENT_GROUP[c] = 'Supported accommodation';

export function placementGroup(place: string): (typeof PLACEMENT_GROUPS)[number] {
  return PLACEMENT_GROUP[place] ?? 'Other placements';
}

const PLACEMENT_GROUP_INDEX = new Map<string, number>(Object.entries(PLACEMENT_GROUP).map(([place, group]) => [place, PLACEMENT_GROUPS.indexOf(group)]));
const OTHER_PLACEMENTS = PLACEMENT_GROUPS.indexOf('Other placements');

/** The place of a placement's group in PLACEMENT_GROUPS. */
function placementGroupIndex(place: string): number {
  return PLACEMENT_GROUP_INDEX.get(place) ?? OTHER_PLACEMENTS;
}

/** The age bands of the breakdown: the four of AGE_BANDS, then those shown only when some child falls in them. */
const AGE_CATEGORIES = [...AGE_BANDS, 'Not known', '18 and over'] as const;
const NOT_KNOWN_AGE = AGE_CATEGORIES.indexOf('Not known');
const OVER_17 = AGE_CATEGORIES.indexOf('18 and over');

const SEX_CATEGORIES = ['Male', 'Female', 'Not known'] as const;

/** The place of a child's sex in SEX_CATEGORIES. */
function sexIndex(sex: string): number {
  if (sex === '1' || sex === 'M') return 0;
  if (sex === '2' || sex === 'F') return 1;
  return 2;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function percent(code: string, asAt: string, numerator: number | null, denominator: number | null): IndicatorValue {
  const value = numerator === null || !denominator ? null : round1((numerator / denominator) * 100);
  return { code, asAt, numerator, denominator, value, unit: 'percent' };
}

function count(code: string, asAt: string, n: number, breakdown?: IndicatorValue['breakdown']): IndicatorValue {
  const v: IndicatorValue = { code, asAt, numerator: n, denominator: null, value: n, unit: 'count' };
  if (breakdown) v.breakdown = breakdown;
  return v;
}

function average(code: string, asAt: string, total: number | null, n: number | null, unit: 'days' | 'score'): IndicatorValue {
  const value = total === null || !n ? null : unit === 'days' ? Math.round(total / n) : round1(total / n);
  return { code, asAt, numerator: total, denominator: n, value, unit };
}

function rate(code: string, asAt: string, n: number, population: number | null): IndicatorValue {
  return { code, asAt, numerator: n, denominator: population, value: population ? Math.round((n / population) * 10_000) : null, unit: 'rate per 10,000' };
}

/** The start of the 12 months ending on `day`: at 31 March, 1 April of the year before. */
function windowStart(day: number, monthsBack: number): number {
  const ymd = ymdFromDay(day);
  if (ymd.d === daysInMonth(ymd.y, ymd.m)) return monthEndShift(day, monthsBack) + 1;
  const y = ymd.y - monthsBack / 12;
  return dayFromParts(y, ymd.m, Math.min(ymd.d, daysInMonth(y, ymd.m)))! + 1;
}

/** The same day `months` calendar months earlier, clamped to the month's end (31/03/2025 − 30 months = 30/09/2022). */
function monthsBefore(day: number, months: number): number {
  const { y, m, d } = ymdFromDay(day);
  const index = y * 12 + (m - 1) - months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return dayFromParts(ty, tm, Math.min(d, daysInMonth(ty, tm)))!;
}

/** Estimate for mid-(Y−1) where Y is the collection year the date falls in; else the latest one before it. */
function populationFor(day: number, population: IndicatorOptions['population']): number | null {
  const wanted = collectionYearOf(day) - 1;
  let best: { year: number; count: number } | null = null;
  for (const p of population ?? []) {
    if (p.year <= wanted && p.count > 0 && (!best || p.year > best.year)) best = p;
  }
  return best ? best.count : null;
}

interface Adoption {
  end: number;
  /** Null when the day the child entered care is not known: their period of care does not start (RNE S) in the Episodes held. */
  a1: number | null;
  a10: number | null;
  a2: number | null;
}

/** Days for the adoption measures (§2.2): entry to moving in (A1), moving in with the adopters (A10), order to match (A2). */
function adoptionsOf(child: ChildHistory): Adoption[] {
  const out: Adoption[] = [];
  const store = child.store;
  const { decom, dec, rec, rne, place, ls, texts } = store;
  const E1 = texts.find('E1');
  const D1 = texts.find('D1');
  const S = texts.find('S');
  for (let p = 0; p < child.periodCount; p++) {
    const first = child.periodFirst(p);
    const last = child.periodLast(p);
    const end = dec[last]!;
    if (!ADOPTED_REC.has(texts.text[rec[last]!]!) || end === Infinity) continue;
    let placed = -1;
    let order = -1;
    for (let i = first; i <= last; i++) {
      if (placed === -1 && ADOPTION_PLACE.has(store.text(place, i))) placed = i;
      if (order === -1 && (ls[i] === E1 || ls[i] === D1)) order = i;
    }
    if (placed === -1) continue;
    const placedOn = decom[placed]!;
    const movedIn = child.ad1?.fosterCare ? decom[child.spellFirst(store.spell[placed]!)]! : placedOn;
    const match = child.ad1?.dateMatch ?? null;
    const orderOn = order === -1 ? null : decom[order]!;
    const a2 = orderOn !== null && match !== null && orderOn <= placedOn ? Math.max(0, match - orderOn) : null;
    // A period that does not start with RNE S in the files began before them: its first episode here is not the day
    // the child entered care, and counting from it would make A1 and A10 too short (0 days for a child already placed).
    const entered = rne[first] === S ? decom[first]! : null;
    out.push({ end, a1: entered === null ? null : placedOn - entered, a10: entered === null ? null : movedIn - entered, a2 });
  }
  return out;
}

interface LeaverTotals {
  group: number;
  inTouch: number;
  eet: number;
  neet: number;
  suitable: number;
  suitableGroup: number;
}

/** Care moved to another authority (E3) by this day: a transfer after it is an event the figure must not see. */
function transferredBy(child: ChildHistory, day: number): boolean {
  const { decom, dec, rec } = child.store;
  let last = -1;
  for (let i = child.first; i < child.first + child.count; i++) if (decom[i]! <= day) last = i;
  return last !== -1 && dec[last]! <= day && child.store.text(rec, last) === 'E3';
}

/** Every episode of the child is a short break (V3/V4); false for a child with none. */
function onlyShortBreaks(child: ChildHistory): boolean {
  const { flags } = child.store;
  for (let i = child.first; i < child.first + child.count; i++) if (!(flags[i]! & SHORT_BREAK)) return false;
  return child.count > 0;
}

interface Oc2Totals {
  cohort: number;
  health: number;
  dental: number;
  immunised: number;
  devDen: number;
  devNum: number;
  convDen: number;
  convNum: number;
  sdqDen: number;
  sdqReceived: number;
  sdqTotal: number;
  sdqConcern: number;
}

/** OC2 figures for one collection year: the children looked after for the 12 months to its 31 March, ages then. */
function oc2Figures(ret: Ssda903Return, year: number): Oc2Totals {
  const t: Oc2Totals = { cohort: 0, health: 0, dental: 0, immunised: 0, devDen: 0, devNum: 0, convDen: 0, convNum: 0, sdqDen: 0, sdqReceived: 0, sdqTotal: 0, sdqConcern: 0 };
  const w0 = yearStart(year);
  const a = yearEnd(year);
  const at = ymdFromDay(a);
  for (const child of ret.children) {
    const row = child.oc2.get(year);
    if (!row || !inContinuousCare(child, w0, a)) continue;
    const age = child.dob ? ageOn(child.dob, at) : null;
    t.cohort += 1;
    if (row.healthAssessment) t.health += 1;
    if (row.teethCheck) t.dental += 1;
    if (row.immunisations) t.immunised += 1;
    if (age !== null && age <= 4) {
      t.devDen += 1;
      if (row.healthCheck) t.devNum += 1;
    }
    if (age !== null && age >= 10 && age <= 17) {
      t.convDen += 1;
      if (row.convicted) t.convNum += 1;
    }
    if (age !== null && age >= 5 && age <= 16) {
      t.sdqDen += 1;
      if (row.sdq !== null) {
        t.sdqReceived += 1;
        t.sdqTotal += row.sdq;
        if (row.sdq >= 17) t.sdqConcern += 1;
      }
    }
  }
  return t;
}

/** OC3 figures for one collection year, by band 17–18 and 19–21 of the age at the birthday in the year (§2.0). */
function careLeavers(ret: Ssda903Return, year: number): Record<'17-18' | '19-21', LeaverTotals> {
  const zero = (): LeaverTotals => ({ group: 0, inTouch: 0, eet: 0, neet: 0, suitable: 0, suitableGroup: 0 });
  const out = { '17-18': zero(), '19-21': zero() };
  for (const child of ret.children) {
    const row = child.oc3.get(year);
    if (!row) continue;
    const dob = row.dob ?? child.dob;
    if (!dob) continue;
    const age = (dob.m >= 4 ? year - 1 : year) - dob.y;
    const band = age === 17 || age === 18 ? '17-18' : age >= 19 && age <= 21 ? '19-21' : null;
    if (!band) continue;
    if (row.inTouch === 'DIED' || row.inTouch === 'RHOM') continue;
    if (onlyShortBreaks(child)) continue;
    if (transferredBy(child, yearEnd(year))) continue;
    const t = out[band];
    t.group += 1;
    if (row.inTouch === 'YES') t.inTouch += 1;
    if (EET_ACTIV.has(row.activ) || (year <= LEGACY_EET_UNTIL && LEGACY_EET_ACTIV.has(row.activ))) t.eet += 1;
    if (NEET_ACTIV.has(row.activ)) t.neet += 1;
    const letter = row.accom.charAt(0);
    if (letter !== 'G' && letter !== 'H' && letter !== 'R') {
      t.suitableGroup += 1;
      if (row.accom.length === 2 && row.accom.endsWith('1')) t.suitable += 1;
    }
  }
  return out;
}

/** Miles between two postcodes by the DfE formula (§1.2), and whether the placement is outside the authority. */
function derivedDistance(ret: Ssda903Return, i: number, laCode: string | undefined): { miles: number | null; out: boolean | null } {
  const store = ret.episodes;
  const home = ret.postcodes.get(store.text(store.homePost, i));
  const placed = ret.postcodes.get(store.text(store.plPost, i));
  const given = store.plDistance[i]!;
  const miles = !Number.isNaN(given) ? given : home && placed ? round1(Math.sqrt((home.easting - placed.easting) ** 2 + (home.northing - placed.northing) ** 2) / 1000 / 1.6093) : null;
  const location = store.text(store.plLocation, i);
  let out: boolean | null = null;
  if (location === 'IN' || location === 'OUT') out = location === 'OUT';
  // Without the authority's own code "out of area" is not known: the home postcode's area need not be the authority's.
  else if (placed?.laCode && laCode) out = placed.laCode.toUpperCase() !== laCode.toUpperCase();
  return { miles, out };
}

/** The start of the care counted towards long-term stability: the current period's, leaving out short breaks before it. */
function careStart(child: ChildHistory, current: number): number {
  const { decom, flags, period } = child.store;
  const first = child.periodFirst(period[current]!);
  for (let i = first, last = child.periodLast(period[current]!); i <= last; i++) if (!(flags[i]! & SHORT_BREAK)) return decom[i]!;
  return decom[first]!;
}

/** Long-term stability and re-entry with fewer than three collection years of Episodes up to the date's own. */
function shortHistory(firstYear: number | null, year: number): string | undefined {
  if (firstYear === null || year - firstYear >= 2) return undefined;
  const held = Math.max(0, year - firstYear + 1);
  return `only ${held} collection year${held === 1 ? '' : 's'} of Episodes to ${year}: three are needed, so the figure may be too low`;
}

/**
 * A figure over the 12 months to the date (starters, leavers, 3+ placements, missing and away) when the files loaded
 * begin inside those months: what happened before them is not in the files, so the figure counts less than a year.
 */
function shortWindow(filesStart: number | null, w0: number): string | undefined {
  if (filesStart === null || w0 >= filesStart) return undefined;
  return `the files loaded begin on ${longDate(isoFromDay(filesStart))}, within the 12 months to this date: only what happened since then is counted, so the figure may be too low`;
}

function noted(v: IndicatorValue, note: string | undefined): IndicatorValue {
  return note === undefined ? v : { ...v, note };
}

export function computeIndicators(ret: Ssda903Return, asAts: string[], options: IndicatorOptions = {}): IndicatorValue[] {
  const days = asAts.map((asAt) => {
    const day = dayFromIso(asAt);
    if (day === null) throw new ValidationError(`as-at date "${asAt}" is not a date: write yyyy-mm-dd`, 'asAt');
    return day;
  });
  const adoptions: Adoption[] = [];
  for (const child of ret.children) if (child.periodCount > 0) for (const ad of adoptionsOf(child)) adoptions.push(ad);
  const leaversByYear = new Map<number, ReturnType<typeof careLeavers>>();
  const oc2ByYear = new Map<number, Oc2Totals>();
  // Long-term stability looks back 30 months and re-entry to earlier periods: both need three years of Episodes.
  const episodeYears = [...(ret.tableYears.get('Episodes') ?? [])].filter((y) => y > 0);
  const firstEpisodesYear = episodeYears.length ? Math.min(...episodeYears) : null;
  const filesStart = firstEpisodesYear === null ? null : yearStart(firstEpisodesYear);
  const distanceKnown = ret.hasDistance || ret.postcodes.size > 0;
  const out: IndicatorValue[] = [];
  // Children with episodes. One sweep over them serves every month end: each child's episodes are read for all 60
  // month ends while they are in the processor's cache, where a pass over every child for each month end read a
  // national return's whole history from memory 60 times over.
  const active = ret.children.filter((c) => c.count > 0);
  const store: EpisodeColumns = ret.episodes;
  const { decom, dec, flags, spell: spellOf, period: periodOf, place, rne, rec, texts } = store;
  const S = texts.find('S');
  const months = days.map((a) => {
    const at: Ymd = ymdFromDay(a);
    return { a, at, w0: windowStart(a, 12), lts30: monthsBefore(a, 30), lts24: monthsBefore(a, 24) };
  });
  const tally = (): Int32Array => new Int32Array(months.length);
  const n = {
    cla: tally(),
    starters: tally(),
    reentries: tally(),
    ceased: tally(),
    adopted: tally(),
    threePlus: tally(),
    ltsDen: tally(),
    ltsNum: tally(),
    uasc: tally(),
    far: tally(),
    farUnknown: tally(),
    duringYear: tally(),
    missingChildren: tally(),
    missingIncidents: tally(),
    awayChildren: tally(),
    awayIncidents: tally(),
  };
  // The breakdowns are tallied by number (the category's place in AGE_CATEGORIES, SEX_CATEGORIES, PLACEMENT_GROUPS)
  // for every month end in one array each; the age bands beyond the four are listed in the order first met.
  const byAge = new Int32Array(months.length * AGE_CATEGORIES.length);
  const ageExtras = months.map((): number[] => []);
  const bySex = new Int32Array(months.length * SEX_CATEGORIES.length);
  const byPlace = new Int32Array(months.length * PLACEMENT_GROUPS.length);

  for (const child of active) {
    const { firstDay, lastDay } = child;
    const sex = sexIndex(child.sex);
    // The month ends come in order, so a child's current episode, once passed, is not met again: its distance is
    // worked out once, when first met.
    let distanceOf = -1;
    let distance: { miles: number | null; out: boolean | null } = { miles: null, out: null };
    for (let k = 0; k < months.length; k++) {
      const { a, at, w0, lts30, lts24 } = months[k]!;
      if (firstDay > a || lastDay < w0) continue;
      const base = child.first;
      const stop = base + child.count;
      let current = -1;
      let inYear = false;
      let spellsInYear = 0;
      let lastSpell = -1;
      for (let i = base; i < stop; i++) {
        if (decom[i]! > a) break;
        const ends = dec[i]!;
        if (ends <= a) {
          if (ends < w0) continue;
        } else current = i;
        const shortBreak = (flags[i]! & SHORT_BREAK) !== 0;
        // Overlaps the 12 months (an episode ending on the first day still touches them).
        if (!shortBreak) inYear = true;
        // Short breaks (V3/V4) are not placements in DfE's count, nor time towards long-term stability.
        const s = spellOf[i]!;
        if (ends > w0 && s !== lastSpell && !shortBreak) {
          if (dec[child.spellLast(s)]! > decom[child.spellFirst(s)]!) spellsInYear += 1;
          lastSpell = s;
        }
      }
      const lookedAfter = current !== -1 && !(flags[current]! & SHORT_BREAK);
      const age = child.dob ? ageOn(child.dob, at) : null;

      if (lookedAfter) {
        n.cla[k]! += 1;
        const band = age === null ? NOT_KNOWN_AGE : age < 5 ? 0 : age < 10 ? 1 : age < 16 ? 2 : age < 18 ? 3 : OVER_17;
        const ageAt = k * AGE_CATEGORIES.length + band;
        if (byAge[ageAt] === 0 && band >= AGE_BANDS.length) ageExtras[k]!.push(band);
        byAge[ageAt]! += 1;
        bySex[k * SEX_CATEGORIES.length + sex]! += 1;
        byPlace[k * PLACEMENT_GROUPS.length + placementGroupIndex(store.text(place, current))]! += 1;
        if (spellsInYear >= 3) n.threePlus[k]! += 1;
        const isUasc = child.uasc && (child.duc === null || child.duc > a);
        if (isUasc) n.uasc[k]! += 1;
        if (distanceKnown) {
          if (distanceOf !== current) {
            distanceOf = current;
            distance = derivedDistance(ret, current, options.laCode);
          }
          const d = distance;
          if (d.miles !== null && d.miles !== 999.9 && d.miles > 20) {
            if (d.out === true) n.far[k]! += 1;
            else if (d.out === null) n.farUnknown[k]! += 1;
          }
        }
        if (age !== null && age < 16 && careStart(child, current) <= lts30) {
          n.ltsDen[k]! += 1;
          const s = spellOf[current]!;
          if (decom[child.spellFirst(s)]! <= lts24) n.ltsNum[k]! += 1;
          // The spell before, in the same period (an adoption by the child's own carers continues their placement).
          else if (ADOPTION_PLACE.has(store.text(place, current)) && s > 0 && periodOf[child.spellFirst(s - 1)] === periodOf[current]! && decom[child.spellFirst(s - 1)]! <= lts24) n.ltsNum[k]! += 1;
        }
      }

      // Starters and leavers, counted once per child: the first start and the last ceasing in the 12 months.
      let started = false;
      let reentered = false;
      let lastCeasedRec: string | null = null;
      for (let p = 0; p < child.periodCount; p++) {
        const first = child.periodFirst(p);
        const last = child.periodLast(p);
        const start = decom[first]!;
        if (start > a) break;
        // Each child once, by their first start in the 12 months: only a period before that one makes a re-entry.
        if (!started && rne[first] === S && start >= w0 && !(flags[first]! & SHORT_BREAK)) {
          started = true;
          for (let q = 0; q < p && !reentered; q++) if (!child.shortBreakOnly(q)) reentered = true;
        }
        // A period closed only because a later year's file did not carry it on did not really end: not a ceasing.
        const lastFlags = flags[last]!;
        const real = !(lastFlags & CLOSED_BY_STITCH);
        const end = dec[last]!;
        const endRec = texts.text[rec[last]!]!;
        if (real && end >= w0 && end <= a && endRec !== 'X1' && !(lastFlags & SHORT_BREAK)) lastCeasedRec = endRec;
      }
      if (started) n.starters[k]! += 1;
      if (reentered) n.reentries[k]! += 1;
      if (lastCeasedRec !== null) {
        n.ceased[k]! += 1;
        if (ADOPTED_REC.has(lastCeasedRec)) n.adopted[k]! += 1;
      }

      if (inYear) {
        n.duringYear[k]! += 1;
        let m = 0;
        let aw = 0;
        for (const incident of child.missing) {
          if (incident.start > a) break;
          if (incident.end < w0) continue;
          if (incident.kind === 'M') m += 1;
          else if (incident.kind === 'A') aw += 1;
        }
        if (m) n.missingChildren[k]! += 1;
        if (aw) n.awayChildren[k]! += 1;
        n.missingIncidents[k]! += m;
        n.awayIncidents[k]! += aw;
      }
    }
  }

  for (let k = 0; k < months.length; k++) {
    const { a, at } = months[k]!;
    const asAt = isoFromDay(a);
    // Annual tables (OC2, OC3) come from the collection year ending on this date or the latest one before it.
    const annualYear = at.m > 3 || (at.m === 3 && at.d === 31) ? at.y : at.y - 1;
    const oc2Year = ret.tableYears.get('OC2')?.has(annualYear) ? annualYear : null;
    const oc3Year = ret.tableYears.get('OC3')?.has(annualYear) ? annualYear : null;
    const [cla, starters, reentries, ceased, adopted, threePlus, ltsDen, ltsNum, uasc, far, farUnknown] = [
      n.cla[k]!,
      n.starters[k]!,
      n.reentries[k]!,
      n.ceased[k]!,
      n.adopted[k]!,
      n.threePlus[k]!,
      n.ltsDen[k]!,
      n.ltsNum[k]!,
      n.uasc[k]!,
      n.far[k]!,
      n.farUnknown[k]!,
    ];
    const [duringYear, missingChildren, missingIncidents, awayChildren, awayIncidents] = [n.duringYear[k]!, n.missingChildren[k]!, n.missingIncidents[k]!, n.awayChildren[k]!, n.awayIncidents[k]!];
    const population = populationFor(a, options.population);
    const windowNote = shortWindow(filesStart, months[k]!.w0);
    out.push(count('cla', asAt, cla), rate('cla-rate', asAt, cla, population));
    out.push(noted(count('starters', asAt, starters), windowNote), noted(rate('starters-rate', asAt, starters, population), windowNote));
    out.push(noted(count('ceased', asAt, ceased), windowNote), noted(rate('ceased-rate', asAt, ceased, population), windowNote));
    out.push(noted(percent('placements-3plus', asAt, threePlus, cla), windowNote));
    const historyNote = shortHistory(firstEpisodesYear, collectionYearOf(a));
    out.push(noted(percent('long-term-stability', asAt, ltsNum, ltsDen), historyNote));
    out.push(noted(percent('re-entry', asAt, reentries, starters), historyNote));
    out.push(percent('uasc', asAt, uasc, cla));
    // A child over 20 miles away whose placement may or may not be out of area leaves the figure not known.
    out.push(distanceKnown && farUnknown === 0 ? percent('placed-20-miles-out', asAt, far, cla) : percent('placed-20-miles-out', asAt, null, null));

    // Annual figures at any other month end carry the latest 31 March's, marked with that date.
    const annualAsAt = `${annualYear}-03-31`;
    const annual = (v: IndicatorValue): IndicatorValue => (annualAsAt === asAt ? v : { ...v, annualAsAt });
    let o = oc2Year === null ? null : oc2ByYear.get(oc2Year);
    if (oc2Year !== null && !o) oc2ByYear.set(oc2Year, (o = oc2Figures(ret, oc2Year)));
    const oc2 = (code: string, num: (t: Oc2Totals) => number, den: (t: Oc2Totals) => number) => annual(o ? percent(code, asAt, num(o), den(o)) : percent(code, asAt, null, null));
    out.push(oc2('health-assessments', (t) => t.health, (t) => t.cohort), oc2('dental-checks', (t) => t.dental, (t) => t.cohort), oc2('immunisations', (t) => t.immunised, (t) => t.cohort));
    out.push(oc2('development-checks', (t) => t.devNum, (t) => t.devDen), oc2('convictions', (t) => t.convNum, (t) => t.convDen), oc2('sdq-received', (t) => t.sdqReceived, (t) => t.sdqDen));
    out.push(annual(o ? average('sdq-average', asAt, o.sdqTotal, o.sdqReceived, 'score') : average('sdq-average', asAt, null, null, 'score')));
    out.push(oc2('sdq-concern', (t) => t.sdqConcern, (t) => t.sdqReceived));

    let leavers = oc3Year === null ? null : leaversByYear.get(oc3Year);
    if (oc3Year !== null && !leavers) leaversByYear.set(oc3Year, (leavers = careLeavers(ret, oc3Year)));
    for (const band of ['17-18', '19-21'] as const) {
      const t = leavers?.[band];
      const code = `care-leavers-${band}`;
      out.push(annual(percent(`${code}-in-touch`, asAt, t ? t.inTouch : null, t ? t.group : null)));
      out.push(annual(percent(`${code}-eet`, asAt, t ? t.eet : null, t ? t.group : null)));
      out.push(annual(percent(`${code}-neet`, asAt, t ? t.neet : null, t ? t.group : null)));
      out.push(annual(percent(`${code}-suitable-accommodation`, asAt, t ? t.suitable : null, t ? t.suitableGroup : null)));
    }

    out.push(noted(percent('missing-children', asAt, missingChildren, duringYear), windowNote), noted(count('missing-incidents', asAt, missingIncidents), windowNote));
    out.push(noted(percent('away-children', asAt, awayChildren, duringYear), windowNote), noted(count('away-incidents', asAt, awayIncidents), windowNote));

    out.push(percent('adopted', asAt, adopted, ceased));
    const from3 = windowStart(a, 36);
    let n1 = 0;
    let t1 = 0;
    let t10 = 0;
    let n2 = 0;
    let t2 = 0;
    let entryUnknown = 0;
    for (const ad of adoptions) {
      if (ad.end < from3 || ad.end > a) continue;
      if (ad.a1 === null || ad.a10 === null) entryUnknown += 1;
      else {
        n1 += 1;
        t1 += ad.a1;
        t10 += ad.a10;
      }
      if (ad.a2 !== null) {
        n2 += 1;
        t2 += ad.a2;
      }
    }
    // No count in the words: the note is shown beside the figure to everyone who reads it, and a count can be small.
    const entryNote = entryUnknown === 0 ? undefined : 'children adopted in the 3 years whose care began before the Episodes held are left out: the day they entered care is not known';
    out.push(noted(average('adoption-a1', asAt, t1, n1, 'days'), entryNote), average('adoption-a2', asAt, t2, n2, 'days'), noted(average('adoption-a10', asAt, t10, n1, 'days'), entryNote));

    for (const i of [...AGE_BANDS.keys(), ...ageExtras[k]!]) {
      out.push(count('cla', asAt, byAge[k * AGE_CATEGORIES.length + i]!, { dimension: 'age band', category: AGE_CATEGORIES[i]! }));
    }
    SEX_CATEGORIES.forEach((category, i) => {
      const n = bySex[k * SEX_CATEGORIES.length + i]!;
      // Male and Female are always shown; Not known only when some child's sex is not.
      if (i < 2 || n > 0) out.push(count('cla', asAt, n, { dimension: 'sex', category }));
    });
    out.push(count('cla', asAt, uasc, { dimension: 'UASC', category: 'UASC' }), count('cla', asAt, cla - uasc, { dimension: 'UASC', category: 'Not UASC' }));
    PLACEMENT_GROUPS.forEach((category, i) => out.push(count('cla', asAt, byPlace[k * PLACEMENT_GROUPS.length + i]!, { dimension: 'placement type', category })));
  }
  return out;
}

