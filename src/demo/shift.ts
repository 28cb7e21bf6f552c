// Moves the demonstration into the present: every date, and every year written in its text, by a whole
// number of years worked out from today, so a newcomer sees this year's plans rather than 2018's.

/**
 * The demonstration as written stands on this day: its last recorded event (a deadline revised on
 * 9 October 2018), in the October–December quarter of 2018/19, with July–September 2018 the latest
 * quarter reported. content.test.ts checks that nothing in the content happened after it.
 */
export const DEMO_WRITTEN_AT = '2018-10-09';

/**
 * The whole years the demonstration moves for `today` (yyyy-mm-dd): as many as keep its last recorded
 * event on or before today, so nothing that has happened lies in the future. A whole year keeps each
 * date's quarter and financial year in step, so between 9 October and 31 December the latest quarter
 * reported is the last one before today; the rest of the year it is the latest July–September.
 * Never negative: on a date the demonstration was written for (tests pin such dates) nothing moves.
 */
export function demoYearShift(today: string): number {
  const years = Number(today.slice(0, 4)) - Number(DEMO_WRITTEN_AT.slice(0, 4));
  const shift = today.slice(5) >= DEMO_WRITTEN_AT.slice(5) ? years : years - 1;
  return Math.max(0, shift);
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A date (yyyy-mm-dd), or the date part of a date and time, moved by whole years; 29 February becomes the 28th in a common year. */
export function shiftDate<T extends string>(value: T, years: number): T {
  if (years === 0) return value;
  const y = Number(value.slice(0, 4)) + years;
  const leapDay = value.slice(4, 10) === '-02-29' && !isLeap(y);
  return `${String(y)}${leapDay ? '-02-28' : value.slice(4, 10)}${value.slice(10)}` as T;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;
// Years of the demonstration's own time (2010–2020), alone or as a range: 2016–19, 2017/18, 2017-18
// (slugs), 2016 to 2019. A year after "Act " names a law (Children and Social Work Act 2017) and stays.
const YEAR = /(?<!Act )\b(20(?:1\d|20))(?:([-–/])(\d{2})\b(?![-/]\d))?/g;

/** The years in a piece of text (titles, slugs, bodies, labels) moved by whole years; laws keep theirs. */
export function shiftText(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(YEAR, (_all, year: string, sep: string | undefined, end: string | undefined) => {
    const start = String(Number(year) + years);
    if (sep === undefined || end === undefined) return start;
    return `${start}${sep}${String((Number(end) + years) % 100).padStart(2, '0')}`;
  });
}

/**
 * A copy of the content (plan documents, young people's priorities, …) with every date and every
 * year in its text moved by whole years. Numbers and other values are left alone.
 */
export function shiftContent<T>(content: T, years: number): T {
  if (years === 0) return content;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return DATE.test(value) ? shiftDate(value, years) : shiftText(value, years);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(content) as T;
}
