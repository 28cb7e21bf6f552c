// Voice of the child: the young people's councils' priorities, "you said, we did", and linked actions.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, VoiceItemTable, VoiceResponseTable } from '../db/types.ts';

export type VoiceItem = Selectable<VoiceItemTable>;
export type VoiceResponse = Selectable<VoiceResponseTable>;

export interface VoiceLink {
  voiceItemId: number;
  actionId: number;
  planSlug: string;
  number: string;
}

export class VoiceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<VoiceItem[]> {
    return this.db
      .selectFrom('voiceItem')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .orderBy('raisedOn')
      .orderBy('id')
      .execute();
  }

  /** The items an action answers. */
  forAction(actionId: number): Promise<VoiceItem[]> {
    return this.db
      .selectFrom('voiceItem')
      .innerJoin('voiceItemAction', 'voiceItemAction.voiceItemId', 'voiceItem.id')
      .selectAll('voiceItem')
      .where('voiceItemAction.actionId', '=', actionId)
      .orderBy('voiceItem.raisedOn')
      .orderBy('voiceItem.id')
      .execute();
  }

  insert(v: Insertable<VoiceItemTable>): Promise<VoiceItem> {
    return this.db.insertInto('voiceItem').values(v).returningAll().executeTakeFirstOrThrow();
  }

  /** Reads an item and locks its row until the transaction ends. */
  lock(organisationId: number, id: number): Promise<VoiceItem | undefined> {
    return this.db.selectFrom('voiceItem').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Moves the version on and sets the given fields if the caller's version is still current; undefined when stale. */
  update(id: number, expectedVersion: number, fields: { weDid?: string; status?: string; answeredOn?: string | null }): Promise<VoiceItem | undefined> {
    return this.db
      .updateTable('voiceItem')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  insertResponse(r: Insertable<VoiceResponseTable>): Promise<VoiceResponse> {
    return this.db.insertInto('voiceResponse').values(r).returningAll().executeTakeFirstOrThrow();
  }

  /** The dated "we did" responses of the given items, oldest first. */
  responses(voiceItemIds: number[]): Promise<VoiceResponse[]> {
    if (voiceItemIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('voiceResponse').selectAll().where('voiceItemId', 'in', voiceItemIds).orderBy('respondedOn').orderBy('id').execute();
  }

  /** Makes the item's linked actions exactly these. */
  async setActions(voiceItemId: number, actionIds: number[]): Promise<void> {
    await this.db.deleteFrom('voiceItemAction').where('voiceItemId', '=', voiceItemId).execute();
    await this.linkActions(voiceItemId, actionIds);
  }

  async linkActions(voiceItemId: number, actionIds: number[]): Promise<void> {
    if (actionIds.length > 0)
      await this.db
        .insertInto('voiceItemAction')
        .values(actionIds.map((actionId) => ({ voiceItemId, actionId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** Links with the action keys, for the given voice items or for the actions of one plan. */
  links(filter: { voiceItemIds?: number[]; planId?: number }): Promise<VoiceLink[]> {
    let q = this.db
      .selectFrom('voiceItemAction')
      .innerJoin('action', 'action.id', 'voiceItemAction.actionId')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .select(['voiceItemAction.voiceItemId', 'voiceItemAction.actionId', 'plan.slug as planSlug', 'action.number']);
    if (filter.voiceItemIds !== undefined) {
      if (filter.voiceItemIds.length === 0) return Promise.resolve([]);
      q = q.where('voiceItemAction.voiceItemId', 'in', filter.voiceItemIds);
    }
    if (filter.planId !== undefined) q = q.where('action.planId', '=', filter.planId);
    return q.orderBy('voiceItemAction.voiceItemId').orderBy('action.id').execute();
  }
}
