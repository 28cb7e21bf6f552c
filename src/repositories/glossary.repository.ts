// Glossary terms of an authority: those in use, and those retired.
import { type Kysely, type Selectable } from 'kysely';
import type { Database, GlossaryTermTable } from '../db/types.ts';

export type GlossaryTerm = Selectable<GlossaryTermTable>;

export class GlossaryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The terms in use (or, with `retired`, every term), A to Z. */
  list(organisationId: number, options: { retired?: boolean } = {}): Promise<GlossaryTerm[]> {
    let q = this.db.selectFrom('glossaryTerm').selectAll().where('organisationId', '=', organisationId);
    if (options.retired !== true) q = q.where('retiredOn', 'is', null);
    return q.orderBy((eb) => eb.fn('lower', ['term'])).orderBy('id').execute();
  }

  findByTerm(organisationId: number, term: string): Promise<GlossaryTerm | undefined> {
    return this.db
      .selectFrom('glossaryTerm')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where((eb) => eb(eb.fn('lower', ['term']), '=', term.toLowerCase()))
      .executeTakeFirst();
  }

  /** Reads a term and locks its row until the transaction ends. */
  lock(organisationId: number, id: number): Promise<GlossaryTerm | undefined> {
    return this.db.selectFrom('glossaryTerm').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  insert(organisationId: number, t: { term: string; expansion: string; definition: string }): Promise<GlossaryTerm> {
    return this.db.insertInto('glossaryTerm').values({ ...t, organisationId }).returningAll().executeTakeFirstOrThrow();
  }

  insertMany(organisationId: number, terms: { term: string; expansion: string; definition: string }[]): Promise<unknown> {
    if (terms.length === 0) return Promise.resolve();
    return this.db.insertInto('glossaryTerm').values(terms.map((t) => ({ ...t, organisationId }))).execute();
  }

  /** Writes the term if the caller's version is still current; undefined when it is stale. */
  update(
    id: number,
    expectedVersion: number,
    fields: { term?: string; expansion?: string; definition?: string; retiredOn?: string | null },
  ): Promise<GlossaryTerm | undefined> {
    return this.db
      .updateTable('glossaryTerm')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }
}
