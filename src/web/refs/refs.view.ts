// What the cross-reference pages show: every reference recorded or in use, grouped by kind in natural order.
import { REF_KINDS, type RefKind } from '../../domain/plan-document.ts';
import type { RefCount } from '../../services/actions/index.ts';
import type { ReferenceView } from '../../services/reference.service.ts';
import { refPath } from '../kit/paths.ts';
import { byRefValue, refHeading, refKindLabels, refSummary } from '../kit/references.ts';

export { isRefKind, refHeading, refKindLabels } from '../kit/references.ts';

export interface RefGroupView {
  kind: RefKind;
  heading: string;
  id: string;
  rows: { value: string; label: string; summary: string; href: string; actions: number }[];
}

/** Groups the references recorded or cited by an action, by kind in the order kinds are listed, each in natural order. */
export function refGroups(counts: RefCount[], recorded: ReferenceView[] = []): RefGroupView[] {
  const groups: RefGroupView[] = [];
  for (const kind of REF_KINDS) {
    const byValue = new Map<string, { value: string; actions: number; ref?: ReferenceView }>();
    for (const r of recorded.filter((x) => x.kind === kind)) byValue.set(r.value.toLowerCase(), { value: r.value, actions: 0, ref: r });
    for (const c of counts.filter((x) => x.kind === kind)) {
      const seen = byValue.get(c.value.toLowerCase());
      byValue.set(c.value.toLowerCase(), { value: seen?.value ?? c.value, actions: (seen?.actions ?? 0) + c.actions, ...(seen?.ref ? { ref: seen.ref } : {}) });
    }
    const rows = [...byValue.values()]
      .sort((a, b) => byRefValue(a.value, b.value))
      .map((c) => ({ value: c.value, label: refHeading(kind, c.value), summary: refSummary(c.ref), href: refPath(kind, c.value), actions: c.actions }));
    if (rows.length > 0) groups.push({ kind, heading: refKindLabels[kind].many, id: `kind-${kind}`, rows });
  }
  return groups;
}
