// A board report as a file to download or write: the standalone web page, Word, tagged PDF or the
// workbook, with its content type and a file name saying which report of which snapshot it is.
import { reportDocx } from '../../reports/render-docx.ts';
import { reportHtmlDocument } from '../../reports/render-html.ts';
import { reportPdf } from '../../reports/render-pdf.ts';
import { reportXlsx } from '../../reports/render-xlsx.ts';
import type { ReportDocument } from '../../reports/model.ts';
import { reportPdfFonts } from '../report-fonts.ts';

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const isReportFormat = (v: unknown): v is ReportFormat => typeof v === 'string' && (REPORT_FORMATS as readonly string[]).includes(v);

export const REPORT_FORMAT_NAMES: Record<ReportFormat, string> = { html: 'Web page', docx: 'Word', pdf: 'PDF', xlsx: 'Spreadsheet' };

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The report rendered in the format. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(await reportHtmlDocument(doc), 'utf8');
    case 'docx':
      return reportDocx(doc);
    case 'pdf':
      return reportPdf(doc, reportPdfFonts());
    case 'xlsx':
      return reportXlsx(doc);
  }
}

/** "snapshot-4-exec-summary.pdf", or "draft-annual.docx". */
export const reportFileName = (source: { snapshot: number } | { draft: true }, kind: string, format: ReportFormat): string =>
  `${'draft' in source ? 'draft' : `snapshot-${source.snapshot}`}-${kind}.${format}`;
