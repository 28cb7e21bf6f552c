// The annual board report (as a Corporate Parenting Board reports to full council): the authors'
// summary and recommendations, the young people's priorities table, "you said, we did", one work-plan
// appendix per task group (Action | Action owner | Timescales with revised dates | dated progress
// updates | RAG) and the data dashboard (each group's tiles as a table, each measure's trend as a
// chart with its table). Built only from the snapshot's stored content.
import type { TrendChart } from '../charts/charts.ts';
import type { SnapshotAction, SnapshotMeasure, SnapshotNode, SnapshotPlan } from '../domain/snapshot.ts';
import { voiceStatusWords } from '../domain/voice-status.ts';
import { compareCategories } from '../measures/breakdowns.ts';
import { paragraph, section, text, type Block, type Figure, type ReportDocument, type Section, type Table, type TableCell } from './model.ts';
import { actionLabel, bragCell, coverOf, lines, longDate, nonEmptyLines, ownersText, paragraphs, withGlossary, type ReportInput } from './common.ts';

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
const roman = (i: number): string => ROMAN[i] ?? String(i + 1);

/** "1 February 2018", then each later deadline "Revised to 1 June 2018: reason". */
export function timescales(a: SnapshotAction): string[] {
  if (a.deadlines.length === 0) return a.deadline === null ? ['No deadline'] : [longDate(a.deadline)];
  return a.deadlines.map((d, i) => (i === 0 ? longDate(d.dueDate) : `Revised to ${longDate(d.dueDate)}${d.reason.trim() === '' ? '' : `: ${d.reason.trim()}`}`));
}

/** "Update 3 November 2017: …" for each update in the period, oldest first. */
export const progressLines = (a: SnapshotAction): string[] => (a.updates.length === 0 ? ['No update in the period'] : a.updates.map((u) => `Update ${longDate(u.date)}: ${u.body.trim()}`));

/** A task group's work plan: its actions, at any depth below it, in plan order. */
function workPlan(plan: SnapshotPlan, top: SnapshotNode): Table {
  const under = new Set<number>([top.id]);
  for (const n of plan.nodes) if (n.parentId !== null && under.has(n.parentId)) under.add(n.id); // nodes come parents first
  return {
    kind: 'table',
    caption: `Work plan: ${top.number} ${top.title}`.trim(),
    columns: [{ header: 'Action', width: 3 }, { header: 'Action owner', width: 2 }, { header: 'Timescales', width: 2 }, { header: 'Progress update / plans', width: 5 }, { header: 'RAG', width: 1 }],
    rows: plan.actions.filter((a) => under.has(a.nodeId)).map((a) => [text(actionLabel(a)), text(ownersText(a)), lines(timescales(a)), lines(progressLines(a)), bragCell(a.status)]),
  };
}

const NUMBER = /^-?[\d,]+(\.\d+)?%?$/;

/** A measure's figure as a cell: a number where it is one ("67.5%" is 67.5), else the text as read ("c", "no figure"). */
export function figureCell(shown: string): TableCell {
  if (!NUMBER.test(shown)) return text(shown);
  return { kind: 'number', value: Number(shown.replace(/[,%]/g, '')), text: shown };
}

const UNIT_WORDS: Record<string, string> = { percent: 'Per cent', count: 'Number', rate: 'Rate', days: 'Days', score: 'Score' };

/** The measure's trend as a chart with its alternative text and table, when the snapshot holds two figures or more. */
export function trendFigure(m: SnapshotMeasure): Figure | null {
  const series = m.series ?? [];
  const known = series.filter((p) => p.value !== null);
  if (known.length < 2) return null;
  const first = series[0]!;
  const last = series.at(-1)!;
  const chart: TrendChart = {
    title: m.title,
    description: `${m.title}, ${series.length} periods from ${longDate(first.periodEnd)} to ${longDate(last.periodEnd)}.`,
    unit: UNIT_WORDS[m.unit ?? ''] ?? m.unit ?? '',
    points: series.map((p) => ({ periodEnd: p.periodEnd, value: p.value })),
  };
  const gaps = series.length - known.length;
  const alt = `Line chart of ${m.title} for the ${series.length} periods ending ${longDate(first.periodEnd)} to ${longDate(last.periodEnd)}: ${known[0]!.shown} at first and ${known.at(-1)!.shown} most recently${gaps > 0 ? `; ${gaps} period${gaps === 1 ? ' has' : 's have'} no figure to show (missing, or a small number suppressed)` : ''}.`;
  return {
    kind: 'figure',
    chart,
    alt,
    table: { kind: 'table', caption: `Trend: ${m.title}`, columns: [{ header: 'Period ending' }, { header: m.title, align: 'right' }], rows: series.map((p) => [{ kind: 'date', date: p.periodEnd }, figureCell(p.shown)]) },
  };
}

/** The data dashboard: per group of measures, its tiles as a table, then each measure's trend. */
function dashboard(measures: readonly SnapshotMeasure[]): Block[] {
  if (measures.length === 0) return [paragraph('No measure was reported.')];
  const groups = [...new Set(measures.map((m) => m.group))];
  const anySeries = measures.some((m) => m.series !== undefined);
  const out: Block[] = [
    paragraph('Figures as the board read them at the period end. Small numbers are suppressed and shown as "c".'),
    ...(anySeries ? [] : [paragraph('Trend charts are not given: this snapshot was taken before measures’ series were kept with snapshots.')]),
  ];
  for (const group of groups) {
    const ms = measures.filter((m) => m.group === group);
    const figures = ms.map(trendFigure).filter((f): f is Figure => f !== null);
    out.push(
      section(group || 'Measures', [
        {
          kind: 'table',
          caption: `Dashboard: ${group || 'Measures'}`,
          columns: [{ header: 'Measure', width: 3 }, { header: 'Figure', align: 'right' }, { header: 'Period ending' }, { header: 'Target', align: 'right' }, { header: 'RAG', width: 2 }, { header: 'Direction' }, { header: 'Benchmarks', width: 2 }],
          rows: ms.map((m) => [
            text(m.title),
            figureCell(m.value),
            m.periodEnd === null ? text('—') : { kind: 'date', date: m.periodEnd },
            m.target === null ? text('—') : figureCell(m.target),
            { kind: 'rating', rating: m.rag, text: m.ragReason ?? (m.rag === null ? 'No rating' : { R: 'Red', A: 'Amber', G: 'Green' }[m.rag]) },
            text(m.direction ?? '—'),
            lines(m.benchmarks.length === 0 ? ['—'] : m.benchmarks.map((b) => `${b.label}: ${b.value}`)),
          ]),
        },
        ...ms.filter((m) => m.note).map((m) => paragraph(`Note on ${m.title}: ${m.note}.`)),
        ...figures,
      ]),
    );
  }
  out.push(...breakdownSections(measures));
  return out;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The breakdowns at the figures' period, one section a dimension, the age bands first (as the seed's
 * dashboard sets its visits out by age group): a row per category, a column per measure broken down that way.
 */
function breakdownSections(measures: readonly SnapshotMeasure[]): Section[] {
  const broken = measures.filter((m) => (m.breakdowns ?? []).length > 0);
  const dimensions = [...new Set(broken.flatMap((m) => m.breakdowns!.map((b) => b.dimension)))].sort((a, b) => Number(b === 'age band') - Number(a === 'age band'));
  return dimensions.map((dimension) => {
    const ms = broken.filter((m) => m.breakdowns!.some((b) => b.dimension === dimension));
    const categories = [...new Set(ms.flatMap((m) => m.breakdowns!.filter((b) => b.dimension === dimension).map((b) => b.category)))].sort(compareCategories);
    const at = [...new Set(ms.map((m) => m.periodEnd).filter((p): p is string => p !== null))];
    const when = at.length === 1 ? ` at ${longDate(at[0]!)}` : '';
    return section(`By ${dimension}`, [
      {
        kind: 'table',
        caption: `${ms.map((m) => m.title).join(', ')} by ${dimension}${when}`,
        columns: [{ header: capitalise(dimension), width: 2 }, ...ms.map((m) => ({ header: m.title, align: 'right' as const }))],
        rows: categories.map((category) => [text(category), ...ms.map((m) => figureCell(m.breakdowns!.find((b) => b.dimension === dimension && b.category === category)?.shown ?? '—'))]),
      },
    ]);
  });
}

/**
 * The report's opening sections, as the authors wrote them for the round: Summary, Recommendations,
 * Background, Achievements and Areas for development. A snapshot taken before the annual report had its
 * own text opens with the round's executive-summary narrative and decisions, as it always has.
 */
function authoredSections(input: ReportInput): Section[] {
  const { content, snapshot } = input;
  const report = content.report;
  const covers = paragraph(`This report covers the year to ${longDate(snapshot.periodEnd)} (${snapshot.period}).`);
  if (report?.annual === undefined) {
    const recommendations = report === undefined ? null : nonEmptyLines(report.decisions);
    return [
      section('Summary', [
        ...(report === undefined
          ? [paragraph('This snapshot was taken before the narrative was kept with snapshots, so none is given.')]
          : report.narrative === ''
            ? [paragraph('No summary was written for this round.')]
            : paragraphs(report.narrative)),
        covers,
      ]),
      section('Recommendations', [
        recommendations === null
          ? paragraph('This snapshot was taken before the recommendations were kept with snapshots, so none are given.')
          : recommendations.length === 0
            ? paragraph('No recommendations were recorded for this round.')
            : { kind: 'list', items: recommendations.map((r) => [r]) },
      ]),
    ];
  }
  const annual = report.annual;
  const written = (heading: string, body: string, missing: string): Section => section(heading, body === '' ? [paragraph(missing)] : paragraphs(body));
  const recommendations = nonEmptyLines(annual.recommendations);
  return [
    section('Summary', [...(annual.summary === '' ? [paragraph('No summary was written for this annual report.')] : paragraphs(annual.summary)), ...(annual.summary === '' ? [covers] : [])]),
    section('Recommendations', [recommendations.length === 0 ? paragraph('No recommendations were written for this annual report.') : { kind: 'list', items: recommendations.map((r) => [r]) }]),
    written('Background', annual.background, 'No background was written for this annual report.'),
    written('Achievements', annual.achievements, 'No achievements were written for this annual report.'),
    written('Areas for development', annual.development, 'No areas for development were written for this annual report.'),
  ];
}

export function buildAnnual(input: ReportInput): ReportDocument {
  const { content } = input;
  const priorities = content.priorities;
  const prioritiesBlocks: Block[] =
    priorities.length === 0
      ? [paragraph("No priority was raised by the young people's councils.")]
      : [
          {
            kind: 'table',
            caption: "The young people's priorities: the board's progress and their status",
            columns: [{ header: 'Priority', width: 2 }, { header: 'Council', width: 2 }, { header: 'You said', width: 3 }, { header: 'Board progress', width: 4 }, { header: 'Status' }],
            rows: priorities.map((p) => [text(p.priority), text(p.council), text(p.youSaid), text(p.weDid.trim() || 'Nothing reported yet'), text(voiceStatusWords(p.status))]),
          },
        ];
  const youSaid: Block[] =
    priorities.length === 0
      ? [paragraph('Nothing was raised.')]
      : [
          {
            kind: 'table',
            caption: 'You said, we did',
            columns: [{ header: 'You said', width: 3 }, { header: 'We did', width: 5 }],
            rows: priorities.map((p) => [
              text(`${p.youSaid} (${p.council}, ${longDate(p.raisedOn)})`),
              lines(p.responses.length > 0 ? p.responses.map((r) => `${longDate(r.respondedOn)}: ${r.weDid}`) : [p.weDid.trim() || 'Nothing done yet']),
            ]),
          },
        ];

  let n = 0;
  const appendices: Section[] = content.actions.flatMap((plan) =>
    plan.nodes
      .filter((node) => node.parentId === null)
      .map((top) => section(`Appendix B (${roman(n++)}) ${top.title} – task group work plan`, [paragraph(`From ${plan.title}.`), workPlan(plan, top)], true)),
  );

  return withGlossary(
    {
      cover: coverOf(input, 'annual'),
      language: 'en-GB',
      sections: [
        ...authoredSections(input),
        section('Priorities', prioritiesBlocks),
        section('You said, we did', youSaid),
        section('Appendix B – Task group work plans', appendices.length === 0 ? [paragraph('The round reported no plan.')] : appendices, true),
        section('Appendix C – Data dashboard', dashboard(content.measures), true),
      ],
    },
    content.glossary,
  );
}
