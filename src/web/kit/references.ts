// Cross-references in words, for every page that shows them: the kinds' names, one reference's
// heading ("Inspection recommendation 11") and its short label with what it says.
import { REF_KINDS, type RefKind } from '../../domain/plan-document.ts';

export const refKindLabels: Record<RefKind, { one: string; many: string }> = {
  inspection: { one: 'Inspection recommendation', many: 'Inspection recommendations' },
  challenge: { one: 'Challenge', many: 'Sufficiency challenges' },
  programme: { one: 'Programme', many: 'Programmes' },
  measure: { one: 'Measure', many: 'Measures' },
  tag: { one: 'Tag', many: 'Tags' },
};

export const isRefKind = (v: string): v is RefKind => (REF_KINDS as readonly string[]).includes(v);

/** "Inspection recommendation 11", "Challenge 4", "Tag: fostering". */
export const refHeading = (kind: RefKind, value: string): string => (kind === 'tag' ? `${refKindLabels[kind].one}: ${value}` : `${refKindLabels[kind].one} ${value}`);

/** Numbers in their natural order (2 before 10), then anything else alphabetically. */
export const byRefValue = (a: string, b: string): number => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });

/** What a reference says in a line: its title, else the start of its text. */
export function refSummary(r: { title: string; body: string } | undefined, length = 120): string {
  if (!r) return '';
  const text = (r.title !== '' ? r.title : r.body).replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > 0 ? cut : length)} …`;
}

/** A cross-reference as an action stores it, "inspection:11", in words: "Inspection recommendation 11". */
export function storedRefWords(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  const at = stored.indexOf(':');
  const kind = stored.slice(0, at);
  return at > 0 && isRefKind(kind) ? refHeading(kind, stored.slice(at + 1)) : stored;
}

const storedRefs = (record: unknown, key: string): string[] | undefined => {
  const v = record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
};

/**
 * The cross-references an action's change linked and unlinked, each in words, from its recorded
 * state before and after; undefined when the change did not record its references both sides.
 */
export function refsChanged(before: unknown, after: unknown): { linked: string[]; unlinked: string[] } | undefined {
  const had = storedRefs(before, 'refs');
  const has = storedRefs(after, 'refs');
  if (had === undefined || has === undefined) return undefined;
  const named = (refs: string[]): string[] => refs.map((r) => String(storedRefWords(r)));
  return { linked: named(has.filter((r) => !had.includes(r))), unlinked: named(had.filter((r) => !has.includes(r))) };
}
