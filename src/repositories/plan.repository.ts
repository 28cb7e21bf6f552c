// Plans and their tree of nodes.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, PlanNodeTable, PlanTable } from '../db/types.ts';

export type Plan = Selectable<PlanTable>;
export type PlanNode = Selectable<PlanNodeTable>;

export class PlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<Plan[]> {
    return this.db.selectFrom('plan').selectAll().where('organisationId', '=', organisationId).orderBy('id').execute();
  }

  /** The authority's plans with these slugs, in no particular order (those that do not exist are missing). */
  findBySlugs(organisationId: number, slugs: readonly string[]): Promise<Plan[]> {
    if (slugs.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('plan').selectAll().where('organisationId', '=', organisationId).where('slug', 'in', slugs).execute();
  }

  findBySlug(organisationId: number, slug: string): Promise<Plan | undefined> {
    return this.db
      .selectFrom('plan')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /** Reads a plan and locks its row until the transaction ends. */
  lockBySlug(organisationId: number, slug: string): Promise<Plan | undefined> {
    return this.db.selectFrom('plan').selectAll().where('organisationId', '=', organisationId).where('slug', '=', slug).forUpdate().executeTakeFirst();
  }

  /** A plan of the authority with this title, if any (a roll-over refuses a title already in use). */
  findByTitle(organisationId: number, title: string): Promise<Plan | undefined> {
    return this.db.selectFrom('plan').selectAll().where('organisationId', '=', organisationId).where(sql<string>`lower(title)`, '=', title.toLowerCase()).executeTakeFirst();
  }

  /** The plan rolled over from this one, if it has been. */
  rolledInto(planId: number): Promise<Plan | undefined> {
    return this.db.selectFrom('plan').selectAll().where('rolledFromPlanId', '=', planId).executeTakeFirst();
  }

  findById(id: number): Promise<Plan | undefined> {
    return this.db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
  }

  update(id: number, fields: Updateable<PlanTable>): Promise<Plan> {
    return this.db
      .updateTable('plan')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt: sql<string>`now()` }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  insert(plan: Insertable<PlanTable>): Promise<Plan> {
    return this.db.insertInto('plan').values(plan).returningAll().executeTakeFirstOrThrow();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('plan').where('id', '=', id).execute();
  }

  nodes(planId: number): Promise<PlanNode[]> {
    return this.db.selectFrom('planNode').selectAll().where('planId', '=', planId).orderBy('position').orderBy('id').execute();
  }

  /** The nodes of several plans in one query, in each plan's order. */
  nodesOfPlans(planIds: readonly number[]): Promise<PlanNode[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('planNode').selectAll().where('planId', 'in', planIds).orderBy('planId').orderBy('position').orderBy('id').execute();
  }

  /**
   * Refreshes the planner's statistics on the tables an import fills. The embedded database has no
   * autovacuum to do it, and with the counts of an empty database the planner picks plans that
   * read whole tables once they hold thousands of rows.
   */
  async analyse(): Promise<void> {
    await sql`analyze plan, plan_node, action, action_owner, action_deadline, action_status, progress_update, action_ref, action_kpi, risk, risk_action, risk_score`.execute(this.db);
  }

  insertNode(node: Insertable<PlanNodeTable>): Promise<PlanNode> {
    return this.db.insertInto('planNode').values(node).returningAll().executeTakeFirstOrThrow();
  }

  /** Reads a node and locks its row until the transaction ends. */
  lockNode(planId: number, id: number): Promise<PlanNode | undefined> {
    return this.db.selectFrom('planNode').selectAll().where('planId', '=', planId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async updateNode(id: number, fields: Updateable<PlanNodeTable>): Promise<PlanNode> {
    return this.db
      .updateTable('planNode')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Sets each node's position, in one statement: the order of a node's parts among their siblings. */
  async setNodePositions(positions: readonly { id: number; position: number }[]): Promise<void> {
    if (positions.length === 0) return;
    await sql`update plan_node set position = v.position from (values ${sql.join(positions.map((p) => sql`(${p.id}::int, ${p.position}::int)`))}) as v(id, position) where plan_node.id = v.id`.execute(this.db);
  }

  /** Sets nodes' numbers, in one statement (siblings closed up, parts under a renumbered one). */
  async setNodeNumbers(numbers: readonly { id: number; number: string }[]): Promise<void> {
    if (numbers.length === 0) return;
    await sql`update plan_node set number = v.number from (values ${sql.join(numbers.map((p) => sql`(${p.id}::int, ${p.number}::text)`))}) as v(id, number) where plan_node.id = v.id`.execute(this.db);
  }

  /** What a node holds: its own parts, its actions and the risks filed under it. */
  async nodeContents(nodeId: number): Promise<{ nodes: number; actions: number; risks: number }> {
    const r = await sql<{ nodes: number; actions: number; risks: number }>`
      select (select count(*)::int from plan_node where parent_id = ${nodeId}) as nodes,
             (select count(*)::int from action where node_id = ${nodeId}) as actions,
             (select count(*)::int from risk where node_id = ${nodeId}) as risks`.execute(this.db);
    return r.rows[0]!;
  }

  async deleteNode(id: number): Promise<void> {
    await this.db.deleteFrom('planNode').where('id', '=', id).execute();
  }

  /** The next position after everything already in the plan, so new nodes and actions sort last. */
  async nextPosition(planId: number): Promise<number> {
    const r = await this.db
      .selectFrom('planNode')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('planId', '=', planId)
      .unionAll(this.db.selectFrom('action').select((eb) => eb.fn.max('position').as('p')).where('planId', '=', planId))
      .execute();
    return Math.max(-1, ...r.map((x) => (x.p === null ? -1 : Number(x.p)))) + 1;
  }
}
