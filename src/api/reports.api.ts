// Board reports in the JSON API: a snapshot's (or the open round's draft) executive summary, annual
// report or scrutiny pack as the document model, or rendered as a web page, Word, tagged PDF or
// spreadsheet. Every role, as for the snapshots: they hold no child's data.
import { z } from 'zod';
import type { Services } from '../composition.ts';
import { REPORT_KINDS } from '../reports/common.ts';
import { REPORT_CONTENT_TYPES, REPORT_FORMAT_NAMES, REPORT_FORMATS, renderReport, reportFileName } from '../services/reporting/report-files.ts';
import type { ReportSource } from '../services/reporting/report.service.ts';
import { ApiFile, route, type ApiRoute } from './api.ts';

const params = z.object({
  snapshot: z
    .string()
    .regex(/^(\d{1,9}|draft)$/, { message: 'must be a snapshot number or "draft"' })
    .describe('The snapshot\'s number, or "draft" for the open round\'s live data (marked "Draft — not yet reported").'),
  kind: z.enum(REPORT_KINDS).describe('exec-summary: the quarterly executive summary; annual: the annual board report; scrutiny: the scrutiny progress pack.'),
});
const query = z.object({ format: z.enum(['json', ...REPORT_FORMATS]).default('json').describe('json (the document model) or a file: html, docx, pdf (tagged), xlsx.') });

const cellSchema = z.looseObject({ kind: z.enum(['text', 'number', 'date', 'rating', 'lines']) });
const documentSchema = z.looseObject({
  cover: z.looseObject({ title: z.string(), authority: z.string(), asAt: z.string(), reported: z.string(), draft: z.boolean() }),
  language: z.string(),
  sections: z
    .array(z.looseObject({ kind: z.literal('section'), heading: z.string(), blocks: z.array(z.looseObject({ kind: z.enum(['paragraph', 'list', 'table', 'figure', 'section']) })) }))
    .describe('Sections of paragraphs, lists, tables (caption, columns, rows of cells: ' + cellSchema.shape.kind.options.join(', ') + '), figures (a chart, its alternative text and its table) and sections within.'),
});

export function reportApiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/reports/:snapshot/:kind',
      summary: "A board report of a snapshot (or a draft from the open round): the document model, or the report as a file",
      description: 'Every role. Built only from what the snapshot stored, so it reads the same whatever is edited later.',
      params,
      query,
      response: documentSchema,
      files: Object.fromEntries(REPORT_FORMATS.map((f) => [REPORT_CONTENT_TYPES[f], REPORT_FORMAT_NAMES[f]])),
      handler: async ({ ctx, params: p, query: q }) => {
        const source: ReportSource = p.snapshot === 'draft' ? { draft: true } : { snapshot: Number(p.snapshot) };
        const doc = await s.reports.buildReport(ctx, p.kind, source);
        if (q.format === 'json') return doc;
        return new ApiFile(await renderReport(doc, q.format), REPORT_CONTENT_TYPES[q.format], reportFileName(source, p.kind, q.format));
      },
    }),
  ];
}
