// parentis snapshot list|show: the frozen "as reported" snapshots taken when rounds closed, and one
// read back exactly as it was stored (as text for people, or the whole document as JSON).
import type { Command } from 'commander';
import { BRAG_LABEL, type Brag } from '../../domain/brag.ts';
import type { SnapshotView } from '../../services/reporting/snapshot.service.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

const word = (b: Brag | null): string => (b === null ? 'no status' : BRAG_LABEL[b]);

/** The snapshot as a person reads it: header, programmes, actions, risks, priorities, measures. */
export function snapshotText(s: SnapshotView): string {
  const c = s.content;
  const lines = [
    `Snapshot ${s.number}: ${s.name}`,
    `Period ${s.period} (${s.periodStart} to ${s.periodEnd}); taken ${s.takenAt.toISOString()} by ${s.takenBy}`,
    '',
    'Programmes',
    ...c.programmes.map((p) => `  ${p.plan} ${p.number} ${p.title}: ${word(p.status)}${p.trend ? `, ${p.trend}` : ''}${p.reason ? ` (${p.reason})` : ''}; actions B ${p.counts.B}, R ${p.counts.R}, A ${p.counts.A}, G ${p.counts.G}, none ${p.counts.none}`),
    '',
    'Actions',
    ...c.actions.flatMap((p) =>
      p.actions.map(
        (a) => `  ${a.key} ${a.title}: ${word(a.status)}${a.forecast ? `, forecast ${word(a.forecast)}` : ''}; due ${a.deadline ?? 'no deadline'}${a.originalDeadline && a.originalDeadline !== a.deadline ? ` (first ${a.originalDeadline})` : ''}; ${a.updates.length} update(s) in the period`,
      ),
    ),
    '',
    'Risks',
    ...c.risks.map((r) => `  ${r.reference} ${r.title}: ${r.likelihood}×${r.impact}=${r.score} ${r.rating}, ${r.trend}, ${r.status}`),
    '',
    "The young people's priorities",
    ...c.priorities.map((p) => `  ${p.council}: ${p.priority} (${p.status})`),
    '',
    `Measures at ${s.periodEnd}`,
    ...c.measures.map((m) => `  ${m.code} ${m.title}: ${m.value}${m.target ? `, target ${m.target}` : ''}${m.rag ? `, ${m.ragReason ?? m.rag}` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const snapshot = program.command('snapshot').description('the frozen "as reported" snapshots taken when reporting rounds closed');

  snapshot
    .command('list')
    .description('the snapshots, newest first')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const list = await app.services.snapshots.list(ctx);
        write(
          render(
            list,
            [
              { header: 'Number', value: (s) => s.number },
              { header: 'Name', value: (s) => s.name, width: 48 },
              { header: 'Period', value: (s) => s.period },
              { header: 'Taken', value: (s) => s.takenAt.toISOString() },
              { header: 'By', value: (s) => s.takenBy },
            ],
            format,
            (s) => s,
          ),
        );
      });
    });

  snapshot
    .command('show <number>')
    .description('one snapshot exactly as it was taken: actions, programmes, risks, priorities and measures')
    .option('--format <format>', 'text or json', 'text')
    .action(async (number: string, opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['text', 'json']);
      if (!/^\d{1,9}$/.test(number)) throw new Error(`"${number}" is not a snapshot number: run "parentis snapshot list" to see them`);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const s = await app.services.snapshots.show(ctx, Number(number));
        write(format === 'json' ? `${JSON.stringify(s, null, 2)}\n` : snapshotText(s));
      });
    });
}
