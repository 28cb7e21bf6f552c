// Small numbers are suppressed wherever a board or the public reads aggregate figures: a count from 1
// to 5 could identify a child, so it is not shown, nor is a figure worked out from it.

/** The largest count that is suppressed (DfE practice for children looked after: counts of 1 to 5). */
export const SMALL_NUMBER_MAX = 5;

/** True when a count must not be shown: from 1 to SMALL_NUMBER_MAX (zero is shown). */
export const isSmallNumber = (count: number | null | undefined): boolean => count !== null && count !== undefined && count >= 1 && count <= SMALL_NUMBER_MAX;

/** True when a figure must be suppressed because its numerator or denominator is a small number. */
export const suppressesFigure = (numerator: number | null, denominator: number | null): boolean => isSmallNumber(numerator) || isSmallNumber(denominator);
