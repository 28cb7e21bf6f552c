// parentis audit: the audit trail, newest first, with the state before and after each change.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { AuditEvent } from '../../services/audit.service.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

const brief = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function register(program: Command): void {
  program
    .command('audit')
    .description('show the audit trail, newest first')
    .option('--entity <key>', 'only changes to this action (plan-slug:number) or plan (slug)')
    .option('--actor <name>', 'only changes by this person')
    .option('--limit <n>', 'how many events', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number from 1');
      return n;
    }, 50)
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { entity?: string; actor?: string; limit: number; format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const events = await app.services.audit.list(ctx, { entity: opts.entity, actor: opts.actor, limit: opts.limit });
        write(
          render<AuditEvent>(
            events,
            [
              { header: 'when', value: (e) => e.occurredAt.toISOString().slice(0, 19).replace('T', ' ') },
              { header: 'who', value: (e) => e.actor, width: 24 },
              { header: 'what', value: (e) => e.event },
              { header: 'on', value: (e) => e.entityKey ?? `${e.entityType} ${e.entityId ?? ''}` },
              { header: 'before', value: (e) => brief(e.before), width: 36 },
              { header: 'after', value: (e) => brief(e.after), width: 48 },
            ],
            format,
            (e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), actor: e.actor, event: e.event, entityType: e.entityType, entity: e.entityKey, before: e.before, after: e.after }),
          ),
        );
      });
    });
}
