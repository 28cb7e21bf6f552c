// Organisations (authorities) and their settings.
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationTable } from '../db/types.ts';

export type Organisation = Selectable<OrganisationTable>;

export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(): Promise<Organisation[]> {
    return this.db.selectFrom('organisation').selectAll().orderBy('id').execute();
  }

  findByShortName(shortName: string): Promise<Organisation | undefined> {
    return this.db
      .selectFrom('organisation')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['shortName']), '=', shortName.toLowerCase()))
      .executeTakeFirst();
  }

  async insert(o: { name: string; shortName: string; laCode: string | null; region: string | null }): Promise<Organisation> {
    return this.db.insertInto('organisation').values(o).returningAll().executeTakeFirstOrThrow();
  }

  async getSetting(organisationId: number, key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('setting')
      .select('value')
      .where('organisationId', '=', organisationId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async putSetting(organisationId: number, key: string, value: unknown): Promise<void> {
    await this.db
      .insertInto('setting')
      .values({ organisationId, key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.columns(['organisationId', 'key']).doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}
