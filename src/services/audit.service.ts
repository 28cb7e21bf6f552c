// Reading the audit trail: every change, who made it, when, and the state before and after.
import { parseActionKey } from '../domain/action-key.ts';
import type { AuditEvent } from '../repositories/audit.repository.ts';

export type { AuditEvent };
import type { Store } from '../repositories/store.ts';
import type { Ctx } from './context.ts';

export class AuditService {
  constructor(private readonly store: Store) {}

  /** Newest first. `entity` is an action key (plan-slug:number) or a plan slug. */
  list(ctx: Ctx, filters: { entity?: string | undefined; actor?: string | undefined; limit?: number | undefined } = {}): Promise<AuditEvent[]> {
    let entityKey: string | undefined;
    if (filters.entity !== undefined) {
      entityKey = filters.entity.includes(':') ? `${parseActionKey(filters.entity).plan}:${parseActionKey(filters.entity).number}` : filters.entity;
    }
    return this.store.read.audit.list({ organisationId: ctx.organisationId, entityKey, actor: filters.actor, limit: filters.limit });
  }
}
