// Word and Excel trackers shaped like the councils' own read into the exact plan tree, owners, deadlines, statuses and updates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { buildPlan, describeProblem, guessMapping, readTracker } from '../../src/plan-import/index.ts';
import { docxFile, messyWorkbook, seed000Workbook, seed001Document, seed002Document, xlsxFile } from '../helpers/trackers.ts';

const options = { importedBy: 'Rhys Penrose', importedAt: '2018-03-20T10:00:00Z' };
const plan = { slug: 'imported', title: 'Imported plan', kind: 'other' as const };

describe('a Word work plan shaped like seed 001', () => {
  it('reads both tables, guesses every column and joins the repeated table', async () => {
    const file = await readTracker('work-plan.docx', await seed001Document());
    assert.equal(file.kind, 'docx');
    assert.equal(file.tables.length, 2);
    const guess = guessMapping(file);
    assert.ok(guess);
    assert.equal(guess.complete, true);
    assert.deepEqual(guess.mapping.tables, [1, 2]);
    assert.deepEqual(guess.mapping.columns, {
      action: 'Action Health and Wellbeing -',
      owner: 'Action Owner',
      deadline: 'Timescales',
      progress: 'Progress update / Plans',
      status: 'RAG',
    });
  });

  it('builds numbered actions with several owners, revised deadlines, dated updates and RAG', async () => {
    const file = await readTracker('work-plan.docx', await seed001Document());
    const mapping = guessMapping(file)!.mapping;
    const r = buildPlan(file, mapping, plan, options);
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error').map(describeProblem), []);
    assert.equal(r.actions, 3);
    const node = r.document.plan.nodes![0]!;
    assert.equal(node.title, 'Task group 1: Health and wellbeing');
    const [a12, a15, a16] = node.actions!;
    assert.equal(a12!.number, '1.2');
    assert.match(a12!.title, /^Data re health assessments/);
    assert.deepEqual(a12!.owners, [
      { name: 'Jenny Thompson', role: 'Operational Manager Public Health West' },
      { name: 'Angela Reece', role: 'CLA Nurse Specialist' },
    ]);
    assert.deepEqual(a12!.deadlines!.map((d) => d.date), ['2017-08-07']);
    assert.deepEqual(a12!.updates, [
      { date: '2017-09-12', author: 'Jenny Thompson', body: 'Dataset meetings held to review health assessment data for CLA.\nMetrics changed to include outstanding health assessments.' },
    ]);
    assert.deepEqual(a12!.statuses!.map((s) => [s.status, s.asAt]), [['G', '2017-09-12']]);
    assert.deepEqual(a15!.deadlines!.map((d) => [d.date, d.reason]), [
      ['2018-02-01', 'as first set in the tracker'],
      ['2018-06-01', 'revised in the tracker'],
    ]);
    assert.deepEqual(a15!.updates!.map((u) => u.date), ['2017-11-03', '2018-03-05']);
    assert.equal(a15!.statuses![0]!.status, 'R');
    assert.deepEqual(a16!.deadlines!.map((d) => d.date), ['2018-03-31', '2018-06-30']);
    assert.equal(a16!.statuses![0]!.status, 'B');
    assert.deepEqual(a16!.owners[0], { name: 'Julie Skorupka', role: 'Strategic Manager, Children Looked After & Leaving Care Services' });
  });
});

describe('an Excel action plan shaped like seed 000', () => {
  it('finds the header under a title row, the number column without a header, and the status date', async () => {
    const file = await readTracker('sufficiency.xlsx', await seed000Workbook());
    const guess = guessMapping(file)!;
    assert.equal(guess.mapping.headerLine, 3);
    assert.equal(guess.mapping.columns.number, 'A');
    assert.equal(guess.mapping.columns.ref, 'Relevant Challenge in Sufficiency Statement');
    assert.equal(guess.mapping.refKind, 'challenge');
    assert.equal(guess.mapping.statusAsAt, '2017-07-31');
  });

  it('builds themes from merged rows and actions with challenges, owners and BRAG', async () => {
    const file = await readTracker('sufficiency.xlsx', await seed000Workbook());
    const r = buildPlan(file, guessMapping(file)!.mapping, plan, options);
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error').map(describeProblem), []);
    const nodes = r.document.plan.nodes!;
    assert.deepEqual(nodes.map((n) => [n.title, n.actions!.map((a) => a.number)]), [
      ['Child Sexual Exploitation (CSE)', ['1']],
      ['Commissioning', ['2', '3']],
    ]);
    const [a2, a3] = nodes[1]!.actions!;
    assert.deepEqual(a2!.owners, [{ role: 'Head of Placements' }, { role: 'Commissioning Manager' }]);
    assert.deepEqual(a2!.refs, [{ kind: 'challenge', value: 'Challenge 4' }]);
    assert.deepEqual(a3!.refs, [
      { kind: 'challenge', value: 'Challenge 4' },
      { kind: 'challenge', value: 'Challenge 5' },
    ]);
    assert.deepEqual(a2!.statuses!.map((s) => [s.status, s.asAt]), [['A', '2017-07-31']]);
    assert.equal(a3!.statuses![0]!.status, 'B');
    const a1 = nodes[0]!.actions![0]!;
    assert.deepEqual(a1.updates, [
      { date: '2017-07-31', author: 'Louise Palmer', body: '- A competitive tendering process has recently been completed.\n- The new service will commence on 1 October 2017.' },
    ]);
  });

});

describe('a Word programme plan shaped like seed 002', () => {
  it('builds programmes and areas with leads, inspection references, lettered sub-actions and staged KPI targets', async () => {
    const file = await readTracker('programme-6.docx', await seed002Document());
    const guess = guessMapping(file)!;
    assert.equal(guess.mapping.columns.ref, 'Ofsted 2017 Recommendation number');
    assert.equal(guess.mapping.refKind, 'inspection');
    assert.equal(guess.mapping.columns.kpi, 'Key Performance Indicators');
    const r = buildPlan(file, guess.mapping, plan, options);
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error').map(describeProblem), []);
    const [p1, p2] = r.document.plan.nodes!;
    assert.deepEqual([p1!.number, p1!.title, p1!.lead], ['1', 'Increase the capacity of the leadership team so that the pace of change can be accelerated', "HR Director and Deputy Director Children's Services"]);
    const [a1, a2] = p1!.actions!;
    assert.deepEqual(a1!.refs, [{ kind: 'inspection', value: '1' }]);
    assert.equal(a1!.title, 'Review senior management structure and roles');
    assert.deepEqual(a1!.subActions!.map((s) => [s.number, s.title, s.deadlines!.map((d) => d.date)]), [
      ['a', 'Embed the leadership competency framework at all staff levels', ['2018-06-30']],
      ['b', 'Consult with the workforce about flexible ways of working', ['2018-09-30']],
    ]);
    assert.deepEqual(a1!.deadlines!.map((d) => d.date), ['2018-09-30']);
    assert.equal(a1!.outcome, 'A stable leadership team');
    assert.deepEqual(a2!.refs, [
      { kind: 'inspection', value: '2' },
      { kind: 'inspection', value: '3' },
    ]);
    assert.equal(a2!.statuses![0]!.status, 'A');
    const area = p2!.children![0]!;
    assert.deepEqual([area.kind, area.number, area.title, area.lead], ['area', 'A', 'Permanence planning', 'Strategic Manager Children Looked After and Leaving Care']);
    const ihas = area.actions![1]!;
    assert.deepEqual(ihas.kpis![0]!.targets, [
      { by: '2018-06-30', value: 80 },
      { by: '2018-12-31', value: 90 },
      { by: '2019-03-31', value: 95 },
    ]);
    assert.deepEqual(ihas.deadlines!.map((d) => d.date), ['2019-03-31']);
    assert.match(ihas.deadlines![0]!.reason!, /Incremental during 2018\/19/);
  });
});

describe('a messy tracker', () => {
  it('passes over the lookup sheet, the title and empty rows and the hidden column, and reads every kind of date and status', async () => {
    const file = await readTracker('tracker.xlsx', await messyWorkbook());
    const guess = guessMapping(file)!;
    assert.deepEqual(guess.mapping.tables, [2]);
    assert.equal(guess.mapping.headerLine, 3);
    assert.deepEqual(guess.mapping.columns, { number: 'Ref', action: 'Action', owner: 'Lead officer', deadline: 'Target date', status: 'RAG' });
    const r = buildPlan(file, guess.mapping, plan, options);
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error').map(describeProblem), []);
    const actions = r.document.plan.nodes![0]!.actions!;
    assert.deepEqual(
      actions.map((a) => [a.number, a.deadlines![0]!.date, a.statuses![0]!.status]),
      [
        ['1', '2018-03-31', 'R'],
        ['2', '2018-09-12', 'A'],
        ['3', '2018-10-12', 'G'],
        ['4', '2018-11-30', 'B'],
        ['5', '2018-12-05', 'B'],
        ['6', '2019-01-31', 'A'],
        ['7', '2019-03-29', 'G'],
      ],
    );
    assert.ok(r.problems.some((p) => p.severity === 'warning' && /"A\/G" names two statuses/.test(p.message)));
  });

  it('names the sheet, row and column of a timescale that is not a date and of an unknown status', async () => {
    const bytes = await xlsxFile([
      {
        name: 'Plan',
        rows: [
          ['Ref', 'Action', 'Action owner', 'Timescales', 'BRAG'],
          ['1', 'Review the sufficiency duty', 'Head of Placements', 'Sprung 2018', 'Purple'],
          ['2', 'Publish the strategy', 'Head of Placements', 'see the strategy group', 'G'],
        ],
      },
    ]);
    const file = await readTracker('plan.xlsx', bytes);
    const r = buildPlan(file, guessMapping(file)!.mapping, plan, options);
    assert.deepEqual(r.problems.map(describeProblem), [
      "sheet Plan, row 2, Timescales: 'Sprung 2018' is not a date",
      'sheet Plan, row 2, BRAG: "Purple" is not a BRAG status: write B, R, A or G (Blue, Red, Amber, Green) or Complete',
      "sheet Plan, row 3, Timescales: 'see the strategy group' has no date: no deadline is set",
    ]);
  });
});

describe('files that are not trackers', () => {
  it('refuses a PDF renamed .xlsx, naming the file', async () => {
    await assert.rejects(readTracker('plan.xlsx', Buffer.from('%PDF-1.7\n')), /plan\.xlsx: is a PDF/);
  });
  it('refuses a Word document with no table', async () => {
    await assert.rejects(readTracker('minutes.docx', await docxFile([{ paragraph: 'Minutes of the meeting' }])), /minutes\.docx: has no table/);
  });
  it('refuses a file over 20 MB before reading it', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0x20);
    big.write('PK');
    await assert.rejects(readTracker('huge.xlsx', big), /huge\.xlsx: is 30 MB; a tracker can be at most 20 MB/);
  });
  it('refuses a workbook that would unpack to over 200 MB before inflating it', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(210 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bomb.length < 2 * 1024 * 1024);
    await assert.rejects(readTracker('bomb.xlsx', bomb), /bomb\.xlsx: would unpack to 210 MB; a tracker can unpack to at most 200 MB/);
  });
  it('refuses a cell of a million characters, naming its sheet and row', async () => {
    const bytes = await xlsxFile([{ name: 'Plan', rows: [['Action', 'Owner'], ['x'.repeat(1_000_000), 'Head of Placements']] }]);
    await assert.rejects(readTracker('plan.xlsx', bytes), /plan\.xlsx: sheet Plan, row 2: a cell holds 1,000,000 characters; at most 100,000 are read/);
  });
  it('refuses a password-protected workbook', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await assert.rejects(readTracker('plan.xlsx', ole), /password-protected/);
  });
});
