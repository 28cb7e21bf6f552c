// What the cross-reference pages show: the kinds of reference in words, and the heading of one reference.
import { REF_KINDS, type RefKind } from '../../domain/plan-document.ts';
import type { RefCount } from '../../services/actions/index.ts';
import { refPath } from '../kit/paths.ts';

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
const byValue = (a: string, b: string): number => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });

export interface RefGroupView {
  kind: RefKind;
  heading: string;
  id: string;
  rows: { value: string; label: string; href: string; actions: number }[];
}

/** Groups the references in use by kind, in the order kinds are listed, each in natural order. */
export function refGroups(counts: RefCount[]): RefGroupView[] {
  const groups: RefGroupView[] = [];
  for (const kind of REF_KINDS) {
    const rows = counts
      .filter((c) => c.kind === kind)
      .sort((a, b) => byValue(a.value, b.value))
      .map((c) => ({ value: c.value, label: refHeading(kind, c.value), href: refPath(kind, c.value), actions: c.actions }));
    if (rows.length > 0) groups.push({ kind, heading: refKindLabels[kind].many, id: `kind-${kind}`, rows });
  }
  return groups;
}
