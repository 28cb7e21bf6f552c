// The read model's use cases: the action list with its filters, the full record of one action, the
// actions someone owns and those waiting for their decision.
import { actionPermissions, isSamePerson, leadsProgramme, topLevelNode } from '../../domain/action-permissions.ts';
import { can } from '../../domain/capabilities.ts';
import { groupBy } from '../../domain/collections.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { ActionQuery, ActionWithPlan } from '../../repositories/action.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { asOfDate, type Ctx } from '../context.ts';
import { findAction, frozenBecause, relationTo } from './action-change.ts';
import {
  iso,
  latestPending,
  linkOf,
  loadParts,
  summariesOf,
  summarise,
  summaryOf,
  toDeadlineRequestView,
  toProposalView,
  toStatusEntry,
  type ActionDetail,
  type ActionFilters,
  type ActionSummary,
  type AwaitingDecision,
  type RefCount,
} from './action-read-model.ts';

export class ActionQueries {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx, filters: ActionFilters = {}): Promise<ActionSummary[]> {
    const repos = this.store.read;
    const query: ActionQuery = { organisationId: ctx.organisationId, owner: filters.owner, ref: filters.ref, aimsAt: filters.aimsAt, text: filters.text };
    if (filters.plan !== undefined) {
      const plan = await repos.plans.findBySlug(ctx.organisationId, filters.plan);
      if (!plan) throw new NotFoundError(`There is no plan "${filters.plan}". Run "parentis plans" to see the plans.`);
      query.planId = plan.id;
    }
    let out =
      filters.since === undefined
        ? await summariesOf(repos, query, asOfDate(ctx), filters.dueBy)
        : await summarise(repos, await repos.actions.list(query), asOfDate(ctx), filters.since);
    const dueBy = filters.dueBy;
    if (dueBy !== undefined) out = out.filter((a) => a.status !== 'B' && !a.closed && a.deadline !== null && a.deadline <= dueBy);
    if (filters.status !== undefined && filters.status.length > 0) {
      const wanted = new Set(filters.status);
      out = out.filter((a) => a.status !== null && wanted.has(a.status));
    }
    if (filters.overdue === true) out = out.filter((a) => a.overdue);
    return out;
  }

  async show(ctx: Ctx, key: string): Promise<ActionDetail> {
    return this.detail(this.store.read, ctx, await findAction(this.store.read, ctx, key));
  }

  /** The actions the signed-in person owns: an owner's name is theirs (ignoring case). */
  async mine(ctx: Ctx, filters: Omit<ActionFilters, 'owner'> = {}): Promise<ActionSummary[]> {
    const candidates = await this.list(ctx, { ...filters, owner: ctx.actor });
    return candidates.filter((a) => a.owners.some((o) => isSamePerson(o.name, ctx.actor)));
  }

  /**
   * Actions with a status proposal or deadline request the person asking may decide: all of them
   * for managers and administrators (and the command line), those in their programmes for a lead,
   * none for anyone else.
   */
  async awaitingDecision(ctx: Ctx): Promise<AwaitingDecision[]> {
    if (!can(ctx.role, 'actions.manage') && !can(ctx.role, 'actions.decide-led')) return [];
    const repos = this.store.read;
    const ids = await repos.actions.awaitingDecision(ctx.organisationId);
    const rows = await repos.actions.list({ organisationId: ctx.organisationId, ids });
    const nodesOf = groupBy(await repos.plans.nodesOfPlans([...new Set(rows.map((r) => r.planId))]), (n) => n.planId);
    const decidable = rows.filter((a) => {
      const may = actionPermissions(ctx.role, { owns: false, leads: leadsProgramme(topLevelNode(nodesOf.get(a.planId) ?? [], a.nodeId), ctx.actor) });
      return may.decideProposal || may.decideDeadlineRequest;
    });
    // Only what waits is read: the newest pending proposal and request are picked from those.
    const [summaries, statuses, requests] = await Promise.all([
      summarise(repos, decidable, asOfDate(ctx)),
      repos.actions.pendingStatuses(decidable.map((a) => a.id)),
      repos.actions.pendingDeadlineRequests(decidable.map((a) => a.id)),
    ]);
    const statusesOf = new Map([...groupBy(statuses, (s) => s.actionId)].map(([id, rows]) => [id, rows.map(toStatusEntry)]));
    const requestsOf = groupBy(requests, (r) => r.actionId);
    return summaries.map((a) => {
      const pending = latestPending(statusesOf.get(a.id) ?? []);
      const request = (requestsOf.get(a.id) ?? []).filter((r) => r.decision === null).at(-1);
      return { ...a, proposal: pending ? toProposalView(pending) : null, pendingDeadlineRequest: request ? toDeadlineRequestView(request) : null };
    });
  }

  /** How the person asking stands to an action; only owners and leads need the lookups. */

  /** The full record of an action as the person asking sees it, with what they may do to it. */
  private async detail(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionDetail> {
    const asOf = asOfDate(ctx);
    const [parts, updates, kpis, nodes, subActions, risks, voiceItems, requests, relation, rolledFrom, carriedInto] = await Promise.all([
      loadParts(repos, [a.id]),
      repos.actions.updates([a.id]),
      repos.actions.kpis([a.id]),
      repos.plans.nodes(a.planId),
      summariesOf(repos, { organisationId: ctx.organisationId, parentActionId: a.id }, asOf),
      repos.risks.forAction(a.id),
      repos.voice.forAction(a.id),
      repos.actions.deadlineRequests([a.id]),
      relationTo(repos, ctx, a),
      a.rolledFromId === null ? Promise.resolve([]) : repos.actions.byIds([a.rolledFromId]),
      repos.actions.carriedInto([a.id]),
    ]);
    const summary = summaryOf(a, parts, asOf);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const path: ActionDetail['path'] = [];
    for (let n = byId.get(a.nodeId); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) {
      path.unshift({ kind: n.kind, number: n.number, title: n.title });
    }
    const pending = latestPending(parts.statuses.get(a.id) ?? []);
    const pendingRequest = requests.filter((r) => r.decision === null).at(-1);
    const frozen = frozenBecause(a);
    const may = actionPermissions(ctx.role, relation);
    may.decideProposal &&= pending !== undefined;
    may.decideDeadlineRequest &&= pendingRequest !== undefined;
    // Nothing is offered on an action that takes no changes; the services refuse them all the same.
    if (frozen !== null) for (const k of Object.keys(may) as (keyof typeof may)[]) may[k] = false;
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
      may,
      proposal: pending ? toProposalView(pending) : null,
      pendingDeadlineRequest: pendingRequest ? toDeadlineRequestView(pendingRequest) : null,
      deadlineRequests: requests.map(toDeadlineRequestView),
      closure: a.closedOn === null ? null : { on: a.closedOn, reason: a.closedReason, by: a.closedBy ?? '' },
      rolledFrom: rolledFrom[0] === undefined ? null : linkOf(rolledFrom[0]),
      carriedInto: carriedInto.filter((c) => c.planId !== a.planId).map(linkOf),
      frozen,
    };
  }

  /**
   * The authority's risks sharing a reference with the given ones: enough for a page to name a
   * risk's row on the register (plan-qualified only when two risks share a reference).
   */
  risksWithReferences(ctx: Ctx, references: readonly string[]): Promise<{ id: number; plan: string | null; reference: string }[]> {
    return this.store.read.actions.risksWithReferences(ctx.organisationId, [...new Set(references)]);
  }

  /** Actions carrying a cross-reference ("inspection 11" → its actions). */
  byRef(ctx: Ctx, kind: string, value: string): Promise<ActionSummary[]> {
    return this.list(ctx, { ref: { kind, value } });
  }

  refs(ctx: Ctx): Promise<RefCount[]> {
    return this.store.read.actions.refCounts(ctx.organisationId);
  }
}
