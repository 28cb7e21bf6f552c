// The quarterly executive summary (as the partnership's executive receives it): the manager's overall
// narrative; achievements; slippage on target dates; issues and risks with their scores' changes since
// the last snapshot; next quarter's planned activity; decisions required; and each programme's
// delivery group, chair, status, status trend and reason. Built only from snapshots' stored content.
import { BRAG_LABEL, type Brag } from '../domain/brag.ts';
import { type SnapshotAction, type SnapshotContent, type SnapshotRisk } from '../domain/snapshot.ts';
import { paragraph, section, text, type Block, type ReportDocument, type Section, type Table, type TableCell } from './model.ts';
import {
  actionLabel,
  allActions,
  bragCell,
  coverOf,
  dateCell,
  latestUpdate,
  lines,
  longDate,
  nonEmptyLines,
  ownersText,
  paragraphs,
  withGlossary,
  type ReportInput,
} from './common.ts';

export interface Achievement {
  key: string;
  /** What the board is told: "Completed on …, ahead of its deadline of …", "Turned Green from Amber". */
  what: string[];
  early: boolean;
}

export interface Slippage {
  key: string;
  /** "Deadline revised from … to …", "Overdue: due …", "Red". */
  what: string[];
  reasons: string[];
}

const before = (previous: SnapshotContent | null): Map<string, SnapshotAction> | null =>
  previous === null ? null : new Map(allActions(previous).map(({ action }) => [action.key, action]));

/**
 * Actions completed in the period (Blue now and not at the last snapshot; without one, made Blue on or
 * after the period's start), early when before their deadline; and actions turned Green from Red or
 * Amber since the last snapshot.
 */
export function achievements(input: Pick<ReportInput, 'content' | 'previous' | 'snapshot'>): Achievement[] {
  const was = before(input.previous);
  return allActions(input.content).flatMap(({ action: a }): Achievement[] => {
    const prior = was?.get(a.key);
    if (a.status === 'B') {
      const newlyDone = was === null ? a.statusAsAt === null || a.statusAsAt >= input.snapshot.periodStart : prior?.status !== 'B';
      if (!newlyDone) return [];
      const early = a.deadline !== null && a.statusAsAt !== null && a.statusAsAt < a.deadline;
      const on = a.statusAsAt === null ? 'Completed' : `Completed on ${longDate(a.statusAsAt)}`;
      return [{ key: a.key, what: [early ? `${on}, ahead of its deadline of ${longDate(a.deadline!)}` : on], early }];
    }
    if (a.status === 'G' && prior !== undefined && (prior.status === 'R' || prior.status === 'A')) {
      return [{ key: a.key, what: [`Turned Green from ${BRAG_LABEL[prior.status]}`], early: false }];
    }
    return [];
  });
}

/**
 * Actions that slipped: deadline revised later since the last snapshot (without one, a later deadline
 * set in the period), overdue at the period's end and not complete, or Red; with the reasons given.
 */
export function slippage(input: Pick<ReportInput, 'content' | 'previous' | 'snapshot'>): Slippage[] {
  const was = before(input.previous);
  const { periodStart, periodEnd } = input.snapshot;
  return allActions(input.content).flatMap(({ action: a }): Slippage[] => {
    const what: string[] = [];
    const reasons: string[] = [];
    const prior = was?.get(a.key);
    const current = a.deadlines.at(-1);
    const earlier = was === null ? a.deadlines.at(-2)?.dueDate : prior?.deadline;
    const revisedInPeriod = was !== null || (current !== undefined && current.setOn >= periodStart);
    if (a.deadline !== null && earlier != null && a.deadline > earlier && revisedInPeriod) {
      what.push(`Deadline revised from ${longDate(earlier)} to ${longDate(a.deadline)}`);
      if (current !== undefined && current.reason.trim() !== '') reasons.push(`Deadline revised: ${current.reason.trim()}`);
    }
    if (a.status !== 'B' && a.deadline !== null && a.deadline < periodEnd) what.push(`Overdue: due ${longDate(a.deadline)}`);
    if (a.status === 'R') what.push('Red');
    if (what.length === 0) return [];
    const update = latestUpdate(a);
    if (update !== null) reasons.push(update);
    return [{ key: a.key, what, reasons }];
  });
}

const riskKey = (r: Pick<SnapshotRisk, 'plan' | 'reference'>): string => `${r.plan ?? ''}\u0000${r.reference}`;
const isClosed = (r: SnapshotRisk): boolean => r.status === 'closed' || r.closedOn !== null;

/** The score's change since the last snapshot, in words. */
function scoreChange(r: SnapshotRisk, was: ReadonlyMap<string, SnapshotRisk> | null): string {
  if (was === null) return 'No earlier snapshot';
  const prior = was.get(riskKey(r));
  if (prior === undefined) return 'New since the last report';
  if (isClosed(r) && !isClosed(prior)) return `Closed${r.closedOn ? ` on ${longDate(r.closedOn)}` : ''}`;
  if (prior.score !== r.score) return `${r.score > prior.score ? 'Up' : 'Down'} from ${prior.score}`;
  return 'No change';
}

/** Open risks, and those closed since the last snapshot. */
function risksReported(content: SnapshotContent, was: ReadonlyMap<string, SnapshotRisk> | null): SnapshotRisk[] {
  return content.risks.filter((r) => {
    const prior = was?.get(riskKey(r));
    return !isClosed(r) || (prior !== undefined && !isClosed(prior));
  });
}

/** The last day of the quarter after the one ending `periodEnd`'s month. */
export function nextQuarterEnd(periodEnd: string): string {
  const [y, m] = periodEnd.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m + 3, 0)).toISOString().slice(0, 10);
}

const actionsTable = (caption: string, columns: string[], rows: TableCell[][]): Table => ({ kind: 'table', caption, columns: columns.map((header) => ({ header })), rows });

const countsWords = (c: Record<Brag | 'none', number>): string =>
  `${c.B} complete (Blue), ${c.G} Green, ${c.A} Amber, ${c.R} Red${c.none > 0 ? `, ${c.none} with no status` : ''}`;

export function buildExecSummary(input: ReportInput): ReportDocument {
  const { content, previous, snapshot } = input;
  const byKey = new Map(allActions(content).map(({ action }) => [action.key, action]));
  const counts = { B: 0, R: 0, A: 0, G: 0, none: 0 };
  for (const { action } of allActions(content)) counts[action.status ?? 'none'] += 1;
  const total = counts.B + counts.R + counts.A + counts.G + counts.none;

  const overall: Block[] = [
    ...(content.report === undefined
      ? [paragraph('This snapshot was taken before the overall narrative was kept with snapshots, so none is given.')]
      : content.report.narrative === ''
        ? [paragraph('No overall narrative was written for this round.')]
        : paragraphs(content.report.narrative)),
    paragraph(`This report covers ${snapshot.period}, ${longDate(snapshot.periodStart)} to ${longDate(snapshot.periodEnd)}. Of the ${total} actions reported, ${countsWords(counts)}.`),
  ];

  const achieved = achievements(input);
  const achievementsSection = section('Achievements', [
    achieved.length === 0
      ? paragraph('No action was completed or turned Green in the period.')
      : paragraph(`${achieved.length} action${achieved.length === 1 ? '' : 's'} completed or turned Green${((n) => (n > 0 ? `, ${n} of them completed early` : ''))(achieved.filter((a) => a.early).length)}.`),
    ...(achieved.length === 0
      ? []
      : [
          actionsTable(
            'Achievements',
            ['Action', 'Owner', 'Achievement', 'Progress update'],
            achieved.map((x) => {
              const a = byKey.get(x.key)!;
              return [text(actionLabel(a)), text(ownersText(a)), lines(x.what), text(latestUpdate(a) ?? '—')];
            }),
          ),
        ]),
  ]);

  const slipped = slippage(input);
  const slippageSection = section('Slippage on target dates', [
    slipped.length === 0
      ? paragraph('No action slipped: none had its deadline revised, is overdue or is Red.')
      : paragraph(`${slipped.length} action${slipped.length === 1 ? '' : 's'} had a deadline revised, are overdue or are Red.`),
    ...(slipped.length === 0
      ? []
      : [
          actionsTable(
            'Slippage on target dates',
            ['Action', 'Owner', 'Status', 'Slippage', 'Reasons'],
            slipped.map((x) => {
              const a = byKey.get(x.key)!;
              return [text(actionLabel(a)), text(ownersText(a)), bragCell(a.status), lines(x.what), lines(x.reasons.length === 0 ? ['No reason given'] : x.reasons)];
            }),
          ),
        ]),
  ]);

  const risksBefore = previous === null ? null : new Map(previous.risks.map((r) => [riskKey(r), r]));
  const risks = risksReported(content, risksBefore);
  const risksSection = section('Issues and risks', [
    risks.length === 0
      ? paragraph('The risk register holds no open risk.')
      : actionsTable(
          'Risk register',
          ['Risk', 'Owner', 'Likelihood × impact', 'Score', 'Change since last report', 'Mitigation'],
          risks.map((r) => [
            text(`${r.reference} ${r.title}`.trim()),
            text(r.owner || '—'),
            text(`${r.likelihood} × ${r.impact}`),
            { kind: 'number', value: r.score, text: `${r.score} (${r.rating})` },
            text(scoreChange(r, risksBefore)),
            text(r.mitigation || '—'),
          ]),
        ),
  ]);

  const until = nextQuarterEnd(snapshot.periodEnd);
  const due = allActions(content)
    .map(({ action }) => action)
    .filter((a) => a.status !== 'B' && a.deadline !== null && a.deadline > snapshot.periodEnd && a.deadline <= until)
    .sort((a, b) => a.deadline!.localeCompare(b.deadline!));
  const nextSection = section("Next quarter's planned activity", [
    paragraph(`Actions falling due from ${longDate(snapshot.periodEnd)} to ${longDate(until)}.`),
    due.length === 0
      ? paragraph('No action falls due next quarter.')
      : actionsTable(
          "Next quarter's planned activity",
          ['Action', 'Owner', 'Due', 'Status', 'Progress update'],
          due.map((a) => [text(actionLabel(a)), text(ownersText(a)), dateCell(a.deadline), bragCell(a.status), text(latestUpdate(a) ?? '—')]),
        ),
  ]);

  const decisions = content.report === undefined ? null : nonEmptyLines(content.report.decisions);
  const decisionsSection = section('Decisions required', [
    decisions === null
      ? paragraph('This snapshot was taken before the decisions required were kept with snapshots, so none are given.')
      : decisions.length === 0
        ? paragraph('No decisions were recorded for this round.')
        : { kind: 'list', items: decisions.map((d) => [d]) },
  ]);

  const programmes: Section[] = content.programmes.map((p) => {
    const recorded = (v: string | null | undefined): string => (v === undefined ? 'not kept in this snapshot' : v === null || v.trim() === '' ? 'not recorded' : v);
    return section(`Programme ${p.number} – ${p.title}`.trim(), [
      paragraph({ text: 'Delivery group: ', strong: true }, recorded(p.deliveryGroup)),
      paragraph({ text: 'Delivery group chair: ', strong: true }, recorded(p.chair)),
      paragraph({ text: 'Current status: ', strong: true }, p.status === null ? 'No status' : BRAG_LABEL[p.status]),
      paragraph({ text: 'Status trend: ', strong: true }, p.trend ?? 'not recorded'),
      paragraph({ text: 'Reason for current status: ', strong: true }, p.reason.trim() || 'No reason given'),
      paragraph({ text: 'Actions: ', strong: true }, countsWords(p.counts)),
    ]);
  });
  const programmesSection = section('Programmes', programmes.length === 0 ? [paragraph('The round reported no programme.')] : programmes, true);

  return withGlossary(
    {
      cover: coverOf(input, 'exec-summary'),
      language: 'en-GB',
      sections: [section('Overall', overall), achievementsSection, slippageSection, risksSection, nextSection, decisionsSection, programmesSection],
    },
    content.glossary,
  );
}
