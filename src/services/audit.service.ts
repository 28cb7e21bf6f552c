// Reading the audit trail: every change, who made it, when, and the state before and after.
import { formatActionKey, parseActionKey } from '../domain/action-key.ts';
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
      // Written as people type it ("plan : 4" works too); stored as plan-slug:number or a plan slug.
      entityKey = filters.entity.includes(':') ? formatActionKey(parseActionKey(filters.entity)) : filters.entity.trim();
    }
    return this.store.read.audit.list({ organisationId: ctx.organisationId, entityKey, actor: filters.actor, limit: filters.limit });
  }
}
