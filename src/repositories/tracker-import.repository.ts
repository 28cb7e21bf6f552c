// Trackers uploaded to the browser's import wizard, and the column mappings an authority has saved.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TrackerMappingTable } from '../db/types.ts';

export interface TrackerUpload {
  id: string;
  organisationId: number;
  userId: number;
  fileName: string;
  bytes: Uint8Array;
  mapping: unknown;
  uploadedAt: Date;
  expiresAt: Date;
}

export type SavedTrackerMapping = Selectable<TrackerMappingTable>;

export class TrackerImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertUpload(row: { id: string; organisationId: number; userId: number; fileName: string; bytes: Uint8Array; mapping: unknown; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('trackerUpload')
      .values({ ...row, mapping: row.mapping === null ? null : JSON.stringify(row.mapping) })
      .execute();
  }

  /** The upload if it is this person's and has not expired at `now`; `lock` holds it for the transaction. */
  async findUpload(key: { id: string; organisationId: number; userId: number }, now: Date, lock = false): Promise<TrackerUpload | undefined> {
    let q = this.db
      .selectFrom('trackerUpload')
      .selectAll()
      .where('id', '=', key.id)
      .where('organisationId', '=', key.organisationId)
      .where('userId', '=', key.userId)
      .where('expiresAt', '>', now);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async setMapping(id: string, mapping: unknown): Promise<void> {
    await this.db.updateTable('trackerUpload').set({ mapping: JSON.stringify(mapping) }).where('id', '=', id).execute();
  }

  async deleteUpload(id: string): Promise<void> {
    await this.db.deleteFrom('trackerUpload').where('id', '=', id).execute();
  }

  /** Forgets every upload past its time: they hold whole files, and nobody can reach them any more. */
  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('trackerUpload').where('expiresAt', '<=', now).execute();
  }

  listMappings(organisationId: number): Promise<SavedTrackerMapping[]> {
    return this.db
      .selectFrom('trackerMapping')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .orderBy((eb) => eb.fn('lower', ['name']))
      .execute();
  }

  findMapping(organisationId: number, id: number): Promise<SavedTrackerMapping | undefined> {
    return this.db.selectFrom('trackerMapping').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  /** Saves a mapping under its name, replacing the authority's mapping of the same name (ignoring case). */
  async saveMapping(row: { organisationId: number; name: string; mapping: unknown; savedBy: string; savedAt: Date }): Promise<{ saved: SavedTrackerMapping; replaced: SavedTrackerMapping | undefined }> {
    const replaced = await this.db
      .selectFrom('trackerMapping')
      .selectAll()
      .where('organisationId', '=', row.organisationId)
      .where(sql<string>`lower(name)`, '=', row.name.toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    const values = { name: row.name, mapping: JSON.stringify(row.mapping), savedBy: row.savedBy, savedAt: row.savedAt };
    const saved = replaced
      ? await this.db
          .updateTable('trackerMapping')
          .set({ ...values, version: sql<number>`version + 1` })
          .where('id', '=', replaced.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await this.db
          .insertInto('trackerMapping')
          .values({ organisationId: row.organisationId, ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    return { saved, replaced };
  }
}
