// View models for the action pages: addresses, what the signed-in person may do, the status timeline
// and progress update text split into paragraphs and bullets.
import type { Brag } from '../../domain/brag.ts';
import type { ActionPermissions } from '../../domain/action-permissions.ts';
import type { ActionDetail } from '../../services/actions/index.ts';

/**
 * The address of an action's page, /plans/<plan-slug>/actions/<number>, from its key
 * (plan-slug:number, as the command line writes it); with a suffix, one of its forms.
 */
export function actionPath(key: string, suffix = ''): string {
  const i = key.indexOf(':');
  const plan = i < 0 ? key : key.slice(0, i);
  const number = i < 0 ? '' : key.slice(i + 1);
  return `/plans/${encodeURIComponent(plan)}/actions/${encodeURIComponent(number)}${suffix === '' ? '' : `/${suffix}`}`;
}

export function planPath(slug: string, suffix = ''): string {
  return `/plans/${encodeURIComponent(slug)}${suffix === '' ? '' : `/${suffix}`}`;
}

/** A cross-reference's page, e.g. /refs/inspection/11. */
export const refPath = (kind: string, value: string): string => `/refs/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`;

/** A risk's anchor in the register when its reference is used once, e.g. risk-R1. */
export const riskAnchor = (reference: string): string => `risk-${reference.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

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

export type TextBlock = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/**
 * Progress update text as councils write it: paragraphs separated by a blank line; lines starting
 * "- " are bullets.
 */
export function textBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let para: string[] = [];
    let list: string[] = [];
    const flush = (): void => {
      if (para.length > 0) blocks.push({ kind: 'p', text: para.join(' ') });
      if (list.length > 0) blocks.push({ kind: 'ul', items: list });
      para = [];
      list = [];
    };
    for (const line of lines) {
      if (/^[-•*]\s+/.test(line)) {
        if (para.length > 0) {
          blocks.push({ kind: 'p', text: para.join(' ') });
          para = [];
        }
        list.push(line.replace(/^[-•*]\s+/, ''));
      } else {
        if (list.length > 0) {
          blocks.push({ kind: 'ul', items: list });
          list = [];
        }
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** Success messages after a form, keyed by the `done` query parameter of the redirect. */
export const DONE_MESSAGES: Record<string, string> = {
  'update-added': 'Your progress update has been added',
  'update-and-status': 'Your progress update and BRAG status have been recorded',
  'update-and-proposal': 'Your progress update has been added and your proposed BRAG status is waiting for a decision',
  'proposal-approved': 'The proposed BRAG status has been approved',
  'proposal-rejected': 'The proposed BRAG status has been rejected',
  'deadline-revised': 'The deadline has been revised',
  'deadline-requested': 'Your request for a new deadline is waiting for a decision',
  'deadline-approved': 'The new deadline has been approved',
  'deadline-rejected': 'The request for a new deadline has been turned down',
  'action-edited': 'The action has been saved',
  'action-added': 'The action has been added',
  'node-added': 'The part of the plan has been added',
  'node-edited': 'The part of the plan has been saved',
};
