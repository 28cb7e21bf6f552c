// Frozen "as reported" snapshots: headers numbered per authority and their sections as jsonb; only
// ever inserted and read (the database refuses UPDATE and DELETE on both tables).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SnapshotTable } from '../db/types.ts';

export type Snapshot = Selectable<SnapshotTable>;

export class SnapshotRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The authority's next snapshot number; its row is locked so two closes number one after the other. */
  async nextNumber(organisationId: number): Promise<number> {
    await sql`select id from organisation where id = ${organisationId} for update`.execute(this.db);
    const r = await this.db.selectFrom('snapshot').select(sql<number>`coalesce(max(number), 0) + 1`.as('next')).where('organisationId', '=', organisationId).executeTakeFirstOrThrow();
    return Number(r.next);
  }

  insert(row: Omit<Snapshot, 'id' | 'takenAt'>): Promise<Snapshot> {
    return this.db.insertInto('snapshot').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async insertSections(snapshotId: number, sections: Readonly<Record<string, unknown>>): Promise<void> {
    const rows = Object.entries(sections).map(([section, content]) => ({ snapshotId, section, content: JSON.stringify(content) }));
    if (rows.length > 0) await this.db.insertInto('snapshotSection').values(rows).execute();
  }

  list(organisationId: number): Promise<Snapshot[]> {
    return this.db.selectFrom('snapshot').selectAll().where('organisationId', '=', organisationId).orderBy('number', 'desc').execute();
  }

  byNumber(organisationId: number, number: number): Promise<Snapshot | undefined> {
    return this.db.selectFrom('snapshot').selectAll().where('organisationId', '=', organisationId).where('number', '=', number).executeTakeFirst();
  }

  byRounds(roundIds: readonly number[]): Promise<Snapshot[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('snapshot').selectAll().where('roundId', 'in', roundIds).execute();
  }

  /** The newest snapshot numbered below `number`, if any. */
  before(organisationId: number, number: number): Promise<Snapshot | undefined> {
    return this.db
      .selectFrom('snapshot')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('number', '<', number)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async sections(snapshotId: number): Promise<Map<string, unknown>> {
    const rows = await this.db.selectFrom('snapshotSection').select(['section', 'content']).where('snapshotId', '=', snapshotId).execute();
    return new Map(rows.map((r) => [r.section, r.content]));
  }

  /** Progress updates of these actions dated from `from` to `to`, oldest first. */
  updatesBetween(actionIds: readonly number[], from: string, to: string): Promise<{ actionId: number; updateDate: string; author: string; body: string }[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('progressUpdate')
      .select(['actionId', 'updateDate', 'author', 'body'])
      .where(sql<boolean>`action_id = any(cast(${`{${actionIds.join(',')}}`} as int[]))`)
      .where('updateDate', '>=', from)
      .where('updateDate', '<=', to)
      .orderBy('actionId')
      .orderBy('updateDate')
      .orderBy('id')
      .execute();
  }

  /** The actions of these plans in plan order, without their histories. */
  actions(planIds: readonly number[]): Promise<{ id: number; planId: number; nodeId: number; number: string; title: string }[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('action')
      .select(['id', 'planId', 'nodeId', 'number', 'title'])
      .where('planId', 'in', planIds)
      .orderBy('planId')
      .orderBy('nodeId')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /**
   * Each action's newest approved status of each kind (current, forecast), ordered as the domain's
   * statusAt orders them: the later as-at date, then the later time to the millisecond, then the later row.
   */
  async approvedStatuses(actionIds: readonly number[]): Promise<{ actionId: number; kind: string; status: string; asAt: string }[]> {
    if (actionIds.length === 0) return [];
    const { rows } = await sql<{ actionId: number; kind: string; status: string; asAt: string }>`
      select distinct on (s.action_id, s.kind) s.action_id, s.kind, trim(s.status) as status, s.as_at
      from action_status s
      where s.action_id = any(cast(${`{${actionIds.join(',')}}`} as int[])) and s.approved_by is not null
      order by s.action_id, s.kind, s.as_at desc, date_trunc('milliseconds', s.recorded_at) desc, s.id desc
    `.execute(this.db);
    return rows;
  }

  /** The owners of these actions, in order. */
  owners(actionIds: readonly number[]): Promise<{ actionId: number; name: string | null; role: string | null }[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('actionOwner')
      .select(['actionId', 'name', 'role'])
      .where(sql<boolean>`action_id = any(cast(${`{${actionIds.join(',')}}`} as int[]))`)
      .orderBy('actionId')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** The authority's measure commentary on periods ending by `periodEnd`, oldest entry first. */
  commentary(organisationId: number, periodEnd: string): Promise<{ measureCode: string; periodEnd: string; body: string }[]> {
    return this.db
      .selectFrom('measureCommentary')
      .select(['measureCode', 'periodEnd', 'body'])
      .where('organisationId', '=', organisationId)
      .where('periodEnd', '<=', periodEnd)
      .orderBy('id')
      .execute();
  }

  /** Every deadline set on these actions in the order they were set (the last is the current one). */
  deadlines(actionIds: readonly number[]): Promise<{ id: number; actionId: number; dueDate: string; reason: string; setAt: Date }[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('actionDeadline')
      .select(['id', 'actionId', 'dueDate', 'reason', 'setAt'])
      .where(sql<boolean>`action_id = any(cast(${`{${actionIds.join(',')}}`} as int[]))`)
      .orderBy('actionId')
      .orderBy(sql`date_trunc('milliseconds', set_at)`)
      .orderBy('id')
      .execute();
  }
}
