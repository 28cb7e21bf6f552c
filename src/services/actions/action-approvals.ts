// The approval workflow: status proposals (made, replaced, approved or rejected) and deadline
// requests (made by an owner, decided by a lead or manager), each one versioned, audited change.
import { currentDeadline, pendingProposals, statusAt } from '../../domain/action-derived.ts';
import { bragSchema, type Brag } from '../../domain/brag.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/validation.ts';
import type { ActionWithPlan } from '../../repositories/action.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { asOfDate, type Ctx } from '../context.ts';
import { changeAction, changeActionIn, keyOfAction, lockAction, type Applied, type ChangeEvent } from './action-change.ts';
import { staleError } from '../stale-write.ts';
import type { ActionQueries } from './action-queries.ts';
import { latestPending, toDeadlineEntry, toStatusEntry, type ActionDetail, type Decision, type StatusHistoryEntry } from './action-read-model.ts';

/** A status entry to record: set at once (approved by the person recording it) or proposed for a decision. */
export interface StatusToRecord {
  status: Brag;
  kind: 'current' | 'forecast';
  asAt: string;
  reason: string;
  proposedBy: string;
  propose: boolean;
}

/**
 * Records a status entry, set or proposed; a proposal replaces any proposal still waiting (only the
 * newest waits for a decision). Returns the audit event that describes it.
 */
export async function recordStatus(repos: Repositories, ctx: Ctx, a: ActionWithPlan, entry: StatusToRecord): Promise<ChangeEvent> {
  const history = (await repos.actions.statuses([a.id])).map(toStatusEntry);
  const before = statusAt(history, undefined, entry.kind);
  const replaced = entry.propose ? await withdrawProposals(repos, ctx, history) : [];
  const row = {
    actionId: a.id,
    kind: entry.kind,
    status: entry.status,
    asAt: entry.asAt,
    reason: entry.reason,
    proposedBy: entry.proposedBy,
    approvedBy: entry.propose ? null : ctx.actor,
  };
  await repos.actions.insertStatuses([row]);
  return {
    event: entry.propose ? 'action.status.proposed' : entry.kind === 'forecast' ? 'action.forecast.set' : 'action.status.set',
    before: before ? { status: before.status, asAt: before.asAt, ...(replaced.length > 0 ? { replacedProposals: replaced } : {}) } : null,
    after: { status: row.status, asAt: row.asAt, reason: row.reason, proposedBy: row.proposedBy, approvedBy: row.approvedBy },
  };
}

/** A status set or proposed as a change of its own (not with an update). */
export async function changeStatus(store: Store, ctx: Ctx, key: string, expectedVersion: number | undefined, entry: StatusToRecord): Promise<void> {
  const event = entry.propose ? 'action.status.proposed' : entry.kind === 'forecast' ? 'action.forecast.set' : 'action.status.set';
  await changeAction(store, ctx, key, expectedVersion, entry.propose ? 'proposeStatus' : 'setStatus', event, async (repos, a) => ({
    ...(await recordStatus(repos, ctx, a, entry)),
    result: undefined,
  }));
}

/** Closes the proposals still waiting when a new one is made: only the newest waits for a decision. */
async function withdrawProposals(repos: Repositories, ctx: Ctx, history: StatusHistoryEntry[]): Promise<{ status: Brag; asAt: string; proposedBy: string }[]> {
  const pending = pendingProposals(history);
  for (const p of pending) await repos.actions.decideStatus(p.id, { rejectedBy: ctx.actor }, 'Replaced by a later proposal');
  return pending.map((p) => ({ status: p.status, asAt: p.asAt, proposedBy: p.proposedBy }));
}

/** A lead's decision on what is waiting: approve, or reject with a reason. */
function parseDecision(input: { decision: unknown; reason: string }, what: string): { decision: Decision; reason: string } {
  const { decision } = input;
  if (decision !== 'approve' && decision !== 'reject') throw new ValidationError('Choose whether to approve or reject', 'decision');
  const reason = input.reason.trim();
  if (decision === 'reject' && reason === '') throw new ValidationError(`Give the reason for rejecting ${what}`, 'reason');
  return { decision, reason };
}

/** Approves or rejects the newest status proposal waiting on a locked action; the decision's audit record. */
async function applyProposalDecision(repos: Repositories, ctx: Ctx, a: ActionWithPlan, decision: Decision, reason: string): Promise<Applied<undefined>> {
  const history = (await repos.actions.statuses([a.id])).map(toStatusEntry);
  const proposal = latestPending(history);
  if (!proposal) throw new ValidationError(`${keyOfAction(a)} has no proposed status waiting for a decision`, 'decision');
  const before = statusAt(history, undefined, proposal.kind);
  await repos.actions.decideStatus(proposal.id, decision === 'approve' ? { approvedBy: ctx.actor } : { rejectedBy: ctx.actor }, reason);
  const after = statusAt((await repos.actions.statuses([a.id])).map(toStatusEntry), undefined, proposal.kind);
  const proposed = { status: proposal.status, asAt: proposal.asAt, reason: proposal.reason, proposedBy: proposal.proposedBy };
  return {
    event: decision === 'approve' ? 'action.status.approved' : 'action.status.rejected',
    before: { status: before?.status ?? null, asAt: before?.asAt ?? null, proposal: proposed },
    after: { status: after?.status ?? null, asAt: after?.asAt ?? null, decision: decision === 'approve' ? 'approved' : 'rejected', decidedBy: ctx.actor, reason },
    result: undefined,
  };
}

/** Approves (the deadline moves, recorded in its history) or rejects the deadline request waiting on a locked action. */
async function applyDeadlineDecision(repos: Repositories, ctx: Ctx, a: ActionWithPlan, decision: Decision, reason: string): Promise<Applied<undefined>> {
  const request = (await repos.actions.deadlineRequests([a.id])).filter((r) => r.decision === null).at(-1);
  if (!request) throw new ValidationError(`${keyOfAction(a)} has no deadline request waiting for a decision`, 'decision');
  const before = currentDeadline((await repos.actions.deadlines([a.id])).map(toDeadlineEntry));
  await repos.actions.decideDeadlineRequests([request.id], {
    decision: decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: ctx.actor,
    decisionReason: reason,
  });
  if (decision === 'approve' && before?.date !== request.dueDate) {
    await repos.actions.insertDeadlines([
      { actionId: a.id, dueDate: request.dueDate, reason: `${request.reason} (asked for by ${request.requestedBy})`, setBy: ctx.actor },
    ]);
  }
  const requested = { requestedDeadline: request.dueDate, reason: request.reason, requestedBy: request.requestedBy };
  return {
    event: decision === 'approve' ? 'action.deadline.request.approved' : 'action.deadline.request.rejected',
    before: { deadline: before?.date ?? null, request: requested },
    after: {
      deadline: decision === 'approve' ? request.dueDate : (before?.date ?? null),
      decision: decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: ctx.actor,
      reason,
    },
    result: undefined,
  };
}

/** One thing waiting on an action, as a page showed it: its status proposal or its deadline request, at the action's version then. */
export interface PendingItem {
  kind: 'status' | 'deadline';
  key: string;
  expectedVersion: number;
}

/** Several items could not be decided because their actions changed since the page was shown; nothing was decided. */
export class StaleItemsError extends StaleWriteError {
  override name = 'StaleItemsError';
  constructor(readonly stale: { key: string; error: StaleWriteError }[]) {
    super(stale.map((s) => s.error.message).join(' '), stale[0]?.error.currentVersion ?? 0, stale[0]?.error.change);
  }
}

export class ActionApprovals {
  constructor(
    private readonly store: Store,
    private readonly queries: ActionQueries,
  ) {}

  /**
   * An owner (or lead, or manager) proposes a BRAG status with the reason; it waits for a lead or
   * manager to approve it and never counts as the status until then. The as-at date is today (or asOf).
   */
  async proposeStatus(
    ctx: Ctx,
    key: string,
    input: { status: Brag; reason: string; asAt?: string | undefined; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (input.reason.trim() === '') throw new ValidationError('Give the reason for the status you propose', 'reason');
    const asAt = input.asAt ?? asOfDate(ctx);
    if (!isIsoDate(asAt)) throw new ValidationError('The as-at date must be a real date written yyyy-mm-dd', 'asAt');
    const status = parseInput(bragSchema, input.status, 'status');
    await changeStatus(this.store, ctx, key, input.expectedVersion, { status, kind: 'current', asAt, reason: input.reason.trim(), proposedBy: ctx.actor, propose: true });
    return this.queries.show(ctx, key);
  }

  /**
   * Approves or rejects the status proposal waiting on an action. An approved proposal becomes the
   * status (if no later status is in force); a rejected one stays in the history, marked rejected
   * with the reason. Both are audited with the state before and after.
   */
  async decideProposal(
    ctx: Ctx,
    key: string,
    input: { decision: Decision; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    const { decision, reason } = parseDecision(input, 'the proposed status');
    await changeAction(this.store, ctx, key, input.expectedVersion, 'decideProposal', 'action.status.approved', (repos, a) => applyProposalDecision(repos, ctx, a, decision, reason));
    return this.queries.show(ctx, key);
  }

  /**
   * An owner asks for the deadline to move, with the reason; a lead or manager decides. Only the
   * newest request waits: an earlier one still waiting is withdrawn.
   */
  async requestDeadline(
    ctx: Ctx,
    key: string,
    input: { dueDate: string; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    if (!isIsoDate(input.dueDate)) throw new ValidationError('The deadline you ask for must be a real date written yyyy-mm-dd', 'dueDate');
    const reason = input.reason.trim();
    if (reason === '') throw new ValidationError('Give the reason the deadline needs to move', 'reason');
    await changeAction(this.store, ctx, key, input.expectedVersion, 'requestDeadline', 'action.deadline.requested', async (repos, a) => {
      const current = currentDeadline((await repos.actions.deadlines([a.id])).map(toDeadlineEntry));
      if (current?.date === input.dueDate) throw new ValidationError(`The deadline is already ${input.dueDate}`, 'dueDate');
      const waiting = (await repos.actions.deadlineRequests([a.id])).filter((r) => r.decision === null);
      await repos.actions.decideDeadlineRequests(
        waiting.map((r) => r.id),
        { decision: 'withdrawn', decidedBy: ctx.actor, decisionReason: 'Replaced by a later request' },
      );
      const row = await repos.actions.insertDeadlineRequest({ actionId: a.id, dueDate: input.dueDate, reason, requestedBy: ctx.actor });
      return {
        before: { deadline: current?.date ?? null, ...(waiting.length > 0 ? { replacedRequests: waiting.map((r) => r.dueDate) } : {}) },
        after: { requestedDeadline: row.dueDate, reason, requestedBy: ctx.actor },
        result: undefined,
      };
    });
    return this.queries.show(ctx, key);
  }

  /** Approves (the deadline moves, recorded in its history) or rejects the deadline request waiting on an action. */
  async decideDeadlineRequest(
    ctx: Ctx,
    key: string,
    input: { decision: Decision; reason: string; expectedVersion?: number | undefined },
  ): Promise<ActionDetail> {
    const { decision, reason } = parseDecision(input, 'the deadline request');
    await changeAction(this.store, ctx, key, input.expectedVersion, 'decideDeadlineRequest', 'action.deadline.request.approved', (repos, a) =>
      applyDeadlineDecision(repos, ctx, a, decision, reason),
    );
    return this.queries.show(ctx, key);
  }

  /**
   * Approves or rejects several waiting items at once (a lead's approval page for a round), in one
   * transaction: each is decided and audited exactly as on its own. If any of their actions changed
   * since the page was shown, nothing is decided and the error names every one that did; a refusal
   * (an action the person may not decide) or a problem with one also decides none.
   */
  async decideMany(ctx: Ctx, items: readonly PendingItem[], input: { decision: unknown; reason: string }): Promise<{ decided: number }> {
    if (items.length === 0) throw new ValidationError('Choose at least one proposal to decide', 'items');
    const { decision, reason } = parseDecision(input, items.length === 1 ? 'it' : 'them');
    return this.store.transaction(async (repos) => {
      // Every action is locked and its version checked first, so the answer names all that changed.
      const versions = new Map<string, number>();
      const stale: { key: string; error: StaleWriteError }[] = [];
      for (const item of items) {
        if (versions.has(item.key)) continue;
        const a = await lockAction(repos, ctx, item.key);
        versions.set(item.key, item.expectedVersion);
        if (a.version !== item.expectedVersion) {
          stale.push({ key: keyOfAction(a), error: await staleError(repos, 'action', a.id, `Action ${keyOfAction(a)}`, item.expectedVersion, a.version) });
        }
      }
      if (stale.length > 0) throw new StaleItemsError(stale);
      for (const item of items) {
        const changed =
          item.kind === 'status'
            ? await changeActionIn(repos, ctx, item.key, versions.get(item.key), 'decideProposal', 'action.status.approved', (r, a) => applyProposalDecision(r, ctx, a, decision, reason))
            : await changeActionIn(repos, ctx, item.key, versions.get(item.key), 'decideDeadlineRequest', 'action.deadline.request.approved', (r, a) =>
                applyDeadlineDecision(r, ctx, a, decision, reason),
              );
        // A second item on the same action follows from the version the first one left.
        versions.set(item.key, changed.version);
      }
      return { decided: items.length };
    });
  }
}
