// A demonstration plan's slug as `npm start` loads it today: the demonstration moves whole years to stand in the present.
import { demoYearShift, shiftText } from '../../src/demo/shift.ts';
import { todayInLondon } from '../../src/domain/dates.ts';

/** The slug a plan written as e.g. cypp-2016-19 has in a demonstration loaded today. */
export const demoSlug = (asWritten: string): string => shiftText(asWritten, demoYearShift(todayInLondon()));
