// View models for the action pages: what the signed-in person may do, the status timeline, and the
// edit form's cross-reference and measure checkboxes.
import type { Brag } from '../../domain/brag.ts';
import type { ActionPermissions } from '../../domain/action-permissions.ts';
import type { ActionDetail } from '../../services/actions/index.ts';
import { RECORDED_REF_KINDS, type RecordedRefKind } from '../../domain/references.ts';
import { byRefValue, refHeading, refKindLabels, refSummary } from '../kit/references.ts';

/** What the signed-in person may do with this action, as the services work it out. */
export const mayOf = (action: ActionDetail): ActionPermissions => action.may;

export interface TimelineEntry {
  status: Brag;
  kind: string;
  asAt: string;
  proposedBy: string;
  reason: string;
  /** approved, rejected or awaiting a decision */
  state: 'approved' | 'rejected' | 'proposed';
  decidedBy: string | null;
  decisionReason: string;
}

/** The status history, newest first, each entry with whether it was approved, rejected or still proposed. */
export function statusTimeline(action: ActionDetail): TimelineEntry[] {
  return [...action.statuses].reverse().map((s) => {
    const rejectedBy = s.rejectedBy ?? null;
    return {
      status: s.status,
      kind: s.kind,
      asAt: s.asAt,
      proposedBy: s.proposedBy,
      reason: s.reason,
      state: s.approvedBy !== null ? 'approved' : rejectedBy !== null ? 'rejected' : 'proposed',
      decidedBy: s.approvedBy ?? rejectedBy,
      decisionReason: s.decisionReason,
    };
  });
}

/** A checkbox of the edit form: its value, its words and whether it is ticked. */
export interface LinkItem {
  value: string;
  text: string;
  hint?: { text: string };
  checked: boolean;
}

/** The values ticked in a checkbox field as posted or prefilled: none, one (a string) or several. */
export const tickedOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : []);

/**
 * The edit form's cross-reference checkboxes, one group per kind with text (inspection recommendations,
 * challenges, programmes): every reference recorded, every one the action cites and every one ticked, in natural order.
 */
export function linkGroups(
  recorded: readonly { kind: string; value: string; title: string; body: string }[],
  cited: readonly { kind: string; value: string }[],
  ticked: readonly string[],
): { kind: RecordedRefKind; legend: string; items: LinkItem[] }[] {
  return RECORDED_REF_KINDS.flatMap((kind) => {
    const byValue = new Map<string, { value: string; ref?: { title: string; body: string } }>();
    for (const r of recorded) if (r.kind === kind) byValue.set(r.value.toLowerCase(), { value: r.value, ref: r });
    // What the action cites, and what the person ticked (kept after a stale edit though the action no longer cites it).
    const ticks = ticked.flatMap((t) => (t.startsWith(`${kind}:`) ? [{ kind, value: t.slice(kind.length + 1) }] : []));
    for (const r of [...cited, ...ticks]) if (r.kind === kind && !byValue.has(r.value.toLowerCase())) byValue.set(r.value.toLowerCase(), { value: r.value });
    const items = [...byValue.values()]
      .sort((a, b) => byRefValue(a.value, b.value))
      .map((r) => {
        const summary = refSummary(r.ref, 90);
        return { value: `${kind}:${r.value}`, text: refHeading(kind, r.value), ...(summary !== '' ? { hint: { text: summary } } : {}), checked: ticked.includes(`${kind}:${r.value}`) };
      });
    return items.length > 0 ? [{ kind, legend: refKindLabels[kind].many, items }] : [];
  });
}

/** The edit form's measure checkboxes: the library by title, and any code the action cites that the library no longer holds. */
export function measureItems(library: readonly { code: string; title: string }[], cited: readonly { kind: string; value: string }[], ticked: readonly string[]): LinkItem[] {
  const known = new Set(library.map((m) => m.code));
  const gone = cited.filter((r) => r.kind === 'measure' && !known.has(r.value)).map((r) => ({ code: r.value, title: `${r.value} (no longer in the library)` }));
  return [...library, ...gone].map((m) => ({ value: m.code, text: m.title, checked: ticked.includes(m.code) }));
}
