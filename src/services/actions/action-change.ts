// What every change to one action shares: finding it by key, how the person asking stands to it
// (owner, lead), the role matrix's check, and the versioned unit of work that locks the row, refuses
// a stale write, moves the version on and writes the audit events, all in one transaction.
import { formatActionKey, parseActionKey } from '../../domain/action-key.ts';
import {
  actionPermissions,
  isSamePerson,
  leadsProgramme,
  permissionWords,
  topLevelNode,
  type ActionPermission,
  type ActionPermissions,
  type ActionRelation,
} from '../../domain/action-permissions.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { ActionWithPlan } from '../../repositories/action.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import type { AuditEvent } from '../../domain/audit-events.ts';
import { can } from '../../domain/capabilities.ts';
import { auditActor, type Ctx } from '../context.ts';
import { requireCurrentVersion, staleError } from '../stale-write.ts';

/** What a change to an action leaves behind: enough for a page to send the person on, without reading the action again. */
export interface ActionChanged {
  key: string;
  /** The action's version after the change. */
  version: number;
}

/** One audit event of a change: the change's own, or one more it includes (a proposal made with an update). */
export interface ChangeEvent {
  event: AuditEvent;
  before: unknown;
  after: unknown;
}

/** What a change's body returns: its audit record (event overrides the change's default), and its result. */
export interface Applied<T> {
  before: unknown;
  after: unknown;
  result: T;
  event?: AuditEvent;
  also?: ChangeEvent[];
  /** Nothing differed from what was there: no event is written and the version stays where it was. */
  unchanged?: boolean;
}

export const keyOfAction = (a: Pick<ActionWithPlan, 'planSlug' | 'number'>): string => formatActionKey({ plan: a.planSlug, number: a.number });

/** Finds an action by key (plan-slug:number) within the authority, or says which part was not found. */
export async function findAction(repos: Repositories, ctx: Ctx, keyText: string): Promise<ActionWithPlan> {
  const key = parseActionKey(keyText);
  const plan = await repos.plans.findBySlug(ctx.organisationId, key.plan);
  if (!plan) throw new NotFoundError(`There is no plan "${key.plan}". Run "parentis plans" to see the plans.`);
  const action = await repos.actions.findByNumber(plan.id, key.number);
  if (!action) throw new NotFoundError(`Plan "${key.plan}" has no action numbered ${key.number}.`);
  return action;
}

/** Why an action takes no changes (its plan archived, or it closed as no longer needed), or null when it does. */
export function frozenBecause(a: ActionWithPlan): string | null {
  if (a.planArchivedAt !== null) {
    return `"${a.planTitle}" is archived: its actions are kept for the record and take no new updates or changes. A partnership manager can take the plan out of the archive.`;
  }
  if (a.closedOn !== null) return `Action ${keyOfAction(a)} was closed as no longer needed on ${a.closedOn}: it is kept as it was and takes no new updates or changes.`;
  return null;
}

/** How the person asking stands to an action; only owners and leads need the lookups. */
export async function relationTo(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionRelation> {
  if (can(ctx.role, 'actions.manage') || (!can(ctx.role, 'actions.update-own') && !can(ctx.role, 'actions.decide-led'))) return { owns: false, leads: false };
  const [owners, nodes] = await Promise.all([repos.actions.owners([a.id]), can(ctx.role, 'actions.decide-led') ? repos.plans.nodes(a.planId) : Promise.resolve([])]);
  return {
    owns: owners.some((o) => isSamePerson(o.name, ctx.actor)),
    leads: can(ctx.role, 'actions.decide-led') && leadsProgramme(topLevelNode(nodes, a.nodeId), ctx.actor),
  };
}

/** Refuses with ForbiddenError, naming what was refused, unless the matrix allows it. */
export function refuseUnless(may: ActionPermissions, permission: ActionPermission, a: ActionWithPlan): void {
  if (!may[permission]) throw new ForbiddenError(`Your role does not allow you to ${permissionWords[permission]} (${keyOfAction(a)}).`);
}

/** What the person asking may do to the action (everything, from the command line). */
export async function permissionsFor(repos: Repositories, ctx: Ctx, a: ActionWithPlan): Promise<ActionPermissions> {
  return actionPermissions(ctx.role, ctx.role === undefined ? { owns: false, leads: false } : await relationTo(repos, ctx, a));
}

/**
 * Runs one change to an action in one transaction: finds and locks the row, checks the person may
 * (`permission`), refuses a stale version, applies the change (which sees what the person may do,
 * read once), moves the version on and writes the audit events.
 */
export function changeAction<T>(store: Store, ...change: ChangeArgs<T>): Promise<ActionChanged & { result: T }> {
  return store.transaction((repos) => changeActionIn(repos, ...change));
}

/** What a change to one action is: who, which action, from which version, the permission it needs, its event and its body. */
type ChangeArgs<T> = [
  ctx: Ctx,
  keyText: string,
  expectedVersion: number | undefined,
  permission: ActionPermission,
  event: AuditEvent,
  apply: (repos: Repositories, a: ActionWithPlan, may: ActionPermissions) => Promise<Applied<T>>,
];

/**
 * The same change inside a transaction the caller holds, so that several changes (a lead's
 * decisions taken together) land together or not at all.
 */
export async function changeActionIn<T>(repos: Repositories, ...[ctx, keyText, expectedVersion, permission, event, apply]: ChangeArgs<T>): Promise<ActionChanged & { result: T }> {
  const a = await lockAction(repos, ctx, keyText);
  const key = keyOfAction(a);
  const may = await permissionsFor(repos, ctx, a);
  refuseUnless(may, permission, a);
  const frozen = frozenBecause(a);
  if (frozen !== null) throw new ConflictError(frozen);
  await requireCurrentVersion(repos, { entityType: 'action', entityId: a.id, what: `Action ${key}` }, expectedVersion, a.version);
  const applied = await apply(repos, a, may);
  if (applied.unchanged === true && (applied.also ?? []).length === 0) return { key, version: a.version, result: applied.result };
  const version = await repos.actions.bumpVersion(a.id, a.version);
  if (version === undefined) throw await staleError(repos, 'action', a.id, `Action ${key}`, a.version, a.version);
  // The change's own event goes last, so it is the newest: what a stale edit of this action names.
  for (const e of [...(applied.also ?? []), { event: applied.event ?? event, before: applied.before, after: applied.after }]) {
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: auditActor(ctx),
      event: e.event,
      entityType: 'action',
      entityId: a.id,
      entityKey: key,
      before: e.before,
      after: e.after,
    });
  }
  return { key, version, result: applied.result };
}

/** Finds an action by key and locks its row until the transaction ends. */
export async function lockAction(repos: Repositories, ctx: Ctx, keyText: string): Promise<ActionWithPlan> {
  const parsed = parseActionKey(keyText);
  return (await repos.actions.lockByKey(ctx.organisationId, parsed.plan, parsed.number)) ?? (await findAction(repos, ctx, keyText));
}
