// Stale writes: every versioned write (actions, plan nodes, risks, voice items) turns a version that
// moved on into the same StaleWriteError, which says what the other person changed and that nothing
// was saved.
import { StaleWriteError } from '../domain/errors.ts';
import type { Repositories } from '../repositories/store.ts';

/** The row a versioned write is about: its audit trail's entity and the words that name it to a person. */
export interface VersionedTarget {
  entityType: string;
  entityId: number;
  /** How the message names it: `Action cypp-2016-19:6.7`, `Risk R3`, `"Placement sufficiency"`. */
  what: string;
}

/** The message a user sees when their edit is stale: what changed, by whom, and that nothing was saved. */
export async function staleError(
  repos: Repositories,
  entityType: string,
  entityId: number,
  what: string,
  expected: number,
  current: number,
): Promise<StaleWriteError> {
  const last = await repos.audit.latestFor(entityType, entityId);
  const by = last ? ` (${last.event.replace(/\./g, ' ')} by ${last.actor} at ${last.occurredAt.toISOString().slice(0, 16).replace('T', ' ')})` : '';
  return new StaleWriteError(
    `${what} was changed by someone else since you opened it: you had version ${expected}, it is now version ${current}${by}. Nothing was saved; look at it again and re-apply your change.`,
    current,
    last ? { actor: last.actor, event: last.event, at: last.occurredAt, after: last.after, before: last.before } : undefined,
  );
}

/**
 * Refuses a write made from a version that is no longer current (the row is locked, so `current`
 * cannot move before the transaction ends). No expected version means the caller did not ask.
 */
export async function requireCurrentVersion(repos: Repositories, target: VersionedTarget, expected: number | undefined, current: number): Promise<void> {
  if (expected !== undefined && expected !== current) {
    throw await staleError(repos, target.entityType, target.entityId, target.what, expected, current);
  }
}
