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
  DeadlineRequestTable,
  ProgressUpdateTable,
} from '../db/types.ts';

export type Action = Selectable<ActionTable>;
export type ActionWithPlan = Action & { planSlug: string; planTitle: string; planArchivedAt: Date | null };
export type ActionOwner = Selectable<ActionOwnerTable>;
export type ActionDeadline = Selectable<ActionDeadlineTable>;
export type ActionStatus = Selectable<ActionStatusTable>;
export type ProgressUpdate = Selectable<ProgressUpdateTable>;
export type ActionRef = Selectable<ActionRefTable>;
export type ActionKpi = Selectable<ActionKpiTable>;
export type DeadlineRequest = Selectable<DeadlineRequestTable>;

export interface ActionQuery {
  organisationId: number;
  planId?: number | undefined;
  /** Only the actions of these plans. */
  planIds?: readonly number[] | undefined;
  /** Case-insensitive part of an owner's name or role title. */
  owner?: string | undefined;
  ref?: { kind: string; value: string } | undefined;
  /** Only actions aiming to move this library measure: by a measure cross-reference or a success measure tied to its code. */
  aimsAt?: string | undefined;
  /** Words to find in the action's number, title, description or its updates. */
  text?: string | undefined;
  ids?: number[] | undefined;
  /** Only the sub-actions of this action. */
  parentActionId?: number | undefined;
}

/**
 * What an action's summary shows, read from its history in SQL: the approved current and forecast
 * status, the newest pending proposal, the current, original and first-set deadlines, the number of
 * deadlines, the newest update and the update count, with its owners and references. Ties are
 * broken as the domain's rules break them (action-derived.ts): the later date, then the later
 * time to the millisecond, then the entry recorded last.
 */
export interface ActionFacts {
  actionId: number;
  status: string | null;
  statusAsAt: string | null;
  forecast: string | null;
  pendingProposal: string | null;
  deadline: string | null;
  originalDeadline: string | null;
  firstSetDeadline: string | null;
  deadlineCount: number;
  lastUpdate: string | null;
  updateCount: number;
  owners: { name: string | null; role: string | null }[];
  refs: { kind: string; value: string }[];
}

/** One plan's actions with one current status (null: none approved yet), and how many of those are overdue. */
export interface RollUpRow {
  planId: number;
  status: string | null;
  actions: number;
  overdue: number;
}

// The newest approved status of a kind, in the order statusAt reads the history.
const STATUS_ORDER_TEXT = `s.as_at desc, date_trunc('milliseconds', s.recorded_at) desc, s.id desc`;
const STATUS_ORDER = sql.raw(STATUS_ORDER_TEXT);
// The deadline set last (currentDeadline): set_at to the millisecond, then the one recorded last.
const DEADLINE_ORDER_TEXT = `date_trunc('milliseconds', d.set_at) desc, d.id desc`;
const DEADLINE_ORDER = sql.raw(DEADLINE_ORDER_TEXT);

/** Ids as one array parameter: one statement text for any number of actions. */
const idArray = (ids: readonly number[]) => sql`cast(${`{${ids.join(',')}}`} as int[])`;

/** The columns of an action a summary shows without its history. */
export type ActionHead = Pick<ActionWithPlan, 'id' | 'planId' | 'nodeId' | 'parentActionId' | 'number' | 'title' | 'flags' | 'version' | 'planSlug' | 'planTitle' | 'closedOn'>;
export type ActionSummaryRow = ActionHead & ActionFacts;

type RawFacts = Omit<ActionFacts, 'actionId' | 'deadlineCount' | 'updateCount'> & { deadlineCount: string | number; updateCount: string | number };

// What ActionFacts are read from, joined to an action aliased "a": one pass over each history.
const FACT_COLUMNS = sql.raw(`
  st.status, st.status_as_at, st.forecast, st.pending_proposal,
  dl.deadline, dl.original_deadline, dl.first_set_deadline, coalesce(dl.deadline_count, 0) as deadline_count,
  up.last_update, coalesce(up.update_count, 0) as update_count,
  coalesce(ow.owners, '[]') as owners, coalesce(rf.refs, '[]') as refs`);
const FACT_JOINS = sql.raw(`
  left join lateral (
    select
      (array_agg(s.status order by ${STATUS_ORDER_TEXT}) filter (where s.kind = 'current' and s.approved_by is not null))[1] as status,
      (array_agg(s.as_at order by ${STATUS_ORDER_TEXT}) filter (where s.kind = 'current' and s.approved_by is not null))[1] as status_as_at,
      (array_agg(s.status order by ${STATUS_ORDER_TEXT}) filter (where s.kind = 'forecast' and s.approved_by is not null))[1] as forecast,
      (array_agg(s.status order by ${STATUS_ORDER_TEXT}) filter (where s.approved_by is null and s.rejected_by is null))[1] as pending_proposal
    from action_status s where s.action_id = a.id
  ) st on true
  left join lateral (
    select
      (array_agg(d.due_date order by ${DEADLINE_ORDER_TEXT}))[1] as deadline,
      (array_agg(d.due_date order by d.id))[1] as original_deadline,
      (array_agg(d.due_date order by date_trunc('milliseconds', d.set_at), d.id))[1] as first_set_deadline,
      count(*) as deadline_count
    from action_deadline d where d.action_id = a.id
  ) dl on true
  left join lateral (
    select max(u.update_date) as last_update, count(*) as update_count from progress_update u where u.action_id = a.id
  ) up on true
  left join lateral (
    select json_agg(json_build_object('name', o.name, 'role', o.role) order by o.position, o.id) as owners from action_owner o where o.action_id = a.id
  ) ow on true
  left join lateral (
    select json_agg(json_build_object('kind', r.kind, 'value', r.value) order by r.id) as refs from action_ref r where r.action_id = a.id
  ) rf on true`);

// char(1) comes back padded on some drivers; counts come back as text (64-bit).
const letter = (v: string | null): string | null => (v === null ? null : v.trim());
const toFacts = (r: RawFacts & { id: number }): ActionFacts => ({
  actionId: r.id,
  status: letter(r.status),
  statusAsAt: r.statusAsAt,
  forecast: letter(r.forecast),
  pendingProposal: letter(r.pendingProposal),
  deadline: r.deadline,
  originalDeadline: r.originalDeadline,
  firstSetDeadline: r.firstSetDeadline,
  deadlineCount: Number(r.deadlineCount),
  lastUpdate: r.lastUpdate,
  updateCount: Number(r.updateCount),
  owners: r.owners,
  refs: r.refs,
});

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
      .select(['plan.slug as planSlug', 'plan.title as planTitle', 'plan.archivedAt as planArchivedAt']);
  }

  async list(q: ActionQuery): Promise<ActionWithPlan[]> {
    const query = this.filtered(q);
    if (query === null) return [];
    return query
      .selectAll('action')
      .select(['plan.slug as planSlug', 'plan.title as planTitle', 'plan.archivedAt as planArchivedAt'])
      .orderBy('action.planId')
      .orderBy('action.nodeId')
      .orderBy('action.position')
      .orderBy('action.id')
      .execute();
  }

  /**
   * The actions a query finds, in plan order, each with what its summary shows (ActionFacts) and
   * only the columns a summary needs; with openDueBy, only the open actions whose current deadline
   * is on or before that date.
   */
  async summaries(q: ActionQuery, only: { openDueBy?: string | undefined } = {}): Promise<ActionSummaryRow[]> {
    const query = this.filtered(q);
    if (query === null) return [];
    // Two statements, the actions first: joined in one, the planner may read the histories of every
    // action before it filters them.
    const due = only.openDueBy;
    // Open (not Blue) with a current deadline on or before the date: only the current deadline and
    // status are read to choose them, the rest of the figures for the few chosen.
    const chosen =
      due === undefined
        ? query
        : query
            .where('action.closedOn', 'is', null)
            .where(sql<string>`(select d.due_date from action_deadline d where d.action_id = action.id order by ${DEADLINE_ORDER} limit 1)`, '<=', sql<string>`cast(${due} as date)`)
            .where(
              sql<string | null>`(select s.status from action_status s where s.action_id = action.id and s.kind = 'current' and s.approved_by is not null order by ${STATUS_ORDER} limit 1)`,
              'is distinct from',
              'B',
            );
    const heads = await chosen
      .select(['action.id', 'action.planId', 'action.nodeId', 'action.parentActionId', 'action.number', 'action.title', 'action.flags', 'action.version', 'action.closedOn'])
      .select(['plan.slug as planSlug', 'plan.title as planTitle'])
      .orderBy('action.planId')
      .orderBy('action.nodeId')
      .orderBy('action.position')
      .orderBy('action.id')
      .execute();
    const facts = await this.facts(heads.map((h) => h.id));
    return heads.flatMap((h) => {
      const f = facts.get(h.id);
      return f === undefined ? [] : [{ ...h, ...f }];
    });
  }

  /** The action rows a query finds, not yet given columns or order; null when it can find none. */
  private filtered(q: ActionQuery) {
    let query = this.db.selectFrom('action').innerJoin('plan', 'plan.id', 'action.planId').where('plan.organisationId', '=', q.organisationId);
    if (q.planId !== undefined) query = query.where('action.planId', '=', q.planId);
    if (q.planIds !== undefined) {
      if (q.planIds.length === 0) return null;
      query = query.where('action.planId', 'in', q.planIds);
    }
    if (q.parentActionId !== undefined) query = query.where('action.parentActionId', '=', q.parentActionId);
    if (q.ids !== undefined) {
      if (q.ids.length === 0) return null;
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
    if (q.aimsAt !== undefined) {
      const code = q.aimsAt;
      // One set of action ids, each table read once: two EXISTS joined by OR are run again for every
      // action, and a table read from its start again each time (the embedded database asks the file
      // system for the table's size on every such read: some 1,900 times for a measure page).
      query = query.where('action.id', 'in', (eb) =>
        eb
          .selectFrom('actionRef')
          .select('actionRef.actionId')
          .where('actionRef.kind', '=', 'measure')
          .where('actionRef.value', '=', code)
          .union(eb.selectFrom('actionKpi').select('actionKpi.actionId').where('actionKpi.measureCode', '=', code)),
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
    return query;
  }

  /** The figures of each action's summary, fetched without reading its whole history (see ActionFacts). */
  async facts(actionIds: readonly number[]): Promise<Map<number, ActionFacts>> {
    const out = new Map<number, ActionFacts>();
    if (actionIds.length === 0) return out;
    const { rows } = await sql<RawFacts & { id: number }>`
      select a.id, ${FACT_COLUMNS}
      from action a
      ${FACT_JOINS}
      where a.id = any(${idArray(actionIds)})
    `.execute(this.db);
    for (const r of rows) out.set(r.id, toFacts(r));
    return out;
  }

  /**
   * A plan's BRAG counts and overdue count per current status, for every plan of an authority:
   * only each action's current status and current deadline are read (see ActionFacts).
   */
  async rollUps(organisationId: number, asOf: string): Promise<RollUpRow[]> {
    const { rows } = await sql<{ planId: number; status: string | null; actions: string | number; overdue: string | number }>`
      select a.plan_id, st.status, count(*) as actions,
        count(*) filter (where dl.due_date < cast(${asOf} as date) and st.status is distinct from 'B' and a.closed_on is null) as overdue
      from action a
      join plan p on p.id = a.plan_id
      left join lateral (
        select s.status from action_status s
        where s.action_id = a.id and s.kind = 'current' and s.approved_by is not null
        order by ${STATUS_ORDER} limit 1
      ) st on true
      left join lateral (
        select d.due_date from action_deadline d where d.action_id = a.id order by ${DEADLINE_ORDER} limit 1
      ) dl on true
      where p.organisation_id = ${organisationId}
      group by a.plan_id, st.status
    `.execute(this.db);
    return rows.map((r) => ({ planId: r.planId, status: r.status === null ? null : r.status.trim(), actions: Number(r.actions), overdue: Number(r.overdue) }));
  }

  findByNumber(planId: number, number: string): Promise<ActionWithPlan | undefined> {
    return this.base().where('action.planId', '=', planId).where('action.number', '=', number).executeTakeFirst();
  }

  /** Reads the action and locks its row until the transaction ends, so concurrent writers queue. */
  lock(id: number): Promise<Action | undefined> {
    return this.db.selectFrom('action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /**
   * Finds an authority's action by its plan's slug and its number and locks its row until the
   * transaction ends, in one statement: the start of every versioned change to an action.
   */
  lockByKey(organisationId: number, planSlug: string, number: string): Promise<ActionWithPlan | undefined> {
    return this.base()
      .where('plan.organisationId', '=', organisationId)
      .where('plan.slug', '=', planSlug)
      .where('action.number', '=', number)
      .forUpdate('action')
      .executeTakeFirst();
  }

  bumpVersion(id: number, expectedVersion: number): Promise<number | undefined> {
    return bumpVersion(this.db, 'action', id, expectedVersion);
  }

  /** Writes edited fields; the caller has locked the row and moves the version on. */
  async setFields(id: number, fields: Partial<Pick<Action, 'title' | 'description' | 'successMeasures' | 'outcome' | 'flags'>>): Promise<void> {
    await this.db.updateTable('action').set(fields).where('id', '=', id).execute();
  }

  /** Puts an action (the caller has locked it) under a node, or under another action, with a number and place; its sub-actions follow it to the node. */
  async setPlace(id: number, place: { nodeId: number; parentActionId: number | null; number: string; position: number }): Promise<void> {
    await this.db.updateTable('action').set(place).where('id', '=', id).execute();
    await this.db.updateTable('action').set({ nodeId: place.nodeId }).where('parentActionId', '=', id).execute();
  }

  /** Closes an action as no longer needed; the caller has locked it and moves the version on. */
  async close(id: number, closing: { closedOn: string; closedReason: string; closedBy: string }): Promise<void> {
    await this.db.updateTable('action').set(closing).where('id', '=', id).execute();
  }

  /** The actions (in any plan of the authority) that carry these ones over, with their plan. */
  carriedInto(actionIds: readonly number[]): Promise<ActionWithPlan[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.base().where('action.rolledFromId', 'in', actionIds).orderBy('action.id').execute();
  }

  /** Actions by id with their plan (the action another was rolled over from). */
  byIds(ids: readonly number[]): Promise<ActionWithPlan[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.base().where('action.id', 'in', ids).orderBy('action.id').execute();
  }

  /** Every action number in a plan: a new or changed number must be none of them. */
  async numbersIn(planId: number): Promise<Set<string>> {
    const rows = await this.db.selectFrom('action').select('number').where('planId', '=', planId).execute();
    return new Set(rows.map((r) => r.number));
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

  /**
   * The authority's risks carrying any of these references (in any plan, or none), with their
   * plan's slug: all a risk's row id on the register depends on, without reading the register.
   */
  risksWithReferences(organisationId: number, references: readonly string[]): Promise<{ id: number; plan: string | null; reference: string }[]> {
    if (references.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('risk')
      .leftJoin('plan', 'plan.id', 'risk.planId')
      .select(['risk.id', 'plan.slug as plan', 'risk.reference'])
      .where('risk.organisationId', '=', organisationId)
      .where('risk.reference', 'in', references)
      .orderBy('risk.id')
      .execute();
  }

  /** Status proposals still waiting for a decision (neither approved nor rejected), by id. */
  pendingStatuses(actionIds: readonly number[]): Promise<ActionStatus[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('actionStatus')
      .selectAll()
      .where('actionId', 'in', actionIds)
      .where('approvedBy', 'is', null)
      .where('rejectedBy', 'is', null)
      .orderBy('id')
      .execute();
  }

  /** Deadline requests still waiting for a decision, by action and id. */
  pendingDeadlineRequests(actionIds: readonly number[]): Promise<DeadlineRequest[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('deadlineRequest').selectAll().where('actionId', 'in', actionIds).where('decision', 'is', null).orderBy('actionId').orderBy('id').execute();
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

  /** Records the decision on a status proposal: approved (it may become the status) or rejected. */
  async decideStatus(id: number, decision: { approvedBy: string } | { rejectedBy: string }, reason: string): Promise<void> {
    await this.db
      .updateTable('actionStatus')
      .set({ ...decision, decisionReason: reason, decidedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('approvedBy', 'is', null)
      .where('rejectedBy', 'is', null)
      .execute();
  }

  insertDeadlineRequest(row: Insertable<DeadlineRequestTable>): Promise<DeadlineRequest> {
    return this.db.insertInto('deadlineRequest').values(row).returningAll().executeTakeFirstOrThrow();
  }

  deadlineRequests(actionIds: number[]): Promise<DeadlineRequest[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('deadlineRequest').selectAll().where('actionId', 'in', actionIds).orderBy('actionId').orderBy('id').execute();
  }

  /** Closes pending deadline requests with a decision; requests already decided are left alone. */
  async decideDeadlineRequests(ids: number[], decision: { decision: 'approved' | 'rejected' | 'withdrawn'; decidedBy: string; decisionReason: string }): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('deadlineRequest')
      .set({ ...decision, decidedAt: sql<Date>`now()` })
      .where('id', 'in', ids)
      .where('decision', 'is', null)
      .execute();
  }

  /** Actions of an authority with a status proposal or a deadline request waiting for a decision. */
  async awaitingDecision(organisationId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('action')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .select('action.id')
      .where('plan.organisationId', '=', organisationId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('actionStatus')
              .select(sql.lit(1).as('one'))
              .whereRef('actionStatus.actionId', '=', 'action.id')
              .where('actionStatus.approvedBy', 'is', null)
              .where('actionStatus.rejectedBy', 'is', null),
          ),
          eb.exists(
            eb
              .selectFrom('deadlineRequest')
              .select(sql.lit(1).as('one'))
              .whereRef('deadlineRequest.actionId', '=', 'action.id')
              .where('deadlineRequest.decision', 'is', null),
          ),
        ]),
      )
      .execute();
    return rows.map((r) => r.id);
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
