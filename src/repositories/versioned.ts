// Optimistic concurrency for editable rows: the version moves on only from the version the caller read.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Versioned = 'action' | 'risk' | 'voiceItem' | 'plan';

/** Moves the version on when the caller's version is still current; undefined when it is stale. */
export async function bumpVersion(db: Kysely<Database>, table: Versioned, id: number, expectedVersion: number): Promise<number | undefined> {
  // Every versioned table has id, version and updated_at; typing against one of them keeps Kysely's checks.
  const row = await db
    .updateTable(table as 'action')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}
