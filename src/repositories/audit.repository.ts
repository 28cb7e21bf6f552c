// The append-only audit trail: who changed what, when, with the state before and after.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { AuditEvent } from '../domain/audit-events.ts';

export interface AuditEventInput {
  organisationId: number | null;
  actor: string;
  event: AuditEvent;
  entityType: string;
  entityId: number | null;
  entityKey: string | null;
  before: unknown;
  after: unknown;
}

/** A recorded event as stored: its name is read as written, which may be from an older or newer version. */
export interface AuditEntry extends Omit<AuditEventInput, 'event'> {
  event: string;
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

export interface AuditPageQuery {
  organisationId: number;
  entityKey?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** The ids of the things a page of events mentions, by kind. */
export interface AuditNameIds {
  nodes: number[];
  risks: number[];
  measures: number[];
}

/** What the things a page of events mentions are called now, by id. */
export interface AuditNames {
  nodes: ReadonlyMap<number, { number: string; title: string }>;
  risks: ReadonlyMap<number, { reference: string; title: string }>;
  measures: ReadonlyMap<number, { code: string; title: string; unit: string }>;
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

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('auditEvent').selectAll().where('organisationId', '=', q.organisationId);
    if (q.entityType !== undefined) query = query.where('entityType', '=', q.entityType);
    if (q.entityId !== undefined) query = query.where('entityId', '=', q.entityId);
    if (q.entityKey !== undefined) query = query.where('entityKey', '=', q.entityKey);
    if (q.actor !== undefined) query = query.where((eb) => eb(eb.fn('lower', ['actor']), 'like', `%${q.actor!.toLowerCase()}%`));
    const rows = await query.orderBy('id', 'desc').limit(q.limit ?? 100).execute();
    return rows;
  }

  /**
   * One page of events, newest first, and how many match in all. `entityKey` finds that entity and,
   * for a plan slug, everything in the plan (its actions and risks are keyed plan-slug:…); `from` and
   * `to` are dates, both included, in UTC.
   */
  async page(q: AuditPageQuery): Promise<{ events: AuditEntry[]; total: number }> {
    let query = this.db.selectFrom('auditEvent').where('organisationId', '=', q.organisationId);
    if (q.entityKey !== undefined) {
      const key = q.entityKey;
      const prefix = `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;
      query = query.where((eb) => eb.or([eb('entityKey', '=', key), eb('entityKey', 'like', prefix)]));
    }
    if (q.entityType !== undefined) query = query.where('entityType', '=', q.entityType);
    if (q.actor !== undefined) {
      const like = `%${q.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb(eb.fn('lower', ['actor']), 'like', like));
    }
    if (q.from !== undefined) query = query.where('occurredAt', '>=', new Date(`${q.from}T00:00:00Z`));
    if (q.to !== undefined) query = query.where('occurredAt', '<', new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
    const [events, count] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { events, total: Number(count.n) };
  }

  /**
   * The names of the parts of plans, risks and measures a page of events mentions, read once for the
   * page (a query for each kind with any ids) rather than once for each event.
   */
  async names(organisationId: number, ids: AuditNameIds): Promise<AuditNames> {
    const [nodes, risks, measures] = await Promise.all([
      ids.nodes.length === 0
        ? []
        : this.db
            .selectFrom('planNode')
            .innerJoin('plan', 'plan.id', 'planNode.planId')
            .select(['planNode.id', 'planNode.number', 'planNode.title'])
            .where('plan.organisationId', '=', organisationId)
            .where('planNode.id', 'in', ids.nodes)
            .execute(),
      ids.risks.length === 0
        ? []
        : this.db.selectFrom('risk').select(['id', 'reference', 'title']).where('organisationId', '=', organisationId).where('id', 'in', ids.risks).execute(),
      ids.measures.length === 0
        ? []
        : this.db.selectFrom('measure').select(['id', 'code', 'title', 'unit']).where('organisationId', '=', organisationId).where('id', 'in', ids.measures).execute(),
    ]);
    return {
      nodes: new Map(nodes.map((n) => [n.id, { number: n.number, title: n.title }])),
      risks: new Map(risks.map((r) => [r.id, { reference: r.reference, title: r.title }])),
      measures: new Map(measures.map((m) => [m.id, { code: m.code, title: m.title, unit: m.unit }])),
    };
  }

  /** The newest event about one entity, to tell a user whose edit went stale who changed it. */
  async latestFor(entityType: string, entityId: number): Promise<AuditEntry | undefined> {
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
