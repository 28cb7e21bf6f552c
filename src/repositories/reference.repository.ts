// An authority's recorded cross-references (what each inspection recommendation, challenge and programme says).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CrossReferenceTable, Database } from '../db/types.ts';
import { likePattern } from './search.repository.ts';

export type CrossReference = Selectable<CrossReferenceTable>;

export interface ReferenceFields {
  title: string;
  body: string;
  source: string;
  issuedOn: string | null;
}

export class ReferenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<CrossReference[]> {
    return this.db.selectFrom('crossReference').selectAll().where('organisationId', '=', organisationId).orderBy('kind').orderBy('value').execute();
  }

  /** One reference by kind and number; numbers match whatever their case ("2A" is "2a"). */
  find(organisationId: number, kind: string, value: string): Promise<CrossReference | undefined> {
    return this.db
      .selectFrom('crossReference')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('kind', '=', kind)
      .where(sql<string>`lower(value)`, '=', value.toLowerCase())
      .executeTakeFirst();
  }

  /** Reads a reference and locks its row until the transaction ends. */
  lock(organisationId: number, id: number): Promise<CrossReference | undefined> {
    return this.db.selectFrom('crossReference').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  insert(organisationId: number, kind: string, value: string, fields: ReferenceFields): Promise<CrossReference> {
    return this.db.insertInto('crossReference').values({ organisationId, kind, value, ...fields }).returningAll().executeTakeFirstOrThrow();
  }

  /** Adds the references not yet recorded (the demonstration's load); the ones there are kept as they are. */
  async insertMissing(organisationId: number, rows: ({ kind: string; value: string } & ReferenceFields)[]): Promise<number> {
    if (rows.length === 0) return 0;
    const added = await this.db
      .insertInto('crossReference')
      .values(rows.map((r) => ({ organisationId, ...r })))
      .onConflict((oc) => oc.columns(['organisationId', 'kind', 'value']).doNothing())
      .returning('id')
      .execute();
    return added.length;
  }

  /** Writes the reference if the caller's version is still current; undefined when it is stale. */
  update(id: number, expectedVersion: number, fields: ReferenceFields): Promise<CrossReference | undefined> {
    return this.db
      .updateTable('crossReference')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  /** References whose number is `number` (any kind, when kind is not given), or whose title, text or source contain the words. */
  search(organisationId: number, text: string, number: { kind?: string; value: string } | undefined, limit: number): Promise<CrossReference[]> {
    const like = likePattern(text);
    return this.db
      .selectFrom('crossReference')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where((eb) => {
        const byWords = [eb('title', 'ilike', like), eb('body', 'ilike', like), eb('source', 'ilike', like)];
        if (number === undefined) return eb.or(byWords);
        const byNumber = number.kind === undefined ? eb(sql<string>`lower(value)`, '=', number.value.toLowerCase()) : eb.and([eb('kind', '=', number.kind), eb(sql<string>`lower(value)`, '=', number.value.toLowerCase())]);
        return eb.or([byNumber, ...byWords]);
      })
      .orderBy('kind')
      .orderBy('value')
      .limit(limit)
      .execute();
  }
}
