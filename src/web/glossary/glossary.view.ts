// The glossary page: terms grouped A to Z, with a letter index that shows which letters have terms.
import type { GlossaryTerm } from '../../services/glossary.service.ts';
import { termFormPath } from '../kit/paths.ts';

export interface GlossaryLetter {
  letter: string;
  id: string;
  terms: { id: string; term: string; expansion: string | null; definition: string; editHref: string; retireHref: string }[];
}

/** A term's place on the glossary page, term-<term>; the page numbers a second term with the same anchor. */
export const termAnchor = (term: string): string => `term-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Terms by first letter ("The Pledge" under P, as people look it up); anything else under "Other". */
export function glossaryLetters(terms: GlossaryTerm[]): { index: { letter: string; href: string | null }[]; letters: GlossaryLetter[] } {
  const filed = (t: string): string => t.replace(/^the\s+/i, '');
  const sorted = [...terms].sort((a, b) => filed(a.term).localeCompare(filed(b.term), 'en-GB', { sensitivity: 'base' }));
  const byLetter = new Map<string, GlossaryLetter>();
  const ids = new Set<string>();
  for (const t of sorted) {
    // "PP+" and "PP" would share an id; the second gets a number, since ids must be unique.
    const base = termAnchor(t.term);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const first = filed(t.term).charAt(0).toUpperCase();
    const letter = LETTERS.includes(first) ? first : 'Other';
    let group = byLetter.get(letter);
    if (!group) {
      group = { letter, id: `letter-${letter.toLowerCase()}`, terms: [] };
      byLetter.set(letter, group);
    }
    // A term that is its own expansion ("Staying Put") is not repeated.
    group.terms.push({ id, term: t.term, expansion: t.expansion.trim() === '' || t.expansion === t.term ? null : t.expansion, definition: t.definition, editHref: termFormPath(t.id, 'edit'), retireHref: termFormPath(t.id, 'retire') });
  }
  const letters = [...LETTERS, 'Other'].flatMap((l) => (byLetter.has(l) ? [byLetter.get(l)!] : []));
  const index = LETTERS.map((letter) => ({ letter, href: byLetter.has(letter) ? `#letter-${letter.toLowerCase()}` : null }));
  if (byLetter.has('Other')) index.push({ letter: 'Other', href: '#letter-other' });
  return { index, letters };
}
