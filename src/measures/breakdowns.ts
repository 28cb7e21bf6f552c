// The order a breakdown's categories are read in: numbered bands by their first number ("0 to 4",
// "5 to 9", "10 to 15", "16 to 17", "18 and over", "Under 1" as 0), named categories A to Z, and
// "Not known" last, whatever order they were stored in.

const firstNumber = (category: string): number | null => {
  if (/^under\b/i.test(category.trim())) return 0;
  const m = /^\s*(\d+)/.exec(category);
  return m === null ? null : Number(m[1]);
};

const isNotKnown = (category: string): boolean => /^not known$/i.test(category.trim());

export function compareCategories(a: string, b: string): number {
  if (isNotKnown(a) !== isNotKnown(b)) return isNotKnown(a) ? 1 : -1;
  const na = firstNumber(a);
  const nb = firstNumber(b);
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if ((na === null) !== (nb === null)) return na === null ? 1 : -1;
  return a.localeCompare(b, 'en-GB');
}
