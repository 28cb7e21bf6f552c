// Board reports: the list of snapshots (newest first) with each report in each format, one report as a
// page in the site's layout, and each as a file to download (web page, Word, tagged PDF, spreadsheet).
// Every role reads them, as it reads the snapshots: they hold no child's data. "draft" in place of a
// snapshot's number builds the report from the open round's live data, marked as not yet reported.
import { NotFoundError } from '../../domain/errors.ts';
import { isReportKind, REPORT_KINDS, REPORT_TITLES, type ReportKind } from '../../reports/common.ts';
import { reportHtml, reportPrintCss } from '../../reports/render-html.ts';
import { isReportFormat, REPORT_CONTENT_TYPES, REPORT_FORMAT_NAMES, REPORT_FORMATS, renderReport, reportFileName, type ReportFormat } from '../../services/reporting/report-files.ts';
import type { ReportSource } from '../../services/reporting/report.service.ts';
import { reportPath, reportsPath } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';

/** A snapshot's number or "draft", as the path gives it. */
function sourceOf(raw: string): ReportSource {
  if (raw === 'draft') return { draft: true };
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(`There is no snapshot "${raw}".`);
  return { snapshot: Number(raw) };
}

/** "exec-summary" (the page) or "exec-summary.pdf" (a file). */
function fileOf(raw: string): { kind: ReportKind; format: ReportFormat | null } {
  const dot = raw.lastIndexOf('.');
  const kind = dot < 0 ? raw : raw.slice(0, dot);
  const format = dot < 0 ? null : raw.slice(dot + 1);
  if (!isReportKind(kind)) throw new NotFoundError(`There is no report called "${kind}": the reports are ${REPORT_KINDS.join(', ')}.`);
  if (format !== null && !isReportFormat(format)) throw new NotFoundError(`Reports are downloaded as ${REPORT_FORMATS.join(', ')}, not "${format}".`);
  return { kind, format };
}

/** Each report of a snapshot (or the draft) with its page and its files. */
const reportLinks = (n: number | 'draft') =>
  REPORT_KINDS.map((kind) => ({
    title: REPORT_TITLES[kind],
    href: reportPath(n, kind),
    files: REPORT_FORMATS.map((format) => ({ name: REPORT_FORMAT_NAMES[format], href: reportPath(n, `${kind}.${format}`), format })),
  }));

const reportsRoutes: PageRoutes = (server) => {
  const { snapshots, reports } = server.services;

  server.get(reportsPath, async (request, reply) => {
    const list = await snapshots.list(request.ctx());
    return reply.page('reports/reports.njk', {
      snapshots: list.map((s) => ({ ...s, reports: reportLinks(s.number) })),
      draft: reportLinks('draft'),
    });
  });

  // The print rules of a report page, as a stylesheet (the pages allow no inline styles).
  server.get(`${reportsPath}/print.css`, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'private, max-age=3600').send(reportPrintCss));

  server.get<{ Params: { source: string; file: string } }>(`${reportsPath}/:source/:file`, async (request, reply) => {
    const source = sourceOf(request.params.source);
    const { kind, format } = fileOf(request.params.file);
    const doc = await reports.buildReport(request.ctx(), kind, source);
    if (format !== null) {
      return reply
        .type(REPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${reportFileName(source, kind, format)}"`)
        .send(await renderReport(doc, format));
    }
    const n = 'draft' in source ? 'draft' : source.snapshot;
    return reply.page('reports/report.njk', {
      title: `${doc.cover.title}${'draft' in source ? ' (draft)' : `, snapshot ${n}`}`,
      html: await reportHtml(doc),
      files: reportLinks(n).find((r) => r.href === reportPath(n, kind))!.files,
    });
  });

  return Promise.resolve();
};

export default reportsRoutes;
