// The time and the date for Parentis, given to services and pages so that "today" can be pinned.
import { todayInLondon } from './dates.ts';

export interface Clock {
  /** The instant: sessions, tokens and sign-in limits run on it. */
  now(): Date;
  /** The date in England (yyyy-mm-dd): overdue, days since update, the default date of an update. */
  today(): string;
}

export const systemClock: Clock = { now: () => new Date(), today: () => todayInLondon() };

/** The system clock, or with today pinned to a date (PARENTIS_TODAY) while the instant runs on. */
export const clockWithToday = (today: string | undefined): Clock => (today === undefined ? systemClock : { now: () => new Date(), today: () => today });

/** A clock stopped at one instant. */
export const stoppedClock = (at: Date): Clock => ({ now: () => new Date(at), today: () => todayInLondon(at) });
