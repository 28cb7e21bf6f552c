// parentis audit: the audit trail, newest first, with the state before and after each change.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { auditEventLabel } from '../../domain/audit-events.ts';
import type { AuditEntry } from '../../services/audit.service.ts';
import { listCommand } from '../list-command.ts';

const brief = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

function limit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number from 1');
  return n;
}

export function register(program: Command): void {
  listCommand<AuditEntry, { entity?: string; actor?: string; limit: number }>(program, {
    name: 'audit',
    description: 'show the audit trail, newest first',
    options: (cmd) =>
      cmd
        .option('--entity <key>', 'only changes to this action (plan-slug:number) or plan (slug)')
        .option('--actor <name>', 'only changes by this person')
        .option('--limit <n>', 'how many events', limit, 50),
    load: ({ app, ctx }, opts) => app.services.audit.list(ctx, { entity: opts.entity, actor: opts.actor, limit: opts.limit }),
    columns: () => [
      { header: 'when', value: (e) => e.occurredAt.toISOString().slice(0, 19).replace('T', ' ') },
      { header: 'who', value: (e) => e.actor, width: 24 },
      { header: 'what', value: (e) => auditEventLabel(e.event) },
      { header: 'on', value: (e) => e.entityKey ?? `${e.entityType} ${e.entityId ?? ''}` },
      { header: 'before', value: (e) => brief(e.before), width: 36 },
      { header: 'after', value: (e) => brief(e.after), width: 48 },
    ],
    json: (e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), actor: e.actor, event: e.event, what: auditEventLabel(e.event), entityType: e.entityType, entity: e.entityKey, before: e.before, after: e.after }),
  });
}
