// Small builders that keep the demonstration plans readable: owners, deadlines, statuses and updates.
import type { z } from 'zod';
import type { Brag } from '../../domain/brag.ts';
import type { deadlineSchema, ownerSchema, statusEntrySchema, updateSchema } from '../../domain/plan-document.ts';
import type { Person } from './authority.ts';

export type OwnerInput = z.input<typeof ownerSchema>;
export type DeadlineInput = z.input<typeof deadlineSchema>;
export type StatusInput = z.input<typeof statusEntrySchema>;
export type UpdateInput = z.input<typeof updateSchema>;

/** Owners as "Name, Role" pairs. */
export function owners(...people: Person[]): OwnerInput[] {
  return people.map((p) => ({ name: p.name, role: p.role }));
}

/** The deadline an action was given when the plan was agreed. */
export function originalDeadline(date: string, setBy: Person, setAt: string): DeadlineInput {
  return { date, reason: 'Original deadline', setBy: setBy.name, setAt };
}

/** A later revision of an action's deadline, with the reason the board accepted. */
export function revisedDeadline(date: string, reason: string, setBy: Person, setAt: string): DeadlineInput {
  return { date, reason, setBy: setBy.name, setAt };
}

/**
 * A BRAG status as at a date. `approvedBy` null leaves the status as a proposal awaiting approval.
 * Recorded at the end of the as-at day unless a time is given.
 */
export function brag(
  status: Brag,
  asAt: string,
  reason: string,
  proposedBy: Person,
  approvedBy: Person | null,
  recordedAt: string = `${asAt}T16:30:00Z`,
): StatusInput {
  return { status, kind: 'current', asAt, reason, proposedBy: proposedBy.name, approvedBy: approvedBy?.name ?? null, recordedAt };
}

/** A dated progress update; each argument is a paragraph or a block of bullets. */
export function update(date: string, author: Person, ...paragraphs: string[]): UpdateInput {
  return { date, author: author.name, body: paragraphs.join('\n\n') };
}

/** Bullet lines ("- item") for an update body or a success measure. */
export function bullets(...items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
