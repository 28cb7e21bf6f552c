// Plans and their tree of nodes.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PlanNodeTable, PlanTable } from '../db/types.ts';

export type Plan = Selectable<PlanTable>;
export type PlanNode = Selectable<PlanNodeTable>;

export class PlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<Plan[]> {
    return this.db.selectFrom('plan').selectAll().where('organisationId', '=', organisationId).orderBy('id').execute();
  }

  findBySlug(organisationId: number, slug: string): Promise<Plan | undefined> {
    return this.db
      .selectFrom('plan')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  findById(id: number): Promise<Plan | undefined> {
    return this.db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
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

  nodesOfPlans(planIds: number[]): Promise<PlanNode[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('planNode').selectAll().where('planId', 'in', planIds).orderBy('position').orderBy('id').execute();
  }

  insertNode(node: Insertable<PlanNodeTable>): Promise<PlanNode> {
    return this.db.insertInto('planNode').values(node).returningAll().executeTakeFirstOrThrow();
  }
}
