// The date a progress update is for: one rule for the form, the API and the command line.
import { isIsoDate } from './dates.ts';

/**
 * Updates describe work done: never a day after today. Nor before 2000: Parentis's plans are this
 * century's, and an earlier date is a slip of the keyboard (0001-01-01) that would show an update
 * as tens of thousands of days old.
 */
export const EARLIEST_UPDATE_DATE = '2000-01-01';

/** What is wrong with an update's date (yyyy-mm-dd), or undefined when it is fine; `today` is yyyy-mm-dd. */
export function updateDateProblem(date: string, today: string): string | undefined {
  if (!isIsoDate(date)) return 'The date of the update must be a real date written yyyy-mm-dd';
  if (date > today) return 'The date of the update must be today or in the past';
  if (date < EARLIEST_UPDATE_DATE) return 'The date of the update must be 1 January 2000 or later';
  return undefined;
}
