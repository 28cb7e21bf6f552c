// Programme risks, their likelihood × impact score history, and the actions that mitigate them.
import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { bumpVersion } from './versioned.ts';
import type { Database, RiskScoreTable, RiskTable } from '../db/types.ts';

export type Risk = Selectable<RiskTable> & { planSlug: string | null };
export type RiskScore = Selectable<RiskScoreTable>;

export class RiskRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db.selectFrom('risk').leftJoin('plan', 'plan.id', 'risk.planId').selectAll('risk').select('plan.slug as planSlug');
  }

  list(organisationId: number, planId?: number): Promise<Risk[]> {
    let q = this.base().where('risk.organisationId', '=', organisationId);
    if (planId !== undefined) q = q.where('risk.planId', '=', planId);
    return q.orderBy('risk.planId').orderBy('risk.id').execute();
  }

  findByReference(organisationId: number, planId: number | null, reference: string): Promise<Risk | undefined> {
    return this.base()
      .where('risk.organisationId', '=', organisationId)
      .where(sql<number>`coalesce(risk.plan_id, 0)`, '=', planId ?? 0)
      .where('risk.reference', '=', reference)
      .executeTakeFirst();
  }

  insert(r: Insertable<RiskTable>): Promise<Selectable<RiskTable>> {
    return this.db.insertInto('risk').values(r).returningAll().executeTakeFirstOrThrow();
  }

  async insertScores(rows: Insertable<RiskScoreTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('riskScore').values(rows).execute();
  }

  scores(riskIds: number[]): Promise<RiskScore[]> {
    if (riskIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('riskScore').selectAll().where('riskId', 'in', riskIds).orderBy('id').execute();
  }

  async linkActions(riskId: number, actionIds: number[]): Promise<void> {
    if (actionIds.length > 0)
      await this.db
        .insertInto('riskAction')
        .values(actionIds.map((actionId) => ({ riskId, actionId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** (risk id, action id) pairs for the given risks. */
  links(riskIds: number[]): Promise<{ riskId: number; actionId: number }[]> {
    if (riskIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('riskAction').selectAll().where('riskId', 'in', riskIds).orderBy('riskId').orderBy('actionId').execute();
  }

  /** Risks mitigated by an action. */
  forAction(actionId: number): Promise<Risk[]> {
    return this.base()
      .innerJoin('riskAction', 'riskAction.riskId', 'risk.id')
      .where('riskAction.actionId', '=', actionId)
      .orderBy('risk.id')
      .execute();
  }

  bumpVersion(id: number, expectedVersion: number): Promise<number | undefined> {
    return bumpVersion(this.db, 'risk', id, expectedVersion);
  }
}
