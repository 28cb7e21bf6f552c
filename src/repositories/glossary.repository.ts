// Glossary terms of an authority.
import type { Kysely, Selectable } from 'kysely';
import type { Database, GlossaryTermTable } from '../db/types.ts';

export type GlossaryTerm = Selectable<GlossaryTermTable>;

export class GlossaryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<GlossaryTerm[]> {
    return this.db
      .selectFrom('glossaryTerm')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .orderBy((eb) => eb.fn('lower', ['term']))
      .execute();
  }

  insertMany(organisationId: number, terms: { term: string; expansion: string; definition: string }[]): Promise<unknown> {
    if (terms.length === 0) return Promise.resolve();
    return this.db.insertInto('glossaryTerm').values(terms.map((t) => ({ ...t, organisationId }))).execute();
  }
}
