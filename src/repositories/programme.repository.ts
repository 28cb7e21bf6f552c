// Programme status entries: a programme's delivery group, chair, BRAG status, trend and reason per
// reporting period, appended and never overwritten.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ProgrammeStatusTable } from '../db/types.ts';

export type ProgrammeStatusRow = Selectable<ProgrammeStatusTable>;

export class ProgrammeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every entry for these programmes, oldest first (by the period they describe, then as entered). */
  entries(nodeIds: readonly number[]): Promise<ProgrammeStatusRow[]> {
    if (nodeIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('programmeStatus').selectAll().where('nodeId', 'in', nodeIds).orderBy('nodeId').orderBy('periodEnd').orderBy('id').execute();
  }

  insert(row: Insertable<ProgrammeStatusTable>): Promise<ProgrammeStatusRow> {
    return this.db.insertInto('programmeStatus').values(row).returningAll().executeTakeFirstOrThrow();
  }
}
