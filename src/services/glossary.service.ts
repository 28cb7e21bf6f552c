// Use cases for the glossary of the sector's acronyms and terms: reading, adding, editing and retiring.
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { glossaryTermSchema } from '../domain/plan-document.ts';
import { parseInput } from '../domain/validation.ts';
import type { GlossaryTerm } from '../repositories/glossary.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { requireCapability, todayFor, type Ctx } from './context.ts';
import { staleError } from './stale-write.ts';

export type { GlossaryTerm };

/** A term as the add and edit forms give it. */
export interface GlossaryTermInput {
  term: string;
  expansion: string;
  definition: string;
}

export class GlossaryService {
  constructor(private readonly store: Store) {}

  /** The terms in use: those the pages expand. */
  list(ctx: Ctx): Promise<GlossaryTerm[]> {
    return this.store.read.glossary.list(ctx.organisationId);
  }

  /** Every term, retired ones too. */
  listAll(ctx: Ctx): Promise<GlossaryTerm[]> {
    return this.store.read.glossary.list(ctx.organisationId, { retired: true });
  }

  async get(ctx: Ctx, id: number): Promise<GlossaryTerm> {
    const term = (await this.listAll(ctx)).find((t) => t.id === id);
    if (!term) throw new NotFoundError(`There is no glossary term ${id}.`);
    return term;
  }

  async add(ctx: Ctx, input: GlossaryTermInput): Promise<{ id: number }> {
    requireCapability(ctx, 'glossary.edit', 'add glossary terms');
    const t = checkTerm(input);
    return this.store.transaction(async (repos) => {
      await refuseTaken(repos, ctx, t.term, null);
      const row = await repos.glossary.insert(ctx.organisationId, t);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'glossary.term.added',
        entityType: 'glossary_term',
        entityId: row.id,
        entityKey: row.term,
        before: null,
        after: t,
      });
      return { id: row.id };
    });
  }

  async edit(ctx: Ctx, id: number, expectedVersion: number, input: GlossaryTermInput): Promise<void> {
    requireCapability(ctx, 'glossary.edit', 'edit glossary terms');
    const t = checkTerm(input);
    await this.store.transaction(async (repos) => {
      const term = await lockTerm(repos, ctx, id);
      await refuseTaken(repos, ctx, t.term, id);
      const updated = await repos.glossary.update(id, expectedVersion, t);
      if (!updated) throw await staleError(repos, 'glossary_term', id, `The term "${term.term}"`, expectedVersion, term.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'glossary.term.edited',
        entityType: 'glossary_term',
        entityId: id,
        entityKey: updated.term,
        before: { term: term.term, expansion: term.expansion, definition: term.definition },
        after: t,
      });
    });
  }

  /** Retires a term from today: it stays listed as retired, and pages no longer expand it. */
  async retire(ctx: Ctx, id: number, expectedVersion: number): Promise<void> {
    requireCapability(ctx, 'glossary.edit', 'retire glossary terms');
    await this.store.transaction(async (repos) => {
      const term = await lockTerm(repos, ctx, id);
      if (term.retiredOn !== null && term.version === expectedVersion) throw new ValidationError(`"${term.term}" is already retired`, 'term');
      const retiredOn = todayFor(ctx);
      const updated = await repos.glossary.update(id, expectedVersion, { retiredOn });
      if (!updated) throw await staleError(repos, 'glossary_term', id, `The term "${term.term}"`, expectedVersion, term.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'glossary.term.retired',
        entityType: 'glossary_term',
        entityId: id,
        entityKey: term.term,
        before: { retiredOn: null },
        after: { term: term.term, retiredOn },
      });
    });
  }
}

function checkTerm(input: GlossaryTermInput): GlossaryTermInput {
  const t = { term: input.term.trim(), expansion: input.expansion.trim(), definition: input.definition.trim() };
  if (t.term === '') throw new ValidationError('Enter the term or abbreviation', 'term');
  if (t.expansion === '') throw new ValidationError('Enter what it stands for, or the term again if it is not an abbreviation', 'expansion');
  return t;
}

async function refuseTaken(repos: Repositories, ctx: Ctx, term: string, self: number | null): Promise<void> {
  const other = await repos.glossary.findByTerm(ctx.organisationId, term);
  if (other && other.id !== self) {
    throw new ValidationError(`"${other.term}" is already in the glossary${other.retiredOn === null ? '' : ' (retired)'}: edit that term instead`, 'term');
  }
}

async function lockTerm(repos: Repositories, ctx: Ctx, id: number): Promise<GlossaryTerm> {
  const term = await repos.glossary.lock(ctx.organisationId, id);
  if (!term) throw new NotFoundError(`There is no glossary term ${id}.`);
  return term;
}

/** Adds the terms not yet in the glossary, inside the caller's transaction; returns how many were new. */
export async function addGlossaryTerms(repos: Repositories, ctx: Ctx, terms: unknown[]): Promise<number> {
  const parsed = terms.map((t, i) => parseInput(glossaryTermSchema, t, `terms[${i}].`));
  const existing = new Set((await repos.glossary.list(ctx.organisationId, { retired: true })).map((t) => t.term));
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
