// A plan as spreadsheet tables (actions, status history, deadlines, updates, risks), written as CSV or an Excel workbook.
import type ExcelJS from 'exceljs';
import { currentDeadline, daysSinceUpdate, isOverdue, pendingProposals, slippage, statusAt } from '../domain/action-derived.ts';
import type { Brag } from '../domain/brag.ts';
import { isIsoDate } from '../domain/dates.ts';
import { NODE_KIND_LABELS, type ActionDocument, type NodeDocument, type PlanDocument, type PlanKind, type RiskDocument } from '../domain/plan-document.ts';
import { toCsv } from './csv.ts';

/**
 * How a column is written to a workbook. In the tables themselves dates stay ISO strings
 * (yyyy-mm-dd, or a full ISO date-time for `dateTime`) so the CSV is unambiguous in any locale.
 */
export type ColumnType = 'text' | 'longText' | 'number' | 'date' | 'dateTime' | 'brag';

export interface Column {
  /** Property name in a table row. */
  key: string;
  /** Heading in the CSV header row and on the worksheet. */
  header: string;
  type: ColumnType;
  /** Worksheet column width in characters. */
  width: number;
}

/** A cell: text, a whole number, or null where there is nothing to report (no date, no score). */
export type Cell = string | number | null;
export type Row<K extends string = string> = Record<K, Cell>;
type RowOf<C extends readonly Column[]> = Row<C[number]['key']>;

/** One row per action and sub-action, depth-first in document order. */
export const ACTION_COLUMNS = [
  { key: 'plan', header: 'Plan', type: 'text', width: 30 },
  /** Nodes from the top of the plan down: "Programme 6 › Area 2 › A"; an unnumbered node by its title. */
  { key: 'path', header: 'Path', type: 'longText', width: 30 },
  { key: 'number', header: 'Number', type: 'text', width: 9 },
  { key: 'title', header: 'Title', type: 'longText', width: 40 },
  { key: 'description', header: 'Description', type: 'longText', width: 60 },
  /** "Name, Role" per owner, joined "; ". */
  { key: 'owners', header: 'Owners', type: 'longText', width: 32 },
  { key: 'successMeasures', header: 'Success measures', type: 'longText', width: 50 },
  { key: 'outcome', header: 'Outcome', type: 'longText', width: 40 },
  /** Joined ", ". */
  { key: 'flags', header: 'Flags', type: 'text', width: 20 },
  /** "inspection 11; challenge 4". */
  { key: 'refs', header: 'References', type: 'text', width: 22 },
  /** Latest approved current status letter, or '' when none has been approved. */
  { key: 'status', header: 'Status', type: 'brag', width: 9 },
  { key: 'statusAsAt', header: 'Status as at', type: 'date', width: 12 },
  /** Latest approved forecast letter, or ''. */
  { key: 'forecast', header: 'Forecast', type: 'brag', width: 10 },
  /** The deadline set most recently. */
  { key: 'deadline', header: 'Deadline', type: 'date', width: 12 },
  /** The deadline set first. */
  { key: 'originalDeadline', header: 'Original deadline', type: 'date', width: 12 },
  { key: 'deadlineRevisions', header: 'Deadline revisions', type: 'number', width: 11 },
  /** Days from the original deadline to the current one; negative when brought forward. */
  { key: 'daysMoved', header: 'Days moved', type: 'number', width: 9 },
  /** 'yes' or 'no' against the as-of date. */
  { key: 'overdue', header: 'Overdue', type: 'text', width: 9 },
  { key: 'lastUpdate', header: 'Last update', type: 'date', width: 12 },
  { key: 'daysSinceUpdate', header: 'Days since update', type: 'number', width: 10 },
  /** Status letter of the newest proposal still waiting for approval, or ''. */
  { key: 'pendingProposal', header: 'Pending proposal', type: 'text', width: 10 },
] as const satisfies readonly Column[];

/** Every status entry of every action, approved or not. */
export const STATUS_COLUMNS = [
  { key: 'number', header: 'Number', type: 'text', width: 9 },
  { key: 'kind', header: 'Kind', type: 'text', width: 10 },
  { key: 'status', header: 'Status', type: 'brag', width: 9 },
  { key: 'asAt', header: 'As at', type: 'date', width: 12 },
  { key: 'reason', header: 'Reason', type: 'longText', width: 60 },
  { key: 'proposedBy', header: 'Proposed by', type: 'text', width: 22 },
  /** '' while the entry waits for approval. */
  { key: 'approvedBy', header: 'Approved by', type: 'text', width: 22 },
  { key: 'recordedAt', header: 'Recorded at', type: 'dateTime', width: 17 },
] as const satisfies readonly Column[];

export const DEADLINE_COLUMNS = [
  { key: 'number', header: 'Number', type: 'text', width: 9 },
  { key: 'date', header: 'Date', type: 'date', width: 12 },
  { key: 'reason', header: 'Reason', type: 'longText', width: 60 },
  { key: 'setBy', header: 'Set by', type: 'text', width: 22 },
  { key: 'setAt', header: 'Set at', type: 'dateTime', width: 17 },
] as const satisfies readonly Column[];

export const UPDATE_COLUMNS = [
  { key: 'number', header: 'Number', type: 'text', width: 9 },
  { key: 'date', header: 'Date', type: 'date', width: 12 },
  { key: 'author', header: 'Author', type: 'text', width: 22 },
  { key: 'body', header: 'Body', type: 'longText', width: 90 },
] as const satisfies readonly Column[];

export const RISK_COLUMNS = [
  { key: 'reference', header: 'Reference', type: 'text', width: 11 },
  { key: 'programme', header: 'Programme', type: 'text', width: 11 },
  { key: 'title', header: 'Title', type: 'longText', width: 40 },
  /** What would happen if the risk came about (text; the number is `impactScore`). */
  { key: 'impact', header: 'Impact', type: 'longText', width: 40 },
  { key: 'mitigation', header: 'Mitigation', type: 'longText', width: 50 },
  { key: 'owner', header: 'Owner', type: 'text', width: 22 },
  { key: 'reviewDate', header: 'Review date', type: 'date', width: 12 },
  { key: 'status', header: 'Status', type: 'text', width: 9 },
  /** From the latest score. */
  { key: 'likelihood', header: 'Likelihood', type: 'number', width: 10 },
  { key: 'impactScore', header: 'Impact score', type: 'number', width: 10 },
  /** Likelihood × impact of the latest score. */
  { key: 'score', header: 'Score', type: 'number', width: 8 },
  /** Likelihood × impact of the score before the latest, or null when the risk has been scored once. */
  { key: 'previousScore', header: 'Previous score', type: 'number', width: 10 },
  /** Numbers of the mitigating actions, joined ", ". */
  { key: 'actions', header: 'Actions', type: 'text', width: 20 },
] as const satisfies readonly Column[];

export type ActionRow = RowOf<typeof ACTION_COLUMNS>;
export type StatusRow = RowOf<typeof STATUS_COLUMNS>;
export type DeadlineRow = RowOf<typeof DEADLINE_COLUMNS>;
export type UpdateRow = RowOf<typeof UPDATE_COLUMNS>;
export type RiskRow = RowOf<typeof RISK_COLUMNS>;

export interface PlanTables {
  actions: ActionRow[];
  statuses: StatusRow[];
  deadlines: DeadlineRow[];
  updates: UpdateRow[];
  risks: RiskRow[];
}

const NODE_KIND_LABEL = NODE_KIND_LABELS;

const PLAN_KIND_LABEL: Record<PlanKind, string> = {
  sufficiency: 'Sufficiency',
  'corporate-parenting': 'Corporate parenting',
  cypp: 'Children and young people’s plan',
  improvement: 'Improvement',
  'task-group': 'Task group',
  other: 'Other',
};

/**
 * A node as it appears in a path. A node lettered within a parent of the same kind (area A within
 * Area 2) reads as its letter alone, the way plans write it; an unnumbered node reads as its title.
 */
function pathSegment(node: NodeDocument, parent: NodeDocument | null): string {
  if (node.number === '') return node.title;
  if (parent !== null && parent.kind === node.kind) return node.number;
  return `${NODE_KIND_LABEL[node.kind]} ${node.number}`;
}

const ownerText = (o: ActionDocument['owners'][number]): string => [o.name, o.role].filter((p) => p !== undefined).join(', ');

const latestDate = (dates: readonly string[]): string | null => dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);

function actionRow(plan: string, path: string, a: ActionDocument, asOf: string): ActionRow {
  const status = statusAt(a.statuses);
  const forecast = statusAt(a.statuses, undefined, 'forecast');
  const deadline = currentDeadline(a.deadlines);
  const original = a.deadlines.reduce<(typeof a.deadlines)[number] | null>((first, d) => (first === null || d.setAt < first.setAt ? d : first), null);
  const { revisions, daysMoved } = slippage(a.deadlines);
  const lastUpdate = latestDate(a.updates.map((u) => u.date));
  const pending = pendingProposals(a.statuses).at(-1);
  return {
    plan,
    path,
    number: a.number,
    title: a.title,
    description: a.description,
    owners: a.owners.map(ownerText).join('; '),
    successMeasures: a.successMeasures,
    outcome: a.outcome,
    flags: a.flags.join(', '),
    refs: a.refs.map((r) => `${r.kind} ${r.value}`).join('; '),
    status: status?.status ?? '',
    statusAsAt: status?.asAt ?? null,
    forecast: forecast?.status ?? '',
    deadline: deadline?.date ?? null,
    originalDeadline: original?.date ?? null,
    deadlineRevisions: revisions,
    daysMoved,
    overdue: isOverdue(deadline?.date ?? null, status?.status ?? null, asOf) ? 'yes' : 'no',
    lastUpdate,
    daysSinceUpdate: daysSinceUpdate(lastUpdate, asOf),
    pendingProposal: pending?.status ?? '',
  };
}

function riskRow(r: RiskDocument): RiskRow {
  // The schema insists on at least one score; the last is the current one.
  const current = r.scores.at(-1)!;
  const previous = r.scores.at(-2);
  return {
    reference: r.reference,
    programme: r.programme ?? '',
    title: r.title,
    impact: r.impact,
    mitigation: r.mitigation,
    owner: r.owner,
    reviewDate: r.reviewDate ?? null,
    status: r.status,
    likelihood: current.likelihood,
    impactScore: current.impact,
    score: current.likelihood * current.impact,
    previousScore: previous === undefined ? null : previous.likelihood * previous.impact,
    actions: r.actions.join(', '),
  };
}

function assertAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) throw new RangeError(`as-of date "${asOf}" must be a date written yyyy-mm-dd`);
}

/** The plan's tables as at a date (yyyy-mm-dd), which decides what is overdue and how long since an update. */
export function planTables(doc: PlanDocument, asOf: string): PlanTables {
  assertAsOf(asOf);
  const tables: PlanTables = { actions: [], statuses: [], deadlines: [], updates: [], risks: [] };
  const plan = doc.plan.title;

  const visitAction = (a: ActionDocument, path: string): void => {
    tables.actions.push(actionRow(plan, path, a, asOf));
    for (const s of a.statuses) {
      tables.statuses.push({
        number: a.number,
        kind: s.kind,
        status: s.status,
        asAt: s.asAt,
        reason: s.reason,
        proposedBy: s.proposedBy,
        approvedBy: s.approvedBy ?? '',
        recordedAt: s.recordedAt,
      });
    }
    for (const d of a.deadlines) tables.deadlines.push({ number: a.number, date: d.date, reason: d.reason, setBy: d.setBy, setAt: d.setAt });
    for (const u of a.updates) tables.updates.push({ number: a.number, date: u.date, author: u.author, body: u.body });
    for (const sub of a.subActions) visitAction(sub, path);
  };

  // A node's own actions come before those of the nodes beneath it, as the plan reads.
  const visitNode = (node: NodeDocument, parent: NodeDocument | null, parentPath: readonly string[]): void => {
    const path = [...parentPath, pathSegment(node, parent)];
    const joined = path.join(' › ');
    for (const a of node.actions) visitAction(a, joined);
    for (const child of node.children) visitNode(child, node, path);
  };

  for (const node of doc.plan.nodes) visitNode(node, null, []);
  tables.risks = doc.plan.risks.map(riskRow);
  return tables;
}

const cells = (row: Row, columns: readonly Column[]): Cell[] => columns.map((c) => row[c.key] ?? null);

/**
 * The actions table as CSV (RFC 4180: CRLF line ends, fields quoted where needed) with a header row
 * and a byte order mark, so Excel reads it as UTF-8. Text starting with =, +, -, @ is prefixed with
 * an apostrophe: Excel would otherwise run it as a formula, which matters for text typed by any user
 * and also stops "- " bullet lists opening as #NAME? errors.
 */
export function planToCsv(doc: PlanDocument, asOf: string): string {
  const { actions } = planTables(doc, asOf);
  return toCsv([ACTION_COLUMNS.map((c) => c.header), ...actions.map((row) => cells(row, ACTION_COLUMNS))], { forExcel: true });
}

const BRAG_FILL: Record<Brag, { fill: string; text: string }> = {
  B: { fill: 'FF1D70B8', text: 'FFFFFFFF' },
  R: { fill: 'FFD4351C', text: 'FFFFFFFF' },
  A: { fill: 'FFF47738', text: 'FF000000' },
  G: { fill: 'FF00703C', text: 'FFFFFFFF' },
};

const isBrag = (v: Cell): v is Brag => v === 'B' || v === 'R' || v === 'A' || v === 'G';

/** Excel has no time zones: a calendar date goes in as UTC midnight, which exceljs writes as that day. */
const excelDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

function excelValue(value: Cell, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'string' && type === 'date') return excelDate(value);
  if (typeof value === 'string' && type === 'dateTime') return new Date(value);
  return value;
}

function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Row[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    // Date-times are written in UTC, so the heading says so.
    header: c.type === 'dateTime' ? `${c.header} (UTC)` : c.header,
    width: c.width,
    style: {
      alignment: { vertical: 'top', wrapText: c.type === 'longText' },
      ...(c.type === 'date' ? { numFmt: DATE_FORMAT } : c.type === 'dateTime' ? { numFmt: DATE_TIME_FORMAT } : {}),
    },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };

  for (const row of rows) {
    const added = ws.addRow(columns.map((c) => excelValue(row[c.key] ?? null, c.type)));
    columns.forEach((c, i) => {
      const value = row[c.key] ?? null;
      if (c.type !== 'brag' || !isBrag(value)) return;
      const cell = added.getCell(i + 1);
      const colour = BRAG_FILL[value];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour.fill } };
      cell.font = { bold: true, color: { argb: colour.text } };
      cell.alignment = { vertical: 'top', horizontal: 'center' };
    });
  }
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

function addAboutSheet(wb: ExcelJS.Workbook, doc: PlanDocument, asOf: string): void {
  const ws = wb.addWorksheet('About');
  ws.columns = [
    { width: 22, style: { font: { bold: true }, alignment: { vertical: 'top' } } },
    { width: 80, style: { alignment: { vertical: 'top', wrapText: true, horizontal: 'left' } } },
  ];
  const { plan } = doc;
  const dateRow = (label: string, iso: string | undefined): void => {
    const row = ws.addRow([label, iso === undefined ? null : excelDate(iso)]);
    row.getCell(2).numFmt = DATE_FORMAT;
  };
  ws.addRow(['Plan', plan.title]);
  ws.addRow(['Slug', plan.slug]);
  ws.addRow(['Kind', PLAN_KIND_LABEL[plan.kind]]);
  dateRow('Period start', plan.periodStart);
  dateRow('Period end', plan.periodEnd);
  dateRow('Exported as at', asOf);
}

/**
 * The plan as an Excel workbook: an About sheet, then one sheet per table. Dates are real Excel
 * dates and each status is filled in its BRAG colour (the letter stays, so it reads without colour).
 */
export async function planToXlsx(doc: PlanDocument, asOf: string): Promise<Buffer> {
  const tables = planTables(doc, asOf);
  // exceljs is large: load it only when a workbook is asked for.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Parentis';
  wb.title = doc.plan.title;
  addAboutSheet(wb, doc, asOf);
  addTableSheet(wb, 'Actions', ACTION_COLUMNS, tables.actions);
  addTableSheet(wb, 'Status history', STATUS_COLUMNS, tables.statuses);
  addTableSheet(wb, 'Deadlines', DEADLINE_COLUMNS, tables.deadlines);
  addTableSheet(wb, 'Updates', UPDATE_COLUMNS, tables.updates);
  addTableSheet(wb, 'Risks', RISK_COLUMNS, tables.risks);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
