// The board reports built from hand-made snapshot content: which actions are achievements and which
// slippage, risks' score changes, next quarter's activity, the annual work plans' timescales and
// updates, the scrutiny pack's before and after figures, "c" carried, acronyms expanded once with a
// glossary, the cover, and snapshots taken before the report sections were kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SnapshotAction, SnapshotContent } from '../domain/snapshot.ts';
import { buildAnnual, timescales } from './annual.ts';
import type { ReportInput } from './common.ts';
import { achievements, buildExecSummary, nextQuarterEnd, slippage } from './exec-summary.ts';
import { cellText, type Block, type ReportDocument, type Section, type Table } from './model.ts';
import { buildScrutiny } from './scrutiny.ts';

const action = (number: string, over: Partial<SnapshotAction> = {}): SnapshotAction => ({
  key: `plan:${number}`,
  number,
  title: `Action ${number}`,
  nodeId: 1,
  owners: ['Jo Example'],
  status: 'G',
  statusAsAt: '2026-06-30',
  forecast: null,
  deadline: '2027-03-31',
  originalDeadline: '2027-03-31',
  deadlines: [{ dueDate: '2027-03-31', reason: 'Original deadline', setOn: '2026-04-01' }],
  updates: [],
  ...over,
});

const content = (actions: SnapshotAction[], over: Partial<SnapshotContent> = {}): SnapshotContent => ({
  actions: [
    {
      slug: 'plan',
      title: 'Corporate parenting plan',
      nodes: [
        { id: 1, parentId: null, kind: 'theme', number: '1', title: 'Health', },
        { id: 2, parentId: 1, kind: 'area', number: '1.1', title: 'Health assessments' },
        { id: 3, parentId: null, kind: 'theme', number: '2', title: 'Education' },
      ],
      actions,
    },
  ],
  programmes: [],
  risks: [],
  priorities: [],
  measures: [],
  report: { authority: 'Westmere County Council', narrative: 'A good quarter.\n\nSome slippage on PEP reviews.', decisions: 'Note the progress\n- Approve the CLA workshop' },
  references: [],
  glossary: [
    { term: 'PEP', expansion: 'Personal Education Plan', definition: '' },
    { term: 'CLA', expansion: 'Children Looked After', definition: 'Children in the care of the authority' },
    { term: 'IRO', expansion: 'Independent Reviewing Officer', definition: '' },
  ],
  ...over,
});

const Q2 = { name: 'as reported to the Corporate Parenting Board on 6 November 2026', period: '2026/27 Q2', periodStart: '2026-07-01', periodEnd: '2026-09-30' };

// Before (end of Q1) and now (end of Q2).
const was = content([
  action('1', { status: 'A' }),
  action('2', { status: 'G' }),
  action('3', { status: 'B', statusAsAt: '2026-05-01' }),
  action('4', { status: 'R' }),
  action('5', { status: 'G', deadline: '2026-12-31' }),
  action('6', { status: 'A', deadline: '2026-08-31' }),
  action('7', { status: 'G' }),
]);
const now = content([
  // Turned green from amber.
  action('1', { status: 'G', updates: [{ date: '2026-09-01', author: 'Jo', body: 'Back on track.' }] }),
  // Completed in the period, ahead of its deadline of 31 March 2027: early.
  action('2', { status: 'B', statusAsAt: '2026-09-15' }),
  // Completed before the period: not an achievement again.
  action('3', { status: 'B', statusAsAt: '2026-05-01' }),
  // Red.
  action('4', { status: 'R', updates: [{ date: '2026-09-20', author: 'Jo', body: 'No carers found.' }] }),
  // Deadline revised later, with its reason.
  action('5', {
    status: 'A',
    deadline: '2027-06-30',
    deadlines: [
      { dueDate: '2026-12-31', reason: 'Original deadline', setOn: '2026-04-01' },
      { dueDate: '2027-06-30', reason: 'Waiting for the new web platform', setOn: '2026-08-10' },
    ],
  }),
  // Overdue: due 31 August, not complete at 30 September.
  action('6', { status: 'A', deadline: '2026-08-31' }),
  // Due next quarter (by 31 December 2026).
  action('7', { status: 'G', deadline: '2026-11-30' }),
]);
const input = (over: Partial<ReportInput> = {}): ReportInput => ({ snapshot: Q2, content: now, previous: was, draft: false, ...over });

function sectionNamed(doc: ReportDocument | Section, heading: string): Section {
  const all = (blocks: readonly Block[]): Section[] => blocks.flatMap((b) => (b.kind === 'section' ? [b, ...all(b.blocks)] : []));
  const found = all('sections' in doc ? doc.sections : doc.blocks).find((s) => s.heading === heading);
  assert.ok(found, `no section "${heading}"`);
  return found;
}
const tablesOf = (s: Section): Table[] => s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.table] : b.kind === 'section' ? tablesOf(b) : []));
const rowsOf = (t: Table): string[][] => t.rows.map((r) => r.map(cellText));
const allText = (doc: ReportDocument | Section): string => JSON.stringify(doc);

test('achievements are the actions completed in the period (early when before their deadline) and those turned green', () => {
  assert.deepEqual(achievements(input()), [
    { key: 'plan:1', what: ['Turned Green from Amber'], early: false },
    { key: 'plan:2', what: ['Completed on 15 September 2026, ahead of its deadline of 31 March 2027'], early: true },
  ]);
});

test('slippage is the actions whose deadline was revised, that are overdue or red, with the reasons given', () => {
  assert.deepEqual(slippage(input()), [
    { key: 'plan:4', what: ['Red'], reasons: ['Update 20 September 2026: No carers found.'] },
    { key: 'plan:5', what: ['Deadline revised from 31 December 2026 to 30 June 2027'], reasons: ['Deadline revised: Waiting for the new web platform'] },
    { key: 'plan:6', what: ['Overdue: due 31 August 2026'], reasons: [] },
  ]);
});

test('without an earlier snapshot, achievements are actions completed in the period and slippage a later deadline set in it', () => {
  const first = input({ previous: null });
  assert.deepEqual(
    achievements(first).map((a) => a.key),
    ['plan:2'],
  );
  assert.deepEqual(
    slippage(first).map((s) => [s.key, s.what]),
    [
      ['plan:4', ['Red']],
      ['plan:5', ['Deadline revised from 31 December 2026 to 30 June 2027']],
      ['plan:6', ['Overdue: due 31 August 2026']],
    ],
  );
});

test('executive summary has the sections the quarterly summary names, the narrative, decisions, risks with score changes and next quarter', () => {
  const risk = { plan: 'plan', reference: 'R1', title: 'Too few foster carers', owner: 'Head of Placements', mitigation: 'Campaign', likelihood: 4, impact: 4, score: 16, rating: 'very high', trend: 'rising', status: 'open', reviewDate: null, closedOn: null };
  const doc = buildExecSummary(
    input({
      content: {
        ...now,
        risks: [risk, { ...risk, reference: 'R2', title: 'New risk', score: 6, likelihood: 2, impact: 3 }, { ...risk, reference: 'R3', title: 'Gone', status: 'closed', closedOn: '2026-08-01' }, { ...risk, reference: 'R4', title: 'Long closed', status: 'closed', closedOn: '2026-01-01' }],
        programmes: [{ plan: 'plan', planTitle: 'Corporate parenting plan', number: '1', title: 'Health', status: 'G', trend: 'improving', reason: 'Assessments on time', asAt: '2026-09-30', counts: { B: 1, R: 0, A: 1, G: 2, none: 0 }, deliveryGroup: 'Health task group', chair: 'Dr A Chair' }],
      },
      previous: { ...was, risks: [{ ...risk, score: 12, likelihood: 3 }, { ...risk, reference: 'R3', title: 'Gone' }, { ...risk, reference: 'R4', title: 'Long closed', status: 'closed', closedOn: '2026-01-01' }] },
    }),
  );
  assert.deepEqual(
    doc.sections.map((s) => s.heading),
    ['Overall', 'Achievements', 'Slippage on target dates', 'Issues and risks', "Next quarter's planned activity", 'Decisions required', 'Programmes', 'Glossary'],
  );
  assert.deepEqual(doc.cover, { title: 'Quarterly executive summary', authority: 'Westmere County Council', asAt: 'As at 30 September 2026', reported: 'As reported to the Corporate Parenting Board on 6 November 2026', draft: false });
  const overall = sectionNamed(doc, 'Overall');
  assert.deepEqual(overall.blocks[1], { kind: 'paragraph', content: ['Some slippage on Personal Education Plan (PEP) reviews.'] });
  assert.deepEqual(sectionNamed(doc, 'Decisions required').blocks, [{ kind: 'list', items: [['Note the progress'], ['Approve the Children Looked After (CLA) workshop']] }]);
  assert.deepEqual(
    rowsOf(tablesOf(sectionNamed(doc, 'Issues and risks'))[0]!).map((r) => [r[0], r[3], r[4]]),
    [
      ['R1 Too few foster carers', '16 (very high)', 'Up from 12'],
      ['R2 New risk', '6 (very high)', 'New since the last report'],
      ['R3 Gone', '16 (very high)', 'Closed on 1 August 2026'],
    ],
  );
  assert.deepEqual(
    rowsOf(tablesOf(sectionNamed(doc, "Next quarter's planned activity"))[0]!).map((r) => r[0]),
    ['7 Action 7'],
  );
  const programme = sectionNamed(doc, 'Programme 1 – Health');
  assert.match(JSON.stringify(programme), /Health task group.*Dr A Chair.*Green.*improving.*Assessments on time/);
  // The glossary lists the acronyms used, each expanded once.
  assert.deepEqual(rowsOf(tablesOf(sectionNamed(doc, 'Glossary'))[0]!), [
    ['CLA', 'Children Looked After: Children in the care of the authority'],
    ['PEP', 'Personal Education Plan'],
  ]);
  assert.equal(allText(doc).match(/Personal Education Plan \(PEP\)/g)?.length, 1);
});

test('a draft is marked on its cover; a snapshot taken before the report sections were kept says what it lacks rather than guess', () => {
  assert.equal(buildExecSummary(input({ draft: true })).cover.reported, 'Draft — not yet reported');
  const { report: _r, references: _x, glossary: _g, ...old } = now;
  const doc = buildExecSummary(input({ content: old, authority: 'Westmere County Council' }));
  assert.equal(doc.cover.authority, 'Westmere County Council');
  assert.match(allText(sectionNamed(doc, 'Overall')), /taken before the overall narrative was kept/);
  assert.match(allText(sectionNamed(doc, 'Glossary')), /taken before the glossary was kept/);
  assert.match(allText(buildScrutiny(input({ content: old })).sections[0]!), /taken before inspection references were kept/);
});

test('annual report: one work plan per task group with revised timescales, dated updates and RAG; the dashboard carries "c", charts the series and says a figure\'s note', () => {
  const measure = {
    code: 'missing',
    title: 'Children missing from care',
    group: 'Safeguarding',
    periodEnd: '2026-09-30',
    value: 'c',
    numerator: null,
    denominator: null,
    target: null,
    rag: null,
    ragReason: null,
    direction: null,
    benchmarks: [],
    commentary: null,
    unit: 'count',
    series: [
      { periodEnd: '2026-07-31', value: 12, shown: '12' },
      { periodEnd: '2026-08-31', value: null, shown: 'c' },
      { periodEnd: '2026-09-30', value: 9, shown: '9' },
    ],
  };
  const doc = buildAnnual(input({ content: { ...now, measures: [measure] } }));
  assert.deepEqual(
    doc.sections.map((s) => s.heading),
    ['Summary', 'Recommendations', 'Priorities', 'You said, we did', 'Appendix B – Task group work plans', 'Appendix C – Data dashboard', 'Glossary'],
  );
  const appendices = sectionNamed(doc, 'Appendix B – Task group work plans').blocks as Section[];
  assert.deepEqual(
    appendices.map((s) => s.heading),
    ['Appendix B (i) Health – task group work plan', 'Appendix B (ii) Education – task group work plan'],
  );
  const health = rowsOf(tablesOf(appendices[0]!)[0]!);
  assert.deepEqual(health.find((r) => r[0] === '5 Action 5'), ['5 Action 5', 'Jo Example', '31 December 2026\nRevised to 30 June 2027: Waiting for the new web platform', 'No update in the period', 'Amber']);
  assert.equal(tablesOf(appendices[1]!)[0]!.rows.length, 0);
  const dash = sectionNamed(doc, 'Safeguarding');
  assert.deepEqual(rowsOf(tablesOf(dash)[0]!)[0]!.slice(0, 2), ['Children missing from care', 'c']);
  const figure = dash.blocks.find((b) => b.kind === 'figure');
  assert.ok(figure && figure.kind === 'figure');
  assert.deepEqual(figure.chart.points, [
    { periodEnd: '2026-07-31', value: 12 },
    { periodEnd: '2026-08-31', value: null },
    { periodEnd: '2026-09-30', value: 9 },
  ]);
  assert.deepEqual(rowsOf(figure.table).map((r) => r[1]), ['12', 'c', '9']);
  assert.match(figure.alt, /12 at first and 9 most recently; 1 period has no figure/);
  assert.doesNotMatch(allText(dash), /Note on/, 'a figure without a note has none');
  const noted = sectionNamed(buildAnnual(input({ content: { ...now, measures: [{ ...measure, note: 'only 1 collection year of Episodes to 2026: three are needed' }] } })), 'Safeguarding');
  assert.match(allText(noted), /Note on Children missing from care: only 1 collection year of Episodes to 2026: three are needed\./);
  assert.deepEqual(timescales(action('9', { deadlines: [], deadline: null })), ['No deadline']);
});

test('scrutiny pack: each area for improvement with the actions answering it and its measures before and after', () => {
  const doc = buildScrutiny(
    input({
      content: {
        ...now,
        references: [
          {
            kind: 'inspection',
            value: '2',
            title: 'Return home interviews',
            body: 'The take-up of return home interviews.',
            source: 'Ofsted ILACS',
            issuedOn: '2026-03-01',
            actions: ['plan:4', 'plan:1'],
            measures: [{ code: 'rhi', title: 'Return home interviews offered', before: { periodEnd: '2026-02-28', value: '11' }, after: { periodEnd: '2026-09-30', value: 'c' } }],
          },
        ],
      },
    }),
  );
  assert.deepEqual(
    doc.sections.map((s) => s.heading),
    ['What needs to improve', 'Area for improvement 2: Return home interviews', 'Glossary'],
  );
  const area = doc.sections[1]!;
  assert.deepEqual(rowsOf(tablesOf(sectionNamed(area, 'Progress'))[0]!).map((r) => [r[0], r[3]]), [
    ['4 Action 4', 'Red'],
    ['1 Action 1', 'Green'],
  ]);
  assert.deepEqual(rowsOf(tablesOf(sectionNamed(area, 'Before and after'))[0]!), [['Return home interviews offered', '11', '2026-02-28', 'c', '2026-09-30']]);
});

test('the quarter after one ending 30 September ends on 31 December; after 31 March, on 30 June', () => {
  assert.equal(nextQuarterEnd('2026-09-30'), '2026-12-31');
  assert.equal(nextQuarterEnd('2027-03-31'), '2027-06-30');
  assert.equal(nextQuarterEnd('2026-12-31'), '2027-03-31');
});

test('build annual gives each young people priority its status in the words the voice page uses', () => {
  const priority = (status: string, priority: string) => ({ council: 'Children in Care Council', priority, youSaid: 'We asked.', status, raisedOn: '2026-05-01', answeredOn: null, weDid: '', responses: [] });
  const doc = buildAnnual(input({ content: { ...now, priorities: [priority('open', 'Council tax'), priority('in-progress', 'Getting a job'), priority('done', 'Pocket money')] } }));
  assert.deepEqual(rowsOf(tablesOf(sectionNamed(doc, 'Priorities'))[0]!).map((r) => [r[0], r[4]]), [
    ['Council tax', 'Not started yet'],
    ['Getting a job', 'We are working on it'],
    ['Pocket money', 'We did it'],
  ]);
});
