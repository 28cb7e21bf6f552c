// Trackers made the way councils make them, in real Word and Excel files, for the plan import's tests.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';

/** One paragraph a line; "- " lines become bulleted paragraphs. */
function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) =>
    line.startsWith('- ') ? new Paragraph({ text: line.slice(2), bullet: { level: 0 } }) : new Paragraph({ children: [new TextRun(line)] }),
  );
}

type DocCell = string | { text: string; span?: number; merge?: 'restart' | 'continue' };

function docRow(cells: DocCell[], header = false): TableRow {
  return new TableRow({
    tableHeader: header,
    children: cells.map((c) => {
      const cell = typeof c === 'string' ? { text: c } : c;
      return new TableCell({
        children: paragraphs(cell.text),
        ...(cell.span ? { columnSpan: cell.span } : {}),
        ...(cell.merge ? { verticalMerge: cell.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
      });
    }),
  });
}

export async function docxFile(blocks: ({ heading: string } | { paragraph: string } | { rows: DocCell[][] })[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    if ('heading' in b) return new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_2 });
    if ('paragraph' in b) return new Paragraph({ children: [new TextRun(b.paragraph)] });
    return new Table({ rows: b.rows.map((r, i) => docRow(r, i === 0)) });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const HEADER_001 = ['Action Health and Wellbeing -', 'Action Owner', 'Timescales', 'Progress update / Plans', 'RAG'];

/**
 * Shaped like seed 001's task-group work plans: numbered sub-actions, several owners, revised dates, dated updates,
 * RAG. `later` is next quarter's copy: 1.5 revised again, with a new update and a new RAG.
 */
export function seed001Document(later = false): Promise<Buffer> {
  return docxFile([
    { heading: 'Task group 1: Health and wellbeing' },
    {
      rows: [
        HEADER_001,
        [
          '1.2 Data re health assessments of children and young people to be analysed to identify metrics for children placed out of county.',
          'Operational Manager Public Health West Jenny Thompson / CLA Nurse Specialist Angela Reece',
          '07.08.2017',
          'Update 12.09.2017: Dataset meetings held to review health assessment data for CLA.\nMetrics changed to include outstanding health assessments.',
          'G',
        ],
        [
          '1.5 Timeliness of out of county health assessments is strengthened',
          'Designated Nurse SGC and CLA Maria Davis',
          later ? '01.02.2018 01.06.2018 01.09.2018' : '01.02.2018 01.06.2018',
          `Update 3.11.17: Concerns escalated to NHS England. Update 05.03.18: Meeting held with Designated Leads within Dorset CCG.${later ? ' Update 20.04.18: Escalation protocol agreed with NHS England.' : ''}`,
          later ? 'A' : 'R',
        ],
      ],
    },
    { paragraph: 'Appendix 2 continued' },
    {
      rows: [
        HEADER_001,
        [
          '1.6 Increase opportunities for children looked after and care leavers to get involved in the work of the sub group.',
          'Strategic Manager, Children Looked After & Leaving Care Services Julie Skorupka / Participation Officer Lesley Corrin',
          'March 2018 revised to June 2018',
          'Update 7.12.2017: SiCC and SLCC to decide how they would like to engage.\nUpdate 09.02.18: SiCC and SLCC are reviewing the leaflet.',
          'B - On track',
        ],
      ],
    },
  ]);
}

export interface SheetSpec {
  name: string;
  /** Rows from row 1; undefined leaves a row empty. */
  rows: (ExcelJS.CellValue[] | undefined)[];
  merges?: string[];
  hiddenColumns?: number[];
}

export async function xlsxFile(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      if (r) ws.getRow(i + 1).values = r;
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Shaped like seed 000's sufficiency action plan, with a title row, themes in merged rows and a hidden notes column. */
export function seed000Workbook(): Promise<Buffer> {
  return xlsxFile([
    {
      name: 'Action plan',
      rows: [
        ['Sufficiency Statement 2016-2019: Action Plan'],
        undefined,
        ['', 'Actions', 'Relevant Challenge in Sufficiency Statement', 'Action owner', 'Success measures', 'BRAG Status (July 2017)', 'Progress commentary', 'Notes'],
        ['Child Sexual Exploitation (CSE)'],
        [
          1,
          'Commission a specialist CSE service in Avon and Somerset.',
          '',
          'Louise Palmer, Strategic Commissioner',
          'Incidences of CSE are reduced.',
          'Green',
          '- A competitive tendering process has recently been completed.\n- The new service will commence on 1 October 2017.',
          'internal note',
        ],
        undefined,
        ['Commissioning'],
        [2, 'Commitment to market development activity.', 'Challenge 4', 'Head of Placements / Commissioning Manager', 'Increased engagement with providers.', 'A', 'Programme of visits to fostering providers booked.', ''],
        [3, 'Produce and deliver a new Quality in Care framework.', 'Challenge 4; Challenge 5', 'Louise Palmer, Strategic Commissioner', 'Framework in place by March 2018.', 'Complete', '', ''],
      ],
      merges: ['A1:H1', 'A4:H4', 'A7:H7'],
      hiddenColumns: [8],
    },
  ]);
}

const HEADER_002 = ['Ofsted 2017 Recommendation number', 'Action', 'Action Owner', 'Deadline for Completion', 'BRAG rating', 'Key Performance Indicators', 'Outcome'];

/** Shaped like seed 002's programme action plan: headings with leads, lettered sub-items with their own deadlines, staged KPI targets. */
export function seed002Document(): Promise<Buffer> {
  return docxFile([
    { paragraph: 'CYPP, Programme 6, Action Plan 2018/19 - FINAL MAY' },
    { paragraph: '1. Increase the capacity of the leadership team so that the pace of change can be accelerated' },
    { paragraph: "Lead: HR Director and Deputy Director Children's Services" },
    {
      rows: [
        HEADER_002,
        [
          '1',
          'Review senior management structure and roles a) Embed the leadership competency framework at all staff levels b) Consult with the workforce about flexible ways of working',
          "Deputy Director Children's Services",
          'a) 30th June 2018 b) 30th September 2018',
          'G',
          '',
          'A stable leadership team',
        ],
        ['2 and 3', 'Revise the Strategic QA Framework', 'Strategic Manager Partnerships, Audit and Quality', '1st April 2018', 'Amber', '', ''],
      ],
    },
    { paragraph: '2. Improve the consistency of social work practice' },
    { paragraph: "Lead: Deputy Director Children's Services" },
    {
      rows: [
        HEADER_002,
        [{ text: 'A. Permanence planning Lead: Strategic Manager Children Looked After and Leaving Care', span: 7 }],
        ['10', 'Support families on the edge of legal proceedings to care for their children', 'Strategic Manager Assessment and Safeguarding/ OM Sedgmoor', '1st May 2018', 'R', '', ''],
        [
          '12',
          "Ensure that children's initial health assessments are timely",
          'Chair Corporate Parenting Board sub group for Health and Emotional Well being',
          'Incremental during 2018/19 - see KPIs for targets',
          'A',
          'June 2018 - 80% of IHAs are completed on time December 2018 - 90% of IHAs are completed on time March 2019 - 95% of IHAs are completed on time',
          '',
        ],
      ],
    },
  ]);
}

/** A tracker as they arrive: a title row, an empty row, a hidden column, a lookup sheet, Excel day numbers, dates typed five ways. */
export function messyWorkbook(): Promise<Buffer> {
  return xlsxFile([
    {
      name: 'Lookups',
      rows: [
        ['Code', 'Meaning'],
        ['R', 'Off track'],
      ],
    },
    {
      name: 'Tracker Q3',
      rows: [
        ['Fostering recruitment tracker', '', '', '', '', ''],
        undefined,
        ['Ref', 'Action', 'Lead officer', 'Internal notes', 'Target date', 'RAG'],
        ['1', 'Launch the carers campaign', 'Head of Fostering', 'do not publish', 43190, 'R'],
        undefined,
        ['2', 'Run four information evenings', 'Fostering Team Manager', '', '12/09/2018', 'Amber'],
        ['3', 'Train the new assessors', 'Fostering Team Manager', '', '12.10.18', 'Green'],
        ['4', 'Review the fees and allowances', 'Head of Fostering', '', '2018-11-30', 'Blue'],
        ['5', 'Publish the local offer', 'Head of Fostering', '', '5 December 2018', 'Complete'],
        ['6', 'Report to the board', 'Head of Fostering', '', 'Jan-19', 'A/G'],
        ['7', 'Evaluate the campaign', 'Head of Fostering', '', new Date(Date.UTC(2019, 2, 29)), 'g'],
      ],
      hiddenColumns: [4],
    },
  ]);
}
