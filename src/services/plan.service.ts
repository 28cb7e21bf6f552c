// Use cases for plans: the list with BRAG roll-ups, a plan's tree, and import / export of the plan
// document (all or nothing, audited).
import { addCountsToRollUp, addToRollUp, emptyRollUp, mergeRollUp, type RollUp } from '../domain/action-derived.ts';
import type { AuditEvent } from '../domain/audit-events.ts';
import type { Brag } from '../domain/brag.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseInput } from '../domain/validation.ts';
import { groupBy } from '../domain/collections.ts';
import { z } from 'zod';
import {
  NODE_KINDS,
  nodeStatusSchema,
  PLAN_FORMAT,
  planActions,
  checkDocumentShape,
  planDocumentSchema,
  type ActionDocument,
  type NodeDocument,
  type PlanDocument,
} from '../domain/plan-document.ts';
import { planToCsv, planToXlsx } from '../exports/plan-tables.ts';
import type { ActionWithPlan } from '../repositories/action.repository.ts';
import type { Plan, PlanNode } from '../repositories/plan.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { summariesOf, toDeadlineEntry, toStatusEntry, type ActionSummary } from './actions/action-read-model.ts';
import { requireCurrentVersion } from './stale-write.ts';
import { asOfDate, nowFor, requireCapability, todayFor, type Ctx } from './context.ts';
import { closeUp, nextNumber, underRenumbered } from '../domain/numbering.ts';
import { isoDateSchema } from '../domain/dates.ts';

export interface PlanSummary {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  rollUp: RollUp;
  version: number;
  /** When and by whom the plan was archived; null while it is in use. */
  archived: { at: string; by: string } | null;
}

export interface PlanTreeNode {
  id: number;
  kind: string;
  number: string;
  title: string;
  description: string;
  lead: string | null;
  seniorResponsibleOwner: string | null;
  deliveryGroup: string | null;
  chair: string | null;
  status: { status: string; trend: string | null; reason: string; asAt: string | null } | null;
  children: PlanTreeNode[];
  /** Top-level actions of this node; each carries its sub-actions. */
  actions: (ActionSummary & { subActions: ActionSummary[] })[];
  /** Counts over this node, its descendants, and all their actions and sub-actions. */
  rollUp: RollUp;
  /** The node's version, for editNode's expectedVersion. */
  version: number;
}

export interface PlanTree extends PlanSummary {
  description: string;
  nodes: PlanTreeNode[];
  /** The plan this one was rolled over from, and the one it was rolled into. */
  rolledFrom: { slug: string; title: string } | null;
  rolledInto: { slug: string; title: string } | null;
}

/** What rolling a plan into next year made: the new plan and how many open actions it carries. */
export interface RolledOver {
  slug: string;
  title: string;
  actions: number;
  nodes: number;
}

export interface ImportResult {
  slug: string;
  title: string;
  actions: number;
  updates: number;
  risks: number;
  replaced: boolean;
}

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Parses and checks a plan document; a failure names the field at fault (and the file, when given). */
export function parsePlanDocument(raw: unknown, source?: string): PlanDocument {
  const where = source === undefined ? '' : `${source}: `;
  let doc: PlanDocument;
  try {
    checkDocumentShape(raw);
    doc = parseInput(planDocumentSchema, raw);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(`${where}${err.message}`, err.field);
    throw err;
  }
  const seen = new Map<string, string>();
  for (const { action: a, path } of planActions(doc)) {
    const previous = seen.get(a.number);
    if (previous !== undefined) {
      throw new ValidationError(`${where}${path}.number: action number ${a.number} is used twice in the plan (also at ${previous})`, `${path}.number`);
    }
    seen.set(a.number, path);
  }
  const nodeNumbers = new Set<string>();
  const collect = (n: NodeDocument): void => {
    nodeNumbers.add(n.number);
    n.children.forEach(collect);
  };
  doc.plan.nodes.forEach(collect);
  doc.plan.risks.forEach((r, i) => {
    if (r.programme !== undefined && !nodeNumbers.has(r.programme)) {
      throw new ValidationError(`${where}plan.risks[${i}].programme: the plan has no programme or node numbered ${r.programme}`, `plan.risks[${i}].programme`);
    }
    r.actions.forEach((n, j) => {
      if (!seen.has(n)) throw new ValidationError(`${where}plan.risks[${i}].actions[${j}]: the plan has no action numbered ${n}`, `plan.risks[${i}].actions[${j}]`);
    });
  });
  return doc;
}

export class PlanService {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx): Promise<PlanSummary[]> {
    const repos = this.store.read;
    // The counts are grouped in SQL from each action's current status and deadline: the list never
    // reads the actions' histories, only what the roll-up is worked out from.
    const [plans, rows] = await Promise.all([repos.plans.list(ctx.organisationId), repos.actions.rollUps(ctx.organisationId, asOfDate(ctx))]);
    const rollUps = new Map<number, RollUp>(plans.map((p) => [p.id, emptyRollUp()]));
    for (const r of rows) {
      const rollUp = rollUps.get(r.planId);
      if (rollUp) addCountsToRollUp(rollUp, r.status as Brag | null, r.actions, r.overdue);
    }
    return plans.map((p) => toSummary(p, rollUps.get(p.id)!));
  }

  private async get(repos: Repositories, ctx: Ctx, slug: string): Promise<Plan> {
    const plan = await repos.plans.findBySlug(ctx.organisationId, slug);
    if (!plan) throw new NotFoundError(`There is no plan "${slug}". Run "parentis plans" to see the plans.`);
    return plan;
  }

  /** The plan, for a change to it: refused while it is archived. */
  private async getOpen(repos: Repositories, ctx: Ctx, slug: string): Promise<Plan> {
    const plan = await this.get(repos, ctx, slug);
    refuseArchived(plan);
    return plan;
  }

  async tree(ctx: Ctx, slug: string): Promise<PlanTree> {
    const repos = this.store.read;
    const plan = await this.get(repos, ctx, slug);
    const [nodes, summaries] = await Promise.all([repos.plans.nodes(plan.id), summariesOf(repos, { organisationId: ctx.organisationId, planId: plan.id }, asOfDate(ctx))]);
    const treeNodes = new Map<number, PlanTreeNode>(nodes.map((n) => [n.id, toTreeNode(n)]));
    const roots: PlanTreeNode[] = [];
    for (const n of nodes) {
      const t = treeNodes.get(n.id)!;
      if (n.parentId === null) roots.push(t);
      else treeNodes.get(n.parentId)?.children.push(t);
    }
    const byId = new Map(summaries.map((s) => [s.id, { ...s, subActions: [] as ActionSummary[] }]));
    for (const s of summaries) {
      const node = treeNodes.get(s.nodeId)!;
      addToRollUp(node.rollUp, s.status, s.overdue);
      if (s.parentActionId === null) node.actions.push(byId.get(s.id)!);
      else byId.get(s.parentActionId)?.subActions.push(s);
    }
    const total = emptyRollUp();
    const rollUp = (n: PlanTreeNode): RollUp => {
      for (const c of n.children) mergeRollUp(n.rollUp, rollUp(c));
      return n.rollUp;
    };
    for (const r of roots) mergeRollUp(total, rollUp(r));
    const [from, into] = await Promise.all([plan.rolledFromPlanId === null ? undefined : repos.plans.findById(plan.rolledFromPlanId), repos.plans.rolledInto(plan.id)]);
    return {
      ...toSummary(plan, total),
      description: plan.description,
      nodes: roots,
      rolledFrom: from ? { slug: from.slug, title: from.title } : null,
      rolledInto: into ? { slug: into.slug, title: into.title } : null,
    };
  }

  async importDocument(ctx: Ctx, raw: unknown, options: { replace?: boolean; source?: string } = {}): Promise<ImportResult> {
    requireCapability(ctx, 'plans.edit', 'import plans');
    const doc = parsePlanDocument(raw, options.source);
    return this.store.transaction((repos) => this.importInto(repos, ctx, doc, options));
  }

  /** importDocument's work, in a transaction the caller holds (the browser's import wizard also removes its upload in it). */
  async importInto(repos: Repositories, ctx: Ctx, doc: PlanDocument, options: { replace?: boolean } = {}): Promise<ImportResult> {
    requireCapability(ctx, 'plans.edit', 'import plans');
    const existing = await repos.plans.findBySlug(ctx.organisationId, doc.plan.slug);
    if (existing && options.replace !== true) {
      throw new ConflictError(`A plan with slug "${doc.plan.slug}" already exists. Import with --replace to overwrite it, or change the slug.`);
    }
    if (existing) refuseArchived(existing, 'cannot be replaced by an import');
    let voiceLinks: { voiceItemId: number; number: string }[] = [];
    if (existing) {
      voiceLinks = await repos.voice.links({ planId: existing.id });
      await repos.plans.delete(existing.id);
    }
    const result = await writePlan(repos, ctx.organisationId, doc);
    for (const link of voiceLinks) {
      const id = result.actionIds.get(link.number);
      if (id !== undefined) await repos.voice.linkActions(link.voiceItemId, [id]);
    }
    const summary: ImportResult = {
      slug: doc.plan.slug,
      title: doc.plan.title,
      actions: result.actionIds.size,
      updates: result.updates,
      risks: doc.plan.risks.length,
      replaced: existing !== undefined,
    };
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      event: existing ? 'plan.replaced' : 'plan.imported',
      entityType: 'plan',
      entityId: result.planId,
      entityKey: doc.plan.slug,
      before: existing ? { slug: existing.slug, title: existing.title, version: existing.version } : null,
      after: summary,
    });
    // Last in the transaction: the planner's statistics count the rows just written (see analyse).
    await repos.plans.analyse();
    return summary;
  }

  async exportDocument(ctx: Ctx, slug: string): Promise<PlanDocument> {
    const repos = this.store.read;
    const plan = await this.get(repos, ctx, slug);
    return readPlan(repos, ctx.organisationId, plan);
  }

  /** Creates an empty plan; nodes and actions are added to it afterwards. */
  async create(ctx: Ctx, raw: z.input<typeof newPlanSchema>): Promise<PlanSummary> {
    requireCapability(ctx, 'plans.edit', 'create plans');
    const input = parseInput(newPlanSchema, raw);
    return this.store.transaction(async (repos) => {
      if (await repos.plans.findBySlug(ctx.organisationId, input.slug)) {
        throw new ValidationError(`A plan with slug "${input.slug}" already exists: choose another`, 'slug');
      }
      const plan = await repos.plans.insert({ organisationId: ctx.organisationId, ...input, periodStart: input.periodStart ?? null, periodEnd: input.periodEnd ?? null });
      await audit(repos, ctx, 'plan.created', 'plan', plan.id, plan.slug, null, input);
      return toSummary(plan, emptyRollUp());
    });
  }

  /** Edits a plan's details (title, kind, period, status, description) if nobody has changed them since expectedVersion; the slug, in every address, stays. */
  async editDetails(ctx: Ctx, slug: string, expectedVersion: number, raw: z.input<typeof planDetailsSchema>): Promise<PlanSummary> {
    requireCapability(ctx, 'plans.edit', 'change the details of a plan');
    const input = parseInput(planDetailsSchema, raw);
    if (input.periodStart !== undefined && input.periodEnd !== undefined && input.periodEnd < input.periodStart) {
      throw new ValidationError('The period must end after it starts', 'periodEnd');
    }
    return this.store.transaction(async (repos) => {
      const plan = await repos.plans.lockBySlug(ctx.organisationId, slug);
      if (!plan) throw new NotFoundError(`There is no plan "${slug}".`);
      refuseArchived(plan);
      await requireCurrentVersion(repos, { entityType: 'plan', entityId: plan.id, what: `the details of "${plan.title}"` }, expectedVersion, plan.version);
      const fields = { ...input, periodStart: input.periodStart ?? null, periodEnd: input.periodEnd ?? null };
      const updated = await repos.plans.update(plan.id, fields);
      const before = { title: plan.title, kind: plan.kind, periodStart: plan.periodStart, periodEnd: plan.periodEnd, status: plan.status, description: plan.description };
      await audit(repos, ctx, 'plan.edited', 'plan', plan.id, plan.slug, before, fields);
      return toSummary(updated, emptyRollUp());
    });
  }

  /**
   * Archives a plan (archive true) or takes it out of the archive: an archived plan leaves the
   * default list of plans, stays readable, and takes no new actions, updates or changes.
   */
  async setArchived(ctx: Ctx, slug: string, expectedVersion: number, archive: boolean): Promise<PlanSummary> {
    requireCapability(ctx, 'plans.edit', archive ? 'archive plans' : 'take plans out of the archive');
    return this.store.transaction(async (repos) => {
      const plan = await repos.plans.lockBySlug(ctx.organisationId, slug);
      if (!plan) throw new NotFoundError(`There is no plan "${slug}".`);
      await requireCurrentVersion(repos, { entityType: 'plan', entityId: plan.id, what: `"${plan.title}"` }, expectedVersion, plan.version);
      if ((plan.archivedAt !== null) === archive) throw new ConflictError(`"${plan.title}" is ${archive ? 'already archived' : 'not archived'}: nothing was changed.`);
      const updated = await repos.plans.update(plan.id, archive ? { archivedAt: nowFor(ctx), archivedBy: ctx.actor } : { archivedAt: null, archivedBy: null });
      await audit(repos, ctx, archive ? 'plan.archived' : 'plan.unarchived', 'plan', plan.id, plan.slug, { archived: !archive }, { archived: archive });
      return toSummary(updated, emptyRollUp());
    });
  }

  /**
   * Rolls a plan into next year's: a new plan with the same parts, and a copy of every open action
   * (not Blue, not closed) flagged rolled over and linked to the action it carries (whose history
   * stays where it is), with its owners, cross-references, measures, current deadline and status.
   * One transaction; a plan is rolled over once, and never into a title or short name in use.
   */
  async rollOver(ctx: Ctx, slug: string, expectedVersion: number, raw: z.input<typeof rollOverSchema>): Promise<RolledOver> {
    requireCapability(ctx, 'plans.edit', "roll plans into next year's");
    const input = parseInput(rollOverSchema, raw);
    if (input.periodEnd < input.periodStart) throw new ValidationError('The period must end after it starts', 'periodEnd');
    return this.store.transaction(async (repos) => {
      const plan = await repos.plans.lockBySlug(ctx.organisationId, slug);
      if (!plan) throw new NotFoundError(`There is no plan "${slug}".`);
      await requireCurrentVersion(repos, { entityType: 'plan', entityId: plan.id, what: `"${plan.title}"` }, expectedVersion, plan.version);
      const already = await repos.plans.rolledInto(plan.id);
      if (already) throw new ValidationError(`"${plan.title}" has already been rolled into "${already.title}" (${already.slug}): it is rolled over once`, 'title');
      if (await repos.plans.findBySlug(ctx.organisationId, input.slug)) throw new ValidationError(`A plan with the short name "${input.slug}" already exists: choose another`, 'slug');
      const sameTitle = await repos.plans.findByTitle(ctx.organisationId, input.title);
      if (sameTitle) throw new ValidationError(`A plan called "${sameTitle.title}" already exists (${sameTitle.slug}): choose another title`, 'title');

      const next = await repos.plans.insert({
        organisationId: ctx.organisationId,
        slug: input.slug,
        title: input.title,
        kind: plan.kind,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        status: 'active',
        description: plan.description,
        rolledFromPlanId: plan.id,
      });
      // Parts before the parts under them, whatever their positions: a moved part may sit before its parent.
      const nodes = await repos.plans.nodes(plan.id);
      const nodeIds = new Map<number, number>();
      let position = 0;
      const copyUnder = async (parentId: number | null): Promise<void> => {
        for (const n of nodes.filter((x) => x.parentId === parentId)) {
          const { id, planId: _planId, parentId: _parentId, position: _position, version: _version, ...columns } = n;
          const copy = await repos.plans.insertNode({ ...columns, planId: next.id, parentId: parentId === null ? null : nodeIds.get(parentId)!, position: position++ });
          nodeIds.set(id, copy.id);
          await copyUnder(id);
        }
      };
      await copyUnder(null);

      const asOf = todayFor(ctx);
      const open = (await summariesOf(repos, { organisationId: ctx.organisationId, planId: plan.id }, asOf)).filter((a) => a.status !== 'B' && !a.closed);
      const rows = new Map((await repos.actions.list({ organisationId: ctx.organisationId, planId: plan.id })).map((r) => [r.id, r]));
      const ids = open.map((a) => a.id);
      const [owners, refs, kpis] = await Promise.all([repos.actions.owners(ids), repos.actions.refs(ids), repos.actions.kpis(ids)]);
      const actionIds = new Map<number, number>();
      const now = nowFor(ctx);
      const ordered = [...open].sort((a, b) => rows.get(a.id)!.position - rows.get(b.id)!.position || a.id - b.id);
      for (const a of ordered) {
        const row = rows.get(a.id)!;
        const carried = `Carried over from ${plan.title} ${a.number}`;
        const copy = await repos.actions.insert({
          planId: next.id,
          nodeId: nodeIds.get(row.nodeId)!,
          // A sub-action whose action was finished or closed is carried as an action of its own.
          parentActionId: row.parentActionId === null ? null : (actionIds.get(row.parentActionId) ?? null),
          position: position++,
          number: row.number,
          title: row.title,
          description: row.description,
          successMeasures: row.successMeasures,
          outcome: row.outcome,
          flags: [...new Set([...row.flags, 'rolled-over'])],
          rolledFromId: row.id,
        });
        actionIds.set(row.id, copy.id);
        if (a.deadline !== null) await repos.actions.insertDeadlines([{ actionId: copy.id, dueDate: a.deadline, reason: carried, setBy: ctx.actor, setAt: now }]);
        if (a.status !== null) {
          await repos.actions.insertStatuses([
            { actionId: copy.id, kind: 'current', status: a.status, asAt: asOf, reason: carried, proposedBy: ctx.actor, approvedBy: ctx.actor, recordedAt: now, rejectedBy: null, decidedAt: null, decisionReason: '' },
          ]);
        }
      }
      const mapped = <T extends { actionId: number }>(list: T[]) => list.map((r) => ({ ...r, actionId: actionIds.get(r.actionId)! }));
      await repos.actions.insertOwners(mapped(owners).map(({ id: _id, ...o }) => o));
      await repos.actions.insertRefs(mapped(refs).map(({ id: _id, ...r }) => r));
      await repos.actions.insertKpis(mapped(kpis).map(({ id: _id, targets, ...k }) => ({ ...k, targets: JSON.stringify(targets) })));
      for (const a of ordered) {
        await audit(repos, ctx, 'action.rolled-over', 'action', a.id, a.key, null, { into: `${next.slug}:${a.number}` });
      }
      const result: RolledOver = { slug: next.slug, title: next.title, actions: ordered.length, nodes: nodes.length };
      await audit(repos, ctx, 'plan.rolled-over', 'plan', next.id, next.slug, { from: plan.slug }, { ...result, periodStart: input.periodStart, periodEnd: input.periodEnd });
      return result;
    });
  }

  /** An open plan's node, locked for the transaction; refused when it is not there or (given a version) when someone changed it since. */
  private async lockNode(repos: Repositories, ctx: Ctx, slug: string, nodeId: number, expectedVersion?: number) {
    const plan = await this.getOpen(repos, ctx, slug);
    const node = await repos.plans.lockNode(plan.id, nodeId);
    if (!node) throw new NotFoundError(`Plan "${slug}" has no node ${nodeId}.`);
    if (expectedVersion !== undefined) await requireCurrentVersion(repos, { entityType: 'plan_node', entityId: node.id, what: `"${node.title}"` }, expectedVersion, node.version);
    return { plan, node };
  }

  /**
   * Moves a node (with everything under it) under another node, or to the top of the plan: last
   * among its new siblings and numbered after them in their style; the siblings it left are closed
   * up when they counted one after another, and the numbers of the parts under each renumbered
   * part follow. Never under itself or a part under it.
   */
  async moveNodeTo(ctx: Ctx, slug: string, nodeId: number, expectedVersion: number, parentId: number | null): Promise<void> {
    requireCapability(ctx, 'plans.edit', 'change the structure of a plan');
    await this.store.transaction(async (repos) => {
      const { plan, node } = await this.lockNode(repos, ctx, slug, nodeId, expectedVersion);
      const nodes = await repos.plans.nodes(plan.id);
      const under = (id: number): number[] => nodes.filter((n) => n.parentId === id).flatMap((n) => [n.id, ...under(n.id)]);
      const descendants = new Set(under(node.id));
      if (parentId === node.id || (parentId !== null && descendants.has(parentId))) {
        throw new ValidationError(`"${node.title}" cannot go under itself or a part under it`, 'parentId');
      }
      if (parentId === node.parentId) throw new ValidationError(`"${node.title}" is already there: choose another place`, 'parentId');
      const parent = parentId === null ? null : nodes.find((n) => n.id === parentId);
      if (parent === undefined) throw new ValidationError(`Plan "${slug}" has no part ${parentId} to move it under`, 'parentId');

      const numbers = new Map<number, string>();
      const renumber = (id: number, from: string, to: string): void => {
        if (from === to) return;
        numbers.set(id, to);
        for (const d of under(id)) {
          const n = nodes.find((x) => x.id === d)!;
          numbers.set(d, underRenumbered(numbers.get(d) ?? n.number, from, to));
        }
      };
      // The siblings it leaves, closed up.
      const left = nodes.filter((n) => n.parentId === node.parentId);
      const closed = closeUp(left.map((n) => n.number), left.findIndex((n) => n.id === node.id));
      left.filter((n) => n.id !== node.id).forEach((n, i) => renumber(n.id, n.number, closed[i]!));
      // Its own number, after its new siblings'.
      const siblings = nodes.filter((n) => n.parentId === parentId);
      // Numbered as things stand after the close-up: the new parent and its parts may have just been renumbered.
      const now = (n: PlanNode): string => numbers.get(n.id) ?? n.number;
      const siblingNumbers = siblings.map(now);
      const number = node.number === '' ? '' : nextNumber(siblingNumbers, parent === null ? '' : now(parent), new Set(siblingNumbers));
      renumber(node.id, node.number, number);
      numbers.delete(node.id);

      await repos.plans.updateNode(node.id, { parentId, number, position: await repos.plans.nextPosition(plan.id) });
      await repos.plans.setNodeNumbers([...numbers].map(([id, n]) => ({ id, number: n })));
      const title = (id: number | null): string | null => (id === null ? null : (nodes.find((n) => n.id === id)?.title ?? null));
      await audit(repos, ctx, 'plan.node.moved', 'plan_node', node.id, `${slug}#${node.id}`, { under: title(node.parentId), number: node.number }, {
        under: title(parentId),
        number,
        renumbered: [...numbers].map(([id, n]) => ({ from: nodes.find((x) => x.id === id)!.number, to: n })),
      });
    });
  }

  /**
   * Moves a node one place up or down among the parts beside it (same parent); at either end it stays.
   * `passing` is the part the person saw beside it in that direction (null: none): when someone has
   * reordered the parts since, nothing moves and the refusal says so, so that a stale page or a second
   * press never moves a part past one the person did not mean to.
   */
  async moveNode(ctx: Ctx, slug: string, nodeId: number, direction: 'up' | 'down', passing: number | null): Promise<void> {
    requireCapability(ctx, 'plans.edit', 'change the structure of a plan');
    await this.store.transaction(async (repos) => {
      const { plan, node } = await this.lockNode(repos, ctx, slug, nodeId);
      const siblings = (await repos.plans.nodes(plan.id)).filter((n) => n.parentId === node.parentId);
      const at = siblings.findIndex((n) => n.id === node.id);
      const to = direction === 'up' ? at - 1 : at + 1;
      if ((siblings[to]?.id ?? null) !== passing) {
        throw new ConflictError(`The parts beside "${node.title}" have been reordered since you opened the page, so nothing was moved: look at the plan as it is now and move it again if you still need to.`);
      }
      if (to < 0 || to >= siblings.length) return;
      [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
      // Positions from the lowest one among them, so siblings that shared a position get their own.
      const base = Math.min(...siblings.map((n) => n.position));
      await repos.plans.setNodePositions(siblings.map((n, i) => ({ id: n.id, position: base + i })));
      await audit(repos, ctx, 'plan.node.moved', 'plan_node', node.id, `${slug}#${node.id}`, { place: at + 1 }, { place: to + 1, of: siblings.length });
    });
  }

  /** Deletes a node that holds nothing; one with parts, actions or risks is refused, saying what is in it. */
  async deleteNode(ctx: Ctx, slug: string, nodeId: number, expectedVersion: number): Promise<void> {
    requireCapability(ctx, 'plans.edit', 'change the structure of a plan');
    await this.store.transaction(async (repos) => {
      const { node } = await this.lockNode(repos, ctx, slug, nodeId, expectedVersion);
      const held = await repos.plans.nodeContents(node.id);
      const parts = [
        held.nodes > 0 ? `${held.nodes} part${held.nodes === 1 ? '' : 's'} of the plan` : '',
        held.actions > 0 ? `${held.actions} action${held.actions === 1 ? '' : 's'}` : '',
        held.risks > 0 ? `${held.risks} risk${held.risks === 1 ? '' : 's'}` : '',
      ].filter((p) => p !== '');
      if (parts.length > 0) {
        throw new ConflictError(`"${node.title}" still holds ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}: move or delete what it holds first.`);
      }
      await repos.plans.deleteNode(node.id);
      await audit(repos, ctx, 'plan.node.deleted', 'plan_node', node.id, `${slug}#${node.id}`, nodeColumns(nodeDocumentOf(node)), null);
    });
  }

  /** Adds a programme, priority, theme, objective, task group or area, at the top or under a node. */
  async addNode(ctx: Ctx, slug: string, raw: z.input<typeof nodeFieldsSchema> & { parentId?: number | null }): Promise<PlanTreeNode> {
    requireCapability(ctx, 'plans.edit', 'change the structure of a plan');
    // parentId is not a node field: the strict schema would refuse it as an unknown key.
    const { parentId: parentIdInput, ...fields } = raw;
    const input = parseInput(nodeFieldsSchema, fields);
    return this.store.transaction(async (repos) => {
      const plan = await this.getOpen(repos, ctx, slug);
      const parentId = parentIdInput ?? null;
      if (parentId !== null && !(await repos.plans.lockNode(plan.id, parentId))) {
        throw new ValidationError(`Plan "${slug}" has no node ${parentId} to add under`, 'parentId');
      }
      const node = await repos.plans.insertNode({
        planId: plan.id,
        parentId,
        position: await repos.plans.nextPosition(plan.id),
        ...nodeColumns(input),
      });
      await audit(repos, ctx, 'plan.node.added', 'plan_node', node.id, `${slug}#${node.id}`, null, input);
      return toTreeNode(node);
    });
  }

  /** Edits a node (its titles, people and programme status) if nobody has changed it since expectedVersion. */
  async editNode(ctx: Ctx, slug: string, nodeId: number, expectedVersion: number, raw: z.input<typeof nodeFieldsSchema>): Promise<PlanTreeNode> {
    requireCapability(ctx, 'plans.edit', 'change the structure of a plan');
    const input = parseInput(nodeFieldsSchema, raw);
    return this.store.transaction(async (repos) => {
      const { node } = await this.lockNode(repos, ctx, slug, nodeId, expectedVersion);
      const updated = await repos.plans.updateNode(node.id, nodeColumns(input));
      await audit(repos, ctx, 'plan.node.edited', 'plan_node', node.id, `${slug}#${node.id}`, nodeColumns(nodeDocumentOf(node)), nodeColumns(input));
      return toTreeNode(updated);
    });
  }

  /**
   * A later version of a plan's tracker brought into the plan: for each action matched by number, the updates,
   * status and deadline the tracker has that the plan does not are added to its history — nothing is overwritten
   * or removed. Without `apply` nothing is written and the differences are returned for a person to check.
   */
  async updateFromDocument(ctx: Ctx, slug: string, raw: unknown, options: { apply: boolean; source?: string }): Promise<TrackerDifferences> {
    requireCapability(ctx, 'plans.edit', 'update plans from a tracker');
    const incoming = parsePlanDocument(raw, options.source);
    return options.apply ? this.store.transaction((repos) => this.updateInto(repos, ctx, slug, incoming, options)) : this.updateInto(this.store.read, ctx, slug, incoming, options);
  }

  /** updateFromDocument's work, in a transaction the caller holds when applying (or on the read connection when not). */
  async updateInto(repos: Repositories, ctx: Ctx, slug: string, incoming: PlanDocument, options: { apply: boolean; source?: string }): Promise<TrackerDifferences> {
    requireCapability(ctx, 'plans.edit', 'update plans from a tracker');
    const plan = await this.get(repos, ctx, slug);
    refuseArchived(plan, 'takes nothing from a tracker');
    const [current, rows] = await Promise.all([readPlan(repos, ctx.organisationId, plan), repos.actions.list({ organisationId: ctx.organisationId, planId: plan.id })]);
    const byNumber = new Map(planActions(current).map((e) => [e.action.number, e.action]));
    const rowByNumber = new Map(rows.map((r) => [r.number, r]));
    const out: TrackerDifferences = { slug, applied: options.apply, changes: [], notInPlan: [], unchanged: 0 };
    const now = nowFor(ctx).toISOString();
    for (const { action: a } of planActions(incoming)) {
      const mine = byNumber.get(a.number);
      const row = rowByNumber.get(a.number);
      if (!mine || !row) {
        out.notInPlan.push({ number: a.number, title: a.title });
        continue;
      }
      const known = new Set(mine.updates.map((u) => `${u.date}|${u.body.replace(/\s+/g, ' ').trim()}`));
      const updates = a.updates.filter((u) => !known.has(`${u.date}|${u.body.replace(/\s+/g, ' ').trim()}`));
      const nowStatus = mine.statuses.filter((st) => st.kind === 'current' && st.approvedBy !== null && st.rejectedBy === undefined).at(-1);
      const theirStatus = a.statuses.at(-1);
      const status = theirStatus && theirStatus.status !== nowStatus?.status ? theirStatus : undefined;
      const nowDeadline = mine.deadlines.at(-1)?.date ?? null;
      const theirDeadline = a.deadlines.at(-1);
      const deadline = theirDeadline && theirDeadline.date !== nowDeadline ? theirDeadline : undefined;
      if (updates.length === 0 && !status && !deadline) {
        out.unchanged += 1;
        continue;
      }
      out.changes.push({
        number: a.number,
        title: mine.title,
        updates: updates.map((u) => ({ date: u.date, body: u.body })),
        ...(status ? { status: { from: nowStatus?.status ?? null, to: status.status, asAt: status.asAt } } : {}),
        ...(deadline ? { deadline: { from: nowDeadline, to: deadline.date } } : {}),
      });
      if (!options.apply) continue;
      if (updates.length > 0) await repos.actions.insertUpdates(updates.map((u) => ({ actionId: row.id, updateDate: u.date, author: u.author, body: u.body })));
      if (status) {
        await repos.actions.insertStatuses([
          { actionId: row.id, kind: 'current', status: status.status, asAt: status.asAt, reason: status.reason, proposedBy: status.proposedBy, approvedBy: ctx.actor, recordedAt: now, rejectedBy: null, decidedAt: null, decisionReason: '' },
        ]);
      }
      if (deadline) await repos.actions.insertDeadlines([{ actionId: row.id, dueDate: deadline.date, reason: deadline.reason, setBy: ctx.actor, setAt: now }]);
      const version = await repos.actions.bumpVersion(row.id, row.version);
      if (version === undefined) {
        throw new ConflictError(`Action ${slug}:${a.number} was changed by someone else while the tracker was being brought in: nothing was changed. Try again.`);
      }
      const change = out.changes.at(-1)!;
      await audit(repos, ctx, 'action.updated-from-tracker', 'action', row.id, `${slug}:${a.number}`, { status: change.status?.from ?? null, deadline: change.deadline?.from ?? null }, {
        updates: updates.length,
        status: change.status?.to ?? null,
        deadline: change.deadline?.to ?? null,
        source: options.source ?? null,
      });
    }
    return out;
  }

  /** The plan as a file: the JSON document (which import reads back), a CSV of actions, or a workbook. */
  async exportFile(ctx: Ctx, slug: string, format: 'json' | 'csv' | 'xlsx'): Promise<string | Buffer> {
    const doc = await this.exportDocument(ctx, slug);
    if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
    if (format === 'csv') return planToCsv(doc, asOfDate(ctx));
    return planToXlsx(doc, asOfDate(ctx));
  }
}

/** What a later tracker adds to a plan, action by action. */
export interface TrackerDifferences {
  slug: string;
  applied: boolean;
  changes: {
    number: string;
    title: string;
    updates: { date: string; body: string }[];
    status?: { from: Brag | null; to: Brag; asAt: string };
    deadline?: { from: string | null; to: string };
  }[];
  /** Actions in the tracker the plan does not have: left out (add them to the plan first). */
  notInPlan: { number: string; title: string }[];
  unchanged: number;
}

const newPlanSchema = planDocumentSchema.shape.plan.pick({ slug: true, title: true, kind: true, periodStart: true, periodEnd: true, status: true, description: true });
const planDetailsSchema = newPlanSchema.omit({ slug: true }).strict();
const rollOverSchema = newPlanSchema.pick({ slug: true, title: true }).extend({ periodStart: isoDateSchema, periodEnd: isoDateSchema }).strict();

/** Refuses a change to an archived plan, saying what it refuses and how to change it again. */
function refuseArchived(plan: Plan, refused = 'takes no new actions, updates or changes'): void {
  if (plan.archivedAt !== null) {
    throw new ConflictError(`"${plan.title}" is archived: it is kept for the record and ${refused}. Nothing was changed. Take it out of the archive first.`);
  }
}

export const nodeFieldsSchema = z
  .object({
    kind: z.enum(NODE_KINDS),
    number: z.string().trim().default(''),
    title: z.string().trim().min(1, { message: 'Enter a title' }),
    description: z.string().trim().default(''),
    lead: z.string().trim().optional(),
    seniorResponsibleOwner: z.string().trim().optional(),
    deliveryGroup: z.string().trim().optional(),
    chair: z.string().trim().optional(),
    status: nodeStatusSchema.optional(),
  })
  .strict();
type NodeFields = z.infer<typeof nodeFieldsSchema>;

const blank = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

function nodeColumns(n: NodeFields) {
  return {
    kind: n.kind,
    number: n.number,
    title: n.title,
    description: n.description,
    lead: blank(n.lead),
    seniorResponsibleOwner: blank(n.seniorResponsibleOwner),
    deliveryGroup: blank(n.deliveryGroup),
    chair: blank(n.chair),
    status: n.status?.status ?? null,
    statusTrend: n.status?.trend ?? null,
    statusReason: n.status?.reason ?? '',
    statusAsAt: n.status?.asAt ?? null,
  };
}

function nodeDocumentOf(n: PlanNode): NodeFields {
  return {
    kind: n.kind as NodeFields['kind'],
    number: n.number,
    title: n.title,
    description: n.description,
    lead: n.lead ?? undefined,
    seniorResponsibleOwner: n.seniorResponsibleOwner ?? undefined,
    deliveryGroup: n.deliveryGroup ?? undefined,
    chair: n.chair ?? undefined,
    status: n.status === null ? undefined : { status: n.status as 'B', trend: (n.statusTrend ?? undefined) as 'stable' | undefined, reason: n.statusReason, asAt: n.statusAsAt ?? '' },
  };
}

function audit(repos: Repositories, ctx: Ctx, event: AuditEvent, entityType: string, entityId: number, entityKey: string, before: unknown, after: unknown): Promise<void> {
  return repos.audit.record({ organisationId: ctx.organisationId, actor: ctx.actor, event, entityType, entityId, entityKey, before, after });
}

function toSummary(p: Plan, rollUp: RollUp): PlanSummary {
  return {
    archived: p.archivedAt === null ? null : { at: iso(p.archivedAt), by: p.archivedBy ?? '' },
    id: p.id,
    slug: p.slug,
    title: p.title,
    kind: p.kind,
    status: p.status,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    rollUp,
    version: p.version,
  };
}

function toTreeNode(n: PlanNode): PlanTreeNode {
  return {
    id: n.id,
    kind: n.kind,
    number: n.number,
    title: n.title,
    description: n.description,
    lead: n.lead,
    seniorResponsibleOwner: n.seniorResponsibleOwner,
    deliveryGroup: n.deliveryGroup,
    chair: n.chair,
    status: n.status === null ? null : { status: n.status, trend: n.statusTrend, reason: n.statusReason, asAt: n.statusAsAt },
    children: [],
    actions: [],
    rollUp: emptyRollUp(),
    version: n.version,
  };
}

/** Writes a checked plan document; returns the new plan's id and its actions' ids by number. */
export async function writePlan(
  repos: Repositories,
  organisationId: number,
  doc: PlanDocument,
): Promise<{ planId: number; actionIds: Map<string, number>; updates: number }> {
  const p = doc.plan;
  const plan = await repos.plans.insert({
    organisationId,
    slug: p.slug,
    title: p.title,
    kind: p.kind,
    periodStart: p.periodStart ?? null,
    periodEnd: p.periodEnd ?? null,
    status: p.status,
    description: p.description,
  });
  const actionIds = new Map<string, number>();
  const nodeIds = new Map<string, number>();
  let position = 0;

  // Child rows are gathered while the tree is walked and written in a few multi-row inserts.
  const owners: { actionId: number; position: number; name: string | null; role: string | null }[] = [];
  const deadlines: Parameters<Repositories['actions']['insertDeadlines']>[0] = [];
  const statuses: Parameters<Repositories['actions']['insertStatuses']>[0] = [];
  const updateRows: Parameters<Repositories['actions']['insertUpdates']>[0] = [];
  const refs: Parameters<Repositories['actions']['insertRefs']>[0] = [];
  const kpis: Parameters<Repositories['actions']['insertKpis']>[0] = [];

  const writeAction = async (a: ActionDocument, nodeId: number, parentActionId: number | null): Promise<void> => {
    const row = await repos.actions.insert({
      planId: plan.id,
      nodeId,
      parentActionId,
      position: position++,
      number: a.number,
      title: a.title,
      description: a.description,
      successMeasures: a.successMeasures,
      outcome: a.outcome,
      flags: a.flags,
    });
    const actionId = row.id;
    actionIds.set(a.number, actionId);
    a.owners.forEach((o, i) => owners.push({ actionId, position: i, name: o.name ?? null, role: o.role ?? null }));
    for (const d of a.deadlines) deadlines.push({ actionId, dueDate: d.date, reason: d.reason, setBy: d.setBy, setAt: d.setAt });
    for (const s of a.statuses) {
      statuses.push({
        actionId,
        kind: s.kind,
        status: s.status,
        asAt: s.asAt,
        reason: s.reason,
        proposedBy: s.proposedBy,
        approvedBy: s.approvedBy,
        recordedAt: s.recordedAt,
        rejectedBy: s.rejectedBy ?? null,
        decidedAt: s.decidedAt ?? null,
        decisionReason: s.decisionReason ?? '',
      });
    }
    for (const u of a.updates) updateRows.push({ actionId, updateDate: u.date, author: u.author, body: u.body });
    for (const r of a.refs) refs.push({ actionId, kind: r.kind, value: r.value });
    a.kpis.forEach((k, i) =>
      kpis.push({ actionId, position: i, title: k.title, measureCode: k.measureCode ?? null, unit: k.unit, targets: JSON.stringify(k.targets) }),
    );
    for (const sub of a.subActions) await writeAction(sub, nodeId, actionId);
  };

  const writeNode = async (n: NodeDocument, parentId: number | null): Promise<void> => {
    const node = await repos.plans.insertNode({ planId: plan.id, parentId, position: position++, ...nodeColumns(n) });
    // Top-level nodes win when a number repeats deeper down: risks name programmes.
    if (!nodeIds.has(n.number) || parentId === null) nodeIds.set(n.number, node.id);
    for (const a of n.actions) await writeAction(a, node.id, null);
    for (const c of n.children) await writeNode(c, node.id);
  };

  for (const n of p.nodes) await writeNode(n, null);
  await repos.actions.insertOwners(owners);
  await repos.actions.insertDeadlines(deadlines);
  await repos.actions.insertStatuses(statuses);
  await repos.actions.insertUpdates(updateRows);
  await repos.actions.insertRefs(refs);
  await repos.actions.insertKpis(kpis);
  const updates = updateRows.length;

  for (const r of p.risks) {
    const risk = await repos.risks.insert({
      organisationId,
      planId: plan.id,
      nodeId: r.programme === undefined ? null : (nodeIds.get(r.programme) ?? null),
      reference: r.reference,
      title: r.title,
      impact: r.impact,
      mitigation: r.mitigation,
      owner: r.owner,
      reviewDate: r.reviewDate ?? null,
      status: r.status,
    });
    await repos.risks.insertScores(
      r.scores.map((s) => ({ riskId: risk.id, likelihood: s.likelihood, impact: s.impact, recordedAt: s.recordedAt, recordedBy: s.recordedBy, note: s.note })),
    );
    await repos.risks.linkActions(
      risk.id,
      r.actions.map((n) => actionIds.get(n)!),
    );
  }
  return { planId: plan.id, actionIds, updates };
}

/** Reads a plan back into the interchange document, in the order it was written. */
async function readPlan(repos: Repositories, organisationId: number, plan: Plan): Promise<PlanDocument> {
  const [nodes, actions] = await Promise.all([repos.plans.nodes(plan.id), repos.actions.list({ organisationId, planId: plan.id })]);
  const ids = actions.map((a) => a.id);
  const [owners, deadlines, statuses, updates, refs, kpis, risks] = await Promise.all([
    repos.actions.owners(ids),
    repos.actions.deadlines(ids),
    repos.actions.statuses(ids),
    repos.actions.updates(ids),
    repos.actions.refs(ids),
    repos.actions.kpis(ids),
    repos.risks.list(organisationId, plan.id),
  ]);
  const riskIds = risks.map((r) => r.id);
  const [scores, links] = await Promise.all([repos.risks.scores(riskIds), repos.risks.links(riskIds)]);
  // Grouped once: a plan of 1,500 actions would otherwise scan every child table per action.
  const grouped = <T extends { actionId: number }>(rows: T[]) => {
    const m = groupBy(rows, (r) => r.actionId);
    return (id: number): T[] => m.get(id) ?? [];
  };
  const ownersOf = grouped(owners);
  const refsOf = grouped(refs);
  const deadlinesOf = grouped(deadlines);
  const statusesOf = grouped(statuses);
  const updatesOf = grouped(updates);
  const kpisOf = grouped(kpis);
  const numberById = new Map(actions.map((a) => [a.id, a.number]));
  const sorted = [...actions].sort((a, b) => a.position - b.position);

  const toAction = (a: ActionWithPlan): ActionDocument => ({
    number: a.number,
    title: a.title,
    description: a.description,
    owners: ownersOf(a.id).map((o) => ({ ...(o.name !== null ? { name: o.name } : {}), ...(o.role !== null ? { role: o.role } : {}) })),
    successMeasures: a.successMeasures,
    outcome: a.outcome,
    flags: a.flags as ActionDocument['flags'],
    refs: refsOf(a.id).map((r) => ({ kind: r.kind as ActionDocument['refs'][number]['kind'], value: r.value })),
    deadlines: deadlinesOf(a.id).map((d) => {
      const e = toDeadlineEntry(d);
      return { date: e.date, reason: e.reason, setBy: e.setBy, setAt: e.setAt };
    }),
    statuses: statusesOf(a.id).map((s) => {
      const e = toStatusEntry(s);
      return {
        status: e.status,
        kind: e.kind,
        asAt: e.asAt,
        reason: e.reason,
        proposedBy: e.proposedBy,
        approvedBy: e.approvedBy,
        recordedAt: e.recordedAt,
        // Only decided proposals carry these, so documents without decisions read as before.
        ...(e.rejectedBy !== null ? { rejectedBy: e.rejectedBy } : {}),
        ...(e.decidedAt !== null ? { decidedAt: e.decidedAt } : {}),
        ...(e.decisionReason !== '' ? { decisionReason: e.decisionReason } : {}),
      };
    }),
    updates: updatesOf(a.id).map((u) => ({ date: u.updateDate, author: u.author, body: u.body })),
    kpis: kpisOf(a.id).map((k) => ({ title: k.title, ...(k.measureCode !== null ? { measureCode: k.measureCode } : {}), unit: k.unit as '%', targets: k.targets })),
    subActions: sorted.filter((s) => s.parentActionId === a.id).map(toAction),
  });

  const toNode = (n: PlanNode): NodeDocument => ({
    kind: n.kind as NodeDocument['kind'],
    number: n.number,
    title: n.title,
    description: n.description,
    ...(n.lead !== null ? { lead: n.lead } : {}),
    ...(n.seniorResponsibleOwner !== null ? { seniorResponsibleOwner: n.seniorResponsibleOwner } : {}),
    ...(n.deliveryGroup !== null ? { deliveryGroup: n.deliveryGroup } : {}),
    ...(n.chair !== null ? { chair: n.chair } : {}),
    ...(n.status !== null
      ? {
          status: {
            status: n.status as 'B',
            ...(n.statusTrend !== null ? { trend: n.statusTrend as 'stable' } : {}),
            reason: n.statusReason,
            asAt: n.statusAsAt ?? '',
          },
        }
      : {}),
    children: nodes.filter((c) => c.parentId === n.id).map(toNode),
    actions: sorted.filter((a) => a.nodeId === n.id && a.parentActionId === null).map(toAction),
  });

  const nodeNumber = new Map(nodes.map((n) => [n.id, n.number]));
  return planDocumentSchema.parse({
    format: PLAN_FORMAT,
    formatVersion: 1,
    plan: {
      slug: plan.slug,
      title: plan.title,
      kind: plan.kind,
      ...(plan.periodStart !== null ? { periodStart: plan.periodStart } : {}),
      ...(plan.periodEnd !== null ? { periodEnd: plan.periodEnd } : {}),
      status: plan.status,
      description: plan.description,
      nodes: nodes.filter((n) => n.parentId === null).map(toNode),
      risks: risks.map((r) => ({
        reference: r.reference,
        ...(r.nodeId !== null && nodeNumber.has(r.nodeId) ? { programme: nodeNumber.get(r.nodeId) } : {}),
        title: r.title,
        impact: r.impact,
        mitigation: r.mitigation,
        owner: r.owner,
        ...(r.reviewDate !== null ? { reviewDate: r.reviewDate } : {}),
        status: r.status,
        scores: scores
          .filter((s) => s.riskId === r.id)
          .map((s) => ({ likelihood: s.likelihood, impact: s.impact, recordedAt: iso(s.recordedAt), recordedBy: s.recordedBy, note: s.note })),
        actions: links
          .filter((l) => l.riskId === r.id)
          .map((l) => numberById.get(l.actionId))
          .filter((x): x is string => x !== undefined),
      })),
    },
  });
}

