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

  /** Reads a risk and locks its row until the transaction ends. */
  lock(organisationId: number, id: number): Promise<Risk | undefined> {
    return this.base().where('risk.organisationId', '=', organisationId).where('risk.id', '=', id).forUpdate('risk').executeTakeFirst();
  }

  /** Writes the risk's own fields if the caller's version is still current; undefined when it is stale. */
  update(
    id: number,
    expectedVersion: number,
    fields: Partial<Pick<Insertable<RiskTable>, 'title' | 'impact' | 'mitigation' | 'owner' | 'reviewDate' | 'status' | 'closedOn' | 'closedReason'>>,
  ): Promise<Selectable<RiskTable> | undefined> {
    return this.db
      .updateTable('risk')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  /** Makes the risk's linked actions exactly these. */
  async setActions(riskId: number, actionIds: number[]): Promise<void> {
    await this.db.deleteFrom('riskAction').where('riskId', '=', riskId).execute();
    await this.linkActions(riskId, actionIds);
  }

  /** Makes the risk's linked measures exactly these. */
  async setMeasures(riskId: number, measureIds: number[]): Promise<void> {
    await this.db.deleteFrom('riskMeasure').where('riskId', '=', riskId).execute();
    if (measureIds.length > 0) await this.db.insertInto('riskMeasure').values(measureIds.map((measureId) => ({ riskId, measureId }))).execute();
  }

  /** (risk id, measure) pairs for the given risks, with each measure's code and title. */
  measureLinks(riskIds: number[]): Promise<{ riskId: number; measureId: number; code: string; title: string }[]> {
    if (riskIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('riskMeasure')
      .innerJoin('measure', 'measure.id', 'riskMeasure.measureId')
      .select(['riskMeasure.riskId', 'riskMeasure.measureId', 'measure.code', 'measure.title'])
      .where('riskMeasure.riskId', 'in', riskIds)
      .orderBy('riskMeasure.riskId')
      .orderBy('measure.code')
      .execute();
  }

  bumpVersion(id: number, expectedVersion: number): Promise<number | undefined> {
    return bumpVersion(this.db, 'risk', id, expectedVersion);
  }
}
