// parentis import 903: reads an authority's SSDA903 files, reports their data quality, and stores
// them (replacing the previous child-level data) with the indicators recomputed, all or nothing.
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import fs from 'node:fs';
import { EXAMPLES_PER_CHECK, findingExamples, seeAlso, withSeeAlso, type CheckedReturn, type DataQualityIssue, type ReturnStage, type StreamedFile } from '../../services/ssda903.service.ts';
import { checkSize, displayName, gatherFiles } from '../input-files.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { io } from '../io.ts';

const SHOWN = 20;
/** A county's five-year return is a few tens of megabytes: a file far larger is not a 903 table. */
export const MAX_903_FILE_BYTES = 256 * 1024 * 1024;

export function issueLine(i: DataQualityIssue): string {
  const where = i.fields && i.fields.length > 1 ? ` columns ${i.fields.join(', ')}` : i.column ? ` column ${i.column}` : '';
  return `${i.file}:${i.line} child ${i.child || '(none)'}${where}: ${withSeeAlso(i.message, seeAlso(i))}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The findings summary: counts by check and by file, then the first located examples of each check, errors first, and any notes. */
export function qualityReport(checked: CheckedReturn, shown = SHOWN): string {
  const { summary, issues } = checked;
  const lines = [`Data quality: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`];
  for (const c of summary.byCheck) lines.push(`  ${c.severity.padEnd(8)}${c.check.padEnd(24)}${String(c.count).padStart(7)}`);
  if (summary.byFile.length > 0) {
    lines.push('By file:');
    for (const f of summary.byFile) lines.push(`  ${f.file}: ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}`);
  }
  const examples = findingExamples(checked).slice(0, shown);
  if (examples.length > 0) {
    lines.push(`Examples (up to ${EXAMPLES_PER_CHECK} of each check, ${examples.length} in all):`);
    for (const i of examples) lines.push(`  ${i.severity} ${i.check}: ${issueLine(i)}`);
  }
  for (const i of issues.filter((n) => n.severity === 'note')) lines.push(`Note: ${i.message}`);
  return `${lines.join('\n')}\n`;
}

/** --year: the collection year, named by the year it ends ("2022") or as a span ("2021-22"). */
export function collectionYearOption(value: string): number {
  const single = /^\s*(20\d{2})\s*$/.exec(value);
  if (single) return Number(single[1]);
  const span = /^\s*(20\d{2})\s*[-/]\s*(\d{2})\s*$/.exec(value);
  if (span && (Number(span[1]) + 1) % 100 === Number(span[2])) return Number(span[1]) + 1;
  throw new InvalidArgumentError(`"${value}" is not a collection year: write the year it ends (2022) or the span (2021-22)`);
}

export const YEAR_HELP = 'the collection year of the files, the year it ends (2022 = April 2021 to March 2022), whatever their names and dates say';

/** Notes on the whole set (years decided from the dates, history too short): one line each. */
export function notesText(notes: string[]): string {
  return notes.map((n) => `Note: ${n}\n`).join('');
}

/** A progress bar on an interactive terminal; nothing when output goes to a file or another program. */
function progressBar(label: string): { start(total: number): void; update(done: number, total?: number): void; stop(): void } {
  const { stderr } = io();
  if (!stderr.isTTY) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label.padEnd(22)} [{bar}] {value}/{total}`, hideCursor: true, stream: stderr }, Presets.shades_classic);
  return {
    start: (total) => bar.start(total, 0),
    update: (done, total) => {
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/**
 * Each stage of reading a return said on a line of its own as it starts, with the seconds it took once the next
 * begins (`end` closes the last): a national return takes a minute or more to read and check. On an interactive
 * terminal only; nothing when the output goes to a file or another program.
 */
export function stageLines(files: StreamedFile[], figures?: string): { onStage: (stage: ReturnStage) => void; end: () => void } {
  const { stderr } = io();
  if (!stderr.isTTY) return { onStage: () => undefined, end: () => undefined };
  const bytes = files.reduce((n, f) => n + (f.bytes ?? 0), 0);
  const label: Record<ReturnStage, string> = {
    reading: `Reading ${plural(files.length, 'file')}${bytes > 0 ? ` (${(bytes / 1_048_576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB)` : ''}`,
    checking: "Checking the rows, building each child's history and running the validator's rules",
    figures: figures ?? 'Working out the indicators',
  };
  let started: number | undefined;
  const end = (): void => {
    if (started !== undefined) stderr.write(` ${((performance.now() - started) / 1000).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s\n`);
    started = undefined;
  };
  return {
    onStage: (stage) => {
      end();
      stderr.write(`${label[stage]} …`);
      started = performance.now();
    },
    end,
  };
}

/** The 903 files named (directories walked for .csv and .xml), each opened as a stream when it is read. */
export function open903Files(paths: string[]): StreamedFile[] {
  return gatherFiles(paths, ['.csv', '.xml']).map((f) => {
    checkSize(f, MAX_903_FILE_BYTES);
    return { name: displayName(f, paths), chunks: () => fs.createReadStream(f), path: f, bytes: fs.statSync(f).size };
  });
}

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data');
  imp
    .command('903 <paths...>')
    .description('import SSDA903 files (a directory is searched for .csv and .xml): checks them, then stores them and recomputes the indicators; all or nothing')
    .option('--proceed-with-warnings', 'store even though the checks gave warnings')
    .option('--proceed-with-errors', 'store even though the checks found errors (the figures will carry them)')
    .option('--year <year>', YEAR_HELP, collectionYearOption)
    .option('--issues <n>', 'how many issues to list', (v) => Number.parseInt(v, 10), SHOWN)
    .action(async (paths: string[], opts: { proceedWithWarnings?: boolean; proceedWithErrors?: boolean; issues: number; year?: number }, cmd: Command) => {
      const files = open903Files(paths);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const stages = stageLines(files);
        let checked: CheckedReturn;
        try {
          checked = await app.services.ssda903.checkStreamed(files, { ...(opts.year === undefined ? {} : { year: opts.year }), onStage: stages.onStage });
        } finally {
          stages.end();
        }
        write(`Read ${files.length} file${files.length === 1 ? '' : 's'}: collection years ${checked.collectionYears.join(', ') || 'not known'}; ${checked.rows} rows.\n`);
        write(notesText(checked.notes));
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
