// Actions with their owners, deadline history, BRAG history, progress updates, references and KPIs.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { bumpVersion } from './versioned.ts';
import type {
  ActionDeadlineTable,
  ActionKpiTable,
  ActionOwnerTable,
  ActionRefTable,
  ActionStatusTable,
  ActionTable,
  Database,
  ProgressUpdateTable,
} from '../db/types.ts';

export type Action = Selectable<ActionTable>;
export type ActionWithPlan = Action & { planSlug: string; planTitle: string };
export type ActionOwner = Selectable<ActionOwnerTable>;
export type ActionDeadline = Selectable<ActionDeadlineTable>;
export type ActionStatus = Selectable<ActionStatusTable>;
export type ProgressUpdate = Selectable<ProgressUpdateTable>;
export type ActionRef = Selectable<ActionRefTable>;
export type ActionKpi = Selectable<ActionKpiTable>;

export interface ActionQuery {
  organisationId: number;
  planId?: number | undefined;
  /** Case-insensitive part of an owner's name or role title. */
  owner?: string | undefined;
  ref?: { kind: string; value: string } | undefined;
  /** Words to find in the action's number, title, description or its updates. */
  text?: string | undefined;
  ids?: number[] | undefined;
  /** Only the sub-actions of this action. */
  parentActionId?: number | undefined;
}

export interface RefCount {
  kind: string;
  value: string;
  actions: number;
}

/** Multi-row inserts of at most 1,000 rows: one statement per row is ten times slower. */
export function* chunks<T>(rows: readonly T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export class ActionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db
      .selectFrom('action')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .selectAll('action')
      .select(['plan.slug as planSlug', 'plan.title as planTitle']);
  }

  async list(q: ActionQuery): Promise<ActionWithPlan[]> {
    let query = this.base().where('plan.organisationId', '=', q.organisationId);
    if (q.planId !== undefined) query = query.where('action.planId', '=', q.planId);
    if (q.parentActionId !== undefined) query = query.where('action.parentActionId', '=', q.parentActionId);
    if (q.ids !== undefined) {
      if (q.ids.length === 0) return [];
      query = query.where('action.id', 'in', q.ids);
    }
    if (q.owner !== undefined) {
      const like = `%${q.owner.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('actionOwner')
            .select(sql.lit(1).as('one'))
            .whereRef('actionOwner.actionId', '=', 'action.id')
            .where(sql<string>`lower(coalesce(action_owner.name, '') || ' ' || coalesce(action_owner.role, ''))`, 'like', like),
        ),
      );
    }
    if (q.ref !== undefined) {
      const ref = q.ref;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('actionRef')
            .select(sql.lit(1).as('one'))
            .whereRef('actionRef.actionId', '=', 'action.id')
            .where('actionRef.kind', '=', ref.kind)
            .where(sql<string>`lower(action_ref.value)`, '=', ref.value.toLowerCase()),
        ),
      );
    }
    if (q.text !== undefined) {
      const like = `%${q.text.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql<string>`lower(action.number || ' ' || action.title || ' ' || action.description)`, 'like', like),
          eb.exists(
            eb
              .selectFrom('progressUpdate')
              .select(sql.lit(1).as('one'))
              .whereRef('progressUpdate.actionId', '=', 'action.id')
              .where(sql<string>`lower(progress_update.body)`, 'like', like),
          ),
        ]),
      );
    }
    return query.orderBy('action.planId').orderBy('action.nodeId').orderBy('action.position').orderBy('action.id').execute();
  }

  findByNumber(planId: number, number: string): Promise<ActionWithPlan | undefined> {
    return this.base().where('action.planId', '=', planId).where('action.number', '=', number).executeTakeFirst();
  }

  /** Reads the action and locks its row until the transaction ends, so concurrent writers queue. */
  lock(id: number): Promise<Action | undefined> {
    return this.db.selectFrom('action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  bumpVersion(id: number, expectedVersion: number): Promise<number | undefined> {
    return bumpVersion(this.db, 'action', id, expectedVersion);
  }

  /** Writes edited fields; the caller has locked the row and moves the version on. */
  async setFields(id: number, fields: Partial<Pick<Action, 'title' | 'description' | 'successMeasures' | 'outcome' | 'flags'>>): Promise<void> {
    await this.db.updateTable('action').set(fields).where('id', '=', id).execute();
  }

  insert(a: Insertable<ActionTable>): Promise<Action> {
    return this.db.insertInto('action').values(a).returningAll().executeTakeFirstOrThrow();
  }

  async replaceOwners(actionId: number, owners: { name: string | null; role: string | null }[]): Promise<void> {
    await this.db.deleteFrom('actionOwner').where('actionId', '=', actionId).execute();
    if (owners.length > 0)
      await this.db
        .insertInto('actionOwner')
        .values(owners.map((o, position) => ({ actionId, position, name: o.name, role: o.role })))
        .execute();
  }

  async insertOwners(rows: Insertable<ActionOwnerTable>[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('actionOwner').values(part).execute();
  }

  async insertDeadlines(rows: Insertable<ActionDeadlineTable>[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('actionDeadline').values(part).execute();
  }

  async insertStatuses(rows: Insertable<ActionStatusTable>[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('actionStatus').values(part).execute();
  }

  async insertUpdates(rows: Insertable<ProgressUpdateTable>[]): Promise<ProgressUpdate[]> {
    const out: ProgressUpdate[] = [];
    for (const part of chunks(rows)) out.push(...(await this.db.insertInto('progressUpdate').values(part).returningAll().execute()));
    return out;
  }

  async insertRefs(rows: Insertable<ActionRefTable>[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('actionRef').values(part).onConflict((oc) => oc.doNothing()).execute();
  }

  async replaceRefs(actionId: number, rows: Insertable<ActionRefTable>[]): Promise<void> {
    await this.db.deleteFrom('actionRef').where('actionId', '=', actionId).execute();
    await this.insertRefs(rows);
  }

  async insertKpis(rows: Insertable<ActionKpiTable>[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('actionKpi').values(part).execute();
  }

  owners(actionIds: number[]): Promise<ActionOwner[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('actionOwner').selectAll().where('actionId', 'in', actionIds).orderBy('actionId').orderBy('position').execute();
  }

  deadlines(actionIds: number[]): Promise<ActionDeadline[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('actionDeadline').selectAll().where('actionId', 'in', actionIds).orderBy('id').execute();
  }

  statuses(actionIds: number[]): Promise<ActionStatus[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('actionStatus').selectAll().where('actionId', 'in', actionIds).orderBy('id').execute();
  }

  updates(actionIds: number[]): Promise<ProgressUpdate[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('progressUpdate').selectAll().where('actionId', 'in', actionIds).orderBy('id').execute();
  }

  /** Date of the newest update and how many there are, per action, without reading their text. */
  async updateStats(actionIds: number[]): Promise<Map<number, { last: string; count: number }>> {
    const out = new Map<number, { last: string; count: number }>();
    if (actionIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('progressUpdate')
      .select((eb) => ['actionId', eb.fn.max('updateDate').as('last'), eb.fn.countAll<string>().as('count')])
      .where('actionId', 'in', actionIds)
      .groupBy('actionId')
      .execute();
    for (const r of rows) out.set(r.actionId, { last: String(r.last), count: Number(r.count) });
    return out;
  }

  refs(actionIds: number[]): Promise<ActionRef[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('actionRef').selectAll().where('actionId', 'in', actionIds).orderBy('id').execute();
  }

  kpis(actionIds: number[]): Promise<ActionKpi[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('actionKpi').selectAll().where('actionId', 'in', actionIds).orderBy('actionId').orderBy('position').execute();
  }

  /** Every cross-reference in use, with how many actions carry it. */
  async refCounts(organisationId: number): Promise<RefCount[]> {
    const rows = await this.db
      .selectFrom('actionRef')
      .innerJoin('action', 'action.id', 'actionRef.actionId')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .select((eb) => ['actionRef.kind', 'actionRef.value', eb.fn.countAll<string>().as('actions')])
      .where('plan.organisationId', '=', organisationId)
      .groupBy(['actionRef.kind', 'actionRef.value'])
      .orderBy('actionRef.kind')
      .orderBy('actionRef.value')
      .execute();
    return rows.map((r) => ({ kind: r.kind, value: r.value, actions: Number(r.actions) }));
  }
}
