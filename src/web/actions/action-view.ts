// View models for the action pages: what the signed-in person may do and the status timeline.
import type { Brag } from '../../domain/brag.ts';
import type { ActionPermissions } from '../../domain/action-permissions.ts';
import type { ActionDetail } from '../../services/actions/index.ts';

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
