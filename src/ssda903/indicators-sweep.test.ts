// The one-sweep indicator engine against a plain reference: each month end worked out alone, straight from the definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LA_CODE, generate903 } from './generate/generate.ts';
import { ageOn, dayFromIso, daysInMonth, ymdFromDay } from './days.ts';
import { type ChildHistory, type Episode, type Ssda903Return } from './history.ts';
import { buildReturn, computeIndicators, monthEndsBetween, parseFiles, type IndicatorValue } from './index.ts';
import { ADOPTED_REC, ADOPTION_PLACE } from './tables.ts';
import { placementGroup } from './indicators.ts';

const generated = generate903({ children: 1500, years: 4, seed: 'sweep-reference' });
const ret = buildReturn(parseFiles(generated.files.map((f) => ({ name: f.path, text: f.text }))));
const first = generated.years[0]!;
const last = generated.years[generated.years.length - 1]!;
const ends = monthEndsBetween(`${first - 1}-04-30`, `${last}-03-31`);
const options = { laCode: DEFAULT_LA_CODE, population: [{ year: 1900, count: 250_000 }] };
const swept = computeIndicators(ret, ends, options);

/** The same calendar day `months` months before, clamped to that month's length, by the calendar itself. */
function monthsBack(day: number, months: number): number {
  const { y, m, d } = ymdFromDay(day);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth() + 1;
  return Math.round(Date.UTC(ty, tm - 1, Math.min(d, daysInMonth(ty, tm))) / 86_400_000);
}

/** First day of the 12 months ending on a month end. */
const yearBefore = (monthEnd: number): number => {
  const { y, m } = ymdFromDay(monthEnd);
  return Math.round(Date.UTC(y, m - 12, 1) / 86_400_000);
};

function miles(e: Episode): { far: boolean; unknown: boolean } {
  const home = ret.postcodes.get(e.homePost);
  const placed = ret.postcodes.get(e.plPost);
  const distance = e.plDistance ?? (home && placed ? Math.round(Math.hypot(home.easting - placed.easting, home.northing - placed.northing) / 1000 / 1.6093 * 10) / 10 : null);
  if (distance === null || distance === 999.9 || distance <= 20) return { far: false, unknown: false };
  const out = e.plLocation === 'IN' || e.plLocation === 'OUT' ? e.plLocation === 'OUT' : placed?.laCode ? placed.laCode !== DEFAULT_LA_CODE : null;
  return { far: out === true, unknown: out === null };
}

type Figures = Record<string, [number, number | null]>;

/** Every monthly figure at one month end, child by child, as the definitions in definitions.ts word them. */
function reference(r: Ssda903Return, asAt: string): { figures: Figures; age: Map<string, number>; sex: Map<string, number>; place: Map<string, number>; uasc: number } {
  const a = dayFromIso(asAt)!;
  const at = ymdFromDay(a);
  const w0 = yearBefore(a);
  const lts30 = monthsBack(a, 30);
  const lts24 = monthsBack(a, 24);
  const n = { cla: 0, starters: 0, reentries: 0, ceased: 0, adopted: 0, threePlus: 0, ltsDen: 0, ltsNum: 0, far: 0, unknown: 0, during: 0, missingChildren: 0, missing: 0, awayChildren: 0, away: 0, uasc: 0 };
  const age = new Map<string, number>();
  const sex = new Map<string, number>();
  const place = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const started = (c: ChildHistory) => c.periods.filter((p) => p.startsWithS && p.start >= w0 && p.start <= a && !c.episodes[p.first]!.shortBreak);
  for (const child of r.children) {
    const current = child.episodes.filter((e) => e.decom <= a && e.dec > a).at(-1);
    if (current && !current.shortBreak) {
      n.cla += 1;
      const years = child.dob ? ageOn(child.dob, at) : null;
      add(age, years === null ? 'Not known' : years < 5 ? '0 to 4' : years < 10 ? '5 to 9' : years < 16 ? '10 to 15' : years < 18 ? '16 to 17' : '18 and over');
      add(sex, child.sex === '1' || child.sex === 'M' ? 'Male' : child.sex === '2' || child.sex === 'F' ? 'Female' : 'Not known');
      add(place, placementGroup(current.place));
      if (child.uasc && (child.duc === null || child.duc > a)) n.uasc += 1;
      const carers = new Set(child.episodes.filter((e) => e.decom <= a && e.dec > w0 && !e.shortBreak && child.spells[e.spell]!.end > child.spells[e.spell]!.start).map((e) => e.spell));
      if (carers.size >= 3) n.threePlus += 1;
      const { far, unknown } = miles(current);
      if (far) n.far += 1;
      if (unknown) n.unknown += 1;
      const period = child.periods[current.period]!;
      const careFrom = child.episodes.slice(period.first, period.last + 1).find((e) => !e.shortBreak)?.decom ?? period.start;
      if (years !== null && years < 16 && careFrom <= lts30) {
        n.ltsDen += 1;
        const before = child.spells[current.spell - 1];
        const adoptedByCarer = ADOPTION_PLACE.has(current.place) && before !== undefined && before.period === current.period && before.start <= lts24;
        if (child.spells[current.spell]!.start <= lts24 || adoptedByCarer) n.ltsNum += 1;
      }
    }
    const starts = started(child);
    if (starts.length > 0) {
      n.starters += 1;
      // The periods are objects made when asked: the first start is found by where it begins, not by identity.
      const firstStart = child.periods.findIndex((p) => p.first === starts[0]!.first);
      if (child.periods.slice(0, firstStart).some((p) => !p.shortBreakOnly)) n.reentries += 1;
    }
    const endings = child.periods.filter((p) => p.end >= w0 && p.end <= a && p.endRec !== 'X1' && !child.episodes[p.last]!.shortBreak && !child.episodes[p.last]!.closedByStitch);
    if (endings.length > 0) {
      n.ceased += 1;
      if (ADOPTED_REC.has(endings.at(-1)!.endRec)) n.adopted += 1;
    }
    if (child.episodes.some((e) => e.decom <= a && e.dec >= w0 && !e.shortBreak)) {
      n.during += 1;
      const incidents = child.missing.filter((i) => i.start <= a && i.end >= w0);
      const m = incidents.filter((i) => i.kind === 'M').length;
      const aw = incidents.filter((i) => i.kind === 'A').length;
      n.missing += m;
      n.away += aw;
      if (m > 0) n.missingChildren += 1;
      if (aw > 0) n.awayChildren += 1;
    }
  }
  const figures: Figures = {
    cla: [n.cla, null],
    'cla-rate': [n.cla, 250_000],
    starters: [n.starters, null],
    'starters-rate': [n.starters, 250_000],
    ceased: [n.ceased, null],
    'ceased-rate': [n.ceased, 250_000],
    'placements-3plus': [n.threePlus, n.cla],
    'long-term-stability': [n.ltsNum, n.ltsDen],
    're-entry': [n.reentries, n.starters],
    uasc: [n.uasc, n.cla],
    'missing-children': [n.missingChildren, n.during],
    'missing-incidents': [n.missing, null],
    'away-children': [n.awayChildren, n.during],
    'away-incidents': [n.away, null],
    adopted: [n.adopted, n.ceased],
  };
  if (n.unknown === 0) figures['placed-20-miles-out'] = [n.far, n.cla];
  return { figures, age, sex, place, uasc: n.uasc };
}

const headline = (values: IndicatorValue[], asAt: string, code: string): IndicatorValue | undefined => values.find((v) => v.asAt === asAt && v.code === code && !v.breakdown);
const breakdown = (values: IndicatorValue[], asAt: string, dimension: string): Map<string, number> =>
  new Map(values.filter((v) => v.asAt === asAt && v.breakdown?.dimension === dimension && v.value !== 0).map((v) => [v.breakdown!.category, v.value!]));

test('compute every monthly indicator at every month end the same as the reference worked out month by month', () => {
  assert.equal(ends.length, 48);
  let compared = 0;
  for (const asAt of ends) {
    const want = reference(ret, asAt);
    assert.ok(want.figures.cla![0] > 100, `a generated return with children looked after at ${asAt}`);
    for (const [code, [numerator, denominator]] of Object.entries(want.figures)) {
      const got = headline(swept, asAt, code);
      assert.deepEqual([got?.numerator, got?.denominator], [numerator, denominator], `${code} at ${asAt}`);
      compared += 1;
    }
    const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));
    assert.deepEqual(breakdown(swept, asAt, 'age band'), nonZero(want.age), `cla by age band at ${asAt}`);
    assert.deepEqual(breakdown(swept, asAt, 'sex'), nonZero(want.sex), `cla by sex at ${asAt}`);
    assert.deepEqual(breakdown(swept, asAt, 'placement type'), nonZero(want.place), `cla by placement type at ${asAt}`);
    assert.equal(breakdown(swept, asAt, 'UASC').get('UASC') ?? 0, want.uasc, `UASC at ${asAt}`);
  }
  assert.ok(compared >= 48 * 15, `${compared} figures compared`);
  assert.ok(swept.some((v) => v.code === 'placed-20-miles-out' && v.numerator !== null), 'distances were worked out at some month end');
});

test('compute every indicator at every month end in one sweep the same as each month end alone', () => {
  const alone = ends.flatMap((asAt) => computeIndicators(ret, [asAt], options));
  assert.equal(swept.length, alone.length);
  assert.deepEqual(swept, alone);
});

test('compute every indicator at month ends given latest first the same as given in order', () => {
  const backwards = computeIndicators(ret, [...ends].reverse(), options);
  const byDate = (values: IndicatorValue[]) => [...values].sort((a, b) => a.asAt.localeCompare(b.asAt));
  assert.equal(backwards.length, swept.length);
  assert.deepEqual(byDate(backwards), byDate(swept));
});
