// parentis report exec-summary|annual|scrutiny: a board report of a snapshot (or a draft from the open
// round's live data) written as a web page, Word, tagged PDF or spreadsheet.
import fs from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { REPORT_KINDS, REPORT_TITLES } from '../../reports/common.ts';
import { isReportFormat, renderReport, REPORT_FORMATS } from '../../services/reporting/report-files.ts';
import type { ReportSource } from '../../services/reporting/report.service.ts';
import { io } from '../io.ts';
import { withSession, type GlobalOptions } from '../session.ts';

interface ReportOptions {
  snapshot?: string;
  draft?: boolean;
  format: string;
  out?: string;
}

/** Which snapshot (or the draft), refusing both or neither. */
function sourceOf(opts: ReportOptions): ReportSource {
  if (opts.draft === true && opts.snapshot !== undefined) throw new ValidationError('Give --snapshot N or --draft, not both', 'snapshot');
  if (opts.draft === true) return { draft: true };
  if (opts.snapshot === undefined) throw new ValidationError('Say which snapshot to report with --snapshot N (run "parentis snapshot list" to see them), or --draft for the open round', 'snapshot');
  if (!/^\d{1,9}$/.test(opts.snapshot)) throw new ValidationError(`--snapshot "${opts.snapshot}" is not a snapshot number: run "parentis snapshot list" to see them`, 'snapshot');
  return { snapshot: Number(opts.snapshot) };
}

export function register(program: Command): void {
  const report = program.command('report').description('board reports from a snapshot: the quarterly executive summary, the annual report and the scrutiny pack');
  for (const kind of REPORT_KINDS) {
    report
      .command(kind)
      .description(`the ${REPORT_TITLES[kind].toLowerCase()} of a snapshot, or a draft from the open round`)
      .option('--snapshot <number>', 'the snapshot to report')
      .option('--draft', "the open round's live data, marked \"Draft — not yet reported\"")
      .option('--format <format>', REPORT_FORMATS.join(', '), 'pdf')
      .requiredOption('--out <file>', 'the file to write')
      .action(async (opts: ReportOptions, cmd: Command) => {
        const source = sourceOf(opts);
        if (!isReportFormat(opts.format)) throw new ValidationError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${opts.format}"`, 'format');
        const format = opts.format;
        await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
          const doc = await app.services.reports.buildReport(ctx, kind, source);
          const file = await renderReport(doc, format);
          fs.writeFileSync(opts.out!, file);
          io().stderr.write(`Wrote ${opts.out} (${REPORT_TITLES[kind].toLowerCase()}, ${'draft' in source ? 'draft' : `snapshot ${source.snapshot}`}, ${file.length} bytes)\n`);
        });
      });
  }
}
