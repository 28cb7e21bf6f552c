// parentis action show: one action with its full history.
import type { Command } from 'commander';
import { BRAG_LABEL } from '../../domain/brag.ts';
import type { ActionDetail } from '../../services/actions/index.ts';
import { parseFormat, write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

const label = (s: string | null): string => (s === null ? 'no status' : `${s} (${BRAG_LABEL[s as 'B']})`);
const indent = (text: string, by = '    '): string => text.split('\n').map((l) => by + l).join('\n');

export function describeAction(a: ActionDetail): string {
  const lines: string[] = [];
  lines.push(`${a.key}  ${a.title}`);
  lines.push(`Plan: ${a.planTitle}`);
  if (a.path.length > 0) lines.push(`Under: ${a.path.map((p) => [p.number, p.title].filter(Boolean).join(' ')).join(' › ')}`);
  lines.push(`Owners: ${a.owners.map((o) => o.label).join('; ')}`);
  lines.push(`Status: ${label(a.status)}${a.statusAsAt ? ` as at ${a.statusAsAt}` : ''}${a.forecast ? `; forecast ${label(a.forecast)}` : ''}`);
  if (a.pendingProposal) lines.push(`Proposed status awaiting approval: ${label(a.pendingProposal)}`);
  lines.push(
    `Deadline: ${a.deadline ?? 'none'}${a.overdue ? ' (overdue)' : ''}` +
      (a.slippage.revisions > 0 ? `; revised ${a.slippage.revisions} time(s), moved ${a.slippage.daysMoved} days` : ''),
  );
  lines.push(`Last update: ${a.lastUpdate ?? 'none'}${a.daysSinceUpdate !== null ? ` (${a.daysSinceUpdate} days ago)` : ''}`);
  if (a.refs.length > 0) lines.push(`References: ${a.refs.map((r) => `${r.kind} ${r.value}`).join(', ')}`);
  if (a.flags.length > 0) lines.push(`Flags: ${a.flags.join(', ')}`);
  lines.push(`Version: ${a.version}`);
  if (a.description) lines.push('', 'Action:', indent(a.description));
  if (a.successMeasures) lines.push('', 'Success measures:', indent(a.successMeasures));
  if (a.outcome) lines.push('', 'Outcome:', indent(a.outcome));
  if (a.kpis.length > 0) {
    lines.push('', 'KPIs:');
    for (const k of a.kpis) lines.push(`  - ${k.title}${k.targets.length ? `: ${k.targets.map((t) => `${t.value}${k.unit === '%' ? '%' : ''} by ${t.by}`).join(' → ')}` : ''}`);
  }
  lines.push('', 'Status history (oldest first):');
  for (const s of a.statuses) {
    lines.push(
      `  ${s.asAt}  ${s.kind === 'forecast' ? 'forecast ' : ''}${label(s.status)}  proposed by ${s.proposedBy}, ` +
        `${s.approvedBy ? `approved by ${s.approvedBy}` : s.rejectedBy ? `rejected by ${s.rejectedBy}` : 'awaiting approval'}; recorded ${s.recordedAt.slice(0, 16).replace('T', ' ')}` +
        (s.reason ? `\n${indent(s.reason, '      ')}` : ''),
    );
  }
  if (a.statuses.length === 0) lines.push('  none');
  lines.push('', 'Deadline history (oldest first):');
  for (const d of a.deadlines) lines.push(`  ${d.date}  set by ${d.setBy} on ${d.setAt.slice(0, 10)}: ${d.reason}`);
  if (a.deadlines.length === 0) lines.push('  none');
  lines.push('', `Progress updates (${a.updates.length}):`);
  for (const u of a.updates) lines.push(`  ${u.date}  ${u.author}`, indent(u.body, '      '));
  if (a.subActions.length > 0) {
    lines.push('', 'Sub-actions:');
    for (const s of a.subActions) lines.push(`  ${s.number}  ${s.status ?? '–'}  ${s.title}${s.deadline ? ` (due ${s.deadline})` : ''}`);
  }
  if (a.risks.length > 0) lines.push('', 'Linked risks:', ...a.risks.map((r) => `  ${r.reference}  ${r.title} (${r.status})`));
  if (a.voiceItems.length > 0) lines.push('', 'Young people asked for this:', ...a.voiceItems.map((v) => `  ${v.council}: ${v.priority}`));
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const action = program.command('action').description('one action');
  action
    .command('show <action>')
    .description('show an action (plan-slug:number) with its owners, status and deadline history, and updates')
    .option('--format <format>', 'text or json', 'text')
    .action(async (key: string, opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['text', 'json']);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const detail = await app.services.actions.show(ctx, key);
        write(format === 'json' ? `${JSON.stringify(detail, null, 2)}\n` : describeAction(detail));
      });
    });
}
