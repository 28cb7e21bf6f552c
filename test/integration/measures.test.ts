// Measure services on a real database: the library, value imports (all or nothing, naming file, row
// and column), windows and staged targets with known answers, DfE benchmarks and role rules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { useTestDatabase } from '../helpers/database.ts';

const t = useTestDatabase('Ada Analyst');
const reference = path.resolve(import.meta.dirname, '../../reference/dfe');
const file = (name: string): { name: string; text: string } => ({ name, text: fs.readFileSync(path.join(reference, name), 'utf8') });
const csv = (name: string, text: string): { name: string; data: Uint8Array } => ({ name, data: Buffer.from(text) });
const as = (role: Ctx['role']): Ctx => ({ ...t.ctx, role });

async function defineHealthChecks(): Promise<void> {
  await t.db.services.measures.define(t.ctx, {
    code: 'health-checks',
    title: 'Health checks on time',
    unit: 'percent',
    polarity: 'higher is better',
    frequency: 'monthly',
    amberBand: 2,
  });
}

/** April 2017 to March 2018: numerator = month of the financial year (1…12), denominator 10. */
function yearOfValues(): string {
  const months = ['2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11', '2017-12', '2018-01', '2018-02', '2018-03'];
  return ['code,period,numerator,denominator', ...months.map((m, i) => `health-checks,${m},${i + 1},10`)].join('\n');
}

async function rejectsLeavingNothing(promise: Promise<unknown>, pattern: RegExp, before: Record<string, number>): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ValidationError, String(err));
    assert.match(err.message, pattern);
    return true;
  });
  assert.deepEqual(await t.db.counts(), before);
}

test('import values then list measures shows the latest value with its numerator and denominator', async () => {
  await defineHealthChecks();
  const r = await t.db.services.measures.importValues(t.ctx, csv('values.csv', yearOfValues()));
  assert.deepEqual(r, { file: 'values.csv', rows: 12, measures: ['health-checks'] });
  const [m] = await t.db.services.measures.list(t.ctx);
  assert.equal(m!.latest!.periodEnd, '2018-03-31');
  assert.deepEqual([m!.latest!.numerator, m!.latest!.denominator, m!.latest!.value], [12, 10, 120]);
});

test('series year to date and rolling 12 months give known answers', async () => {
  await defineHealthChecks();
  await t.db.services.measures.importValues(t.ctx, csv('values.csv', yearOfValues()));
  const ytd = await t.db.services.measures.series(t.ctx, 'health-checks', 'ytd');
  const september = ytd.find((f) => f.periodEnd === '2017-09-30')!;
  assert.deepEqual([september.numerator, september.denominator, september.value], [21, 60, 35]);
  const rolling = await t.db.services.measures.series(t.ctx, 'health-checks', 'rolling12');
  assert.equal(rolling.find((f) => f.periodEnd === '2018-02-28')!.value, null);
  const march = rolling.find((f) => f.periodEnd === '2018-03-31')!;
  assert.deepEqual([march.numerator, march.denominator, march.value], [78, 120, 65]);
});

test('staged targets give the step in force and a RAG through the amber band', async () => {
  await defineHealthChecks();
  await t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-09,83,100\nhealth-checks,2018-05,83,100\n'));
  await t.db.services.measures.addTarget(t.ctx, 'health-checks', { effectiveFrom: '2017-04-01', effectiveTo: '2018-03-31', value: 84, staged: true, label: 'stage 1' });
  await t.db.services.measures.addTarget(t.ctx, 'health-checks', { effectiveFrom: '2018-04-01', value: 90, staged: true, label: 'stage 2' });
  const [m] = await t.db.services.measures.list(t.ctx);
  assert.equal(m!.latest!.periodEnd, '2018-05-31');
  assert.deepEqual([m!.target!.value, m!.target!.label, m!.rag], [90, 'stage 2', 'R']);
  const detail = await t.db.services.measures.get(t.ctx, 'health-checks');
  assert.equal(detail.targets.length, 2);
  await t.db.services.measures.importValues(t.ctx, csv('later.csv', 'code,period,numerator,denominator\nhealth-checks,2018-05,89,100\n'));
  assert.equal((await t.db.services.measures.list(t.ctx))[0]!.rag, 'A');
});

test('import values with a missing column names the file and column and changes nothing', async () => {
  await defineHealthChecks();
  const before = await t.db.counts();
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator\nhealth-checks,2017-04,1\n')),
    /^values\.csv: the column denominator is missing/,
    before,
  );
});

test('import values with a bad row (not a number, no such measure, not a date or month, a period not ended, a 903 measure) names the file, row and column and changes nothing', async () => {
  await defineHealthChecks();
  const before = await t.db.counts();
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-04,1,10\nhealth-checks,2017-05,lots,10\n')),
    /^values\.csv: row 3, column numerator: "lots" is not a number$/,
    before,
  );
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-04,1,10\nno-such-measure,2017-05,1,10\n')),
    /^values\.csv: row 3, column code: there is no measure "no-such-measure"/,
    before,
  );
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,31/02/2018,1,10\n')),
    /^values\.csv: row 2, column period: "31\/02\/2018" is not a date/,
    before,
  );
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-04,1,10\nhealth-checks,2017-13,1,10\n')),
    /^values\.csv: row 3, column period: "2017-13" is not a month \(write yyyy-mm, the month 01 to 12\)/,
    before,
  );
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-04,1,10\nhealth-checks,2099-01,1,10\n')),
    /^values\.csv: row 3, column period: the period ending 2099-01-31 has not ended yet: send figures for periods that have/,
    before,
  );
  await t.db.services.measures.define(t.ctx, { code: 'cla', title: 'Children looked after', unit: 'count', polarity: 'neither', frequency: 'monthly', source: 'ssda903' });
  const defined = await t.db.counts();
  await rejectsLeavingNothing(
    t.db.services.measures.importValues(t.ctx, csv('values.csv', 'code,period,numerator,denominator\nhealth-checks,2017-04,1,10\ncla,2017-04,250,\n')),
    /^values\.csv: row 3, column code: Children looked after \(cla\) is worked out from the 903 return; its figures cannot be imported/,
    defined,
  );
});

test('import values from an xlsx workbook reads its first sheet', async () => {
  await defineHealthChecks();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Values');
  ws.addRow(['Code', 'Period', 'Numerator', 'Denominator', 'Breakdown']);
  ws.addRow(['health-checks', '2017-04', 9, 10, '']);
  ws.addRow(['health-checks', '2017-04', 4, 5, 'age band: 10 to 15']);
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await t.db.services.measures.importValues(t.ctx, { name: 'values.xlsx', data });
  assert.equal(r.rows, 2);
  const detail = await t.db.services.measures.get(t.ctx, 'health-checks');
  assert.deepEqual(
    detail.values.map((v) => [v.breakdown?.category ?? '', v.value]),
    [['', 90], ['10 to 15', 80]],
  );
});

test("measure page sets a breakdown's categories out youngest first, whatever order the file gave them in", async () => {
  await defineHealthChecks();
  const rows = ['health-checks,2017-04,90,100,', 'health-checks,2017-04,40,50,age band: 10 to 15', 'health-checks,2017-04,30,30,age band: 5 to 9', 'health-checks,2017-04,20,20,age band: 0 to 4', 'health-checks,2017-04,0,0,age band: Not known'];
  await t.db.services.measures.importValues(t.ctx, csv('values.csv', `code,period,numerator,denominator,breakdown\n${rows.join('\n')}\n`));
  const page = await t.db.services.measures.page(t.ctx, 'health-checks', { asAt: '2017-04-30' });
  assert.deepEqual(page.breakdowns.map((b) => [b.dimension, b.rows.map((r) => r.category)]), [['age band', ['0 to 4', '5 to 9', '10 to 15', 'Not known']]]);
});

test('import dfe fills england, region and statistical-neighbour mean and median from the published tables', async () => {
  await t.db.services.benchmarks.importNeighbours(t.ctx, file('sn_model_2025_wide.csv'));
  const r = await t.db.services.benchmarks.importDfe(t.ctx, [file('la_cla_placement_stability.csv')], { laCode: '908' });
  assert.equal(r.laName, 'Cornwall');
  assert.equal(r.regionName, 'South West');
  assert.equal(r.neighbours, 10);
  await t.db.services.measures.define(t.ctx, { code: 'placements-3plus', title: '3+ placements', unit: 'percent', polarity: 'lower is better', frequency: 'monthly' });
  const [m] = await t.db.services.measures.list(t.ctx, { code: 'placements-3plus' });
  const by = Object.fromEntries(m!.benchmarks.map((b) => [b.comparator, [b.timePeriod, b.value]]));
  // Cornwall's neighbours (2025 model) published 13, 6, 7, 12, 5, 11, 9, 11, 12 and 14 per cent for 2025.
  assert.deepEqual(by, { england: [2025, 10], region: [2025, 12], 'sn-mean': [2025, 10], 'sn-median': [2025, 11] });
});

test('import dfe with the ofsted outcomes adds the mean of authorities judged good', async () => {
  const inspections = { name: 'outcomes.ods', data: new Uint8Array(fs.readFileSync(path.join(reference, 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'))) };
  const r = await t.db.services.benchmarks.importDfe(t.ctx, [file('la_cla_placement_stability.csv')], { laCode: '908', inspections });
  assert.equal(r.judgedGood, 103);
  const good = await t.db.handle.db
    .selectFrom('benchmark')
    .select(['value', 'authorities'])
    .where('measureCode', '=', 'placements-3plus')
    .where('comparator', '=', 'judged-good')
    .where('timePeriod', '=', 2025)
    .executeTakeFirstOrThrow();
  // 103 authorities judged good or outstanding at 31 March 2025; one figure is suppressed; the other 102 average 10.6078…%.
  assert.equal(good.authorities, 102);
  assert.equal(Number(good.value).toFixed(4), '10.6078');
});

test('import dfe keeps suppressed figures as symbols, never as zero', async () => {
  await t.db.services.benchmarks.importNeighbours(t.ctx, file('sn_model_2025_wide.csv'));
  await t.db.services.benchmarks.importDfe(t.ctx, [file('la_conviction_health_outcome_cla.csv')], { laCode: '908' });
  const rows = await t.db.handle.db.selectFrom('benchmark').select(['value', 'symbol']).where('measureCode', '=', 'sdq-average').where('comparator', '=', 'england').execute();
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.value !== null && r.symbol === null), 'the average score is read from the count column');
});

test('import dfe with a bad cell names the file, row and column and changes nothing', async () => {
  const before = await t.db.counts();
  const text = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent\n' +
    '2025,Reporting year,Local authority,E92000001,England,E12000009,South West,908,Cornwall,E06000052,CLA on 31 March,With 3 or more placements during the year,74,twelve\n';
  await rejectsLeavingNothing(t.db.services.benchmarks.importDfe(t.ctx, [{ name: 'stability.csv', text }], { laCode: '908' }), /^stability\.csv: row 2, column children_percent: "twelve"/, before);
});

test('import population then the authority with that code has its own rates population', async () => {
  const r = await t.db.services.benchmarks.importPopulation(t.ctx, file('ons_mid-year_population_estimates_2012_to_2024.csv'));
  assert.deepEqual([r.years[0], r.years.at(-1)], [2012, 2024]);
  await t.db.handle.db.updateTable('organisation').set({ laCode: '908' }).where('id', '=', t.ctx.organisationId).execute();
  const pop = await t.db.services.benchmarks.population(t.ctx);
  assert.equal(pop.find((p) => p.year === 2024)?.count, 105786);
});

test('every role reads measures but only the analyst imports figures', async () => {
  await defineHealthChecks();
  for (const role of ['viewer', 'owner', 'manager', 'lead', 'admin', 'analyst'] as const) assert.equal((await t.db.services.measures.list(as(role))).length, 1, role);
  for (const role of ['viewer', 'owner', 'manager', 'admin'] as const) {
    await assert.rejects(t.db.services.measures.importValues(as(role), csv('values.csv', yearOfValues())), ForbiddenError, role);
    await assert.rejects(t.db.services.benchmarks.importNeighbours(as(role), file('sn_model_2025_wide.csv')), ForbiddenError, role);
  }
  await assert.rejects(t.db.services.measures.define(as('viewer'), { code: 'x', title: 'X', unit: 'count', polarity: 'neither', frequency: 'annual' }), ForbiddenError);
  await t.db.services.measures.define(as('admin'), { code: 'x', title: 'X', unit: 'count', polarity: 'neither', frequency: 'annual' });
  assert.equal((await t.db.services.measures.importValues(as('analyst'), csv('values.csv', yearOfValues()))).rows, 12);
});

test('define measure records an audit event with the definition', async () => {
  await defineHealthChecks();
  const events = await t.db.services.audit.list(t.ctx);
  assert.equal(events[0]!.event, 'measure.defined');
  assert.equal(events[0]!.entityKey, 'health-checks');
});
