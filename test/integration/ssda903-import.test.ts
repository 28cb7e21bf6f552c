// Storing an SSDA903 return on a real database: data-quality issues named by file, line and child,
// refusals that leave nothing behind, replacement of the previous return, the indicators stored for
// every month end with the notes said beside them, and child-level rows kept from everyone but the analyst.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import type { Ctx } from '../../src/services/context.ts';
import { indicatorDefinitions } from '../../src/services/ssda903.service.ts';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { useTestDatabase } from '../helpers/database.ts';

const t = useTestDatabase('Ada Analyst');
const as = (role: Ctx['role']): Ctx => ({ ...t.ctx, role });

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';

/** One year with three faults: C1's X1 is followed by an episode starting days later, C2's DECOM is 31 February, C3's placement code does not exist. */
const faulty = [
  { name: '2018/header.csv', text: [HEADER, 'C1,1,01/06/2010,WBRI,A123456789012,,', 'C2,2,15/03/2008,WBRI,A123456789013,,', 'C3,1,01/01/2005,WBRI,A123456789014,,'].join('\n') },
  {
    name: '2018/episodes.csv',
    text: [
      EPISODES,
      'C1,01/05/2017,S,C2,N1,U4,PR1,01/09/2017,X1,CARPL,AB1 2,AB3 4,SC000001',
      'C1,05/09/2017,P,C2,N1,U4,PR1,,,,AB1 2,AB3 5,SC000002',
      'C2,31/02/2017,S,C2,N1,U4,PR1,,,,AB1 2,AB3 4,SC000003',
      'C3,01/06/2017,S,C2,N1,Q9,PR1,,,,AB1 2,AB3 4,SC000004',
    ].join('\n'),
  },
];

const generated = (seed: string) => generate903({ children: 120, years: 3, seed, endYear: 2018 }).files.map((f) => ({ name: `903/${f.path}`, text: f.text }));

test('check 903 files with a broken chain, a bad date and an unknown placement code reports each with file, line and child', () => {
  const { issues, summary } = t.db.services.ssda903.check(faulty);
  const find = (check: string) => issues.find((i) => i.check === check);
  assert.deepEqual(
    [find('388'), find('bad-date'), find('unknown-code')].map((i) => i && [i.file, i.line, i.child, i.column]),
    [
      ['2018/episodes.csv', 2, 'C1', 'REC'],
      ['2018/episodes.csv', 4, 'C2', 'DECOM'],
      ['2018/episodes.csv', 5, 'C3', 'PLACE'],
    ],
  );
  assert.ok(summary.errors >= 3);
});

test('store 903 files with errors is refused and changes nothing', async () => {
  const before = await t.db.counts();
  await assert.rejects(t.db.services.ssda903.importFiles(t.ctx, faulty), (e: unknown) => e instanceof ValidationError && /data-quality errors?: nothing was stored/.test(e.message));
  assert.deepEqual(await t.db.counts(), before);
});

test('import 903 file with a missing column is refused whole, naming file and column, and changes nothing', async () => {
  await t.db.services.ssda903.importFiles(t.ctx, generated('first'), { proceedWithWarnings: true });
  const before = await t.db.counts();
  const files = generated('second');
  const episodes = files.find((f) => f.name.endsWith('2018/episodes.csv'))!;
  episodes.text = episodes.text.replace(/,URN(\r?\n)/, '$1').replace(/,[^,\n]*(\r?\n)/g, '$1');
  await assert.rejects(t.db.services.ssda903.importFiles(t.ctx, files), (e: unknown) => e instanceof ValidationError && /903\/2018\/episodes\.csv/.test(e.message) && /URN/.test(e.message));
  assert.deepEqual(await t.db.counts(), before);
});

test('import 903 stores every row and the indicators at every month end it covers', async () => {
  const files = generated('stored');
  const checked = t.db.services.ssda903.check(files);
  const r = await t.db.services.ssda903.storeReturn(t.ctx, checked, { proceedWithWarnings: true });
  assert.deepEqual(r.collectionYears, [2016, 2017, 2018]);
  assert.equal(r.monthEnds, 36);
  const counts = await t.db.counts();
  assert.equal(counts.ssda903_record, checked.rows);
  assert.equal(counts.ssda903_upload, 1);
  const measures = await t.db.services.measures.list(t.ctx);
  assert.deepEqual(measures.map((m) => m.code).sort(), indicatorDefinitions.map((d) => d.code).sort());
  const cla = await t.db.services.measures.get(t.ctx, 'cla');
  const monthly = cla.values.filter((v) => v.breakdown === null && v.window === 'month');
  assert.equal(monthly.length, 36);
  const atYearEnd = (await t.db.services.ssda903.indicators(t.ctx, ['2018-03-31'])).find((v) => v.code === 'cla' && v.breakdown === undefined)!;
  assert.equal(monthly.at(-1)!.value, atYearEnd.value);
  assert.equal((await t.db.services.audit.list(t.ctx))[0]!.event, 'ssda903.imported');
});

test('import 903 keeps the note said beside a figure: long-term stability with fewer than three years held says so on its page', async () => {
  await t.db.services.ssda903.importFiles(t.ctx, generated('noted'), { proceedWithWarnings: true });
  const early = await t.db.services.measures.page(t.ctx, 'long-term-stability', { asAt: '2017-03-31' });
  assert.equal(early.reading.note, 'only 2 collection years of Episodes to 2017: three are needed, so the figure may be too low');
  const late = await t.db.services.measures.page(t.ctx, 'long-term-stability', { asAt: '2018-03-31' });
  assert.equal(late.reading.note, null, 'three years held by March 2018');
});

test('import 903 again replaces the previous child-level rows and values', async () => {
  await t.db.services.ssda903.importFiles(t.ctx, generated('first'), { proceedWithWarnings: true });
  const second = generated('second');
  const r = await t.db.services.ssda903.importFiles(t.ctx, second, { proceedWithWarnings: true });
  assert.ok(r.replacedRows > 0);
  const counts = await t.db.counts();
  assert.equal(counts.ssda903_record, r.rows);
  const stored = await t.db.services.ssda903.records(t.ctx);
  assert.deepEqual(stored.map((f) => f.name).sort(), second.map((f) => f.name).sort());
  assert.equal((await t.db.services.ssda903.uploads(t.ctx)).filter((u) => u.current).length, 1);
});

test('indicators from the stored return equal those from the files themselves', async () => {
  const files = generated('same');
  await t.db.services.ssda903.importFiles(t.ctx, files, { proceedWithWarnings: true });
  const asAts = ['2017-03-31', '2017-09-30', '2018-03-31'];
  assert.deepEqual(await t.db.services.ssda903.indicators(t.ctx, asAts), await t.db.services.ssda903.indicators(t.ctx, asAts, { files }));
});

test('child-level reads are refused for owner, viewer, manager and admin and allowed for the analyst', async () => {
  await t.db.services.ssda903.importFiles(t.ctx, generated('roles'), { proceedWithWarnings: true });
  for (const role of ['owner', 'viewer', 'manager', 'admin', 'lead'] as const) {
    await assert.rejects(t.db.services.ssda903.records(as(role)), ForbiddenError, role);
    await assert.rejects(t.db.services.ssda903.indicators(as(role), ['2018-03-31']), ForbiddenError, role);
    await assert.rejects(t.db.services.ssda903.importFiles(as(role), generated('roles')), ForbiddenError, role);
  }
  const files = await t.db.services.ssda903.records(as('analyst'));
  assert.ok(files.some((f) => f.table === 'Episodes' && f.rows.length > 0));
});
