// Board reports from stored snapshots: the same document whatever is edited after the close; the
// round's narrative and decisions frozen with it; small numbers carried as "c"; the inspection's areas
// with their measures before and after; a draft that stores nothing; the annual report's own sections
// and breakdown tables; two people writing the round's text at once; and a snapshot taken before the
// report sections were kept still reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, NotFoundError, StaleWriteError, ValidationError } from '../../src/domain/errors.ts';
import { REPORT_KINDS } from '../../src/reports/common.ts';
import { cellText, type Block, type ReportDocument, type Section } from '../../src/reports/model.ts';
import type { Ctx } from '../../src/services/context.ts';
import { as } from '../helpers/people.ts';
import { useRoundTest } from '../helpers/rounds.ts';

const t = useRoundTest(async ({ db, services, ctx }) => {
  await services.measures.define(ctx, { code: 'missing-children', title: 'Children missing from care', unit: 'count', polarity: 'lower is better', frequency: 'monthly' });
  const csv = 'code,period,numerator,denominator\nmissing-children,2018-04,11,\nmissing-children,2018-05,12,\nmissing-children,2018-06,3,\n';
  await services.measures.importValues(ctx, { name: 'values.csv', data: Buffer.from(csv) });
  await services.references.add(ctx, { kind: 'inspection', value: '11', title: 'Placement sufficiency', body: 'Sufficiency of placements for older children.', source: 'Ofsted ILACS', issuedOn: '2018-05-10' });
  await services.actions.setRefs(ctx, 'test-plan:1', [
    { kind: 'inspection', value: '11' },
    { kind: 'measure', value: 'missing-children' },
  ]);
  // A success measure tied to a code the measures library does not hold.
  const { id: actionId } = await db.handle.db.selectFrom('action').select('id').where('number', '=', '1').executeTakeFirstOrThrow();
  await db.handle.db.insertInto('actionKpi').values({ actionId, position: 1, title: 'Audits finding clear oversight', measureCode: 'AUDIT_OVERSIGHT', unit: '%', targets: '[]' }).execute();
  await services.glossary.add(ctx, { term: 'ILACS', expansion: 'Inspection of Local Authority Children’s Services', definition: '' });
});
// The fields are read inside the tests: the hooks fill them before each.
const manager = (): Ctx => as(t.ctx, 'manager');
const openQ1 = async (): Promise<number> => (await t.services.rounds.open(manager(), { period: '2018/19 Q1', plans: ['test-plan'] })).round.id;

const allSections = (blocks: readonly Block[]): Section[] => blocks.flatMap((b) => (b.kind === 'section' ? [b, ...allSections(b.blocks)] : []));
const sectionNamed = (doc: ReportDocument | Section, heading: string): Section => {
  const within = allSections('sections' in doc ? doc.sections : doc.blocks);
  const s = within.find((x) => x.heading === heading);
  assert.ok(s, `no section "${heading}" in ${JSON.stringify(within.map((x) => x.heading))}`);
  return s;
};
/** Every table's rows in the section, those behind its charts too. */
const tableRows = (s: Section): string[][] =>
  s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.map(cellText)) : b.kind === 'figure' ? b.table.rows.map((r) => r.map(cellText)) : b.kind === 'section' ? tableRows(b) : []));

test('build report from a snapshot, edit the live action and the glossary, build again: the same document, table for table', async () => {
  const id = await openQ1();
  await t.services.rounds.writeNarrative(manager(), id, { narrative: 'A steady quarter.', decisions: 'Note the progress\nAgree the ILACS action plan' });
  await t.services.actions.addUpdate(t.ctx, 'test-plan:1', { date: '2018-06-20', body: 'Two carers approved.' });
  await t.services.snapshots.close(manager(), id);
  const first = await Promise.all(REPORT_KINDS.map((kind) => t.services.reports.buildReport(as(t.ctx, 'viewer'), kind, { snapshot: 1 })));
  // Edit what the reports were built from: the action's status, deadline, title and updates, a new risk score, the glossary.
  await t.services.actions.setStatus(t.ctx, 'test-plan:1', { status: 'R', asAt: '2018-07-02', reason: 'Carers withdrew' });
  await t.services.actions.reviseDeadline(t.ctx, 'test-plan:1', { date: '2019-03-31', reason: 'Later' });
  await t.services.actions.addUpdate(t.ctx, 'test-plan:1', { date: '2018-07-02', body: 'Written after the board.' });
  await t.db.handle.db.updateTable('action').set({ title: 'Renamed later' }).where('number', '=', '1').execute();
  await t.db.handle.db.updateTable('glossaryTerm').set({ expansion: 'Changed later' }).execute();
  await t.db.handle.db.updateTable('organisation').set({ name: 'Renamed Council' }).execute();
  const again = await Promise.all(REPORT_KINDS.map((kind) => t.services.reports.buildReport(as(t.ctx, 'viewer'), kind, { snapshot: 1 })));
  assert.deepEqual(again, first);
  const [exec] = first;
  assert.equal(exec!.cover.reported, 'As reported to the Corporate Parenting Board on 2 July 2018');
  assert.equal(exec!.cover.asAt, 'As at 30 June 2018');
  assert.deepEqual(sectionNamed(exec!, 'Overall').blocks[0], { kind: 'paragraph', content: ['A steady quarter.'] });
  assert.deepEqual(sectionNamed(exec!, 'Decisions required').blocks, [{ kind: 'list', items: [['Note the progress'], ['Agree the Inspection of Local Authority Children’s Services (ILACS) action plan']] }]);
});

test('small numbers suppressed in the snapshot are carried as "c" into the dashboard and the scrutiny pack, with the figure before the inspection', async () => {
  await t.services.snapshots.close(manager(), await openQ1());
  const annual = await t.services.reports.buildReport(t.ctx, 'annual', { snapshot: 1 });
  const dashboard = tableRows(sectionNamed(annual, 'Appendix C – Data dashboard'));
  assert.deepEqual(dashboard.find((r) => r[0] === 'Children missing from care')?.slice(0, 3), ['Children missing from care', 'c', '2018-06-30']);
  // The trend's table: April and May as counted, June suppressed.
  assert.deepEqual(dashboard.filter((r) => r[0]!.startsWith('2018-')).map((r) => r[1]), ['11', '12', 'c']);
  const scrutiny = await t.services.reports.buildReport(t.ctx, 'scrutiny', { snapshot: 1 });
  assert.deepEqual(
    scrutiny.sections.map((s) => s.heading),
    ['What needs to improve', 'Area for improvement 11: Placement sufficiency', 'Area for improvement 12', 'Glossary'],
  );
  const area = sectionNamed(scrutiny, 'Area for improvement 11: Placement sufficiency');
  assert.deepEqual(tableRows(sectionNamed(area, 'Before and after')), [
    ['Children missing from care', '11', '2018-04-30', 'c', '2018-06-30'],
    ['Audits finding clear oversight', 'no figure', '—', 'no figure', '—'],
  ]);
  assert.deepEqual(tableRows(sectionNamed(area, 'Progress')).map((r) => r[0]), ['1 Recruit more foster carers']);
  assert.match(JSON.stringify(scrutiny), /Inspection of Local Authority Children’s Services \(ILACS\)/);
});

test('a draft report is built from the open round as closing would freeze it, marked on its cover, and stores nothing', async () => {
  const id = await openQ1();
  await t.services.rounds.writeNarrative(manager(), id, { narrative: 'Draft words.', decisions: '' });
  const before = await t.db.counts();
  const draft = await t.services.reports.buildReport(t.ctx, 'exec-summary', { draft: true });
  assert.deepEqual(await t.db.counts(), before);
  assert.equal(draft.cover.reported, 'Draft — not yet reported');
  assert.equal(draft.cover.draft, true);
  assert.deepEqual(sectionNamed(draft, 'Overall').blocks[0], { kind: 'paragraph', content: ['Draft words.'] });
  // Closing afterwards is numbered 1: the draft used no number.
  assert.equal((await t.services.snapshots.close(manager(), id)).number, 1);
  await assert.rejects(t.services.reports.buildReport(t.ctx, 'exec-summary', { draft: true }), (e: unknown) => e instanceof NotFoundError && /no open reporting round/.test(e.message));
});

test("the round's narrative is written by those who run rounds, until it closes; the unknown report and snapshot are not found", async () => {
  const id = await openQ1();
  await assert.rejects(t.services.rounds.writeNarrative(as(t.ctx, 'viewer'), id, { narrative: 'x', decisions: '' }), ForbiddenError);
  await assert.rejects(t.services.rounds.writeNarrative(manager(), id, { narrative: 'x'.repeat(20001), decisions: '' }), (e: unknown) => e instanceof ValidationError && e.field === 'narrative');
  await t.services.rounds.writeNarrative(manager(), id, { narrative: ' Written.\r\n\r\nTwice. ', decisions: '' });
  const saved = await t.services.rounds.narrative(manager(), id);
  assert.deepEqual([saved.narrative, saved.decisions, saved.annualSummary], ['Written.\n\nTwice.', '', '']);
  await t.services.snapshots.close(manager(), id);
  await assert.rejects(t.services.rounds.writeNarrative(manager(), id, { narrative: 'Too late', decisions: '' }), (e: unknown) => e instanceof ValidationError && /closed/.test(e.message));
  assert.equal((await t.services.snapshots.show(t.ctx, 1)).content.report?.narrative, 'Written.\n\nTwice.');
  await assert.rejects(t.services.reports.buildReport(t.ctx, 'minutes', { snapshot: 1 }), NotFoundError);
  await assert.rejects(t.services.reports.buildReport(t.ctx, 'annual', { snapshot: 2 }), NotFoundError);
});

test('a snapshot taken before the report sections were kept still builds every report, saying what it lacks', async () => {
  const id = await openQ1();
  const q = t.db.handle.db;
  const s = await q
    .insertInto('snapshot')
    .values({ organisationId: t.ctx.organisationId, number: 1, roundId: id, name: 'as reported to the Corporate Parenting Board on 1 July 2018', period: '2018/19 Q1', periodStart: '2018-04-01', periodEnd: '2018-06-30', takenBy: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q
    .insertInto('snapshotSection')
    .values(['actions', 'programmes', 'risks', 'priorities', 'measures'].map((section) => ({ snapshotId: s.id, section, content: '[]' })))
    .execute();
  for (const kind of REPORT_KINDS) {
    const doc = await t.services.reports.buildReport(t.ctx, kind, { snapshot: 1 });
    assert.ok(doc.cover.authority !== '', kind);
    assert.match(JSON.stringify(doc), /taken before/, kind);
  }
});

test("the annual report opens with the sections its authors wrote for the round, and sets the figures' breakdowns out by age band, frozen with the snapshot", async () => {
  await t.services.measures.define(t.ctx, { code: 'cla-count', title: 'Children looked after', unit: 'count', polarity: 'neither', frequency: 'monthly' });
  const rows = ['cla-count,2018-06,63,,', 'cla-count,2018-06,40,,age band: 10 to 15', 'cla-count,2018-06,3,,age band: 0 to 4', 'cla-count,2018-06,20,,age band: 5 to 9', 'cla-count,2018-06,33,,sex: Male', 'cla-count,2018-06,30,,sex: Female'];
  await t.services.measures.importValues(t.ctx, { name: 'cla.csv', data: Buffer.from(`code,period,numerator,denominator,breakdown\n${rows.join('\n')}\n`) });
  const id = await openQ1();
  await t.services.rounds.writeNarrative(manager(), id, {
    narrative: 'Quarter 1 went well.',
    annualSummary: 'The board met six times.',
    annualRecommendations: '- That Council thanks the young people\n- That training is mandatory',
    annualAchievements: 'The board highlights:\n- Council tax exemption for care leavers\n- A post-16 link worker',
    annualDevelopment: 'Write the next ILACS response.',
  });
  await t.services.snapshots.close(manager(), id);
  const annual = await t.services.reports.buildReport(t.ctx, 'annual', { snapshot: 1 });
  assert.deepEqual(annual.sections.map((s) => s.heading).slice(0, 7), ['Summary', 'Recommendations', 'Background', 'Achievements', 'Areas for development', 'Priorities', 'You said, we did']);
  assert.deepEqual(sectionNamed(annual, 'Summary').blocks, [{ kind: 'paragraph', content: ['The board met six times.'] }], 'the annual summary, not the quarter’s narrative');
  assert.deepEqual(sectionNamed(annual, 'Recommendations').blocks, [{ kind: 'list', items: [['That Council thanks the young people'], ['That training is mandatory']] }]);
  assert.deepEqual(sectionNamed(annual, 'Background').blocks, [{ kind: 'paragraph', content: ['No background was written for this annual report.'] }]);
  assert.deepEqual(sectionNamed(annual, 'Achievements').blocks, [
    { kind: 'paragraph', content: ['The board highlights:'] },
    { kind: 'list', items: [['Council tax exemption for care leavers'], ['A post-16 link worker']] },
  ]);
  assert.deepEqual(sectionNamed(annual, 'Areas for development').blocks, [{ kind: 'paragraph', content: ['Write the next Inspection of Local Authority Children’s Services (ILACS) response.'] }]);
  // The breakdowns: youngest first whatever order they were stored in, the small number suppressed, age bands before sex.
  const dashboard = sectionNamed(annual, 'Appendix C – Data dashboard');
  assert.deepEqual(allSections(dashboard.blocks).filter((s) => s.heading.startsWith('By ')).map((s) => s.heading), ['By age band', 'By sex']);
  const byAge = sectionNamed(dashboard, 'By age band').blocks[0]!;
  assert.ok(byAge.kind === 'table');
  assert.equal(byAge.caption, 'Children looked after by age band at 30 June 2018');
  assert.deepEqual(byAge.columns.map((c) => c.header), ['Age band', 'Children looked after']);
  assert.deepEqual(tableRows(sectionNamed(dashboard, 'By age band')), [['0 to 4', 'c'], ['5 to 9', '20'], ['10 to 15', '40']]);
  assert.deepEqual(tableRows(sectionNamed(dashboard, 'By sex')), [['Female', '30'], ['Male', '33']]);
  // New figures for the period after the close change nothing in the report.
  const later = ['cla-count,2018-06,70,,', 'cla-count,2018-06,50,,age band: 10 to 15', 'cla-count,2018-06,9,,age band: 0 to 4'];
  await t.services.measures.importValues(t.ctx, { name: 'cla.csv', data: Buffer.from(`code,period,numerator,denominator,breakdown\n${later.join('\n')}\n`) });
  assert.deepEqual(await t.services.reports.buildReport(t.ctx, 'annual', { snapshot: 1 }), annual);
  // The executive summary keeps the quarter's own narrative.
  const exec = await t.services.reports.buildReport(t.ctx, 'exec-summary', { snapshot: 1 });
  assert.deepEqual(sectionNamed(exec, 'Overall').blocks[0], { kind: 'paragraph', content: ['Quarter 1 went well.'] });
});

test("two people writing the round's text at once: the later save from the older version is refused, says what changed and saves nothing; an unchanged save writes nothing", async () => {
  const id = await openQ1();
  const opened = await t.services.rounds.narrative(manager(), id);
  assert.equal(opened.version, 1);
  // The first person saves the narrative.
  assert.deepEqual(await t.services.rounds.writeNarrative(manager(), id, { narrative: 'Mine first.', expectedVersion: opened.version }), { version: 2, changed: true });
  // The second, who opened the same version, saves the annual summary: refused, with the first person's change.
  const before = await t.db.counts();
  await assert.rejects(t.services.rounds.writeNarrative(manager(), id, { narrative: '', annualSummary: 'Theirs.', expectedVersion: opened.version }), (e: unknown) => {
    assert.ok(e instanceof StaleWriteError);
    assert.match(e.message, /The board report text for 2018\/19 Q1 was changed by someone else since you opened it: you had version 1, it is now version 2/);
    assert.match(e.message, /Nothing was saved/);
    assert.equal(e.currentVersion, 2);
    assert.deepEqual(e.change?.after, { narrative: 'Mine first.' });
    return true;
  });
  assert.deepEqual(await t.db.counts(), before);
  const now = await t.services.rounds.narrative(manager(), id);
  assert.deepEqual([now.narrative, now.annualSummary, now.version], ['Mine first.', '', 2]);
  // Sent again from the version they were shown: saved, only the fields that changed in the audit trail.
  assert.deepEqual(await t.services.rounds.writeNarrative(manager(), id, { narrative: 'Mine first.', annualSummary: 'Theirs.', expectedVersion: 2 }), { version: 3, changed: true });
  const [latest] = await t.db.handle.db.selectFrom('auditEvent').select(['event', 'before', 'after']).where('event', '=', 'round.narrative-written').orderBy('id', 'desc').limit(1).execute();
  assert.deepEqual([latest!.before, latest!.after], [{ annualSummary: '' }, { annualSummary: 'Theirs.' }]);
  // The same text again: nothing written, the version stays.
  const unchanged = await t.db.counts();
  assert.deepEqual(await t.services.rounds.writeNarrative(manager(), id, { annualSummary: 'Theirs.', expectedVersion: 3 }), { version: 3, changed: false });
  assert.deepEqual(await t.db.counts(), unchanged);
});
