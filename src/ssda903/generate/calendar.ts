// Whole-day arithmetic for the generator: dates are day numbers (days since 1 January 1970, UTC).

const MS_PER_DAY = 86_400_000;

// Day numbers from 1900 to 2100 resolve through tables: the generator converts millions of dates.
const BASE = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const SPAN = Date.UTC(2100, 0, 1) / MS_PER_DAY - BASE;
const YEARS = new Int16Array(SPAN);
const MONTHS = new Int8Array(SPAN);
const DATES = new Int8Array(SPAN);
const MONTH_STARTS = new Int32Array(200 * 12);
{
  let i = 0;
  for (let y = 1900; y < 2100; y++) {
    for (let m = 1; m <= 12; m++) {
      MONTH_STARTS[(y - 1900) * 12 + m - 1] = BASE + i;
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      for (let dd = 1; dd <= days; dd++, i++) {
        YEARS[i] = y;
        MONTHS[i] = m;
        DATES[i] = dd;
      }
    }
  }
}

export function day(year: number, month: number, date: number): number {
  if (year >= 1900 && year < 2100 && month >= 1 && month <= 12) return (MONTH_STARTS[(year - 1900) * 12 + month - 1] as number) + date - 1;
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function parts(d: number): { year: number; month: number; date: number } {
  const i = d - BASE;
  if (i >= 0 && i < SPAN) return { year: YEARS[i] as number, month: MONTHS[i] as number, date: DATES[i] as number };
  const t = new Date(d * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, date: t.getUTCDate() };
}

/** The same day of the month `n` months later (clamped to the month's last day). */
export function addMonths(d: number, n: number): number {
  const p = parts(d);
  const target = Date.UTC(p.year, p.month - 1 + n, 1) / MS_PER_DAY;
  const tp = parts(target);
  const last = parts(Date.UTC(tp.year, tp.month, 0) / MS_PER_DAY).date;
  return target + Math.min(p.date, last) - 1;
}

/** A birthday; the generator never gives a child a date of birth after the 28th, so no clamping is needed. */
export function birthday(dob: number, years: number): number {
  const i = dob - BASE;
  return day((YEARS[i] as number) + years, MONTHS[i] as number, DATES[i] as number);
}

/** 1 April that opens collection year `y` (the year the collection ends). */
export const yearStart = (y: number): number => day(y - 1, 4, 1);
/** 31 March that closes collection year `y`. */
export const yearEnd = (y: number): number => day(y, 3, 31);

export function isYearStart(d: number): boolean {
  const i = d - BASE;
  return MONTHS[i] === 4 && DATES[i] === 1;
}

export function isYearEnd(d: number): boolean {
  const i = d - BASE;
  return MONTHS[i] === 3 && DATES[i] === 31;
}

/** Age in whole years on day `on`. */
export function ageOn(dob: number, on: number): number {
  const b = dob - BASE;
  const o = on - BASE;
  let age = (YEARS[o] as number) - (YEARS[b] as number);
  if ((MONTHS[o] as number) * 32 + (DATES[o] as number) < (MONTHS[b] as number) * 32 + (DATES[b] as number)) age--;
  return age;
}

const formatted: (string | undefined)[] = new Array<string | undefined>(SPAN);

/** dd/mm/yyyy, the 903 date format. */
export function fmt(d: number): string {
  let s = formatted[d - BASE];
  if (s === undefined) {
    const p = parts(d);
    s = `${p.date < 10 ? '0' : ''}${p.date}/${p.month < 10 ? '0' : ''}${p.month}/${p.year}`;
    if (d >= BASE && d < BASE + SPAN) formatted[d - BASE] = s;
  }
  return s;
}
