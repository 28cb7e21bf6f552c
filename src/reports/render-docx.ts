// A board report as a Word document: real heading styles, the title and language in the file, table
// header rows repeated on every page, ratings shaded beside their word, charts with alternative text,
// and page numbers in the footer.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as WordTable,
  TableCell as WordCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type HeadingLevel,
  type ParagraphChild,
} from 'docx';
import type { Block, Figure, Inline, ReportDocument, Section, Table, TableCell } from './model.ts';
import { coverLines, figureImage, fitColumns, headingLevel, ratingStyle, ratingText, shownText } from './render-common.ts';

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const FONT = 'Arial';
const INK = '0B0C0C';
/** A4 with 2.54 cm margins leaves 6.27 inches: the widest a chart is drawn, in pixels at 96 to the inch. */
const CONTENT_WIDTH_PX = 600;
const DRAFT = 'Draft — not yet reported';

/** The report as a .docx file. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const body: FileChild[] = [...coverParagraphs(doc)];
  for (const s of doc.sections) body.push(...(await sectionChildren(s, 1)));
  const word = new Document({
    title: doc.cover.title,
    subject: doc.cover.reported,
    creator: 'Parentis',
    description: `${doc.cover.title}, ${doc.cover.authority}, ${doc.cover.asAt}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: INK, language: { value: doc.language } } },
        ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`heading${n}`, { run: { font: FONT, color: INK, bold: true, size: [40, 32, 26, 24, 22, 22][n - 1] }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } }])),
      },
    },
    sections: [
      {
        headers: doc.cover.draft ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: DRAFT, bold: true })] })] }) } : {},
        footers: { default: pageFooter(doc) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(word);
}

function pageFooter(doc: ReportDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun(`${doc.cover.title}, ${doc.cover.authority} — page `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

function coverParagraphs(doc: ReportDocument): Paragraph[] {
  const [authority, ...rest] = coverLines(doc);
  return [
    new Paragraph({ children: [new TextRun({ text: authority ?? '', size: 28 })] }),
    heading(doc.cover.title, headingLevel(0)),
    ...rest.map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, size: 28, bold: line === DRAFT })] })),
  ];
}

const heading = (text: string, level: number, pageBreakBefore = false): Paragraph =>
  new Paragraph({ heading: `Heading${level}` as Heading, pageBreakBefore, children: [new TextRun(text)] });

async function sectionChildren(section: Section, depth: number): Promise<FileChild[]> {
  const out: FileChild[] = [heading(section.heading, headingLevel(depth), section.pageBreakBefore === true)];
  for (const block of section.blocks) out.push(...(await blockChildren(block, depth)));
  return out;
}

async function blockChildren(block: Block, depth: number): Promise<FileChild[]> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(block.content) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case 'table':
      return tableChildren(block);
    case 'figure':
      return figureChildren(block);
    case 'section':
      return sectionChildren(block, depth + 1);
  }
}

const runs = (content: readonly Inline[]): ParagraphChild[] =>
  content.map((c) => (typeof c === 'string' ? new TextRun(c) : new TextRun({ text: c.text, bold: c.strong === true })));

/** Twips across A4 between 2.54 cm margins. */
const CONTENT_WIDTH_TWIPS = 9026;
const TABLE_RUN_SIZE = 20;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/**
 * Column widths from the weights, no column narrower than its longest word. Word has no font
 * metrics to ask here, so a character of Arial at 10 pt counts as 6 points (120 twips) and a bold
 * one as 6.5, which Arial's widest lower-case letters and digits stay within.
 */
function columnWidths(table: Table): number[] {
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => w.length));
  const least = table.columns.map((c, i) =>
    Math.min(CONTENT_WIDTH_TWIPS / 3, Math.max(longest([c.header]) * 130, longest(table.rows.map((r) => (r[i] === undefined ? '' : shownText(r[i])))) * 120) + CELL_MARGINS.left + CELL_MARGINS.right + 40),
  );
  return fitColumns(CONTENT_WIDTH_TWIPS, table.columns.map((c) => c.width ?? 1), least).map(Math.floor);
}

function tableChildren(table: Table): FileChild[] {
  const widths = columnWidths(table);
  const right = (i: number): boolean => table.columns[i]?.align === 'right';
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => new WordCell({ width: { size: widths[i]!, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' }, children: [cellParagraph([new TextRun({ text: c.header, bold: true, size: TABLE_RUN_SIZE })], right(i))] })),
  });
  const rows = table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((cell, i) => wordCell(cell, right(i) || cell.kind === 'number', widths[i]!)) }));
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: table.caption, bold: true })] }),
    new WordTable({
      width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      margins: CELL_MARGINS,
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

const cellParagraph = (children: ParagraphChild[], right: boolean): Paragraph =>
  new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children });

function wordCell(cell: TableCell, right: boolean, width: number): WordCell {
  const size = { size: width, type: WidthType.DXA };
  if (cell.kind === 'rating' && cell.rating !== null) {
    const style = ratingStyle(cell.rating);
    return new WordCell({
      width: size,
      shading: { type: ShadingType.CLEAR, fill: style.fill, color: 'auto' },
      children: [cellParagraph([new TextRun({ text: ratingText(cell), bold: true, color: style.ink, size: TABLE_RUN_SIZE })], right)],
    });
  }
  // A cell's lines are paragraphs of their own; an empty cell still needs one.
  const lines = cell.kind === 'lines' ? cell.lines : [shownText(cell)];
  return new WordCell({ width: size, children: (lines.length > 0 ? lines : ['']).map((l) => cellParagraph([new TextRun({ text: l, size: TABLE_RUN_SIZE })], right)) });
}

async function figureChildren(figure: Figure): Promise<FileChild[]> {
  const image = await figureImage(figure);
  const scale = Math.min(1, CONTENT_WIDTH_PX / image.width);
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          altText: { name: figure.chart.title, title: figure.chart.title, description: figure.alt },
        }),
      ],
    }),
    ...tableChildren(figure.table),
  ];
}
