// Named dashboards and their tiles (measure codes in the order chosen).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DashboardTable, Database } from '../db/types.ts';

export type DashboardRow = Selectable<DashboardTable>;

export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every dashboard by name with its tiles in their order, in one statement (a page that lists them reads it each time). */
  list(organisationId: number): Promise<(DashboardRow & { tiles: string[] })[]> {
    return this.db
      .selectFrom('dashboard as d')
      .selectAll('d')
      .select(
        sql<string[]>`coalesce((select array_agg(t.measure_code order by t.position, t.measure_code) from dashboard_tile t where t.dashboard_id = d.id), '{}')`.as('tiles'),
      )
      .where('d.organisationId', '=', organisationId)
      .orderBy('d.name')
      .execute();
  }

  find(organisationId: number, id: number): Promise<DashboardRow | undefined> {
    return this.db.selectFrom('dashboard').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  findByName(organisationId: number, name: string): Promise<DashboardRow | undefined> {
    return this.db
      .selectFrom('dashboard')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
  }

  insert(row: { organisationId: number; name: string; createdBy: string }): Promise<DashboardRow> {
    return this.db.insertInto('dashboard').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Renames and moves the version on when the caller's version is still current; undefined when stale. */
  touch(id: number, expectedVersion: number, name: string): Promise<DashboardRow | undefined> {
    return this.db
      .updateTable('dashboard')
      .set((eb) => ({ name, version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  async tiles(dashboardId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('dashboardTile').select('measureCode').where('dashboardId', '=', dashboardId).orderBy('position').orderBy('measureCode').execute();
    return rows.map((r) => r.measureCode);
  }

  async replaceTiles(dashboardId: number, codes: readonly string[]): Promise<void> {
    await this.db.deleteFrom('dashboardTile').where('dashboardId', '=', dashboardId).execute();
    if (codes.length > 0) await this.db.insertInto('dashboardTile').values(codes.map((measureCode, i) => ({ dashboardId, measureCode, position: i + 1 }))).execute();
  }
}
