// Bank holidays in England and Wales and working days: the rules the government's list follows, and
// the one-off changes it has made, so a due date "ten working days after" skips the same days councils do.

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const weekday = (d: Date): number => d.getUTCDay();

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(day(year, month, date));
}

const firstMonday = (y: number, m: number): Date => {
  const first = day(y, m, 1);
  return plusDays(first, (8 - weekday(first)) % 7);
};
const lastMonday = (y: number, m: number): Date => {
  const last = plusDays(day(y, m + 1, 1), -1);
  return plusDays(last, -((weekday(last) + 6) % 7));
};

/**
 * Days the government moved or added by proclamation: a rule's date replaced by another
 * (`moved`), and extra days (`added`). Checked against GOV.UK's published list in the tests.
 */
const MOVED: Record<string, string> = {
  '1995-05-01': '1995-05-08', // VE Day 50th anniversary
  '2002-05-27': '2002-06-04', // Golden Jubilee
  '2012-05-28': '2012-06-04', // Diamond Jubilee
  '2020-05-04': '2020-05-08', // VE Day 75th anniversary
  '2022-05-30': '2022-06-02', // Platinum Jubilee
};
const ADDED: readonly string[] = [
  '1999-12-31', // Millennium
  '2002-06-03', // Golden Jubilee
  '2011-04-29', // Royal wedding
  '2012-06-05', // Diamond Jubilee
  '2022-06-03', // Platinum Jubilee
  '2022-09-19', // State funeral of Queen Elizabeth II
  '2023-05-08', // Coronation of King Charles III
];

/** The bank holidays in England and Wales in a calendar year, in date order. */
export function bankHolidays(year: number): string[] {
  const out: Date[] = [];
  const newYear = day(year, 1, 1);
  out.push(weekday(newYear) === 6 ? plusDays(newYear, 2) : weekday(newYear) === 0 ? plusDays(newYear, 1) : newYear);
  const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
  out.push(plusDays(easter, -2), plusDays(easter, 1));
  out.push(firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8));
  // Christmas Day and Boxing Day: one falling at a weekend is made up on the next free weekday.
  const christmas = day(year, 12, 25);
  const boxing = day(year, 12, 26);
  const taken = new Set<string>();
  for (const d of [christmas, boxing]) {
    let sub = d;
    while (weekday(sub) === 0 || weekday(sub) === 6 || taken.has(iso(sub))) sub = plusDays(sub, 1);
    taken.add(iso(sub));
    out.push(sub);
  }
  const dates = out.map(iso).map((d) => MOVED[d] ?? d);
  for (const extra of ADDED) if (extra.startsWith(`${year}-`)) dates.push(extra);
  return [...new Set(dates)].sort();
}

const holidayCache = new Map<number, ReadonlySet<string>>();
const holidaysOf = (year: number): ReadonlySet<string> => {
  let set = holidayCache.get(year);
  if (set === undefined) {
    set = new Set(bankHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
};

/** A weekday that is not a bank holiday in England and Wales. */
export function isWorkingDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const w = weekday(d);
  return w !== 0 && w !== 6 && !holidaysOf(d.getUTCFullYear()).has(date);
}

/** The date `n` working days after `date` (before it, for negative n); the date itself is not counted. */
export function addWorkingDays(date: string, n: number): string {
  let d = new Date(`${date}T00:00:00Z`);
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    d = plusDays(d, step);
    if (isWorkingDay(iso(d))) left -= 1;
  }
  return iso(d);
}
