// Turns a tracker's tables, read through a column mapping, into a plan document: themes, numbered actions and
// sub-actions, owners, deadline history, BRAG history and dated updates — with every problem located.
import {
  issuePath,
  planDocumentSchema,
  type ActionDocumentInput,
  type NodeDocumentInput,
  type PlanDocumentInput,
  type PlanKind,
} from '../domain/plan-document.ts';
import type { ImportProblem, SourceCell, SourceFile, SourceRow, SourceTable } from './model.ts';
import { columnName, FIELD_LABEL, type Field, type TrackerMapping } from './recognise.ts';
import { cleanNumber, excelSerialDate, leadingNumber, parseOwners, parseStatus, parseTimescales, parseUpdates } from './values.ts';

export interface PlanDetails {
  slug: string;
  title: string;
  kind: PlanKind;
}

export interface BuildOptions {
  /** Who is importing: recorded as the setter of deadlines and statuses. */
  importedBy: string;
  /** When: yyyy-mm-ddThh:mm:ssZ. */
  importedAt: string;
}

/** One action as Parentis will store it, for the preview. */
export interface PreviewRow {
  table: string;
  line: number;
  theme: string;
  number: string;
  title: string;
  owners: string;
  deadlines: string[];
  status: string;
  updates: number;
}

export interface BuildResult {
  document: PlanDocumentInput;
  problems: ImportProblem[];
  preview: PreviewRow[];
  actions: number;
}

interface Located {
  table: SourceTable;
  row: SourceRow;
}

/** The index of each mapped column in one table, found by its header (or letter) as the mapping names it. */
function columnIndexes(table: SourceTable, headers: string[], mapping: TrackerMapping, problems: ImportProblem[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const [field, name] of Object.entries(mapping.columns) as [Field, string][]) {
    let i = headers.findIndex((h) => norm(h) === norm(name));
    if (i === -1 && table.letters) i = table.letters.indexOf(name.toUpperCase());
    if (i === -1 && /^column \d+$/i.test(name)) i = Number(name.slice(7)) - 1;
    if (i === -1) {
      problems.push({ severity: 'error', table: table.name, line: mapping.headerLine, message: `no column "${name}" for ${FIELD_LABEL[field].toLowerCase()}` });
    } else out[field] = i;
  }
  return out;
}

const lastDate = (dates: (string | null)[]): string | undefined => dates.filter((d): d is string => d !== null).sort().at(-1);

/** A deadline cell's dates: real dates and day numbers from a spreadsheet, or the dates written in its text. */
function cellDates(cell: SourceCell | undefined): { dates: string[]; leftOver: string } {
  if (!cell || cell.text === '') return { dates: [], leftOver: '' };
  if (cell.date) return { dates: [cell.date], leftOver: '' };
  if (cell.number !== undefined) {
    const d = excelSerialDate(cell.number);
    return d ? { dates: [d], leftOver: '' } : { dates: [], leftOver: cell.text };
  }
  return parseTimescales(cell.text);
}

export function buildPlan(file: SourceFile, mapping: TrackerMapping, plan: PlanDetails, options: BuildOptions): BuildResult {
  const problems: ImportProblem[] = [];
  const preview: PreviewRow[] = [];
  const nodes: NodeDocumentInput[] = [];
  const seen = new Map<string, Located>();
  const importedOn = options.importedAt.slice(0, 10);
  let actions = 0;
  let autoNumber = 0;
  let undatedWarned = false;

  const tables = mapping.tables.map((n) => {
    const t = file.tables.find((x) => x.index === n);
    if (!t) problems.push({ severity: 'error', message: `${file.name} has no table ${n}: it has ${file.tables.length}` });
    return t;
  });

  let node: NodeDocumentInput | undefined;
  const themeNode = (title: string): NodeDocumentInput => {
    const existing = nodes.find((n) => n.title === title);
    if (existing) return existing;
    const n: NodeDocumentInput = { kind: 'theme', number: String(nodes.length + 1), title, actions: [] };
    nodes.push(n);
    return n;
  };

  for (const table of tables) {
    if (!table) continue;
    const headerRow = table.rows.find((r) => r.line === mapping.headerLine);
    if (!headerRow) {
      problems.push({ severity: 'error', table: table.name, message: `has no row ${mapping.headerLine} to read the header from` });
      continue;
    }
    const headers = headerRow.cells.map((c) => c.text);
    const col = columnIndexes(table, headers, mapping, problems);
    if (col.action === undefined) continue;
    const cell = (row: SourceRow, f: Field): SourceCell | undefined => (col[f] === undefined ? undefined : row.cells[col[f]]);
    const text = (row: SourceRow, f: Field): string => cell(row, f)?.text ?? '';
    const where = (row: SourceRow, f: Field) => ({ table: table.name, line: row.line, column: columnName(table, headers, col[f]!) });
    const headerText = headers.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase()).join('|');
    if (!node && table.heading && mapping.tables.length === 1) node = themeNode(table.heading);
    let lastTop: ActionDocumentInput | undefined;

    for (const row of table.rows) {
      if (row.line <= mapping.headerLine) continue;
      // A document repeats the header on each page's table, sometimes inside one table too.
      if (row.cells.map((c) => c.text.replace(/\s+/g, ' ').trim().toLowerCase()).join('|') === headerText) continue;
      const filled = row.cells.filter((c) => c.text !== '');
      const actionText = text(row, 'action');
      const numberText = text(row, 'number');
      // A heading row: one cell across the row, or a lone cell that is not a number, with no action in it.
      if (row.spansRow || (filled.length === 1 && cleanNumber(filled[0]!.text) === null && (actionText === '' || filled[0]!.text === actionText) && !leadingNumber(filled[0]!.text))) {
        node = themeNode(filled[0]!.text.replace(/\s+/g, ' ').trim());
        lastTop = undefined;
        continue;
      }
      if (actionText === '') {
        if (filled.length > 0) problems.push({ severity: 'warning', table: table.name, line: row.line, message: 'has no action text: the row is left out' });
        continue;
      }
      const theme = text(row, 'theme');
      if (theme) node = themeNode(theme.replace(/\s+/g, ' ').trim());
      node ??= themeNode(table.heading ?? plan.title);

      // The number: its own column, else the start of the action's text ("1.2 Data re …").
      let number = cleanNumber(numberText);
      let body = actionText;
      const lead = leadingNumber(actionText);
      if (number === null && lead) {
        number = lead.number;
        body = lead.rest;
      } else if (number !== null && lead && lead.number === number) body = lead.rest;
      if (numberText !== '' && cleanNumber(numberText) === null) {
        problems.push({ severity: 'error', ...where(row, 'number'), message: `"${numberText}" is not an action number (like 4, 1.4, 2a or 3.2.1)` });
      }
      if (number === null) {
        autoNumber += 1;
        number = String(autoNumber);
        problems.push({ severity: 'warning', table: table.name, line: row.line, message: `has no action number: numbered ${number}` });
      } else if (/^\d+$/.test(number)) autoNumber = Math.max(autoNumber, Number(number));
      const paragraphs = body.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      const title = paragraphs[0] ?? body;

      const owners = parseOwners(text(row, 'owner'));
      if (owners.length === 0) {
        if (mapping.defaultOwner) owners.push(...parseOwners(mapping.defaultOwner));
        else problems.push({ severity: 'error', ...(col.owner !== undefined ? where(row, 'owner') : { table: table.name, line: row.line }), message: 'no owner: every action needs one (or give a default owner)' });
      }

      // Deadlines: the first date set, then each revision, oldest first.
      const first = cellDates(cell(row, 'deadline'));
      const revised = cellDates(cell(row, 'revisedDeadline'));
      for (const [f, d] of [
        ['deadline', first],
        ['revisedDeadline', revised],
      ] as const) {
        if (d.leftOver !== '' && !/^(ongoing|tbc|tba|n\/?a|various|monthly|quarterly|annually|annual|weekly|termly|complete(d)?)$/i.test(d.leftOver)) {
          problems.push({ severity: 'error', ...where(row, f), message: `'${cell(row, f)!.text}' is not a date` });
        }
      }
      const dates = [...first.dates, ...revised.dates];
      const deadlines = dates.map((date, i) => ({
        date,
        reason: i === 0 ? 'as first set in the tracker' : 'revised in the tracker',
        setBy: options.importedBy,
        setAt: options.importedAt,
      }));

      const updates = parseUpdates(text(row, 'progress'));
      const status = parseStatus(text(row, 'status'));
      if (status.note) problems.push({ severity: status.status === null ? 'error' : 'warning', ...where(row, 'status'), message: status.note });
      const statusAsAt = mapping.statusAsAt ?? lastDate(updates.map((u) => u.date)) ?? importedOn;
      const author = owners[0]?.name ?? owners[0]?.role ?? options.importedBy;
      const undatedOn = mapping.undatedUpdatesOn ?? mapping.statusAsAt ?? importedOn;
      if (updates.some((u) => u.date === null) && !mapping.undatedUpdatesOn && !undatedWarned) {
        undatedWarned = true;
        problems.push({ severity: 'warning', table: table.name, line: row.line, message: `progress written without a date is filed at ${undatedOn}` });
      }
      const refs = text(row, 'ref')
        .split(/\s*[,;\n]\s*|\s+and\s+/)
        .map((r) => r.trim())
        .filter(Boolean)
        .map((value) => ({ kind: mapping.refKind ?? 'tag', value }));

      const action: ActionDocumentInput = {
        number,
        title,
        description: paragraphs.slice(1).join('\n\n'),
        owners: owners.map((o) => ({ ...(o.name ? { name: o.name } : {}), ...(o.role ? { role: o.role } : {}) })),
        successMeasures: text(row, 'successMeasures'),
        outcome: text(row, 'outcome'),
        refs,
        deadlines,
        statuses: status.status
          ? [{ status: status.status, asAt: statusAsAt, reason: 'as reported in the tracker', proposedBy: author, approvedBy: options.importedBy, recordedAt: options.importedAt }]
          : [],
        updates: updates.map((u) => ({ date: u.date ?? undatedOn, author, body: u.body })),
        subActions: [],
      };

      const located = { table, row };
      const clash = seen.get(number);
      if (clash) {
        problems.push({ severity: 'error', table: table.name, line: row.line, message: `action number ${number} is used twice (also ${clash.table.name}, row ${clash.row.line})` });
      }
      seen.set(number, located);

      // Sub-actions: "1.2" under action "1" when there is one, and lettered rows under the action before them.
      const parentNumber = /^[a-z]$/.test(number) ? lastTop?.number : number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : undefined;
      const parent = /^[a-z]$/.test(number) ? lastTop : parentNumber ? node.actions?.find((a) => a.number === parentNumber) : undefined;
      if (parent) (parent.subActions ??= []).push(action);
      else {
        (node.actions ??= []).push(action);
        lastTop = action;
      }
      actions += 1;
      preview.push({
        table: table.name,
        line: row.line,
        theme: node.title,
        number,
        title,
        owners: action.owners.map((o) => [o.name, o.role].filter(Boolean).join(', ')).join('; '),
        deadlines: dates,
        status: status.status ?? '',
        updates: updates.length,
      });
    }
  }

  if (actions === 0 && !problems.some((p) => p.severity === 'error')) problems.push({ severity: 'error', message: `${file.name}: no actions found in the tables chosen` });

  const document: PlanDocumentInput = {
    format: 'parentis.plan',
    formatVersion: 1,
    plan: { slug: plan.slug, title: plan.title, kind: plan.kind, status: 'active', nodes },
  };
  // The document's own rules, located back at the rows they came from.
  if (!problems.some((p) => p.severity === 'error')) {
    const parsed = planDocumentSchema.safeParse(document);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ severity: 'error', message: `${issuePath(issue.path)}: ${issue.message}` });
    }
  }
  return { document, problems, preview, actions };
}
