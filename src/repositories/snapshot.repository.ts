// Frozen "as reported" snapshots: headers numbered per authority and their sections as jsonb; only
// ever inserted and read (the database refuses UPDATE and DELETE on both tables).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SnapshotTable } from '../db/types.ts';
import type { Round } from './round.repository.ts';

export type Snapshot = Selectable<SnapshotTable>;

/** True for a moment (a timestamp column) by the end of `asAt` in England; always true without a date. */
const recordedBy = (column: string, asAt: string | null) =>
  asAt === null ? sql`true` : sql`${sql.ref(column)} < (cast(${asAt} as date) + 1)::timestamp at time zone 'Europe/London'`;

/** An approved status (s) as it stood at the end of `asAt`: as at that day, recorded and approved by then. */
const statusKnownBy = (asAt: string | null) =>
  asAt === null ? sql`true` : sql`s.as_at <= cast(${asAt} as date) and ${recordedBy('s.recorded_at', asAt)} and (s.decided_at is null or ${recordedBy('s.decided_at', asAt)})`;

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

  /**
   * Stores the snapshot's actions section, built inside the database in one statement: every plan of
   * the round (by title) with its parts and every action (in plan order) with its owners, newest
   * approved status and forecast (ties broken as the domain's statusAt breaks them), deadlines (the
   * one set last is current, the first entered the original, each with the London day it was set)
   * and the updates dated from `from` to `to`. With `asAt`, only what was recorded by the end of that
   * day (in England) counts: statuses recorded and decided, and deadlines set. The several megabytes
   * of text never leave the database.
   */
  async insertActionsSection(snapshotId: number, roundId: number, from: string, to: string, asAt: string | null = null): Promise<void> {
    // Ordering a plan's actions sorts their whole documents (megabytes at 1,500 actions): with the
    // default 4 MB of working memory that sort spills to files. Only for this transaction.
    await sql`set local work_mem = '64MB'`.execute(this.db);
    await sql`
      with plans as (
        select p.id, p.slug, p.title from reporting_round_plan rp join plan p on p.id = rp.plan_id where rp.round_id = ${roundId}
      ),
      acts as (
        select a.id, a.plan_id, a.node_id, a.position, a.number, a.title from action a where a.plan_id in (select id from plans)
      ),
      owners as (
        select o.action_id, jsonb_agg(coalesce(o.name, o.role, '') order by o.position, o.id) filter (where coalesce(o.name, o.role, '') <> '') as names
        from action_owner o where o.action_id in (select id from acts) group by o.action_id
      ),
      deadlines as (
        select d.action_id,
          jsonb_agg(jsonb_build_object('dueDate', d.due_date, 'reason', d.reason, 'setOn', to_char(d.set_at at time zone 'Europe/London', 'YYYY-MM-DD'))
            order by date_trunc('milliseconds', d.set_at), d.id) as history,
          (array_agg(d.due_date order by date_trunc('milliseconds', d.set_at) desc, d.id desc))[1] as current,
          (array_agg(d.due_date order by d.id))[1] as original
        from action_deadline d where d.action_id in (select id from acts) and ${recordedBy('d.set_at', asAt)} group by d.action_id
      ),
      statuses as (
        select distinct on (s.action_id, s.kind) s.action_id, s.kind, trim(s.status) as status, s.as_at
        from action_status s
        where s.action_id in (select id from acts) and s.approved_by is not null and ${statusKnownBy(asAt)}
        order by s.action_id, s.kind, s.as_at desc, date_trunc('milliseconds', s.recorded_at) desc, s.id desc
      ),
      updates as (
        select u.action_id, jsonb_agg(jsonb_build_object('date', u.update_date, 'author', u.author, 'body', u.body) order by u.update_date, u.id) as list
        from progress_update u
        where u.action_id in (select id from acts) and u.update_date >= ${from} and u.update_date <= ${to}
        group by u.action_id
      ),
      plan_actions as (
        select a.plan_id, jsonb_agg(jsonb_build_object(
            'key', p.slug || ':' || a.number,
            'number', a.number,
            'title', a.title,
            'nodeId', a.node_id,
            'owners', coalesce(o.names, '[]'),
            'status', case when cur.status in ('B', 'R', 'A', 'G') then cur.status end,
            'statusAsAt', cur.as_at,
            'forecast', case when fc.status in ('B', 'R', 'A', 'G') then fc.status end,
            'deadline', d.current,
            'originalDeadline', d.original,
            'deadlines', coalesce(d.history, '[]'),
            'updates', coalesce(u.list, '[]')
          ) order by a.node_id, a.position, a.id) as list
        from acts a
        join plans p on p.id = a.plan_id
        left join owners o on o.action_id = a.id
        left join deadlines d on d.action_id = a.id
        left join statuses cur on cur.action_id = a.id and cur.kind = 'current'
        left join statuses fc on fc.action_id = a.id and fc.kind = 'forecast'
        left join updates u on u.action_id = a.id
        group by a.plan_id
      ),
      plan_nodes as (
        select n.plan_id, jsonb_agg(jsonb_build_object('id', n.id, 'parentId', n.parent_id, 'kind', n.kind, 'number', n.number, 'title', n.title) order by n.position, n.id) as list
        from plan_node n where n.plan_id in (select id from plans) group by n.plan_id
      )
      insert into snapshot_section (snapshot_id, section, content)
      select cast(${snapshotId} as int), 'actions', coalesce(jsonb_agg(jsonb_build_object('slug', p.slug, 'title', p.title, 'nodes', coalesce(n.list, '[]'), 'actions', coalesce(a.list, '[]')) order by p.title, p.id), '[]')
      from plans p
      left join plan_nodes n on n.plan_id = p.id
      left join plan_actions a on a.plan_id = p.id
    `.execute(this.db);
  }

  /** Each action of these plans with its current approved status (as the actions section has it): enough to count the programmes' statuses. */
  async actionStatuses(planIds: readonly number[], asAt: string | null = null): Promise<{ planId: number; nodeId: number; status: string | null }[]> {
    if (planIds.length === 0) return [];
    const { rows } = await sql<{ planId: number; nodeId: number; status: string | null }>`
      select a.plan_id, a.node_id, cur.status
      from action a
      left join lateral (
        select trim(s.status) as status from action_status s
        where s.action_id = a.id and s.kind = 'current' and s.approved_by is not null and ${statusKnownBy(asAt)}
        order by s.as_at desc, date_trunc('milliseconds', s.recorded_at) desc, s.id desc limit 1
      ) cur on true
      where a.plan_id = any(cast(${`{${planIds.join(',')}}`} as int[]))
    `.execute(this.db);
    return rows;
  }

  /** The round's actions in the order the actions section holds them (plans by title, then plan order), with their keys. */
  async roundActions(roundId: number): Promise<{ id: number; key: string }[]> {
    const { rows } = await sql<{ id: number; key: string }>`
      select a.id, p.slug || ':' || a.number as key
      from reporting_round_plan rp join plan p on p.id = rp.plan_id join action a on a.plan_id = p.id
      where rp.round_id = ${roundId}
      order by p.title, p.id, a.node_id, a.position, a.id
    `.execute(this.db);
    return rows;
  }

  /** The authority's newest round (by period end) not yet closed into a snapshot. */
  newestOpenRound(organisationId: number): Promise<Round | undefined> {
    return this.db
      .selectFrom('reportingRound as r')
      .selectAll('r')
      .where('r.organisationId', '=', organisationId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('snapshot as s').select('s.id').whereRef('s.roundId', '=', 'r.id'))))
      .orderBy('r.periodEnd', 'desc')
      .orderBy('r.id', 'desc')
      .limit(1)
      .executeTakeFirst();
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
}
