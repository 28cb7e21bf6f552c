// Use cases for the glossary of the sector's acronyms and terms.
import { glossaryTermSchema } from '../domain/plan-document.ts';
import { parseInput } from '../domain/validation.ts';
import type { GlossaryTerm } from '../repositories/glossary.repository.ts';

export type { GlossaryTerm };
import type { Repositories, Store } from '../repositories/store.ts';
import type { Ctx } from './context.ts';

export class GlossaryService {
  constructor(private readonly store: Store) {}

  list(ctx: Ctx): Promise<GlossaryTerm[]> {
    return this.store.read.glossary.list(ctx.organisationId);
  }
}

/** Adds the terms not yet in the glossary, inside the caller's transaction; returns how many were new. */
export async function addGlossaryTerms(repos: Repositories, ctx: Ctx, terms: unknown[]): Promise<number> {
  const parsed = terms.map((t, i) => parseInput(glossaryTermSchema, t, `terms[${i}].`));
  const existing = new Set((await repos.glossary.list(ctx.organisationId)).map((t) => t.term));
  const fresh = parsed.filter((t) => !existing.has(t.term));
  await repos.glossary.insertMany(ctx.organisationId, fresh);
  if (fresh.length > 0) {
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      event: 'glossary.added',
      entityType: 'glossary',
      entityId: null,
      entityKey: null,
      before: null,
      after: { terms: fresh.map((t) => t.term) },
    });
  }
  return fresh.length;
}
