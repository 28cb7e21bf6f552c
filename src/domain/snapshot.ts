// What a frozen "as reported" snapshot holds, section by section, and what changed between two of
// them: statuses moved, deadlines slipped, risks new or closed, measures whose RAG changed.
import { longDate } from './dates.ts';
import type { AnnualReportText } from './report-text.ts';
import { BRAG_LABEL, statusTrend, type Brag, type BragCounts } from './brag.ts';

export const SNAPSHOT_SECTIONS = ['actions', 'programmes', 'risks', 'priorities', 'measures', 'report', 'references', 'glossary'] as const;
export type SnapshotSection = (typeof SNAPSHOT_SECTIONS)[number];

/** A part of a plan (programme, priority, theme …) as it stood. */
export interface SnapshotNode {
  id: number;
  parentId: number | null;
  kind: string;
  number: string;
  title: string;
}

export interface SnapshotAction {
  /** plan-slug:number. */
  key: string;
  number: string;
  title: string;
  nodeId: number;
  owners: string[];
  status: Brag | null;
  statusAsAt: string | null;
  forecast: Brag | null;
  deadline: string | null;
  originalDeadline: string | null;
  /** Every deadline set, oldest first, with the reason given. */
  deadlines: { dueDate: string; reason: string; setOn: string }[];
  /** Progress updates dated from the period's start to the day the round closed. */
  updates: { date: string; author: string; body: string }[];
}

export interface SnapshotPlan {
  slug: string;
  title: string;
  nodes: SnapshotNode[];
  actions: SnapshotAction[];
}

/** A programme (a plan's top-level part): its own status, trend and reason, and its actions' BRAG counts. */
export interface SnapshotProgramme {
  plan: string;
  planTitle: string;
  number: string;
  title: string;
  status: Brag | null;
  trend: string | null;
  reason: string;
  asAt: string | null;
  counts: BragCounts;
  /** The delivery group and its chair as entered for the period (absent from snapshots taken before they were frozen). */
  deliveryGroup?: string | null;
  chair?: string | null;
}

export interface SnapshotRisk {
  plan: string | null;
  reference: string;
  title: string;
  owner: string;
  mitigation: string;
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  trend: string;
  status: string;
  reviewDate: string | null;
  closedOn: string | null;
}

export interface SnapshotPriority {
  council: string;
  priority: string;
  youSaid: string;
  status: string;
  raisedOn: string;
  answeredOn: string | null;
  /** "We did" as summarised when the priority was brought in. */
  weDid: string;
  /** "We did", each on its day, up to the close. */
  responses: { respondedOn: string; weDid: string }[];
}

/** A measure as a board read it at the period end, small numbers suppressed ("c"). */
export interface SnapshotMeasure {
  code: string;
  title: string;
  group: string;
  /** The period the figure is for (the latest ending on or before the period end), or null. */
  periodEnd: string | null;
  /** "67.5%", "c", "no figure". */
  value: string;
  numerator: number | null;
  denominator: number | null;
  target: string | null;
  rag: 'R' | 'A' | 'G' | null;
  ragReason: string | null;
  direction: string | null;
  benchmarks: { label: string; value: string }[];
  commentary: string | null;
  /** "percent", "count" …: absent from snapshots taken before it was frozen. */
  unit?: string;
  /** The last 13 periods, oldest first, ending with the figure's: value null where missing or suppressed, shown as the board reads it ("c") (absent from older snapshots). */
  series?: { periodEnd: string; value: number | null; shown: string }[];
  /** The figure's breakdowns (age band, sex …) at its period, categories in reading order, small numbers "c" (absent from older snapshots). */
  breakdowns?: { dimension: string; category: string; value: number | null; shown: string }[];
  /** What the figure's source said beside it (fewer than three collection years loaded …); null for none (absent from older snapshots). */
  note?: string | null;
}

/** What the board report's cover and opening say: the authority, and the manager's words for the round. */
export interface SnapshotReport {
  authority: string;
  /** The overall narrative, paragraphs separated by blank lines; '' when none was written. */
  narrative: string;
  /** The decisions the board is asked to take, one a line; '' when none. */
  decisions: string;
  /** The annual report's sections as the authors wrote them ('' where not written); absent from snapshots taken before they were kept. */
  annual?: AnnualReportText;
}

/** A figure of a measure as a board read it: "11", "67.5%", "c". */
export interface SnapshotFigure {
  periodEnd: string;
  value: string;
}

/** An inspection's area for improvement (or another recorded reference) with the actions answering it. */
export interface SnapshotReference {
  kind: string;
  value: string;
  title: string;
  body: string;
  source: string;
  issuedOn: string | null;
  /** Keys (plan-slug:number) of the round's actions citing it, in plan order. */
  actions: string[];
  /** The measures those actions aim to move: the figure when the reference was issued (before) and at the period end (after), small numbers suppressed. */
  measures: { code: string; title: string; before: SnapshotFigure | null; after: SnapshotFigure | null }[];
}

export interface SnapshotGlossaryTerm {
  term: string;
  expansion: string;
  definition: string;
}

export interface SnapshotContent {
  actions: SnapshotPlan[];
  programmes: SnapshotProgramme[];
  risks: SnapshotRisk[];
  priorities: SnapshotPriority[];
  measures: SnapshotMeasure[];
  /** Absent from snapshots taken before reports were generated from them. */
  report?: SnapshotReport;
  references?: SnapshotReference[];
  glossary?: SnapshotGlossaryTerm[];
}

/** 'as reported to the Corporate Parenting Board on 14 January 2027'. */
export function defaultSnapshotName(board: string, date: string): string {
  return `as reported to the ${board} on ${longDate(date)}`;
}

export interface StatusMove {
  key: string;
  title: string;
  from: Brag | null;
  to: Brag | null;
  /** improved, worsened, new (no status before), none (no status now). */
  trend: string;
}

export interface DeadlineSlip {
  key: string;
  title: string;
  from: string;
  to: string;
}

export interface RiskChange {
  reference: string;
  plan: string | null;
  title: string;
  score: number;
  previousScore: number | null;
}

export interface RagChange {
  code: string;
  title: string;
  from: 'R' | 'A' | 'G' | null;
  to: 'R' | 'A' | 'G' | null;
  value: string;
  previousValue: string;
}

export interface SnapshotChanges {
  statuses: StatusMove[];
  deadlines: DeadlineSlip[];
  /** Actions in the newer snapshot and not the older. */
  newActions: { key: string; title: string }[];
  newRisks: RiskChange[];
  closedRisks: RiskChange[];
  rescoredRisks: RiskChange[];
  measures: RagChange[];
}

const riskKey = (r: Pick<SnapshotRisk, 'plan' | 'reference'>): string => `${r.plan ?? ''}\u0000${r.reference}`;
const riskChange = (r: SnapshotRisk, previous: SnapshotRisk | undefined): RiskChange => ({
  reference: r.reference,
  plan: r.plan,
  title: r.title,
  score: r.score,
  previousScore: previous?.score ?? null,
});

/** What changed from `older` to `newer`, in the newer snapshot's order. */
export function snapshotChanges(older: SnapshotContent, newer: SnapshotContent): SnapshotChanges {
  const before = new Map(older.actions.flatMap((p) => p.actions).map((a) => [a.key, a]));
  const statuses: StatusMove[] = [];
  const deadlines: DeadlineSlip[] = [];
  const newActions: { key: string; title: string }[] = [];
  for (const a of newer.actions.flatMap((p) => p.actions)) {
    const was = before.get(a.key);
    if (!was) {
      newActions.push({ key: a.key, title: a.title });
      continue;
    }
    if (was.status !== a.status) statuses.push({ key: a.key, title: a.title, from: was.status, to: a.status, trend: statusTrend(was.status, a.status) });
    if (was.deadline !== null && a.deadline !== null && a.deadline > was.deadline) deadlines.push({ key: a.key, title: a.title, from: was.deadline, to: a.deadline });
  }
  const risksBefore = new Map(older.risks.map((r) => [riskKey(r), r]));
  const isClosed = (r: SnapshotRisk | undefined): boolean => r !== undefined && (r.status === 'closed' || r.closedOn !== null);
  const newRisks: RiskChange[] = [];
  const closedRisks: RiskChange[] = [];
  const rescoredRisks: RiskChange[] = [];
  for (const r of newer.risks) {
    const was = risksBefore.get(riskKey(r));
    if (!was) newRisks.push(riskChange(r, undefined));
    else if (isClosed(r) && !isClosed(was)) closedRisks.push(riskChange(r, was));
    else if (!isClosed(r) && was.score !== r.score) rescoredRisks.push(riskChange(r, was));
  }
  const measuresBefore = new Map(older.measures.map((m) => [m.code, m]));
  const measures: RagChange[] = newer.measures.flatMap((m) => {
    const was = measuresBefore.get(m.code);
    if (!was || was.rag === m.rag) return [];
    return [{ code: m.code, title: m.title, from: was.rag, to: m.rag, value: m.value, previousValue: was.value }];
  });
  return { statuses, deadlines, newActions, newRisks, closedRisks, rescoredRisks, measures };
}

/** "Amber", or "no status". */
export const bragWord = (b: Brag | null): string => (b === null ? 'no status' : BRAG_LABEL[b]);
