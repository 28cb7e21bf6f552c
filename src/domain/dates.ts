// Calendar dates as ISO strings (yyyy-mm-dd), compared and subtracted without time zones.
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a date written yyyy-mm-dd' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be a date and time in ISO 8601, e.g. 2018-02-09T10:00:00Z' });

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The date in England at that instant: "today" for Parentis. Not the UTC date, which is still
 * yesterday for the first hour of every day of British Summer Time.
 */
export function todayInLondon(now: Date = new Date()): string {
  const parts = LONDON_DAY.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A yyyy-mm-dd date as a reader writes it: "30 September 2026" (the day as written, never shifted by a time zone). */
export const longDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

/** The date n days after (before, when n is negative) a yyyy-mm-dd date. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Accepts yyyy-mm-dd or the dd/mm/yyyy councils write; returns yyyy-mm-dd. */
export function parseDateInput(value: string): string {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  throw new RangeError(`"${value}" is not a date: write yyyy-mm-dd or dd/mm/yyyy`);
}
