// A board report as a tagged PDF (PDF/UA-style structure: headings, paragraphs, lists, tables with
// header cells, figures with alternative text, the language and title), with embedded fonts, page
// numbers, and a table's header row drawn again at the top of each page the table continues on.
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Block, Figure, Inline, ReportDocument, Section, Table } from './model.ts';
import { coverLines, figureImage, fitColumns, headingLevel, ratingStyle, shownText, type FigureImage } from './render-common.ts';

/**
 * The TrueType fonts to embed, as the file's bytes or already parsed by fontkit (which PDFKit takes as
 * it is, so a font parsed once serves every document): the renderer reads no files, so the caller hands them over.
 */
export interface PdfFonts {
  regular: Uint8Array | Font;
  bold: Uint8Array | Font;
}

/** Bytes go to PDFKit as a Buffer of their own; a parsed font as it is (PDFKit only reads it). */
const fontSource = (font: Uint8Array | Font): PDFKit.Mixins.PDFFontSource => (font instanceof Uint8Array ? Buffer.from(font) : (font as unknown as PDFKit.Mixins.PDFFontSource));

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** PDFKit also reads a table header's scope and a figure's bounding box, which its typings leave out. */
type StructOptions = NonNullable<Parameters<Pdf['struct']>[1]> & { scope?: 'Column' | 'Row'; bbox?: [number, number, number, number] };

const MARGIN = 56;
const FOOTER_GAP = 28;
const INK = '#0b0c0c';
const GREY = '#505a5f';
const RULE = '#b1b4b6';
const HEADER_FILL = '#f3f2f1';
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9;
const CELL_PAD = 4;
const HEADING_SIZE: Record<number, number> = { 1: 24, 2: 17, 3: 13.5, 4: 12, 5: 11, 6: 11 };
const DRAFT = 'Draft — not yet reported';

interface Context {
  pdf: Pdf;
  images: Map<Figure, FigureImage>;
}

/** The report as a tagged PDF. */
export async function reportPdf(doc: ReportDocument, fonts: PdfFonts): Promise<Buffer> {
  const images = new Map<Figure, FigureImage>();
  for (const figure of figuresOf(doc.sections)) images.set(figure, await figureImage(figure));

  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    tagged: true,
    lang: doc.language,
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    // No built-in Helvetica as the starting font (it cannot be embedded); the body font is set below.
    font: null as unknown as string,
    info: { Title: doc.cover.title, Author: doc.cover.authority, Subject: doc.cover.reported, Creator: 'Parentis', Producer: 'Parentis' },
  });
  const done = collect(pdf);
  pdf.registerFont('body', fontSource(fonts.regular));
  pdf.registerFont('bold', fontSource(fonts.bold));
  pdf.font('body').fontSize(BODY_SIZE).fillColor(INK);

  const ctx: Context = { pdf, images };
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  cover(ctx, root, doc);
  for (const s of doc.sections) section(ctx, root, s, 1);
  root.end();
  pageFurniture(pdf, doc);
  pdf.end();
  return done;
}

function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function figuresOf(blocks: readonly Block[]): Figure[] {
  return blocks.flatMap((b) => (b.kind === 'figure' ? [b] : b.kind === 'section' ? figuresOf(b.blocks) : []));
}

const contentWidth = (pdf: Pdf): number => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf): number => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `needed` points still fit on this one. */
function ensureRoom(pdf: Pdf, needed: number): void {
  if (pdf.y + needed > bottom(pdf)) pdf.addPage();
  pdf.x = pdf.page.margins.left;
}

/** A structure element of `type` under `parent`, holding what `draw` puts on the page. */
function tagged(parent: Struct, pdf: Pdf, type: string, draw: () => void, options: StructOptions = {}): void {
  parent.add(pdf.struct(type, options, draw));
}

function cover(ctx: Context, root: Struct, doc: ReportDocument): void {
  const { pdf } = ctx;
  const [authority, ...rest] = coverLines(doc);
  pdf.y = MARGIN + 60;
  tagged(root, pdf, 'P', () => pdf.font('body').fontSize(14).fillColor(GREY).text(authority ?? '', { width: contentWidth(pdf) }));
  pdf.moveDown(0.6);
  tagged(root, pdf, `H${headingLevel(0)}`, () => pdf.font('bold').fontSize(HEADING_SIZE[1]!).fillColor(INK).text(doc.cover.title, { width: contentWidth(pdf) }));
  pdf.moveDown(0.8);
  for (const line of rest) {
    tagged(root, pdf, 'P', () => pdf.font(line === DRAFT ? 'bold' : 'body').fontSize(13).fillColor(INK).text(line, { width: contentWidth(pdf) }));
    pdf.moveDown(0.4);
  }
  pdf.font('body').fontSize(BODY_SIZE).moveDown(1.5);
}

function section(ctx: Context, parent: Struct, s: Section, depth: number): void {
  const { pdf } = ctx;
  const level = headingLevel(depth);
  const size = HEADING_SIZE[level]!;
  // A heading is never left alone at the foot of a page: it keeps a paragraph's room, or its table's start.
  const first = s.blocks[0];
  if (s.pageBreakBefore === true && pdf.y > pdf.page.margins.top) pdf.addPage();
  else ensureRoom(pdf, size * 2 + (first?.kind === 'table' ? tableStartHeight(pdf, first) : BODY_SIZE * 4));
  const sect = pdf.struct('Sect');
  parent.add(sect);
  pdf.moveDown(level === 2 ? 0.3 : 0.5);
  tagged(sect, pdf, `H${level}`, () => pdf.font('bold').fontSize(size).fillColor(INK).text(s.heading, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) }));
  pdf.font('body').fontSize(BODY_SIZE).moveDown(0.4);
  for (const block of s.blocks) blockPdf(ctx, sect, block, depth);
  sect.end();
}

function blockPdf(ctx: Context, parent: Struct, block: Block, depth: number): void {
  const { pdf } = ctx;
  switch (block.kind) {
    case 'paragraph':
      ensureRoom(pdf, BODY_SIZE * 2);
      tagged(parent, pdf, 'P', () => inlineText(pdf, block.content, pdf.page.margins.left, contentWidth(pdf)));
      pdf.moveDown(0.6);
      return;
    case 'list':
      bulletList(pdf, parent, block.items);
      return;
    case 'table':
      tablePdf(pdf, parent, block);
      return;
    case 'figure':
      figurePdf(ctx, parent, block);
      return;
    case 'section':
      section(ctx, parent, block, depth + 1);
      return;
  }
}

function inlineText(pdf: Pdf, content: readonly Inline[], x: number, width: number): void {
  const parts = content.map((c) => (typeof c === 'string' ? { text: c, strong: false } : { text: c.text, strong: c.strong === true }));
  pdf.fontSize(BODY_SIZE).fillColor(INK);
  parts.forEach((p, i) => {
    pdf.font(p.strong ? 'bold' : 'body');
    if (i === 0) pdf.text(p.text, x, pdf.y, { width, continued: i < parts.length - 1 });
    else pdf.text(p.text, { continued: i < parts.length - 1 });
  });
  pdf.font('body');
}

function bulletList(pdf: Pdf, parent: Struct, items: readonly Inline[][]): void {
  const list = pdf.struct('L');
  parent.add(list);
  const x = pdf.page.margins.left;
  for (const item of items) {
    ensureRoom(pdf, BODY_SIZE * 2);
    const li = pdf.struct('LI');
    list.add(li);
    const y = pdf.y;
    tagged(li, pdf, 'Lbl', () => pdf.font('body').fontSize(BODY_SIZE).text('•', x + 4, y, { lineBreak: false }));
    pdf.y = y;
    tagged(li, pdf, 'LBody', () => inlineText(pdf, item, x + 18, contentWidth(pdf) - 18));
    li.end();
    pdf.moveDown(0.2);
  }
  list.end();
  pdf.x = x;
  pdf.moveDown(0.5);
}

interface Layout {
  x: number[];
  widths: number[];
}

function tableLayout(pdf: Pdf, table: Table): Layout {
  const width = contentWidth(pdf);
  const weights = table.columns.map((c) => c.width ?? 1);
  // No column narrower than its longest word, so no word is broken across lines ("Childr-en").
  const least = table.columns.map((c, i) => Math.min(width / 3, longestWord(pdf, c.header, 'bold', table.rows.map((r) => (r[i] === undefined ? '' : shownText(r[i])))) + 2 * CELL_PAD + 1));
  const widths = fitColumns(width, weights, least);
  const x = widths.map((_, i) => pdf.page.margins.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  return { x, widths };
}

function longestWord(pdf: Pdf, header: string, headerFont: 'bold', cells: readonly string[]): number {
  const widest = (font: 'body' | 'bold', texts: readonly string[]): number => {
    pdf.font(font).fontSize(TABLE_SIZE);
    return Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => pdf.widthOfString(w)));
  };
  return Math.max(widest(headerFont, [header]), widest('body', cells));
}

function rowHeight(pdf: Pdf, texts: readonly string[], layout: Layout, font: 'body' | 'bold'): number {
  pdf.font(font).fontSize(TABLE_SIZE);
  return Math.max(...texts.map((t, i) => pdf.heightOfString(t === '' ? ' ' : t, { width: layout.widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

/** Draws a cell's background and rule as decoration (an artifact), outside the structure tree. */
function cellBox(pdf: Pdf, x: number, y: number, width: number, height: number, fill: string | null, inArtifact = false): void {
  if (!inArtifact) pdf.markContent('Artifact');
  if (fill !== null) pdf.rect(x, y, width, height).fill(fill);
  pdf.moveTo(x, y + height).lineTo(x + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
  if (!inArtifact) pdf.endMarkedContent();
}

function cellText(pdf: Pdf, text: string, x: number, y: number, width: number, options: { bold: boolean; align: 'left' | 'right'; colour: string }): void {
  pdf.font(options.bold ? 'bold' : 'body').fontSize(TABLE_SIZE).fillColor(options.colour).text(text, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD, align: options.align });
}

function headerRow(pdf: Pdf, table: Table, layout: Layout, height: number, parent: Struct | null): void {
  const y = pdf.y;
  const tr = parent === null ? null : pdf.struct('TR');
  if (tr !== null) parent!.add(tr);
  table.columns.forEach((c, i) => {
    cellBox(pdf, layout.x[i]!, y, layout.widths[i]!, height, HEADER_FILL, tr === null);
    const draw = () => cellText(pdf, c.header, layout.x[i]!, y, layout.widths[i]!, { bold: true, align: c.align ?? 'left', colour: INK });
    if (tr !== null) tr.add(pdf.struct('TH', { scope: 'Column' } as StructOptions, draw));
    else draw();
  });
  tr?.end();
  pdf.y = y + height;
}

/**
 * The room a table needs before it starts: its caption, header and first rows — the whole of a short
 * table (up to six rows), else three — so that no table begins with one row at the foot of a page.
 */
function tableStart(table: Table, headerHeight: number, heights: readonly number[]): number {
  const kept = heights.slice(0, table.rows.length <= 6 ? 6 : 3).reduce((a, b) => a + b, 0);
  return TABLE_SIZE * 3 + headerHeight + kept;
}

/** The room a table needs before it starts, measured as tablePdf measures it. */
function tableStartHeight(pdf: Pdf, table: Table): number {
  const layout = tableLayout(pdf, table);
  const heights = table.rows.slice(0, 6).map((row) => rowHeight(pdf, row.map(shownText), layout, 'body'));
  return tableStart(table, rowHeight(pdf, table.columns.map((c) => c.header), layout, 'bold'), heights);
}

function tablePdf(pdf: Pdf, parent: Struct, table: Table): void {
  const layout = tableLayout(pdf, table);
  // Each row measured once (measuring wraps the text as drawing it does, and costs as much); the
  // header last, whose font the space before the caption is measured in.
  const heights = table.rows.map((row) => rowHeight(pdf, row.map(shownText), layout, 'body'));
  const headerHeight = rowHeight(pdf, table.columns.map((c) => c.header), layout, 'bold');
  ensureRoom(pdf, tableStart(table, headerHeight, heights));
  const t = pdf.struct('Table');
  parent.add(t);
  pdf.moveDown(0.3);
  tagged(t, pdf, 'Caption', () => pdf.font('bold').fontSize(BODY_SIZE).fillColor(INK).text(table.caption, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) }));
  pdf.moveDown(0.3);
  const head = pdf.struct('THead');
  t.add(head);
  headerRow(pdf, table, layout, headerHeight, head);
  head.end();
  const body = pdf.struct('TBody');
  t.add(body);
  table.rows.forEach((row, r) => {
    const height = heights[r]!;
    if (pdf.y + height > bottom(pdf)) {
      pdf.addPage();
      // The caption and header again for a reader of the printed page; assistive technology already
      // has them once, so here they are pagination artifacts.
      pdf.markContent('Artifact', { type: 'Pagination' });
      pdf.font('bold').fontSize(BODY_SIZE).fillColor(INK).text(`${table.caption} (continued)`, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
      pdf.moveDown(0.3);
      headerRow(pdf, table, layout, headerHeight, null);
      pdf.endMarkedContent();
    }
    const y = pdf.y;
    const tr = pdf.struct('TR');
    body.add(tr);
    row.forEach((cell, i) => {
      const rating = cell.kind === 'rating' && cell.rating !== null ? ratingStyle(cell.rating) : null;
      cellBox(pdf, layout.x[i]!, y, layout.widths[i]!, height, rating === null ? null : `#${rating.fill}`);
      const align = table.columns[i]?.align ?? (cell.kind === 'number' ? 'right' : 'left');
      tr.add(pdf.struct('TD', {}, () => cellText(pdf, shownText(cell), layout.x[i]!, y, layout.widths[i]!, { bold: rating !== null, align, colour: rating === null ? INK : `#${rating.ink}` })));
    });
    tr.end();
    pdf.y = y + height;
  });
  body.end();
  t.end();
  pdf.x = pdf.page.margins.left;
  pdf.font('body').fontSize(BODY_SIZE).fillColor(INK).moveDown(1);
}

function figurePdf(ctx: Context, parent: Struct, figure: Figure): void {
  const { pdf } = ctx;
  const image = ctx.images.get(figure)!;
  const width = Math.min(contentWidth(pdf), image.width * 0.75);
  const height = (image.height * width) / image.width;
  ensureRoom(pdf, height + BODY_SIZE * 2);
  const x = pdf.page.margins.left;
  const y = pdf.y;
  tagged(parent, pdf, 'Figure', () => pdf.image(Buffer.from(image.png), x, y, { width, height }), { alt: figure.alt, bbox: [x, y, x + width, y + height] });
  pdf.x = x;
  pdf.y = y + height + BODY_SIZE;
  tablePdf(pdf, parent, figure.table);
}

/** Page numbers (and the draft mark) on every page, as pagination artifacts outside the structure. */
function pageFurniture(pdf: Pdf, doc: ReportDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const margins = pdf.page.margins;
    const width = pdf.page.width - margins.left - margins.right;
    // Writing in the bottom margin would otherwise start a new page.
    const savedBottom = margins.bottom;
    margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('body').fontSize(8.5).fillColor(GREY);
    pdf.text(`${doc.cover.title}, ${doc.cover.authority}`, margins.left, pdf.page.height - savedBottom + FOOTER_GAP - 12, { width, align: 'left', lineBreak: false });
    pdf.text(`Page ${i + 1} of ${range.count}`, margins.left, pdf.page.height - savedBottom + FOOTER_GAP - 12, { width, align: 'right', lineBreak: false });
    if (doc.cover.draft) pdf.font('bold').text(DRAFT, margins.left, margins.top - 30, { width, align: 'right', lineBreak: false });
    pdf.endMarkedContent();
    margins.bottom = savedBottom;
  }
}
