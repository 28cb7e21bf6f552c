// One document model for every board report: built once from a snapshot (or the live data, marked as a
// draft) and rendered to a web page, Word, tagged PDF and a spreadsheet without any renderer deciding
// what the report says.
import type { TrendChart } from '../charts/charts.ts';

/** BRAG and RAG as a board reads them; the renderers write the word beside the colour. */
export type Rating = 'B' | 'R' | 'A' | 'G';

/** Inline text: plain, or a run that expands an acronym on first use ("Personal Education Plan (PEP)"). */
export type Inline = string | { text: string; strong?: boolean };

export interface Paragraph {
  kind: 'paragraph';
  content: Inline[];
}

export interface BulletList {
  kind: 'list';
  items: Inline[][];
}

/** A table cell: text, a number (written as a number in a spreadsheet), a date, or a rating. */
export type TableCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; /** As shown: "67.5%", "1,204". */ text: string }
  /** yyyy-mm-dd; shown as "4 December 2026". */
  | { kind: 'date'; date: string }
  | { kind: 'rating'; rating: Rating | null; /** "Red", "Amber — 3.1 points below target". */ text: string }
  /** Several dated lines in one cell (progress updates, revised timescales). */
  | { kind: 'lines'; lines: string[] };

export interface TableColumn {
  header: string;
  /** Hint for renderers: relative width and alignment. */
  width?: number;
  align?: 'left' | 'right';
}

export interface Table {
  kind: 'table';
  /** The table's caption: also the sheet name in a spreadsheet (renderers shorten it to 31 characters). */
  caption: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

/** A chart with its alternative text and the table behind it. */
export interface Figure {
  kind: 'figure';
  chart: TrendChart;
  /** Alternative text: what the chart shows, in words. */
  alt: string;
  table: Table;
}

export type Block = Paragraph | BulletList | Table | Figure | Section;

export interface Section {
  kind: 'section';
  /** Heading text; the level follows nesting (a report's top sections are level 1 under the title). */
  heading: string;
  /** Starts on a new page in print, Word and PDF. */
  pageBreakBefore?: boolean;
  blocks: Block[];
}

export interface ReportCover {
  /** "Quarterly executive summary". */
  title: string;
  /** The authority's name. */
  authority: string;
  /** "As at 30 September 2026". */
  asAt: string;
  /** "As reported to the Corporate Parenting Board on 6 November 2026", or "Draft — not yet reported". */
  reported: string;
  draft: boolean;
}

export interface ReportDocument {
  cover: ReportCover;
  /** Document language, e.g. "en-GB". */
  language: string;
  sections: Section[];
}

/** A cell's text as a reader sees it, for CSV and assertions. */
export function cellText(cell: TableCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.text;
    case 'date':
      return cell.date;
    case 'rating':
      return cell.text;
    case 'lines':
      return cell.lines.join('\n');
  }
}

export const text = (t: string): TableCell => ({ kind: 'text', text: t });
export const paragraph = (...content: Inline[]): Paragraph => ({ kind: 'paragraph', content });
export const section = (heading: string, blocks: Block[], pageBreakBefore = false): Section => ({
  kind: 'section',
  heading,
  blocks,
  ...(pageBreakBefore ? { pageBreakBefore } : {}),
});
