// Word and Excel trackers shaped like the councils' own read into the exact plan tree, owners, deadlines, statuses and updates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan, describeProblem, guessMapping, readTracker, type TrackerMapping } from '../../src/plan-import/index.ts';
import { seed000Workbook, seed001Document } from '../helpers/trackers.ts';

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

  it('locates a timescale that is not a date and an unknown status', async () => {
    const file = await readTracker('sufficiency.xlsx', await seed000Workbook());
    const mapping: TrackerMapping = { ...guessMapping(file)!.mapping };
    // The success-measures column read as timescales, to meet words that are not dates.
    mapping.columns = { ...mapping.columns, deadline: 'Success measures' };
    const r = buildPlan(file, mapping, plan, options);
    const errors = r.problems.filter((p) => p.severity === 'error').map(describeProblem);
    assert.ok(errors.includes("sheet Action plan, row 5, Success measures: 'Incidences of CSE are reduced.' is not a date"), errors.join('\n'));
  });
});

describe('files that are not trackers', () => {
  it('refuses a PDF renamed .xlsx, naming the file', async () => {
    await assert.rejects(readTracker('plan.xlsx', Buffer.from('%PDF-1.7\n')), /plan\.xlsx: is a PDF/);
  });
  it('refuses a password-protected workbook', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await assert.rejects(readTracker('plan.xlsx', ole), /password-protected/);
  });
});
