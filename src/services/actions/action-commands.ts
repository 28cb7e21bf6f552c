// The writes to actions: a progress update with its status (set or proposed, by the person's rights),
// a status on its own, the deadline, the action's words and owners, its cross-references, and a new
// action. Each runs in one transaction, role-checked, version-checked and audited.
import { currentDeadline } from '../../domain/action-derived.ts';
import { formatActionKey } from '../../domain/action-key.ts';
import { bragSchema, type Brag } from '../../domain/brag.ts';
import { isIsoDate, isoDateSchema } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ACTION_FLAGS, actionNumberSchema, ownerSchema, refSchema, type ActionFlag, type RefKind } from '../../domain/plan-document.ts';
import { updateDateProblem } from '../../domain/update-date.ts';
import { parseInput } from '../../domain/validation.ts';
import { z } from 'zod';
import type { Repositories, Store } from '../../repositories/store.ts';
import { nowFor, requireCapability, todayFor, type Ctx } from '../context.ts';
import { changeStatus, recordStatus } from './action-approvals.ts';
import { changeAction, refuseUnless, type ActionChanged, type ChangeEvent } from './action-change.ts';
import type { ActionQueries } from './action-queries.ts';
import { ownerLabel, toDeadlineEntry, type ActionDetail } from './action-read-model.ts';

export const newActionSchema = z
  .object({
    /** The node (theme, objective …) the action sits under; not needed for a sub-action. */
    nodeId: z.number().int().optional(),
    /** Makes this a sub-action of the action with this number. */
    parentNumber: actionNumberSchema.optional(),
    number: actionNumberSchema,
    title: z.string().trim().min(1, { message: 'Enter a title' }),
    description: z.string().trim().default(''),
    owners: z.array(ownerSchema).min(1, { message: 'an action needs at least one owner' }),
    deadline: isoDateSchema.optional(),
    successMeasures: z.string().trim().default(''),
    outcome: z.string().trim().default(''),
    flags: z.array(z.enum(ACTION_FLAGS)).default([]),
    refs: z.array(refSchema).default([]),
  })
  .strict();

/** A dated progress update, and optionally the BRAG status it reports. */
export interface ProgressInput {
  /** yyyy-mm-dd: today or earlier, 2000 or later. */
  date: string;
  body: string;
  /** The action's version when the person read it: the change is refused if it has moved on. */
  expectedVersion?: number | undefined;
  status?:
    | {
        status: Brag;
        /** Why; the update itself when not given. */
        reason?: string | undefined;
        /** Only propose it, even when the person may set it. */
        propose?: boolean | undefined;
      }
    | undefined;
}

/** What recording progress did: the action's key and new version, and whether a status was set or proposed. */
export interface ProgressRecorded extends ActionChanged {
  status: 'set' | 'proposed' | null;
}

/** The kinds of cross-reference the action's edit form links: all but tags. */
const linkSchema = refSchema.extend({ kind: z.enum(['inspection', 'challenge', 'programme', 'measure']) });
type LinkKind = z.infer<typeof linkSchema>['kind'];

/** The references once each, in the order given (a number typed again in another case is the same reference). */
function uniqueRefs<T extends { kind: string; value: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.kind}:${r.value.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Refuses measure codes the authority's library does not hold: a success measure links to a measure that exists. */
async function refuseUnknownMeasures(repos: Repositories, ctx: Ctx, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = new Set((await repos.measures.list(ctx.organisationId)).map((m) => m.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new ValidationError(`There is no measure "${unknown[0]}" in the library: choose the measures from the list`, 'measures');
}

export class ActionCommands {
  constructor(
    private readonly store: Store,
    private readonly queries: ActionQueries,
  ) {}

  /**
   * Records a progress update and, when given, the status it reports, as one change: one
   * transaction, one version. The status is set when the person may set it (as at the update's
   * date) and otherwise proposed for a lead or manager to decide, which the answer says.
   */
  async recordProgress(ctx: Ctx, key: string, input: ProgressInput): Promise<ProgressRecorded> {
    const problem = updateDateProblem(input.date, todayFor(ctx));
    if (problem !== undefined) throw new ValidationError(problem, 'date');
    const body = input.body.trim();
    if (body === '') throw new ValidationError('Write the progress update', 'body');
    const wanted = input.status;
    const status = wanted === undefined ? undefined : parseInput(bragSchema, wanted.status, 'status');
    const done = await changeAction(this.store, ctx, key, input.expectedVersion, 'addUpdate', 'action.update.added', async (repos, a, may) => {
      const [row] = await repos.actions.insertUpdates([{ actionId: a.id, updateDate: input.date, author: ctx.actor, body }]);
      const also: ChangeEvent[] = [];
      // An update answers every request for one on this action still open in a reporting round.
      if (row !== undefined) {
        for (const r of await repos.rounds.markReceived(a.id, row.id, ctx.viaLink === undefined ? 'account' : 'link', nowFor(ctx))) {
          also.push({ event: 'round.request.received', before: null, after: { roundId: r.roundId, owner: r.ownerName, via: ctx.viaLink === undefined ? 'account' : 'link' } });
        }
      }
      let outcome: ProgressRecorded['status'] = null;
      if (wanted !== undefined && status !== undefined) {
        const propose = wanted.propose === true || !may.setStatus;
        refuseUnless(may, propose ? 'proposeStatus' : 'setStatus', a);
        // The update is the reason when none is given: the lead reads them together.
        const reason = (wanted.reason ?? '').trim() === '' ? body : (wanted.reason ?? '').trim();
        also.push(await recordStatus(repos, ctx, a, { status, kind: 'current', asAt: input.date, reason, proposedBy: ctx.actor, propose }));
        outcome = propose ? 'proposed' : 'set';
      }
      return { before: null, after: { id: row?.id, date: input.date, body }, result: outcome, also };
    });
    return { key: done.key, version: done.version, status: done.result };
  }

  /**
   * Adds a dated progress update. With `proposal`, the same change also proposes a status (as at the
   * update's date), whatever the person's rights: recordProgress with the proposal forced.
   */
  async addUpdate(
    ctx: Ctx,
    key: string,
    input: { date: string; body: string; expectedVersion?: number | undefined; proposal?: { status: Brag; reason?: string | undefined } | undefined },
  ): Promise<ActionDetail> {
    await this.recordProgress(ctx, key, {
      date: input.date,
      body: input.body,
      expectedVersion: input.expectedVersion,
      status: input.proposal === undefined ? undefined : { ...input.proposal, propose: true },
    });
    return this.queries.show(ctx, key);
  }

  /**
   * Records a BRAG status. Approved at once unless `approve` is false: then it is a proposal for a
   * lead or manager to decide (as proposeStatus), which replaces any proposal still waiting.
   */
  async setStatus(
    ctx: Ctx,
    key: string,
    input: {
      status: Brag;
      asAt: string;
      reason: string;
      kind?: 'current' | 'forecast';
      proposedBy?: string | undefined;
      approve?: boolean;
      expectedVersion?: number | undefined;
    },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.asAt)) throw new ValidationError('The as-at date must be a real date written yyyy-mm-dd', 'asAt');
    const status = parseInput(bragSchema, input.status, 'status');
    const kind = input.kind ?? 'current';
    const propose = input.approve === false;
    await changeStatus(this.store, ctx, key, input.expectedVersion, { status, kind, asAt: input.asAt, reason: input.reason.trim(), proposedBy: input.proposedBy ?? ctx.actor, propose });
    return this.queries.show(ctx, key);
  }

  async reviseDeadline(
    ctx: Ctx,
    key: string,
    input: { date: string; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.date)) throw new ValidationError('The new deadline must be a real date written yyyy-mm-dd', 'date');
    const reason = input.reason.trim();
    await changeAction(this.store, ctx, key, input.expectedVersion, 'reviseDeadline', 'action.deadline.revised', async (repos, a) => {
      const history = (await repos.actions.deadlines([a.id])).map(toDeadlineEntry);
      const before = currentDeadline(history);
      if (before !== null && reason === '') {
        throw new ValidationError('Give the reason the deadline is being revised', 'reason');
      }
      if (before?.date === input.date) throw new ValidationError(`The deadline is already ${input.date}`, 'date');
      await repos.actions.insertDeadlines([
        { actionId: a.id, dueDate: input.date, reason: reason === '' ? 'Original deadline' : reason, setBy: ctx.actor },
      ]);
      return { before: before ? { deadline: before.date } : null, after: { deadline: input.date, reason }, result: undefined };
    });
    return this.queries.show(ctx, key);
  }

  async edit(
    ctx: Ctx,
    key: string,
    input: {
      expectedVersion: number;
      title?: string;
      description?: string;
      successMeasures?: string;
      outcome?: string;
      flags?: ActionFlag[];
      owners?: { name: string | null; role: string | null }[];
      /**
       * The inspection recommendations, challenges, programmes and measures (by library code) the
       * action is to cite: they replace those it cites; its tags stay as they are.
       */
      links?: { kind: LinkKind; value: string }[];
    },
  ): Promise<ActionDetail> {
    if (input.title !== undefined && input.title.trim() === '') throw new ValidationError('Enter a title for the action', 'title');
    if (input.owners !== undefined && input.owners.length === 0) throw new ValidationError('An action needs at least one owner', 'owners');
    const links = input.links === undefined ? undefined : uniqueRefs(parseInput(z.array(linkSchema), input.links, 'links'));
    await changeAction(this.store, ctx, key, input.expectedVersion, 'edit', 'action.edited', async (repos, a) => {
      const given = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.successMeasures !== undefined ? { successMeasures: input.successMeasures.trim() } : {}),
        ...(input.outcome !== undefined ? { outcome: input.outcome.trim() } : {}),
        ...(input.flags !== undefined ? { flags: input.flags } : {}),
      };
      // Only the fields that differ are written and recorded: saving the form as it was changes nothing.
      const fields = Object.fromEntries(Object.entries(given).filter(([k, v]) => JSON.stringify(a[k as keyof typeof given]) !== JSON.stringify(v))) as typeof given;
      const before: Record<string, unknown> = {};
      for (const k of Object.keys(fields) as (keyof typeof fields)[]) before[k] = a[k];
      const after: Record<string, unknown> = { ...fields };
      if (Object.keys(fields).length > 0) await repos.actions.setFields(a.id, fields);
      if (input.owners !== undefined) {
        const had = (await repos.actions.owners([a.id])).map(ownerLabel);
        const has = input.owners.map(ownerLabel);
        if (JSON.stringify(had) !== JSON.stringify(has)) {
          await repos.actions.replaceOwners(a.id, input.owners);
          before.owners = had;
          after.owners = has;
        }
      }
      if (links !== undefined) {
        const current = await repos.actions.refs([a.id]);
        const refs = [...current.filter((r) => r.kind === 'tag').map((r) => ({ kind: r.kind as RefKind, value: r.value })), ...links];
        const had = current.map((r) => `${r.kind}:${r.value}`);
        const wanted = refs.map((r) => `${r.kind}:${r.value}`);
        if ([...had].sort().join('\n') !== [...wanted].sort().join('\n')) {
          await refuseUnknownMeasures(repos, ctx, refs.filter((r) => r.kind === 'measure' && !had.includes(`measure:${r.value}`)).map((r) => r.value));
          await repos.actions.replaceRefs(a.id, refs.map((r) => ({ actionId: a.id, kind: r.kind, value: r.value })));
          before.refs = had;
          after.refs = wanted;
        }
      }
      return { before, after, result: undefined, unchanged: Object.keys(after).length === 0 };
    });
    return this.queries.show(ctx, key);
  }

  /** Adds an action (or a sub-action, with parentNumber) under a node of a plan, with its first deadline. */
  async create(ctx: Ctx, planSlug: string, raw: z.input<typeof newActionSchema>): Promise<ActionDetail> {
    requireCapability(ctx, 'actions.manage', 'add actions to a plan');
    const input = parseInput(newActionSchema, raw);
    const key = formatActionKey({ plan: planSlug, number: input.number });
    await this.store.transaction(async (repos) => {
      const plan = await repos.plans.findBySlug(ctx.organisationId, planSlug);
      if (!plan) throw new NotFoundError(`There is no plan "${planSlug}".`);
      if (plan.archivedAt !== null) throw new ConflictError(`"${plan.title}" is archived: it takes no new actions. Take it out of the archive first.`);
      if (await repos.actions.findByNumber(plan.id, input.number)) {
        throw new ValidationError(`Plan "${planSlug}" already has an action numbered ${input.number}`, 'number');
      }
      let nodeId = input.nodeId;
      let parentActionId: number | null = null;
      if (input.parentNumber !== undefined) {
        const parent = await repos.actions.findByNumber(plan.id, input.parentNumber);
        if (!parent) throw new ValidationError(`Plan "${planSlug}" has no action numbered ${input.parentNumber}`, 'parentNumber');
        nodeId = parent.nodeId;
        parentActionId = parent.id;
      }
      if (nodeId === undefined || !(await repos.plans.lockNode(plan.id, nodeId))) {
        throw new ValidationError(`Choose the part of plan "${planSlug}" the action belongs to`, 'nodeId');
      }
      const row = await repos.actions.insert({
        planId: plan.id,
        nodeId,
        parentActionId,
        position: await repos.plans.nextPosition(plan.id),
        number: input.number,
        title: input.title,
        description: input.description,
        successMeasures: input.successMeasures,
        outcome: input.outcome,
        flags: input.flags,
      });
      await repos.actions.insertOwners(input.owners.map((o, position) => ({ actionId: row.id, position, name: o.name ?? null, role: o.role ?? null })));
      if (input.deadline !== undefined) {
        await repos.actions.insertDeadlines([{ actionId: row.id, dueDate: input.deadline, reason: 'Original deadline', setBy: ctx.actor }]);
      }
      await repos.actions.insertRefs(input.refs.map((r) => ({ actionId: row.id, kind: r.kind, value: r.value })));
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'action.created',
        entityType: 'action',
        entityId: row.id,
        entityKey: key,
        before: null,
        after: input,
      });
    });
    return this.queries.show(ctx, key);
  }

  /** Replaces an action's cross-references (challenge, inspection recommendation, programme, measure, tag). */
  async setRefs(ctx: Ctx, key: string, refs: { kind: RefKind; value: string }[], expectedVersion?: number): Promise<ActionDetail> {
    const checked = parseInput(z.array(refSchema), refs, 'refs');
    await changeAction(this.store, ctx, key, expectedVersion, 'edit', 'action.refs.set', async (repos, a) => {
      const before = (await repos.actions.refs([a.id])).map((r) => `${r.kind}:${r.value}`);
      await repos.actions.replaceRefs(a.id, checked.map((r) => ({ actionId: a.id, kind: r.kind, value: r.value })));
      return { before: { refs: before }, after: { refs: checked.map((r) => `${r.kind}:${r.value}`) }, result: undefined };
    });
    return this.queries.show(ctx, key);
  }
}
