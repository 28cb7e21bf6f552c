// parentis import 903: reads an authority's SSDA903 files, reports their data quality, and stores
// them (replacing the previous child-level data) with the indicators recomputed, all or nothing.
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { CheckedReturn, DataQualityIssue, InputFile } from '../../services/ssda903.service.ts';
import { displayName, gatherFiles, readText } from '../input-files.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

const SHOWN = 20;

export function issueLine(i: DataQualityIssue): string {
  const where = i.fields && i.fields.length > 1 ? ` columns ${i.fields.join(', ')}` : i.column ? ` column ${i.column}` : '';
  return `${i.file}:${i.line} child ${i.child || '(none)'}${where}: ${i.message}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Located examples shown of each check, so one frequent check does not hide the others. */
const PER_CHECK = 3;

/** The findings summary: counts by check and by file, then the first located examples of each check, errors first, and any notes. */
export function qualityReport(checked: CheckedReturn, shown = SHOWN): string {
  const { summary, issues } = checked;
  const lines = [`Data quality: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`];
  for (const c of summary.byCheck) lines.push(`  ${c.severity.padEnd(8)}${c.check.padEnd(24)}${String(c.count).padStart(7)}`);
  if (summary.byFile.length > 0) {
    lines.push('By file:');
    for (const f of summary.byFile) lines.push(`  ${f.file}: ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}`);
  }
  const byCheck = new Map<string, DataQualityIssue[]>();
  for (const i of issues) {
    if (i.severity === 'note') continue;
    const key = `${i.severity}|${i.check}`;
    const list = byCheck.get(key) ?? [];
    if (list.length < PER_CHECK) byCheck.set(key, [...list, i]);
  }
  const examples = summary.byCheck.flatMap((c) => byCheck.get(`${c.severity}|${c.check}`) ?? []).slice(0, shown);
  if (examples.length > 0) {
    lines.push(`Examples (up to ${PER_CHECK} of each check, ${examples.length} in all):`);
    for (const i of examples) lines.push(`  ${i.severity} ${i.check}: ${issueLine(i)}`);
  }
  for (const i of issues.filter((n) => n.severity === 'note')) lines.push(`Note: ${i.message}`);
  return `${lines.join('\n')}\n`;
}

/** A progress bar on an interactive terminal; nothing when output goes to a file or another program. */
function progressBar(label: string): { start(total: number): void; update(done: number, total?: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label.padEnd(22)} [{bar}] {value}/{total}`, hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  return {
    start: (total) => bar.start(total, 0),
    update: (done, total) => {
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** Reads the 903 files named (directories walked for .csv and .xml), with a progress bar. */
export function read903Files(paths: string[]): InputFile[] {
  const found = gatherFiles(paths, ['.csv', '.xml']);
  const bar = progressBar('Reading files');
  bar.start(found.length);
  const files = found.map((f, i) => {
    const text = readText(f);
    bar.update(i + 1);
    return { name: displayName(f, paths), text };
  });
  bar.stop();
  return files;
}

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data');
  imp
    .command('903 <paths...>')
    .description('import SSDA903 files (a directory is searched for .csv and .xml): checks them, then stores them and recomputes the indicators; all or nothing')
    .option('--proceed-with-warnings', 'store even though the checks gave warnings')
    .option('--proceed-with-errors', 'store even though the checks found errors (the figures will carry them)')
    .option('--issues <n>', 'how many issues to list', (v) => Number.parseInt(v, 10), SHOWN)
    .action(async (paths: string[], opts: { proceedWithWarnings?: boolean; proceedWithErrors?: boolean; issues: number }, cmd: Command) => {
      const files = read903Files(paths);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const checked = app.services.ssda903.check(files);
        write(`Read ${files.length} file${files.length === 1 ? '' : 's'}: collection years ${checked.collectionYears.join(', ')}; ${checked.rows} rows.\n`);
        write(qualityReport(checked, Number.isFinite(opts.issues) ? opts.issues : SHOWN));
        const records = progressBar('Storing rows');
        const indicators = progressBar('Working out indicators');
        let phase: 'records' | 'indicators' | undefined;
        const r = await app.services.ssda903.storeReturn(ctx, checked, {
          proceedWithWarnings: opts.proceedWithWarnings === true,
          proceedWithErrors: opts.proceedWithErrors === true,
          onProgress: (p, done, total) => {
            if (p !== phase) {
              if (phase === 'records') records.stop();
              phase = p;
              (p === 'records' ? records : indicators).start(total);
            }
            (p === 'records' ? records : indicators).update(done, total);
          },
        });
        (phase === 'records' ? records : indicators).stop();
        write(
          `Stored ${r.rows} rows (upload ${r.uploadId}${r.replacedRows > 0 ? `, replacing ${r.replacedRows} rows` : ''}) and ${r.values} indicator values for ${r.monthEnds} month ends.\n`,
        );
      });
    });
}
