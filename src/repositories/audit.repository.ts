// The append-only audit trail: who changed what, when, with the state before and after.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface AuditEventInput {
  organisationId: number | null;
  actor: string;
  event: string;
  entityType: string;
  entityId: number | null;
  entityKey: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditEvent extends AuditEventInput {
  id: string;
  occurredAt: Date;
}

export interface AuditQuery {
  organisationId: number;
  entityType?: string | undefined;
  entityId?: number | undefined;
  entityKey?: string | undefined;
  actor?: string | undefined;
  limit?: number | undefined;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(e: AuditEventInput): Promise<void> {
    await this.db
      .insertInto('auditEvent')
      .values({
        ...e,
        before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      })
      .execute();
  }

  async list(q: AuditQuery): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('auditEvent').selectAll().where('organisationId', '=', q.organisationId);
    if (q.entityType !== undefined) query = query.where('entityType', '=', q.entityType);
    if (q.entityId !== undefined) query = query.where('entityId', '=', q.entityId);
    if (q.entityKey !== undefined) query = query.where('entityKey', '=', q.entityKey);
    if (q.actor !== undefined) query = query.where((eb) => eb(eb.fn('lower', ['actor']), 'like', `%${q.actor!.toLowerCase()}%`));
    const rows = await query.orderBy('id', 'desc').limit(q.limit ?? 100).execute();
    return rows;
  }

  /** The newest event about one entity, to tell a user whose edit went stale who changed it. */
  async latestFor(entityType: string, entityId: number): Promise<AuditEvent | undefined> {
    const row = await this.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('entityType', '=', entityType)
      .where('entityId', '=', entityId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row;
  }
}
