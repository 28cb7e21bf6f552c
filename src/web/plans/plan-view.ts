// The plan page's view model: filters and sorting read from the query string, and the plan's tree
// flattened into sections (one per node, with its roll-up) holding the matching action rows.
import { z } from 'zod';
import type { RollUp } from '../../domain/action-derived.ts';
import { NODE_KIND_LABELS } from '../../domain/plan-document.ts';
import type { ActionSummary } from '../../services/actions/index.ts';
import type { PlanTree, PlanTreeNode } from '../../services/plan.service.ts';
import { actionPath } from '../kit/paths.ts';
import { nodeChoices } from '../kit/plan-nodes.ts';

export { nodeChoices };

export const SORTS = ['number', 'deadline', 'status', 'lastUpdate'] as const;
export type Sort = (typeof SORTS)[number];
export const STATUS_CHOICES = ['R', 'A', 'G', 'B', 'none'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

const list = (v: unknown): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** The plan page's query string; every field optional, so a bare /plans/:slug shows everything. */
export const planQuery = z.object({
  status: z.preprocess(list, z.array(z.enum(STATUS_CHOICES, { message: 'Choose statuses from the list' }))),
  owner: z.preprocess((v) => one(v) ?? '', z.string().trim().max(200, { message: 'Owner must be 200 characters or fewer' })),
  overdue: z.preprocess((v) => one(v) === 'yes', z.boolean()),
  ref: z.preprocess(
    (v) => one(v) ?? '',
    z
      .string()
      .trim()
      .regex(/^$|^(challenge|inspection|programme|measure|tag):.+$/, { message: 'Choose a cross-reference from the list' }),
  ),
  sort: z.preprocess((v) => one(v) ?? 'number', z.enum(SORTS, { message: 'Choose how to sort from the list' })),
  done: z.preprocess(one, z.string().optional()),
});
export type PlanQuery = z.infer<typeof planQuery>;

export const isFiltered = (q: PlanQuery): boolean => q.status.length > 0 || q.owner !== '' || q.overdue || q.ref !== '';

export interface ActionRow {
  key: string;
  href: string;
  number: string;
  title: string;
  owners: string[];
  deadline: string | null;
  revisions: number;
  overdue: boolean;
  status: string | null;
  pendingProposal: string | null;
  lastUpdate: string | null;
  daysSinceUpdate: number | null;
  isSubAction: boolean;
  closed: boolean;
}

export interface Section {
  id: number;
  depth: number;
  /** h2 for top-level nodes, down to h4. */
  headingLevel: number;
  kind: string;
  number: string;
  title: string;
  description: string;
  people: { label: string; value: string }[];
  status: PlanTreeNode['status'];
  rollUp: RollUp;
  rows: ActionRow[];
  version: number;
  /** The parts beside it as the page shows them: a move up or down passes the one it expects to pass. */
  before: number | null;
  after: number | null;
}

const toRow = (a: ActionSummary, isSubAction: boolean): ActionRow => ({
  key: a.key,
  href: actionPath(a.key),
  number: a.number,
  title: a.title,
  owners: a.owners.map((o) => o.label),
  deadline: a.deadline,
  revisions: a.slippage.revisions,
  overdue: a.overdue,
  status: a.status,
  pendingProposal: a.pendingProposal,
  lastUpdate: a.lastUpdate,
  daysSinceUpdate: a.daysSinceUpdate,
  isSubAction,
  closed: a.closed,
});

/** Compares action numbers as councils read them: 2 before 10, 1.4 before 1.10, 2a after 2. */
export function compareNumbers(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = Number.parseInt(pa[i]!, 10);
    const nb = Number.parseInt(pb[i]!, 10);
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
    const c = pa[i]!.localeCompare(pb[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** Worst first: the rows a board looks at first. Actions without a status come last. */
const STATUS_ORDER: Record<string, number> = { R: 0, A: 1, G: 2, B: 3 };

const nullsLast = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b));

export function sortRows(rows: ActionRow[], sort: Sort): ActionRow[] {
  const byNumber = (a: ActionRow, b: ActionRow) => compareNumbers(a.number, b.number);
  const compare: Record<Sort, (a: ActionRow, b: ActionRow) => number> = {
    number: byNumber,
    // Soonest deadline first; no deadline last.
    deadline: (a, b) => nullsLast(a.deadline, b.deadline) || byNumber(a, b),
    status: (a, b) => (STATUS_ORDER[a.status ?? ''] ?? 4) - (STATUS_ORDER[b.status ?? ''] ?? 4) || byNumber(a, b),
    // Longest without an update first; never updated before everything.
    lastUpdate: (a, b) => (a.lastUpdate === b.lastUpdate ? 0 : a.lastUpdate === null ? -1 : b.lastUpdate === null ? 1 : a.lastUpdate.localeCompare(b.lastUpdate)) || byNumber(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/**
 * One section per node, in the plan's order, with the rows that pass `keep`, sorted. With a filter
 * on, nodes with nothing matching beneath them are left out.
 */
export function planSections(tree: PlanTree, keep: (a: ActionSummary) => boolean, sort: Sort, filtered: boolean): Section[] {
  const out: Section[] = [];
  const walk = (n: PlanTreeNode, depth: number, siblings: readonly PlanTreeNode[], at: number): number => {
    const rows: ActionRow[] = [];
    for (const a of n.actions) {
      if (keep(a)) rows.push(toRow(a, false));
      for (const s of a.subActions) if (keep(s)) rows.push(toRow(s, true));
    }
    const section: Section = {
      id: n.id,
      depth,
      headingLevel: Math.min(2 + depth, 4),
      kind: n.kind,
      number: n.number,
      title: n.title,
      description: n.description,
      people: [
        ...(n.lead ? [{ label: 'Lead', value: n.lead }] : []),
        ...(n.chair ? [{ label: 'Chair', value: n.chair }] : []),
        ...(n.seniorResponsibleOwner ? [{ label: 'Senior responsible owner', value: n.seniorResponsibleOwner }] : []),
        ...(n.deliveryGroup ? [{ label: 'Delivery group', value: n.deliveryGroup }] : []),
      ],
      status: n.status,
      rollUp: n.rollUp,
      rows: sort === 'number' ? rows : sortRows(rows, sort),
      version: n.version,
      before: siblings[at - 1]?.id ?? null,
      after: siblings[at + 1]?.id ?? null,
    };
    const place = out.length;
    out.push(section);
    let matching = rows.length;
    n.children.forEach((c, i) => (matching += walk(c, depth + 1, n.children, i)));
    if (filtered && matching === 0) out.splice(place);
    return matching;
  };
  tree.nodes.forEach((n, i) => walk(n, 0, tree.nodes, i));
  return out;
}

/** Every cross-reference used by the plan's actions, for the filter's list, in a stable order. */
export function planRefs(tree: PlanTree): { value: string; text: string }[] {
  const seen = new Map<string, { kind: string; value: string }>();
  const visit = (n: PlanTreeNode): void => {
    for (const a of n.actions) for (const x of [a, ...a.subActions]) for (const r of x.refs) seen.set(`${r.kind}:${r.value}`, r);
    n.children.forEach(visit);
  };
  tree.nodes.forEach(visit);
  return [...seen.entries()]
    .sort(([, a], [, b]) => a.kind.localeCompare(b.kind) || compareNumbers(a.value, b.value))
    .map(([key, r]) => ({ value: key, text: `${r.kind.charAt(0).toUpperCase()}${r.kind.slice(1)} ${r.value}` }));
}


/** Where a node may move: the top of the plan or under any node but itself and the nodes under it. */
export function placeChoices(tree: PlanTree, nodeId: number): { value: string; text: string }[] {
  const node = findNode(tree, nodeId);
  const inside = new Set<number>();
  const mark = (n: PlanTreeNode): void => {
    inside.add(n.id);
    n.children.forEach(mark);
  };
  if (node) mark(node);
  return [{ value: '', text: 'At the top of the plan' }, ...nodeChoices(tree).filter((c) => !inside.has(c.id)).map((c) => ({ value: String(c.id), text: `Under ${c.text}` }))];
}

/** The actions of the plan still open (not Blue, not closed): those a roll-over carries into next year's. */
export function openActionCount(tree: PlanTree): number {
  let count = 0;
  const visit = (n: PlanTreeNode): void => {
    for (const a of n.actions) for (const x of [a, ...a.subActions]) if (x.status !== 'B' && !x.closed) count += 1;
    n.children.forEach(visit);
  };
  tree.nodes.forEach(visit);
  return count;
}

/** What each kind of node is called on the pages (looked up by a node's kind as stored). */
export const KIND_LABELS: Readonly<Record<string, string>> = NODE_KIND_LABELS;

/** Finds a node anywhere in the tree. */
export function findNode(tree: PlanTree, id: number): PlanTreeNode | undefined {
  const walk = (nodes: PlanTreeNode[]): PlanTreeNode | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const found = walk(n.children);
      if (found) return found;
    }
    return undefined;
  };
  return walk(tree.nodes);
}

/** The query string for the plan page with one setting changed, for the sort links. */
export function queryString(q: PlanQuery, change: Partial<Pick<PlanQuery, 'sort'>>): string {
  const merged = { ...q, ...change };
  const p = new URLSearchParams();
  for (const s of merged.status) p.append('status', s);
  if (merged.owner !== '') p.set('owner', merged.owner);
  if (merged.overdue) p.set('overdue', 'yes');
  if (merged.ref !== '') p.set('ref', merged.ref);
  if (merged.sort !== 'number') p.set('sort', merged.sort);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}
