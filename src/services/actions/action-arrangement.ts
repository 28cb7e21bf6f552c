// Where an action sits and whether it is still open: moved under another part of its plan, given
// another number, or closed as no longer needed with a reason (kept, never deleted). Each runs in one
// transaction through changeAction: role-checked, version-checked and audited.
import { ValidationError } from '../../domain/errors.ts';
import { nextNumber } from '../../domain/numbering.ts';
import { actionNumberSchema } from '../../domain/plan-document.ts';
import { parseInput } from '../../domain/validation.ts';
import type { ActionWithPlan } from '../../repositories/action.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { todayFor, type Ctx } from '../context.ts';
import { changeAction, keyOfAction, type ActionChanged } from './action-change.ts';

/** A number for the action that no other action of its plan has, or a ValidationError on `number`. */
async function freeNumber(repos: Repositories, a: ActionWithPlan, raw: string): Promise<string> {
  const number = parseInput(actionNumberSchema, raw.trim(), 'number');
  if (number === a.number) throw new ValidationError(`Action ${keyOfAction(a)} is already numbered ${number}`, 'number');
  if ((await repos.actions.numbersIn(a.planId)).has(number)) {
    throw new ValidationError(`"${a.planTitle}" already has an action numbered ${number}: choose another number`, 'number');
  }
  return number;
}

export class ActionArrangement {
  constructor(private readonly store: Store) {}

  /**
   * Moves an action (with its sub-actions) under another part of its plan, as a top-level action
   * there, at the end; numbered after that part's actions in their style unless a number is given.
   */
  async move(ctx: Ctx, key: string, input: { nodeId: number; number?: string | undefined; expectedVersion: number }): Promise<ActionChanged> {
    const done = await changeAction(this.store, ctx, key, input.expectedVersion, 'edit', 'action.moved', async (repos, a) => {
      const node = await repos.plans.lockNode(a.planId, input.nodeId);
      if (!node) throw new ValidationError(`Choose the part of "${a.planTitle}" to move the action to`, 'nodeId');
      if (node.id === a.nodeId && a.parentActionId === null) throw new ValidationError(`Action ${keyOfAction(a)} is already under "${node.title}"`, 'nodeId');
      const given = input.number?.trim() ?? '';
      let number: string;
      if (given === '' || given === a.number) {
        const taken = await repos.actions.numbersIn(a.planId);
        taken.delete(a.number);
        const siblings = (await repos.actions.list({ organisationId: ctx.organisationId, planId: a.planId })).filter((s) => s.nodeId === node.id && s.parentActionId === null && s.id !== a.id);
        number = given === a.number ? a.number : nextNumber(siblings.map((s) => s.number), node.number, taken);
      } else {
        number = await freeNumber(repos, a, given);
      }
      const fromNode = await repos.plans.lockNode(a.planId, a.nodeId);
      await repos.actions.setPlace(a.id, { nodeId: node.id, parentActionId: null, number, position: await repos.plans.nextPosition(a.planId) });
      return {
        before: { node: fromNode?.title ?? null, nodeId: a.nodeId, number: a.number, parentActionId: a.parentActionId },
        after: { node: node.title, nodeId: node.id, number },
        result: number,
      };
    });
    return { key: keyOfAction({ planSlug: done.key.split(':')[0]!, number: done.result }), version: done.version };
  }

  /** Gives an action another number, unique within its plan. */
  async renumber(ctx: Ctx, key: string, input: { number: string; expectedVersion: number }): Promise<ActionChanged> {
    const done = await changeAction(this.store, ctx, key, input.expectedVersion, 'edit', 'action.renumbered', async (repos, a) => {
      const number = await freeNumber(repos, a, input.number);
      await repos.actions.setPlace(a.id, { nodeId: a.nodeId, parentActionId: a.parentActionId, number, position: a.position });
      return { before: { number: a.number }, after: { number }, result: number };
    });
    return { key: keyOfAction({ planSlug: done.key.split(':')[0]!, number: done.result }), version: done.version };
  }

  /**
   * Closes an action as no longer needed, with the reason: it stays (with its status and history),
   * shows as closed, leaves open and chase lists and is never overdue. What waited for a decision on
   * it (a status proposal, a deadline request) is withdrawn.
   */
  async close(ctx: Ctx, key: string, input: { reason: string; expectedVersion: number }): Promise<ActionChanged> {
    const reason = input.reason.trim();
    if (reason === '') throw new ValidationError('Give the reason the action is no longer needed', 'reason');
    const closedOn = todayFor(ctx);
    return changeAction(this.store, ctx, key, input.expectedVersion, 'edit', 'action.closed', async (repos, a) => {
      const [proposals, requests] = await Promise.all([repos.actions.pendingStatuses([a.id]), repos.actions.pendingDeadlineRequests([a.id])]);
      const withdrawn = 'Withdrawn: the action was closed as no longer needed';
      for (const p of proposals) await repos.actions.decideStatus(p.id, { rejectedBy: ctx.actor }, withdrawn);
      await repos.actions.decideDeadlineRequests(
        requests.map((r) => r.id),
        { decision: 'withdrawn', decidedBy: ctx.actor, decisionReason: withdrawn },
      );
      await repos.actions.close(a.id, { closedOn, closedReason: reason, closedBy: ctx.actor });
      return { before: { closed: false }, after: { closed: true, closedOn, reason, withdrawnProposals: proposals.length, withdrawnDeadlineRequests: requests.length }, result: undefined };
    });
  }
}
