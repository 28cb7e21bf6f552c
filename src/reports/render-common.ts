// What every report renderer shares: heading levels by nesting, the rating's word and colours, dates as
// a reader writes them, spreadsheet sheet names, and the document's tables in reading order.
import type { TopLevelSpec } from 'vega-lite';
import { renderPng, trendSpec } from '../charts/charts.ts';
import { BRAG_LABEL } from '../domain/brag.ts';
import { longDate } from '../domain/dates.ts';
import type { Block, Figure, Rating, ReportDocument, Table, TableCell } from './model.ts';

/** The heading level of a section: the cover title is level 1, a report's top sections level 2, and so on (at most 6). */
export const headingLevel = (depth: number): number => Math.min(depth + 1, 6);

export interface RatingStyle {
  /** The word a reader sees without colour: "Red". */
  word: string;
  /** GOV.UK tag modifier: govuk-tag--red. */
  tag: string;
  /** Background and text colours (hex without "#"), GOV.UK tag colours: text on fill is above 4.5:1. */
  fill: string;
  ink: string;
}

const RATING_STYLE: Record<Rating, RatingStyle> = {
  B: { word: BRAG_LABEL.B, tag: 'blue', fill: 'BBD4EA', ink: '0C2D4A' },
  R: { word: BRAG_LABEL.R, tag: 'red', fill: 'F4D7D7', ink: '2A0B06' },
  A: { word: BRAG_LABEL.A, tag: 'orange', fill: 'FCD6C3', ink: '6E3619' },
  G: { word: BRAG_LABEL.G, tag: 'green', fill: 'CCE2D8', ink: '005A30' },
};

export const ratingStyle = (rating: Rating): RatingStyle => RATING_STYLE[rating];

/** What a rating cell says: its own text, or the rating's word when the text is empty. */
export function ratingText(cell: Extract<TableCell, { kind: 'rating' }>): string {
  if (cell.text.trim() !== '') return cell.text;
  return cell.rating === null ? 'No rating' : RATING_STYLE[cell.rating].word;
}

/** yyyy-mm-dd as "4 December 2026". */
export const showDate = longDate;

/** yyyy-mm-dd as midnight UTC on that day (what a spreadsheet stores as the date). */
export const isoToUtc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A cell as text for a page or a document: dates written out, ratings with their word. */
export function shownText(cell: TableCell): string {
  switch (cell.kind) {
    case 'date':
      return showDate(cell.date);
    case 'rating':
      return ratingText(cell);
    case 'lines':
      return cell.lines.join('\n');
    default:
      return cell.text;
  }
}

/** Shares `width` out by the weights, raising a column to its least width and taking that from the others. */
export function fitColumns(width: number, weights: readonly number[], least: readonly number[]): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = width - [...fixed].reduce((a, i) => a + least[i]!, 0);
    const freeWeight = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? least[i]! : (free * w) / freeWeight));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < least[i]!);
    if (short === -1 || fixed.size === weights.length - 1) return widths;
    fixed.add(short);
  }
}

const SHEET_NAME_MAX = 31;

/**
 * Excel sheet names for the captions, in order: without []:*?/\ (which Excel refuses), at most 31
 * characters, unique without regard to case (as Excel compares them), and never empty.
 */
export function sheetNames(captions: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return captions.map((caption) => {
    const base = caption.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Table';
    let name = base.slice(0, SHEET_NAME_MAX).trim();
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, SHEET_NAME_MAX - suffix.length).trim() + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Every table of the document in reading order, a figure's table included. */
export function allTables(doc: ReportDocument): Table[] {
  const fromBlocks = (blocks: readonly Block[]): Table[] =>
    blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.table] : b.kind === 'section' ? fromBlocks(b.blocks) : []));
  return fromBlocks(doc.sections);
}

/** The cover's lines in order, the draft mark included, as every format prints them first. */
export function coverLines(doc: ReportDocument): string[] {
  const c = doc.cover;
  const draftMark = c.draft && !/^draft\b/i.test(c.reported) ? ['Draft — not yet reported'] : [];
  return [c.authority, c.asAt, c.reported, ...draftMark];
}

/**
 * A figure's chart drawing, its alternative text as the drawing's description, so a screen reader
 * hears the same words from the page, the Word file and the PDF.
 */
export const figureSpec = (figure: Figure): TopLevelSpec => trendSpec({ ...figure.chart, description: figure.alt });

export interface FigureImage {
  png: Uint8Array;
  /** Size at 96 pixels to the inch (the drawing's own size; the PNG holds one and a half times as many each way: 144 to the inch at that size, enough for print). */
  width: number;
  height: number;
}

const PNG_SCALE = 1.5;

// Drawing a chart's PNG is most of the cost of a Word or PDF report: a figure is drawn once and the
// image shared by every format made from the same document (and let go with it).
const images = new WeakMap<Figure, Promise<FigureImage>>();

/** A figure's chart as a PNG for Word and PDF, with the size it is drawn at; drawn once per figure. */
export function figureImage(figure: Figure): Promise<FigureImage> {
  let image = images.get(figure);
  if (image === undefined) {
    image = drawFigure(figure);
    images.set(figure, image);
    // A failed drawing is not kept: the next format asks again.
    image.catch(() => images.delete(figure));
  }
  return image;
}

async function drawFigure(figure: Figure): Promise<FigureImage> {
  const png = await renderPng(figureSpec(figure), figure.chart.title, PNG_SCALE);
  // A PNG's IHDR chunk holds its width and height as big-endian 32-bit numbers at bytes 16 and 20.
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { png, width: view.getUint32(16) / PNG_SCALE, height: view.getUint32(20) / PNG_SCALE };
}
