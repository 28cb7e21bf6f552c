// Calendar arithmetic on day numbers (days since 1970-01-01), so hot loops compare integers, not Dates.

/** dd/mm/yyyy → day number, or null when the text is not a real date in that form. It runs per cell. */
export function dayFromUk(text: string): number | null {
  if (text.length === 10 && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
    const d = digits(text, 0, 2);
    const m = digits(text, 3, 5);
    const y = digits(text, 6, 10);
    return d < 0 || m < 0 || y < 0 ? null : dayFromParts(y, m, d);
  }
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? dayFromParts(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** yyyy-mm-dd → day number, or null when not a real date. */
export function dayFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function dayFromParts(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  // Days from civil (H. Hinnant's algorithm): integer arithmetic, no Date object.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1]!;
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymdFromDay(day: number): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Whole years from a birth date to a day (the age on that day). */
export function ageOn(dob: Ymd, on: Ymd): number {
  return on.y - dob.y - (on.m < dob.m || (on.m === dob.m && on.d < dob.d) ? 1 : 0);
}

/** The last day of the month n months before (n > 0) or after (n < 0) the month of `day`. */
export function monthEndShift(day: number, monthsBack: number): number {
  const { y, m } = ymdFromDay(day);
  const index = y * 12 + (m - 1) - monthsBack;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return dayFromParts(ty, tm, daysInMonth(ty, tm))!;
}

/** The collection year (the year whose 31 March ends it) a day falls in: 1 Apr 2024–31 Mar 2025 → 2025. */
export function collectionYearOf(day: number): number {
  const { y, m } = ymdFromDay(day);
  return m >= 4 ? y + 1 : y;
}

export function yearStart(collectionYear: number): number {
  return dayFromParts(collectionYear - 1, 4, 1)!;
}

export function yearEnd(collectionYear: number): number {
  return dayFromParts(collectionYear, 3, 31)!;
}

/** dd/mm/yyyy, as people read a 903 date. */
export function ukDate(day: number): string {
  const iso = isoFromDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The date of a year, month and day as dd/mm/yyyy, or null when they make no real date. */
const uk = (y: number, m: number, d: number): string | null => {
  const day = dayFromParts(y, m, d);
  return day === null ? null : ukDate(day);
};

/**
 * What a date cell that is not dd/mm/yyyy seems to be, said after "is not a date written dd/mm/yyyy" so that the
 * analyst sees how the file was saved: year first (2024-12-16), with a time (16/12/2024 00:00), dashes or dots,
 * a two-digit year, the month first (12/16/2024) or a spreadsheet's day number (45642). '' when it is none of these.
 */
export function dateFormHint(text: string): string {
  const v = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    const as = uk(Number(m[1]), Number(m[2]), Number(m[3]));
    return as ? `: it is written year first, which as dd/mm/yyyy is ${as}` : '';
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[T ]\d{1,2}:\d{2}(?::\d{2})?$/.exec(v);
  if (m) {
    const as = uk(Number(m[3]), Number(m[2]), Number(m[1]));
    return as ? `: it has a time after the date, which alone is ${as}` : '';
  }
  m = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(v);
  if (m) {
    const as = uk(Number(m[3]), Number(m[2]), Number(m[1]));
    return as ? `: write it with slashes, ${as}` : '';
  }
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(v)) return ': the year has two digits; write all four';
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m && Number(m[2]) > 12 && Number(m[1]) <= 12) {
    const as = uk(Number(m[3]), Number(m[1]), Number(m[2]));
    return as ? `: it seems to be written month first, which as dd/mm/yyyy is ${as}` : '';
  }
  // A spreadsheet's day number: 1 is 1 January 1900, and 45642 is 16 December 2024 (20,000 is in 1954, 60,000 in 2064).
  if (/^\d{5}(\.0+)?$/.test(v) && Number.parseInt(v, 10) >= 20_000 && Number.parseInt(v, 10) <= 60_000) {
    return ': it looks like a spreadsheet’s day number; format the column as a date (dd/mm/yyyy) before saving';
  }
  return '';
}
