// A plan as tables for CSV and Excel: actions in document order, paths, statuses and deadlines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { planDocumentSchema, type PlanDocument } from '../domain/plan-document.ts';
import { ACTION_COLUMNS, planTables, planToCsv, planToXlsx } from './plan-tables.ts';

const AS_OF = '2018-06-30';

const DESCRIPTION = 'Recruit foster carers, "especially" for teenagers,\nsibling groups and parent-and-child placements.';

const doc: PlanDocument = planDocumentSchema.parse({
  format: 'parentis.plan',
  formatVersion: 1,
  plan: {
    slug: 'improvement-2017-19',
    title: 'Improvement plan 2017–19',
    kind: 'improvement',
    periodStart: '2017-04-01',
    periodEnd: '2019-03-31',
    nodes: [
      {
        kind: 'programme',
        number: '6',
        title: 'Getting to good',
        children: [
          {
            kind: 'area',
            number: '2',
            title: 'Consistency of social work practice',
            actions: [
              {
                number: '6.1',
                title: 'Grow local fostering capacity',
                description: DESCRIPTION,
                owners: [{ name: 'Jo Bloggs', role: 'Strategic Commissioner' }, { role: 'Head of Service for Fostering' }],
                successMeasures: '=SUM(A1:A9)',
                outcome: 'More children live near home\nand stay at their school',
                flags: ['rolled-over', 'dashboard-measure'],
                refs: [
                  { kind: 'inspection', value: '11' },
                  { kind: 'challenge', value: '4' },
                ],
                deadlines: [
                  { date: '2018-03-31', reason: 'Original deadline', setBy: 'Sam Hill', setAt: '2017-04-10T09:00:00Z' },
                  { date: '2018-05-31', reason: 'Recruitment campaign delayed', setBy: 'Sam Hill', setAt: '2018-02-01T09:00:00Z' },
                ],
                statuses: [
                  { status: 'R', asAt: '2018-01-31', reason: 'Campaign not started.', proposedBy: 'Jo Bloggs', approvedBy: 'Sam Hill', recordedAt: '2018-01-31T16:30:00Z' },
                  { status: 'A', asAt: '2018-04-30', reason: 'Campaign live; 4 enquiries.', proposedBy: 'Jo Bloggs', approvedBy: 'Sam Hill', recordedAt: '2018-04-30T16:30:00Z' },
                  { status: 'G', kind: 'forecast', asAt: '2018-04-30', proposedBy: 'Jo Bloggs', approvedBy: 'Sam Hill', recordedAt: '2018-04-30T16:31:00Z' },
                  { status: 'B', asAt: '2018-06-15', reason: 'Six new households approved.', proposedBy: 'Jo Bloggs', recordedAt: '2018-06-15T10:00:00Z' },
                ],
                updates: [
                  { date: '2018-01-31', author: 'Jo Bloggs', body: 'Campaign materials drafted.' },
                  { date: '2018-04-30', author: 'Jo Bloggs', body: '- Campaign launched\n- 4 enquiries so far' },
                ],
                subActions: [
                  {
                    number: '6.1a',
                    title: 'Run a foster carer recruitment campaign',
                    owners: [{ name: 'Ali Khan' }],
                    deadlines: [{ date: '2018-09-30', setBy: 'Sam Hill', setAt: '2017-04-10T09:00:00Z' }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Placements',
        actions: [
          {
            number: '7',
            title: 'Open a local children’s home',
            owners: [{ name: 'Ali Khan', role: 'Operations Manager' }],
            deadlines: [{ date: '2018-01-31', setBy: 'Sam Hill', setAt: '2017-04-10T09:00:00Z' }],
            statuses: [{ status: 'B', asAt: '2018-02-28', proposedBy: 'Ali Khan', approvedBy: 'Sam Hill', recordedAt: '2018-02-28T16:30:00Z' }],
          },
        ],
      },
    ],
    risks: [
      {
        reference: 'R3',
        programme: '6',
        title: 'Not enough foster carers',
        impact: 'More children placed at a distance',
        mitigation: 'Recruitment campaign',
        owner: 'Sam Hill',
        reviewDate: '2018-07-31',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2017-04-10T09:00:00Z', recordedBy: 'Sam Hill' },
          { likelihood: 3, impact: 4, recordedAt: '2018-04-30T09:00:00Z', recordedBy: 'Sam Hill' },
        ],
        actions: ['6.1', '6.1a'],
      },
    ],
  },
});

function actionRow(number: string, asOf = AS_OF) {
  const row = planTables(doc, asOf).actions.find((r) => r.number === number);
  assert.ok(row, `no row for action ${number}`);
  return row;
}

void test('building the actions table lists sub-actions after their parent, depth-first in document order', () => {
  assert.deepEqual(
    planTables(doc, AS_OF).actions.map((r) => r.number),
    ['6.1', '6.1a', '7'],
  );
});

void test('building the actions table writes each path from node numbers, or the title of an unnumbered node', () => {
  assert.equal(actionRow('6.1').path, 'Programme 6 › Area 2');
  assert.equal(actionRow('6.1a').path, 'Programme 6 › Area 2');
  assert.equal(actionRow('7').path, 'Placements');
});

void test('building the actions table shows a sub-area lettered within its area by its letter alone', () => {
  const nested = planDocumentSchema.parse({
    format: 'parentis.plan',
    formatVersion: 1,
    plan: {
      slug: 'nested',
      title: 'Nested',
      kind: 'cypp',
      nodes: [
        {
          kind: 'programme',
          number: '6',
          title: 'P',
          children: [{ kind: 'area', number: '2', title: 'Area', children: [{ kind: 'area', number: 'A', title: 'Sub-area', actions: [{ number: '6.6', title: 'T', owners: [{ name: 'N' }] }] }] }],
        },
      ],
    },
  });
  assert.equal(planTables(nested, AS_OF).actions[0]?.path, 'Programme 6 › Area 2 › A');
});

void test('building the actions table takes the status from the latest approved entry, not the pending proposal', () => {
  const row = actionRow('6.1');
  assert.equal(row.status, 'A');
  assert.equal(row.statusAsAt, '2018-04-30');
  assert.equal(row.forecast, 'G');
  assert.equal(row.pendingProposal, 'B');
});

void test('building the actions table leaves status blank for an action with no approved status', () => {
  const row = actionRow('6.1a');
  assert.equal(row.status, '');
  assert.equal(row.statusAsAt, null);
  assert.equal(row.pendingProposal, '');
});

void test('building the actions table counts deadline revisions and the days the deadline moved', () => {
  const row = actionRow('6.1');
  assert.equal(row.deadline, '2018-05-31');
  assert.equal(row.originalDeadline, '2018-03-31');
  assert.equal(row.deadlineRevisions, 1);
  assert.equal(row.daysMoved, 61);
});

void test('building the actions table marks an action overdue only once its deadline has passed the as-of date', () => {
  assert.equal(actionRow('6.1', '2018-05-31').overdue, 'no');
  assert.equal(actionRow('6.1', '2018-06-01').overdue, 'yes');
});

void test('building the actions table never marks a Blue action overdue', () => {
  assert.equal(actionRow('7').overdue, 'no');
});

void test('building the actions table joins owners, flags and references', () => {
  const row = actionRow('6.1');
  assert.equal(row.owners, 'Jo Bloggs, Strategic Commissioner; Head of Service for Fostering');
  assert.equal(row.flags, 'rolled-over, dashboard-measure');
  assert.equal(row.refs, 'inspection 11; challenge 4');
  assert.equal(actionRow('6.1a').owners, 'Ali Khan');
});

void test('building the actions table reports the latest update and the days since it', () => {
  const row = actionRow('6.1');
  assert.equal(row.lastUpdate, '2018-04-30');
  assert.equal(row.daysSinceUpdate, 61);
  assert.equal(actionRow('6.1a').lastUpdate, null);
  assert.equal(actionRow('6.1a').daysSinceUpdate, null);
});

void test('building the history tables gives one row per entry, pending proposals included', () => {
  const tables = planTables(doc, AS_OF);
  assert.equal(tables.statuses.length, 5);
  assert.deepEqual(tables.statuses[3], {
    number: '6.1',
    kind: 'current',
    status: 'B',
    asAt: '2018-06-15',
    reason: 'Six new households approved.',
    proposedBy: 'Jo Bloggs',
    approvedBy: '',
    recordedAt: '2018-06-15T10:00:00Z',
  });
  assert.deepEqual(
    tables.deadlines.map((d) => [d.number, d.date, d.reason]),
    [
      ['6.1', '2018-03-31', 'Original deadline'],
      ['6.1', '2018-05-31', 'Recruitment campaign delayed'],
      ['6.1a', '2018-09-30', ''],
      ['7', '2018-01-31', ''],
    ],
  );
  assert.deepEqual(tables.updates[1], { number: '6.1', date: '2018-04-30', author: 'Jo Bloggs', body: '- Campaign launched\n- 4 enquiries so far' });
});

void test('building the risks table scores likelihood × impact now and before', () => {
  assert.deepEqual(planTables(doc, AS_OF).risks, [
    {
      reference: 'R3',
      programme: '6',
      title: 'Not enough foster carers',
      impact: 'More children placed at a distance',
      mitigation: 'Recruitment campaign',
      owner: 'Sam Hill',
      reviewDate: '2018-07-31',
      status: 'open',
      likelihood: 3,
      impactScore: 4,
      score: 12,
      previousScore: 16,
      actions: '6.1, 6.1a',
    },
  ]);
});

void test('building the tables rejects an as-of date that is not yyyy-mm-dd', () => {
  assert.throws(() => planTables(doc, '30/06/2018'), RangeError);
});

void test('writing the CSV starts with a byte order mark and the header row', () => {
  const csv = planToCsv(doc, AS_OF);
  assert.ok(csv.startsWith('\uFEFFPlan,Path,Number,Title,'));
  assert.ok(csv.includes('\r\n'));
});

void test('writing the CSV keeps commas, quotes and newlines in text when read back', () => {
  const records = parse<Record<string, string>>(planToCsv(doc, AS_OF), { bom: true, columns: true });
  assert.equal(records.length, 3);
  const first = records[0]!;
  assert.equal(first['Number'], '6.1');
  assert.equal(first['Path'], 'Programme 6 › Area 2');
  assert.equal(first['Description'], DESCRIPTION);
  assert.equal(first['Outcome'], 'More children live near home\nand stay at their school');
  // csv-parse would read an unquoted newline back too, once it has seen \r\n; Excel would not.
  assert.ok(planToCsv(doc, AS_OF).includes(',"More children live near home\nand stay at their school",'));
  assert.equal(first['Owners'], 'Jo Bloggs, Strategic Commissioner; Head of Service for Fostering');
  assert.equal(first['Status'], 'A');
  assert.equal(first['Days moved'], '61');
  assert.equal(first['Overdue'], 'yes');
  assert.equal(records[1]!['Status as at'], '');
  assert.deepEqual(Object.keys(first), ACTION_COLUMNS.map((c) => c.header));
});

void test('writing the CSV stops text that looks like a formula from running in Excel', () => {
  const records = parse<Record<string, string>>(planToCsv(doc, AS_OF), { bom: true, columns: true });
  assert.equal(records[0]!['Success measures'], "'=SUM(A1:A9)");
});

async function workbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer, which a Node Buffer is not; hand it a copy of the bytes.
  await wb.xlsx.load(new Uint8Array(await planToXlsx(doc, AS_OF)).buffer);
  return wb;
}

void test('writing the workbook gives an About sheet then one sheet per table', async () => {
  const wb = await workbook();
  assert.deepEqual(
    wb.worksheets.map((ws) => ws.name),
    ['About', 'Actions', 'Status history', 'Deadlines', 'Updates', 'Risks'],
  );
  assert.equal(wb.creator, 'Parentis');
  const about = wb.getWorksheet('About')!;
  assert.equal(about.getCell('B1').value, 'Improvement plan 2017–19');
  assert.equal(about.getCell('B2').value, 'improvement-2017-19');
  assert.deepEqual(about.getCell('B6').value, new Date('2018-06-30T00:00:00Z'));
});

void test('writing the workbook puts a bold, frozen header row on the Actions sheet', async () => {
  const actions = (await workbook()).getWorksheet('Actions')!;
  assert.equal(actions.getCell('A1').value, 'Plan');
  assert.equal(actions.getCell('D1').value, 'Title');
  assert.equal(actions.getCell('A1').font?.bold, true);
  assert.equal(actions.views[0]?.state, 'frozen');
  assert.equal(actions.getCell('D2').value, 'Grow local fostering capacity');
  assert.equal(actions.getCell('E2').value, DESCRIPTION);
  assert.equal(actions.getCell('E2').alignment?.wrapText, true);
  assert.equal(actions.getCell('Q2').value, 61);
});

void test('writing the workbook stores deadlines as Excel dates', async () => {
  const actions = (await workbook()).getWorksheet('Actions')!;
  const deadline = actions.getCell('N2');
  assert.ok(deadline.value instanceof Date);
  assert.equal(deadline.value.toISOString(), '2018-05-31T00:00:00.000Z');
  assert.equal(deadline.numFmt, 'dd/mm/yyyy');
});

void test('writing the workbook fills each status cell in its BRAG colour', async () => {
  const actions = (await workbook()).getWorksheet('Actions')!;
  const amber = actions.getCell('K2');
  assert.equal(amber.value, 'A');
  assert.deepEqual(amber.fill, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF47738' } });
  assert.equal(amber.font?.color?.argb, 'FF000000');
  const blue = actions.getCell('K4');
  assert.equal(blue.value, 'B');
  assert.equal(blue.fill?.type === 'pattern' ? blue.fill.fgColor?.argb : undefined, 'FF1D70B8');
  assert.equal(blue.font?.color?.argb, 'FFFFFFFF');
  assert.equal(actions.getCell('K3').value, null);
});

void test('writing the workbook lists every risk with its scores', async () => {
  const risks = (await workbook()).getWorksheet('Risks')!;
  assert.equal(risks.getCell('A2').value, 'R3');
  assert.equal(risks.getCell('K2').value, 12);
  assert.equal(risks.getCell('L2').value, 16);
  assert.ok(risks.getCell('G2').value instanceof Date);
});
