// parentis actions: actions across plans, filtered, as a table, CSV or JSON.
import type { Command } from 'commander';
import { parseRef } from '../../domain/action-key.ts';
import { parseBrag } from '../../domain/brag.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actionRow } from '../../services/action-row.ts';
import type { ActionSummary } from '../../services/actions/index.ts';
import { dateOption } from '../options.ts';
import { listCommand } from '../list-command.ts';


function statuses(value: string): string[] {
  try {
    return value.split(',').map(parseBrag);
  } catch (err) {
    throw new ValidationError(`--status: ${(err as Error).message}`, 'status');
  }
}

interface ActionsOptions {
  plan?: string;
  status?: ('B' | 'R' | 'A' | 'G')[];
  owner?: string;
  overdue?: boolean;
  ref?: { kind: string; value: string };
  search?: string;
  since?: string;
}

export function register(program: Command): void {
  listCommand<ActionSummary, ActionsOptions>(program, {
    name: 'actions',
    description: 'list actions with their status, owners, deadline and last update',
    options: (cmd) =>
      cmd
        .option('--plan <slug>', 'only this plan')
        .option('--status <BRAG>', 'only these statuses, e.g. R or R,A', statuses)
        .option('--owner <text>', "part of an owner's name or role title")
        .option('--overdue', 'only actions past their deadline and not Blue')
        .option('--ref <kind:value>', 'only actions with this cross-reference, e.g. inspection:11 or challenge:4', parseRef)
        .option('--search <text>', 'words in the action or its updates')
        .option('--since <date>', "add each action's status trend from this date (to today, or --as-of)", dateOption),
    load: ({ app, ctx }, opts) =>
      app.services.actions.list(ctx, {
        plan: opts.plan,
        status: opts.status,
        owner: opts.owner,
        overdue: opts.overdue,
        ref: opts.ref,
        text: opts.search,
        since: opts.since,
      }),
    columns: (opts) => [
      { header: 'action', value: (a) => a.key },
      { header: 'title', value: (a) => a.title, width: 48 },
      { header: 'status', value: (a) => a.status ?? '–' },
      { header: 'owners', value: (a) => a.owners.map((o) => o.name ?? o.role).join('; '), width: 30 },
      { header: 'deadline', value: (a) => (a.deadline ?? '') + (a.overdue ? ' (overdue)' : '') },
      { header: 'last update', value: (a) => a.lastUpdate },
      ...(opts.since !== undefined ? [{ header: `since ${opts.since}`, value: (a: ActionSummary) => a.trend }] : []),
    ],
    json: actionRow,
  });
}
