// Reading the audit trail: every change, who made it, when, and the state before and after.
import { formatActionKey, parseActionKey } from '../domain/action-key.ts';
import { isIsoDate } from '../domain/dates.ts';
import { ValidationError } from '../domain/errors.ts';
import type { AuditEntry, AuditNameIds, AuditNames } from '../repositories/audit.repository.ts';

export type { AuditEntry, AuditNames };
import type { Store } from '../repositories/store.ts';
import { requireCapability, type Ctx } from './context.ts';

export class AuditService {
  constructor(private readonly store: Store) {}

  /** Newest first. `entity` is an action key (plan-slug:number) or a plan slug. */
  async list(ctx: Ctx, filters: { entity?: string | undefined; actor?: string | undefined; limit?: number | undefined } = {}): Promise<AuditEntry[]> {
    requireCapability(ctx, 'audit.read', 'read the audit log');
    let entityKey: string | undefined;
    if (filters.entity !== undefined) {
      // Written as people type it ("plan : 4" works too); stored as plan-slug:number or a plan slug.
      entityKey = filters.entity.includes(':') ? formatActionKey(parseActionKey(filters.entity)) : filters.entity.trim();
    }
    return this.store.read.audit.list({ organisationId: ctx.organisationId, entityKey, actor: filters.actor, limit: filters.limit });
  }

  /**
   * One page of the audit log for administrators, newest first. `entity` is an action key, a risk's
   * plan-slug:reference or a plan slug (a plan also finds its actions' and risks' events); `from` and
   * `to` are dates written yyyy-mm-dd, both included.
   */
  async page(ctx: Ctx, filters: AuditPageFilters): Promise<AuditPage> {
    requireCapability(ctx, 'audit.read', 'read the audit log');
    const pageSize = filters.pageSize ?? AUDIT_PAGE_SIZE;
    const page = Math.max(1, Math.floor(filters.page ?? 1));
    for (const field of ['from', 'to'] as const) {
      const v = filters[field];
      if (v !== undefined && !isIsoDate(v)) throw new ValidationError(`The ${field} date must be a real date written yyyy-mm-dd`, field);
    }
    if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
      throw new ValidationError('The from date must be the same as or before the to date', 'from');
    }
    const entity = filters.entity?.trim();
    let entityKey: string | undefined;
    if (entity !== undefined && entity !== '') {
      if (!entity.includes(':')) entityKey = entity;
      else {
        const colon = entity.indexOf(':');
        const plan = entity.slice(0, colon).trim();
        const rest = entity.slice(colon + 1).trim();
        if (plan === '' || rest === '') throw new ValidationError('Write an entity as a plan slug, or plan slug and number, e.g. cypp-2016-19:6.7', 'entity');
        entityKey = `${plan}:${rest}`;
      }
    }
    const actor = filters.actor?.trim() === '' ? undefined : filters.actor?.trim();
    const { events, total } = await this.store.read.audit.page({
      organisationId: ctx.organisationId,
      entityKey,
      entityType: filters.entityType,
      actor,
      from: filters.from,
      to: filters.to,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const names = await this.store.read.audit.names(ctx.organisationId, mentioned(events));
    return { events, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)), names };
  }
}

export const AUDIT_PAGE_SIZE = 50;

const ENTITY_IDS: Record<string, keyof AuditNameIds> = { plan_node: 'nodes', risk: 'risks', measure: 'measures' };

/** The parts of plans, risks and measures a page of events is about, or moved an action between. */
function mentioned(events: readonly AuditEntry[]): AuditNameIds {
  const ids: Record<keyof AuditNameIds, Set<number>> = { nodes: new Set(), risks: new Set(), measures: new Set() };
  for (const e of events) {
    const kind = ENTITY_IDS[e.entityType];
    if (kind !== undefined && e.entityId !== null) ids[kind].add(e.entityId);
    for (const record of [e.before, e.after]) {
      const nodeId = record !== null && typeof record === 'object' ? (record as Record<string, unknown>).nodeId : undefined;
      if (typeof nodeId === 'number') ids.nodes.add(nodeId);
    }
  }
  return { nodes: [...ids.nodes], risks: [...ids.risks], measures: [...ids.measures] };
}

export interface AuditPageFilters {
  entity?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Counted from 1. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface AuditPage {
  events: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  /** What the parts of plans, risks and measures the events mention are called now. */
  names: AuditNames;
}
