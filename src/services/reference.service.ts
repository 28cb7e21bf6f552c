// Use cases for cross-references as things of their own: what each inspection recommendation, challenge
// and programme says, where from and when; the actions answering one, and the measures they aim to move.
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { REF_KINDS, type RefKind } from '../domain/plan-document.ts';
import { checkReferenceText, isRecordedRefKind, RECORDED_REF_WORDS, refNumberProblem, type RecordedRefKind, type ReferenceText } from '../domain/references.ts';
import type { CrossReference } from '../repositories/reference.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import type { ActionService, ActionSummary, RefCount } from './actions/index.ts';
import { requireCapability, type Ctx } from './context.ts';
import { staleError } from './stale-write.ts';

export interface ReferenceView extends ReferenceText {
  id: number;
  kind: RecordedRefKind;
  value: string;
  version: number;
}

/** One reference's page: what it records (null when nothing is recorded yet), the actions citing it and the measures they aim to move. */
export interface ReferencePage {
  kind: RefKind;
  value: string;
  reference: ReferenceView | null;
  actions: ActionSummary[];
  /** Library codes of the measures those actions aim to move (their measure references and their success measures tied to a code), first seen first. */
  measureCodes: string[];
}

/** A reference to record: kind, number and its words. */
export interface NewReference extends ReferenceText {
  kind: string;
  value: string;
}

const toView = (r: CrossReference): ReferenceView => ({
  id: r.id,
  kind: r.kind as RecordedRefKind,
  value: r.value,
  title: r.title,
  body: r.body,
  source: r.source,
  issuedOn: r.issuedOn,
  version: r.version,
});

/** The measure codes a set of actions aim to move: their measure references, then success measures tied to a library code. */
export function aimedMeasureCodes(refs: readonly { kind: string; value: string }[], kpis: readonly { measureCode: string | null }[]): string[] {
  return [...new Set([...refs.filter((r) => r.kind === 'measure').map((r) => r.value), ...kpis.flatMap((k) => (k.measureCode ? [k.measureCode] : []))])];
}

const isRefKind = (v: string): v is RefKind => (REF_KINDS as readonly string[]).includes(v);

export class ReferenceService {
  constructor(
    private readonly store: Store,
    private readonly actions: ActionService,
  ) {}

  /** Every recorded reference, and every reference in use on an action with how many cite it. */
  async list(ctx: Ctx): Promise<{ recorded: ReferenceView[]; inUse: RefCount[] }> {
    const [recorded, inUse] = await Promise.all([this.store.read.references.list(ctx.organisationId), this.actions.refs(ctx)]);
    return { recorded: recorded.map(toView), inUse };
  }

  /** Every recorded reference (what the action's edit form offers, and what action pages quote). */
  async recorded(ctx: Ctx): Promise<ReferenceView[]> {
    return (await this.store.read.references.list(ctx.organisationId)).map(toView);
  }

  async get(ctx: Ctx, kind: string, value: string): Promise<ReferenceView> {
    const row = isRecordedRefKind(kind) ? await this.store.read.references.find(ctx.organisationId, kind, value) : undefined;
    if (!row) throw new NotFoundError(`Nothing is recorded for ${kind} ${value}.`);
    return toView(row);
  }

  /** A reference's page; not found when it is neither recorded nor cited by any action. */
  async page(ctx: Ctx, kind: string, value: string): Promise<ReferencePage> {
    if (!isRefKind(kind)) throw new NotFoundError(`There is no kind of reference called "${kind}".`);
    const repos = this.store.read;
    const [row, actions] = await Promise.all([isRecordedRefKind(kind) ? repos.references.find(ctx.organisationId, kind, value) : Promise.resolve(undefined), this.actions.byRef(ctx, kind, value)]);
    if (!row && actions.length === 0) throw new NotFoundError(`No action cites ${kind} ${value}, and nothing is recorded for it.`);
    const kpis = await repos.actions.kpis(actions.map((a) => a.id));
    return {
      kind,
      value: row?.value ?? value,
      reference: row ? toView(row) : null,
      actions,
      measureCodes: aimedMeasureCodes(
        actions.flatMap((a) => a.refs),
        kpis,
      ),
    };
  }

  /** Records what a reference says; one per kind and number in an authority. */
  async add(ctx: Ctx, input: NewReference): Promise<ReferenceView> {
    requireCapability(ctx, 'references.edit', 'record cross-references');
    if (!isRecordedRefKind(input.kind)) throw new ValidationError('Choose what kind of reference it is', 'kind');
    const kind = input.kind;
    const value = input.value.trim();
    const problem = refNumberProblem(value, kind);
    if (problem !== undefined) throw new ValidationError(problem, 'value');
    const text = checkReferenceText(input);
    return this.store.transaction(async (repos) => {
      const taken = await repos.references.find(ctx.organisationId, kind, value);
      if (taken) throw new ValidationError(`${capitalise(RECORDED_REF_WORDS[kind])} ${taken.value} is already recorded: edit it instead`, 'value');
      const row = await repos.references.insert(ctx.organisationId, kind, value, text);
      await recordAudit(repos, ctx, 'reference.added', row, null, text);
      return toView(row);
    });
  }

  /** Changes what a recorded reference says, if nobody has changed it since `expectedVersion`. */
  async edit(ctx: Ctx, id: number, expectedVersion: number, input: ReferenceText): Promise<ReferenceView> {
    requireCapability(ctx, 'references.edit', 'edit cross-references');
    const text = checkReferenceText(input);
    return this.store.transaction(async (repos) => {
      const current = await repos.references.lock(ctx.organisationId, id);
      if (!current) throw new NotFoundError(`There is no cross-reference ${id}.`);
      const words = `${capitalise(RECORDED_REF_WORDS[current.kind as RecordedRefKind] ?? current.kind)} ${current.value}`;
      const row = await repos.references.update(id, expectedVersion, text);
      if (!row) throw await staleError(repos, 'cross_reference', id, words, expectedVersion, current.version);
      await recordAudit(repos, ctx, 'reference.edited', row, { title: current.title, body: current.body, source: current.source, issuedOn: current.issuedOn }, text);
      return toView(row);
    });
  }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function recordAudit(repos: Repositories, ctx: Ctx, event: 'reference.added' | 'reference.edited', row: CrossReference, before: unknown, after: ReferenceText): Promise<unknown> {
  return repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event,
    entityType: 'cross_reference',
    entityId: row.id,
    entityKey: `${row.kind}:${row.value}`,
    before,
    after,
  });
}

/** Records the references not yet recorded, inside the caller's transaction (the demonstration's load); answers how many were new. */
export async function addReferences(repos: Repositories, ctx: Ctx, refs: NewReference[]): Promise<number> {
  const rows = refs.flatMap((r) => (isRecordedRefKind(r.kind) ? [{ kind: r.kind, value: r.value, ...checkReferenceText(r) }] : []));
  const n = await repos.references.insertMissing(ctx.organisationId, rows);
  if (n > 0) {
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      event: 'reference.added',
      entityType: 'cross_reference',
      entityId: null,
      entityKey: null,
      before: null,
      after: { references: n },
    });
  }
  return n;
}
