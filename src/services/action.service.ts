// Use cases for actions: listing with derived figures, the full record, and the writes owners and
// managers make (status, deadline revision, progress update, edits), each audited and version-checked.
import {
  currentDeadline,
  daysSinceUpdate,
  isOverdue,
  pendingProposals,
  slippage,
  statusAt,
  trendBetween,
  type DeadlineEntry,
  type Slippage,
  type StatusEntry,
} from '../domain/action-derived.ts';
import { formatActionKey, parseActionKey } from '../domain/action-key.ts';
import type { Brag, Trend } from '../domain/brag.ts';
import { isIsoDate } from '../domain/dates.ts';
import { NotFoundError, StaleWriteError, ValidationError } from '../domain/errors.ts';
import { z } from 'zod';
import { isoDateSchema } from '../domain/dates.ts';
import { parseInput } from '../domain/validation.ts';
import { ACTION_FLAGS, actionNumberSchema, ownerSchema, refSchema, type ActionFlag, type RefKind } from '../domain/plan-document.ts';
import { groupBy } from '../domain/collections.ts';
import type { ActionDeadline, ActionOwner, ActionQuery, ActionRef, ActionStatus, ActionWithPlan, RefCount } from '../repositories/action.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { asOfDate, type Ctx } from './context.ts';

export type { RefCount };

export interface OwnerView {
  name: string | null;
  role: string | null;
  /** "Name, Role", or whichever of the two is known. */
  label: string;
}

export interface ActionSummary {
  id: number;
  key: string;
  planId: number;
  plan: string;
  planTitle: string;
  nodeId: number;
  parentActionId: number | null;
  number: string;
  title: string;
  owners: OwnerView[];
  flags: ActionFlag[];
  refs: { kind: RefKind; value: string }[];
  status: Brag | null;
  statusAsAt: string | null;
  forecast: Brag | null;
  pendingProposal: Brag | null;
  deadline: string | null;
  originalDeadline: string | null;
  slippage: Slippage;
  overdue: boolean;
  lastUpdate: string | null;
  updateCount: number;
  daysSinceUpdate: number | null;
  /** Status trend between two dates, when asked for (ActionFilters.since). */
  trend?: Trend;
  version: number;
}

export interface StatusHistoryEntry extends StatusEntry {
  id: number;
  reason: string;
  proposedBy: string;
}

export interface ActionDetail extends ActionSummary {
  description: string;
  successMeasures: string;
  outcome: string;
  path: { kind: string; number: string; title: string }[];
  deadlines: (DeadlineEntry & { id: number })[];
  statuses: StatusHistoryEntry[];
  updates: { id: number; date: string; author: string; body: string; createdAt: string }[];
  kpis: { title: string; measureCode: string | null; unit: string; targets: { by: string; value: number }[] }[];
  subActions: ActionSummary[];
  risks: { reference: string; title: string; owner: string; status: string }[];
  voiceItems: { council: string; priority: string; status: string }[];
}

export interface ActionFilters {
  plan?: string | undefined;
  status?: Brag[] | undefined;
  owner?: string | undefined;
  overdue?: boolean | undefined;
  ref?: { kind: string; value: string } | undefined;
  text?: string | undefined;
  /** Adds each action's status trend from this date to the as-of date. */
  since?: string | undefined;
}

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

export const ownerLabel = (o: { name: string | null; role: string | null }): string =>
  [o.name, o.role].filter((x): x is string => x !== null && x !== '').join(', ');

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const toStatusEntry = (s: ActionStatus): StatusHistoryEntry => ({
  id: s.id,
  status: s.status as Brag,
  kind: s.kind as 'current' | 'forecast',
  asAt: s.asAt,
  approvedBy: s.approvedBy,
  recordedAt: iso(s.recordedAt),
  reason: s.reason,
  proposedBy: s.proposedBy,
});

export const toDeadlineEntry = (d: ActionDeadline): DeadlineEntry & { id: number } => ({
  id: d.id,
  date: d.dueDate,
  reason: d.reason,
  setBy: d.setBy,
  setAt: iso(d.setAt),
});

/** What the derived figures of a set of actions are worked out from, read in a handful of queries. */
interface ActionParts {
  owners: Map<number, ActionOwner[]>;
  deadlines: Map<number, (DeadlineEntry & { id: number })[]>;
  statuses: Map<number, StatusHistoryEntry[]>;
  stats: Map<number, { last: string; count: number }>;
  refs: Map<number, ActionRef[]>;
}

async function loadParts(repos: Repositories, ids: number[]): Promise<ActionParts> {
  const [owners, deadlines, statuses, stats, refs] = await Promise.all([
    repos.actions.owners(ids),
    repos.actions.deadlines(ids),
    repos.actions.statuses(ids),
    repos.actions.updateStats(ids),
    repos.actions.refs(ids),
  ]);
  const byAction = <T extends { actionId: number }, U>(rows: T[], map: (r: T) => U): Map<number, U[]> =>
    new Map([...groupBy(rows, (r) => r.actionId)].map(([k, v]) => [k, v.map(map)]));
  return {
    owners: byAction(owners, (o) => o),
    deadlines: byAction(deadlines, toDeadlineEntry),
    statuses: byAction(statuses, toStatusEntry),
    stats,
    refs: byAction(refs, (r) => r),
  };
}

function summaryOf(a: ActionWithPlan, parts: ActionParts, asOf: string, since?: string): ActionSummary {
  const history = parts.statuses.get(a.id) ?? [];
  const dl = parts.deadlines.get(a.id) ?? [];
  const current = statusAt(history);
  const forecast = statusAt(history, undefined, 'forecast');
  const pending = pendingProposals(history);
  const deadline = currentDeadline(dl)?.date ?? null;
  const stat = parts.stats.get(a.id);
  const lastUpdate = stat?.last ?? null;
  return {
    id: a.id,
    key: formatActionKey({ plan: a.planSlug, number: a.number }),
    planId: a.planId,
    plan: a.planSlug,
    planTitle: a.planTitle,
    nodeId: a.nodeId,
    parentActionId: a.parentActionId,
    number: a.number,
    title: a.title,
    owners: (parts.owners.get(a.id) ?? []).map((o) => ({ name: o.name, role: o.role, label: ownerLabel(o) })),
    flags: a.flags as ActionFlag[],
    refs: (parts.refs.get(a.id) ?? []).map((r) => ({ kind: r.kind as RefKind, value: r.value })),
    status: current?.status ?? null,
    statusAsAt: current?.asAt ?? null,
    forecast: forecast?.status ?? null,
    pendingProposal: pending.length > 0 ? pending[pending.length - 1]!.status : null,
    deadline,
    originalDeadline: dl[0]?.date ?? null,
    slippage: slippage(dl),
    overdue: isOverdue(deadline, current?.status ?? null, asOf),
    lastUpdate,
    updateCount: stat?.count ?? 0,
    daysSinceUpdate: daysSinceUpdate(lastUpdate, asOf),
    ...(since !== undefined ? { trend: trendBetween(history, since, asOf) } : {}),
    version: a.version,
  };
}

/**
 * Builds summaries with every derived figure for a set of action rows, in a handful of queries;
 * with `since`, each also carries its status trend from that date to asOf.
 */
export async function summarise(repos: Repositories, rows: ActionWithPlan[], asOf: string, since?: string): Promise<ActionSummary[]> {
  const parts = await loadParts(
    repos,
    rows.map((r) => r.id),
  );
  return rows.map((a) => summaryOf(a, parts, asOf, since));
}

export class ActionService {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx, filters: ActionFilters = {}): Promise<ActionSummary[]> {
    const repos = this.store.read;
    const query: ActionQuery = { organisationId: ctx.organisationId, owner: filters.owner, ref: filters.ref, text: filters.text };
    if (filters.plan !== undefined) {
      const plan = await repos.plans.findBySlug(ctx.organisationId, filters.plan);
      if (!plan) throw new NotFoundError(`There is no plan "${filters.plan}". Run "parentis plans" to see the plans.`);
      query.planId = plan.id;
    }
    const rows = await repos.actions.list(query);
    let out = await summarise(repos, rows, asOfDate(ctx), filters.since);
    if (filters.status !== undefined && filters.status.length > 0) {
      const wanted = new Set(filters.status);
      out = out.filter((a) => a.status !== null && wanted.has(a.status));
    }
    if (filters.overdue === true) out = out.filter((a) => a.overdue);
    return out;
  }

  async show(ctx: Ctx, key: string): Promise<ActionDetail> {
    return this.detail(this.store.read, ctx, await this.find(this.store.read, ctx, key));
  }

  private async find(repos: Repositories, ctx: Ctx, keyText: string): Promise<ActionWithPlan> {
    const key = parseActionKey(keyText);
    const plan = await repos.plans.findBySlug(ctx.organisationId, key.plan);
    if (!plan) throw new NotFoundError(`There is no plan "${key.plan}". Run "parentis plans" to see the plans.`);
    const action = await repos.actions.findByNumber(plan.id, key.number);
    if (!action) throw new NotFoundError(`Plan "${key.plan}" has no action numbered ${key.number}.`);
    return action;
  }

  private async detail(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionDetail> {
    const asOf = asOfDate(ctx);
    const [parts, updates, kpis, nodes, subRows, risks, voiceItems] = await Promise.all([
      loadParts(repos, [a.id]),
      repos.actions.updates([a.id]),
      repos.actions.kpis([a.id]),
      repos.plans.nodes(a.planId),
      repos.actions.list({ organisationId: ctx.organisationId, parentActionId: a.id }),
      repos.risks.forAction(a.id),
      repos.voice.forAction(a.id),
    ]);
    const summary = summaryOf(a, parts, asOf);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const path: ActionDetail['path'] = [];
    for (let n = byId.get(a.nodeId); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) {
      path.unshift({ kind: n.kind, number: n.number, title: n.title });
    }
    const subActions = await summarise(repos, subRows, asOf);
    return {
      ...summary,
      description: a.description,
      successMeasures: a.successMeasures,
      outcome: a.outcome,
      path,
      deadlines: parts.deadlines.get(a.id) ?? [],
      // In the order of the dates they describe; entries for one date in the order they were recorded.
      statuses: [...(parts.statuses.get(a.id) ?? [])].sort((x, y) => (x.asAt === y.asAt ? x.recordedAt.localeCompare(y.recordedAt) : x.asAt.localeCompare(y.asAt))),
      updates: updates.map((u) => ({ id: u.id, date: u.updateDate, author: u.author, body: u.body, createdAt: iso(u.createdAt) })),
      kpis: kpis.map((k) => ({ title: k.title, measureCode: k.measureCode, unit: k.unit, targets: k.targets })),
      subActions,
      risks: risks.map((r) => ({ reference: r.reference, title: r.title, owner: r.owner, status: r.status })),
      voiceItems: voiceItems.map((v) => ({ council: v.council, priority: v.priority, status: v.status })),
    };
  }

  /**
   * Runs one change to an action in a transaction: locks the row, checks the caller's version is
   * still current, applies the change, moves the version on and writes the audit event.
   */
  private async change<T>(
    ctx: Ctx,
    keyText: string,
    expectedVersion: number | undefined,
    event: string,
    apply: (repos: Repositories, a: ActionWithPlan) => Promise<{ before: unknown; after: unknown; result: T }>,
  ): Promise<T> {
    return this.store.transaction(async (repos) => {
      const a = await this.find(repos, ctx, keyText);
      const locked = await repos.actions.lock(a.id);
      const version = locked?.version ?? a.version;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw await staleError(repos, 'action', a.id, `Action ${formatActionKey({ plan: a.planSlug, number: a.number })}`, expectedVersion, version);
      }
      const { before, after, result } = await apply(repos, { ...a, version });
      await repos.actions.bumpVersion(a.id, version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event,
        entityType: 'action',
        entityId: a.id,
        entityKey: formatActionKey({ plan: a.planSlug, number: a.number }),
        before,
        after,
      });
      return result;
    });
  }

  /** Records a BRAG status. Approved at once unless `approve` is false (a proposal for a lead to approve). */
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
    const kind = input.kind ?? 'current';
    await this.change(ctx, key, input.expectedVersion, kind === 'forecast' ? 'action.forecast.set' : 'action.status.set', async (repos, a) => {
      const before = statusAt((await repos.actions.statuses([a.id])).map(toStatusEntry), undefined, kind);
      const row = {
        actionId: a.id,
        kind,
        status: input.status,
        asAt: input.asAt,
        reason: input.reason.trim(),
        proposedBy: input.proposedBy ?? ctx.actor,
        approvedBy: input.approve === false ? null : ctx.actor,
      };
      await repos.actions.insertStatuses([row]);
      return {
        before: before ? { status: before.status, asAt: before.asAt } : null,
        after: { status: row.status, asAt: row.asAt, reason: row.reason, proposedBy: row.proposedBy, approvedBy: row.approvedBy },
        result: undefined,
      };
    });
    return this.show(ctx, key);
  }

  async reviseDeadline(
    ctx: Ctx,
    key: string,
    input: { date: string; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.date)) throw new ValidationError('The new deadline must be a real date written yyyy-mm-dd', 'date');
    const reason = input.reason.trim();
    await this.change(ctx, key, input.expectedVersion, 'action.deadline.revised', async (repos, a) => {
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
    return this.show(ctx, key);
  }

  async addUpdate(
    ctx: Ctx,
    key: string,
    input: { date: string; body: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.date)) throw new ValidationError('The update date must be a real date written yyyy-mm-dd', 'date');
    const body = input.body.trim();
    if (body === '') throw new ValidationError('Write the progress update', 'body');
    await this.change(ctx, key, input.expectedVersion, 'action.update.added', async (repos, a) => {
      const [row] = await repos.actions.insertUpdates([{ actionId: a.id, updateDate: input.date, author: ctx.actor, body }]);
      return { before: null, after: { id: row?.id, date: input.date, body }, result: undefined };
    });
    return this.show(ctx, key);
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
    },
  ): Promise<ActionDetail> {
    if (input.title !== undefined && input.title.trim() === '') throw new ValidationError('Enter a title for the action', 'title');
    if (input.owners !== undefined && input.owners.length === 0) throw new ValidationError('An action needs at least one owner', 'owners');
    await this.change(ctx, key, input.expectedVersion, 'action.edited', async (repos, a) => {
      const fields = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.successMeasures !== undefined ? { successMeasures: input.successMeasures.trim() } : {}),
        ...(input.outcome !== undefined ? { outcome: input.outcome.trim() } : {}),
        ...(input.flags !== undefined ? { flags: input.flags } : {}),
      };
      const before: Record<string, unknown> = {};
      for (const k of Object.keys(fields) as (keyof typeof fields)[]) before[k] = a[k];
      const after: Record<string, unknown> = { ...fields };
      if (Object.keys(fields).length > 0) await repos.actions.setFields(a.id, fields);
      if (input.owners !== undefined) {
        before.owners = (await repos.actions.owners([a.id])).map(ownerLabel);
        await repos.actions.replaceOwners(a.id, input.owners);
        after.owners = input.owners.map(ownerLabel);
      }
      return { before, after, result: undefined };
    });
    return this.show(ctx, key);
  }

  /** Adds an action (or a sub-action, with parentNumber) under a node of a plan, with its first deadline. */
  async create(ctx: Ctx, planSlug: string, raw: z.input<typeof newActionSchema>): Promise<ActionDetail> {
    const input = parseInput(newActionSchema, raw);
    const key = formatActionKey({ plan: planSlug, number: input.number });
    await this.store.transaction(async (repos) => {
      const plan = await repos.plans.findBySlug(ctx.organisationId, planSlug);
      if (!plan) throw new NotFoundError(`There is no plan "${planSlug}".`);
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
    return this.show(ctx, key);
  }

  /** Replaces an action's cross-references (challenge, inspection recommendation, programme, measure, tag). */
  async setRefs(ctx: Ctx, key: string, refs: { kind: RefKind; value: string }[], expectedVersion?: number): Promise<ActionDetail> {
    const checked = parseInput(z.array(refSchema), refs, 'refs');
    await this.change(ctx, key, expectedVersion, 'action.refs.set', async (repos, a) => {
      const before = (await repos.actions.refs([a.id])).map((r) => `${r.kind}:${r.value}`);
      await repos.actions.replaceRefs(a.id, checked.map((r) => ({ actionId: a.id, kind: r.kind, value: r.value })));
      return { before: { refs: before }, after: { refs: checked.map((r) => `${r.kind}:${r.value}`) }, result: undefined };
    });
    return this.show(ctx, key);
  }

  /** Actions carrying a cross-reference ("inspection 11" → its actions). */
  byRef(ctx: Ctx, kind: string, value: string): Promise<ActionSummary[]> {
    return this.list(ctx, { ref: { kind, value } });
  }

  refs(ctx: Ctx): Promise<RefCount[]> {
    return this.store.read.actions.refCounts(ctx.organisationId);
  }
}

/** The message a user sees when their edit is stale: what changed, by whom, and that nothing was saved. */
export async function staleError(
  repos: Repositories,
  entityType: string,
  entityId: number,
  what: string,
  expected: number,
  current: number,
): Promise<StaleWriteError> {
  const last = await repos.audit.latestFor(entityType, entityId);
  const by = last ? ` (${last.event.replace(/\./g, ' ')} by ${last.actor} at ${last.occurredAt.toISOString().slice(0, 16).replace('T', ' ')})` : '';
  return new StaleWriteError(
    `${what} was changed by someone else since you opened it: you had version ${expected}, it is now version ${current}${by}. Nothing was saved; look at it again and re-apply your change.`,
    current,
    last ? { actor: last.actor, event: last.event, at: last.occurredAt, after: last.after } : undefined,
  );
}
