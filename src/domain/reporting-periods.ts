// Reporting periods on the UK financial year (1 April to 31 March), monthly or quarterly, named as
// councils write them ("2026/27 Q3", "2026/27 M7 (October 2026)"), and the default due date of a round.
import { z } from 'zod';
import { ValidationError } from './errors.ts';
import { addWorkingDays } from './working-days.ts';

export const reportingFrequencies = ['quarterly', 'monthly'] as const;
export type ReportingFrequency = (typeof reportingFrequencies)[number];
export const reportingFrequencySchema = z.enum(reportingFrequencies);

export interface ReportingPeriod {
  frequency: ReportingFrequency;
  /** "2026/27 Q3" or "2026/27 M7". */
  label: string;
  /** First and last day, yyyy-mm-dd. */
  start: string;
  end: string;
}

/** Working days after a period ends that its updates are due by, unless the manager says otherwise. */
export const DEFAULT_DUE_WORKING_DAYS = 10;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The financial year a date falls in, by its first calendar year: 2026-10-01 and 2027-03-31 are both 2026 ("2026/27"). */
export const financialYearOf = (date: string): number => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
};

export const financialYearLabel = (startYear: number): string => `${startYear}/${pad((startYear + 1) % 100)}`;

/** A year named by the 31 March it ends on (a 903 collection year, a DfE time period) as people write it: 2026 → "2025/26". */
export const yearEndingLabel = (yearEnding: number): string => financialYearLabel(yearEnding - 1);

/**
 * Years named by the 31 March they end on (a 903 return's collection years) as people write them, a run of years as
 * one: [2022, 2023, 2024, 2025, 2026] → "2021/22 to 2025/26", [2017, 2018, 2020] → "2016/17 to 2017/18, 2019/20".
 */
export function yearsEndingText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    runs.push(j === i ? yearEndingLabel(sorted[i]!) : `${yearEndingLabel(sorted[i]!)} to ${yearEndingLabel(sorted[j]!)}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** Month 1 is April, month 12 March. */
function monthPeriod(fy: number, index: number): ReportingPeriod {
  const calMonth = ((index + 2) % 12) + 1;
  const year = calMonth >= 4 ? fy : fy + 1;
  return {
    frequency: 'monthly',
    label: `${financialYearLabel(fy)} M${index}`,
    start: `${year}-${pad(calMonth)}-01`,
    end: `${year}-${pad(calMonth)}-${pad(lastDay(year, calMonth))}`,
  };
}

/** Quarter 1 is April to June, quarter 4 January to March. */
function quarterPeriod(fy: number, index: number): ReportingPeriod {
  const first = monthPeriod(fy, index * 3 - 2);
  const last = monthPeriod(fy, index * 3);
  return { frequency: 'quarterly', label: `${financialYearLabel(fy)} Q${index}`, start: first.start, end: last.end };
}

/** The period of a frequency that a date falls in. */
export function periodContaining(date: string, frequency: ReportingFrequency): ReportingPeriod {
  const fy = financialYearOf(date);
  const calMonth = Number(date.slice(5, 7));
  const index = ((calMonth + 8) % 12) + 1;
  return frequency === 'monthly' ? monthPeriod(fy, index) : quarterPeriod(fy, Math.ceil(index / 3));
}

/** The period before: what a round opened today usually asks about. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  const dayBefore = new Date(Date.parse(`${period.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return periodContaining(dayBefore, period.frequency);
}

/** Reads "2026/27 Q3" or "2026/27 M7" (spaces and case forgiven); anything else is refused naming what to write. */
export function parsePeriod(text: string, field = 'period'): ReportingPeriod {
  const m = /^\s*(\d{4})\s*\/\s*(\d{2})\s+([QqMm])(\d{1,2})\s*$/.exec(text);
  const fy = m ? Number(m[1]) : NaN;
  const next = m ? Number(m[2]) : NaN;
  const kind = m?.[3]?.toUpperCase();
  const index = m ? Number(m[4]) : NaN;
  if (!m || (fy + 1) % 100 !== next || (kind === 'Q' && (index < 1 || index > 4)) || (kind === 'M' && (index < 1 || index > 12))) {
    throw new ValidationError(`"${text}" is not a reporting period: write the financial year and the quarter or month, like 2026/27 Q3 or 2026/27 M7`, field);
  }
  return kind === 'Q' ? quarterPeriod(fy, index) : monthPeriod(fy, index);
}

/** "2026/27 Q3 (October to December 2026)", "2026/27 M7 (October 2026)". */
export function periodDescription(p: ReportingPeriod): string {
  const [sy, sm] = p.start.split('-').map(Number) as [number, number];
  const [ey, em] = p.end.split('-').map(Number) as [number, number];
  const words = sm === em && sy === ey ? `${MONTHS[sm - 1]} ${sy}` : sy === ey ? `${MONTHS[sm - 1]} to ${MONTHS[em - 1]} ${ey}` : `${MONTHS[sm - 1]} ${sy} to ${MONTHS[em - 1]} ${ey}`;
  return `${p.label} (${words})`;
}

/** Ten working days after the period ends (weekends and bank holidays in England skipped). */
export const defaultDueDate = (p: ReportingPeriod): string => addWorkingDays(p.end, DEFAULT_DUE_WORKING_DAYS);
