// Turns a tracker's tables, read through a column mapping, into a plan document: themes and areas, numbered
// actions and sub-actions, owners, deadline history, BRAG history, KPIs and dated updates — every problem located.
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
import {
  cleanNumber,
  excelSerialDate,
  leadingNumber,
  letteredParts,
  parseHeading,
  parseOwners,
  parseStatus,
  parseTimescales,
  parseUpdates,
  stagedTargets,
} from './values.ts';

export interface PlanDetails {
  slug: string;
  title: string;
  kind: PlanKind;
}

export interface BuildOptions {
  /** Who is importing: recorded as the setter of deadlines and the approver of statuses. */
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

/** Words a timescale cell may hold instead of a date: no deadline, and nothing wrong. */
const NOT_A_DEADLINE = /^(ongoing|on-going|tbc|tba|n\/?a|various|monthly|quarterly|annually|annual|weekly|termly|complete(d)?|in place|continuous|as required)$/i;

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

const latest = (dates: (string | null)[]): string | undefined => dates.filter((d): d is string => d !== null).sort().at(-1);

interface Timescale {
  dates: string[];
  /** The cell's words when its dates are milestones rather than revisions. */
  note?: string;
  /** Words with no date in them. */
  leftOver: string;
}

/** A deadline cell's dates: real dates and day numbers from a spreadsheet, or the dates written in its text. */
function cellDates(cell: SourceCell | undefined): Timescale {
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
  const seen = new Map<string, { table: SourceTable; row: SourceRow }>();
  const importedOn = options.importedAt.slice(0, 10);
  let actions = 0;
  let autoNumber = 0;
  let undatedWarned = false;

  const tables = mapping.tables.map((n) => {
    const t = file.tables.find((x) => x.index === n);
    if (!t) problems.push({ severity: 'error', message: `${file.name} has no table ${n}: it has ${file.tables.length}` });
    return t;
  });

  // Headings make the tree: "2. Improve …" a top-level node, "A. Permanence planning" an area within it.
  let top: NodeDocumentInput | undefined;
  let node: NodeDocumentInput | undefined;
  const headingNode = (text: string): NodeDocumentInput => {
    const h = parseHeading(text);
    const lettered = /^[A-Z]$/.test(h.number) && top !== undefined;
    const siblings = lettered ? (top!.children ??= []) : nodes;
    let n = siblings.find((x) => x.title === h.title && (x.number ?? '') === (h.number || (x.number ?? '')));
    if (!n) {
      n = { kind: lettered ? 'area' : 'theme', number: h.number || String(siblings.length + 1), title: h.title, ...(h.lead ? { lead: h.lead } : {}), actions: [] };
      siblings.push(n);
    }
    if (!lettered) top = n;
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
    if (table.heading) node = headingNode(table.heading);
    let lastTop: ActionDocumentInput | undefined;
    let unnumbered = 0;

    for (const row of table.rows) {
      if (row.line <= mapping.headerLine) continue;
      // A document repeats the header on each page's table, sometimes inside one table too.
      if (row.cells.map((c) => c.text.replace(/\s+/g, ' ').trim().toLowerCase()).join('|') === headerText) continue;
      const filled = row.cells.filter((c) => c.text !== '');
      const actionText = text(row, 'action');
      // A heading row: one cell across the row, or a lone cell that is not a number, with no action in it.
      const lone = filled.length === 1 ? filled[0]!.text : undefined;
      // A lone "1.2 Data re …" in the action column is an action that lacks its other cells, not a heading.
      if (row.spansRow || (lone !== undefined && cleanNumber(lone) === null && (lone !== actionText || !leadingNumber(lone)))) {
        node = headingNode(filled[0]!.text);
        lastTop = undefined;
        continue;
      }
      if (actionText === '') {
        if (filled.length > 0) problems.push({ severity: 'warning', table: table.name, line: row.line, message: 'has no action text: the row is left out' });
        continue;
      }
      const theme = text(row, 'theme');
      if (theme) node = headingNode(theme);
      node ??= headingNode(table.caption ?? plan.title);

      // The number: its own column, else the start of the action's text ("1.2 Data re …").
      const numberText = text(row, 'number');
      let number = cleanNumber(numberText);
      let body = actionText;
      const lead = leadingNumber(actionText);
      if (number === null && lead && !/^[a-z]$/.test(lead.number)) {
        number = lead.number;
        body = lead.rest;
      } else if (number !== null && lead && lead.number === number) body = lead.rest;
      if (numberText !== '' && cleanNumber(numberText) === null) {
        problems.push({ severity: 'error', ...where(row, 'number'), message: `"${numberText}" is not an action number (like 4, 1.4, 2a or 3.2.1)` });
      }
      if (number === null) {
        autoNumber += 1;
        number = String(autoNumber);
        unnumbered += 1;
      } else if (/^\d+$/.test(number)) autoNumber = Math.max(autoNumber, Number(number));

      // Lettered parts of one cell ("a) Embed … b) Consult …") are sub-actions, each with its own deadline.
      const lettered = letteredParts(body);
      const mainText = lettered && lettered.intro !== '' ? lettered.intro : lettered ? lettered.parts[0]!.text : body;
      const paragraphs = mainText.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      const title = paragraphs[0] ?? mainText;

      const owners = parseOwners(text(row, 'owner'));
      if (owners.length === 0) {
        if (mapping.defaultOwner) owners.push(...parseOwners(mapping.defaultOwner));
        else problems.push({ severity: 'error', ...(col.owner !== undefined ? where(row, 'owner') : { table: table.name, line: row.line }), message: 'no owner: every action needs one (or give a default owner)' });
      }
      const ownerDocs = owners.map((o) => ({ ...(o.name ? { name: o.name } : {}), ...(o.role ? { role: o.role } : {}) }));

      // Deadlines: the first date set, then each revision, oldest first.
      const deadlineParts = col.deadline !== undefined && lettered ? letteredParts(text(row, 'deadline')) : null;
      const first = deadlineParts ? { dates: [], leftOver: '' } : cellDates(cell(row, 'deadline'));
      const revised = cellDates(cell(row, 'revisedDeadline'));
      for (const [f, d] of [
        ['deadline', first],
        ['revisedDeadline', revised],
      ] as const) {
        if (d.dates.length > 0 || d.leftOver === '' || NOT_A_DEADLINE.test(d.leftOver)) continue;
        // Words that try to be a date ("Sprung 2018") are wrong; a sentence without one ("see KPIs") is no deadline.
        if (/\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter/i.test(d.leftOver)) {
          problems.push({ severity: 'error', ...where(row, f), message: `'${cell(row, f)!.text}' is not a date` });
        } else problems.push({ severity: 'warning', ...where(row, f), message: `'${cell(row, f)!.text}' has no date: no deadline is set` });
      }
      const dates = [...first.dates, ...revised.dates];
      const deadline = (date: string, i: number, note?: string) => ({
        date,
        reason: `${i === 0 ? 'as first set in the tracker' : 'revised in the tracker'}${note ? `: ${note}` : ''}`,
        setBy: options.importedBy,
        setAt: options.importedAt,
      });
      const deadlines = dates.map((d, i) => deadline(d, i, i === 0 ? first.note : undefined));

      const updates = parseUpdates(text(row, 'progress'));
      const status = parseStatus(text(row, 'status'));
      if (status.note) problems.push({ severity: status.status === null ? 'error' : 'warning', ...where(row, 'status'), message: status.note });
      const statusAsAt = mapping.statusAsAt ?? latest(updates.map((u) => u.date)) ?? importedOn;
      const author = owners[0]?.name ?? owners[0]?.role ?? options.importedBy;
      const undatedOn = mapping.undatedUpdatesOn ?? mapping.statusAsAt ?? importedOn;
      if (updates.some((u) => u.date === null) && !mapping.undatedUpdatesOn && !undatedWarned) {
        undatedWarned = true;
        problems.push({ severity: 'warning', table: table.name, line: row.line, message: `progress written without a date is filed at ${undatedOn}` });
      }
      const refs = text(row, 'ref')
        .split(/\s*[,;\n]\s*|\s+and\s+|\s*&\s*/)
        .map((r) => r.trim())
        .filter(Boolean)
        .map((value) => ({ kind: mapping.refKind ?? 'tag', value }));
      const kpiText = text(row, 'kpi');
      const targets = stagedTargets(kpiText);
      const kpis = targets.length > 0 ? [{ title: kpiText.split('\n')[0]!.slice(0, 200), unit: '%' as const, targets }] : [];
      const successMeasures = [text(row, 'successMeasures'), kpiText].filter(Boolean).join('\n\n');

      const action: ActionDocumentInput = {
        number,
        title,
        description: paragraphs.slice(1).join('\n\n'),
        owners: ownerDocs,
        successMeasures,
        outcome: text(row, 'outcome'),
        refs,
        deadlines,
        statuses: status.status
          ? [{ status: status.status, asAt: statusAsAt, reason: 'as reported in the tracker', proposedBy: author, approvedBy: options.importedBy, recordedAt: options.importedAt }]
          : [],
        updates: updates.map((u) => ({ date: u.date ?? undatedOn, author, body: u.body })),
        kpis,
        subActions: [],
      };
      if (lettered) {
        const parts = lettered.intro === '' ? lettered.parts.slice(1) : lettered.parts;
        for (const part of parts) {
          const own = deadlineParts?.parts.find((p) => p.letter === part.letter);
          const partDates = own ? parseTimescales(own.text).dates : [];
          action.subActions!.push({ number: part.letter, title: part.text, owners: ownerDocs, deadlines: partDates.map((d, i) => deadline(d, i)) });
        }
        if (deadlineParts) {
          const all = deadlineParts.parts.flatMap((p) => parseTimescales(p.text).dates).sort();
          if (all.length > 0) action.deadlines = [deadline(all.at(-1)!, 0, 'the last of its parts')];
        }
      }

      const clash = seen.get(number);
      if (clash) {
        problems.push({ severity: 'error', table: table.name, line: row.line, message: `action number ${number} is used twice (also ${clash.table.name}, row ${clash.row.line})` });
      }
      seen.set(number, { table, row });

      // Sub-actions: "1.2" under action "1" when there is one, and lettered rows under the action before them.
      const isLetter = /^[a-z]$/.test(number);
      const parentNumber = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : undefined;
      const parent = isLetter ? lastTop : parentNumber ? node.actions?.find((a) => a.number === parentNumber) : undefined;
      if (parent) (parent.subActions ??= []).push(action);
      else {
        (node.actions ??= []).push(action);
        lastTop = action;
      }
      actions += 1 + (action.subActions?.length ?? 0);
      preview.push({
        table: table.name,
        line: row.line,
        theme: node.title,
        number,
        title,
        owners: ownerDocs.map((o) => [o.name, o.role].filter(Boolean).join(', ')).join('; '),
        deadlines: (action.deadlines ?? []).map((d) => d.date),
        status: status.status ?? '',
        updates: updates.length,
      });
    }
    if (unnumbered > 0) {
      problems.push({ severity: 'warning', table: table.name, message: `${unnumbered} action${unnumbered === 1 ? ' has' : 's have'} no number: numbered in order from where the numbers before left off` });
    }
  }

  if (actions === 0 && !problems.some((p) => p.severity === 'error')) problems.push({ severity: 'error', message: `${file.name}: no actions found in the tables chosen` });

  const document: PlanDocumentInput = {
    format: 'parentis.plan',
    formatVersion: 1,
    plan: { slug: plan.slug, title: plan.title, kind: plan.kind, status: 'active', nodes },
  };
  // The document's own rules, as a last check.
  if (!problems.some((p) => p.severity === 'error')) {
    const parsed = planDocumentSchema.safeParse(document);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ severity: 'error', message: `${issuePath(issue.path)}: ${issue.message}` });
    }
  }
  return { document, problems, preview, actions };
}
