// Figures worked out once and kept between requests are never older than a fresh read: each kind of change to a measure (a 903 return, a values file, a figure entered by hand, a target, a tolerance band, commentary, a DfE table, even a hand-written statement) is on the very next dashboard or measure page.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { clockWithToday } from '../../src/domain/clock.ts';
import { formatValue } from '../../src/services/measure-reading.ts';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { html, words } from '../helpers/html.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

// Without the page cache: every page is drawn anew, from the figures kept for the measures.
const web = useWebTest({ config: { pageCacheMb: 0 } });
const CODE = 'pep-up-to-date';

beforeEach(async () => {
  web.db.services.clock = clockWithToday('2026-12-03');
  await web.db.services.measures.define(web.ctx, { code: CODE, title: 'Personal education plans', unit: 'percent', polarity: 'higher is better', frequency: 'monthly', source: 'manual' });
  await web.db.services.measures.enterFigure(web.ctx, CODE, 1, { periodEnd: '2026-10-31', numerator: 45, denominator: 50 });
});

/** The words of a tile on the analyst's dashboard below its title: figure, date, RAG, facts. */
async function tileWords(code = CODE, role: 'analyst' | 'viewer' = 'analyst'): Promise<string> {
  const page = html((await web.get('/dashboard', await web.signIn(role))).body);
  return page.texts(`#tile-${code} ~ *`).join(' ');
}

const version = async (): Promise<number> => (await web.db.services.measures.get(web.ctx, CODE)).version;

test('enter a figure by hand shows it on the next dashboard', async () => {
  assert.match(await tileWords(), /^90\.0% ?45 of 50 At 31 October 2026/);
  await web.db.services.measures.enterFigure(web.ctx, CODE, await version(), { periodEnd: '2026-11-30', numerator: 40, denominator: 50 });
  assert.match(await tileWords(), /^80\.0% ?40 of 50 At 30 November 2026/);
});

test('import a values file shows its figure on the next dashboard', async () => {
  assert.match(await tileWords(), /^90\.0%/);
  await web.db.services.measures.importValues(web.ctx, { name: 'values.csv', data: new TextEncoder().encode(`code,period,numerator,denominator\n${CODE},2026-11,30,50\n`) });
  assert.match(await tileWords(), /^60\.0% ?30 of 50 At 30 November 2026/);
});

test('add a target shows the RAG against it on the next dashboard', async () => {
  assert.doesNotMatch(await tileWords(), /Red|Amber|Green/);
  await web.db.services.measures.addTarget(web.ctx, CODE, { effectiveFrom: '2026-04-01', value: 95 });
  assert.match(await tileWords(), /Red 5\.0 points below the 95\.0% target/);
});

test('widen the tolerance band turns a red tile amber on the next dashboard', async () => {
  await web.db.services.measures.addTarget(web.ctx, CODE, { effectiveFrom: '2026-04-01', value: 95 });
  assert.match(await tileWords(), /Red 5\.0 points below/);
  await web.db.services.measures.setTolerance(web.ctx, CODE, await version(), { amberBand: 6, reason: 'Termly review' });
  assert.match(await tileWords(), /Amber 5\.0 points below the 95\.0% target, within the 6\.0-point tolerance/);
});

test('write commentary shows it on the next measure page', async () => {
  const before = html((await web.get(`/measures/${CODE}`, await web.signIn('analyst'))).body);
  assert.doesNotMatch(before.main(), /Two schools sent their plans late/);
  await web.db.services.measures.addCommentary(web.ctx, CODE, { periodEnd: '2026-10-31', body: 'Two schools sent their plans late' });
  const after = html((await web.get(`/measures/${CODE}`, await web.signIn('analyst'))).body);
  assert.match(after.main(), /Two schools sent their plans late/);
});

test('import a DfE table shows the England benchmark on the next dashboard', async () => {
  await web.db.services.measures.define(web.ctx, { code: 'placements-3plus', title: 'Three or more placements', unit: 'percent', polarity: 'lower is better', frequency: 'monthly', source: 'manual' });
  await web.db.services.measures.enterFigure(web.ctx, 'placements-3plus', 1, { periodEnd: '2026-10-31', numerator: 45, denominator: 500 });
  assert.doesNotMatch(await tileWords('placements-3plus'), /England/);
  const own = '2025,Reporting year,Local authority,E92000001,England,E12000009,South West,E06000804,804,Authority 804';
  const table = [
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,cla_group,placement_stability,children_count,children_percent',
    '2025,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 3 or more placements during the year,8000,10',
    '2025,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,Total children,80000,100',
    `${own},CLA on 31 March,With 3 or more placements during the year,45,9`,
    `${own},CLA on 31 March,Total children,500,100`,
  ].join('\n');
  await web.db.services.benchmarks.importDfe(web.ctx, [{ name: 'la_cla_placement_stability.csv', text: table }], { laCode: '804' });
  assert.match(await tileWords('placements-3plus'), /England 2024\/25: 10\.0%/);
});

test('import a 903 return again shows the new return’s figures on the next dashboard', async () => {
  web.db.services.clock = clockWithToday('2018-04-30');
  const files = (seed: string) => generate903({ children: 60, years: 1, seed, endYear: 2018 }).files.map((f) => ({ name: `903/${f.path}`, text: f.text }));
  const cla = async (): Promise<string> => {
    const figures = await web.db.services.ssda903.indicators({ ...web.ctx, role: 'analyst' }, ['2018-03-31']);
    const f = figures.find((x) => x.code === 'cla' && x.breakdown === undefined)!;
    return formatValue('count', f.value);
  };
  await web.db.services.ssda903.importFiles(web.ctx, files('first'), { proceedWithWarnings: true });
  const first = await cla();
  assert.match(await tileWords('cla'), new RegExp(`^${first} At 31 March 2018`));
  await web.db.services.ssda903.importFiles(web.ctx, files('second'), { proceedWithWarnings: true });
  const second = await cla();
  assert.notEqual(second, first, 'the two returns must differ for the test to mean anything');
  assert.match(await tileWords('cla'), new RegExp(`^${second} At 31 March 2018`));
});

test('import a 903 return of one year shows the engine\'s note beside long-term stability on its measure page, its dashboard tile and in the API', async () => {
  web.db.services.clock = clockWithToday('2018-04-30');
  const files = generate903({ children: 60, years: 1, seed: 'noted', endYear: 2018 }).files.map((f) => ({ name: `903/${f.path}`, text: f.text }));
  await web.db.services.ssda903.importFiles(web.ctx, files, { proceedWithWarnings: true });
  const note = 'only 1 collection year of Episodes to 2018: three are needed, so the figure may be too low';
  const page = html((await web.get('/measures/long-term-stability', await web.signIn('viewer'))).body);
  assert.match(words(page.find('.parentis-measure-summary')?.text ?? ''), new RegExp(`Note: ${note}\\.`));
  assert.equal(words(await tileWords('long-term-stability', 'viewer')).includes(`Note: ${note}.`), true, 'the tile says it under the figure');
  assert.doesNotMatch(await tileWords('cla', 'viewer'), /Note:/, 'a figure without a note says none');
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor('viewer'));
  for (const url of ['/api/v1/measures/long-term-stability', '/api/v1/measures']) {
    const r = await web.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.statusCode, 200, r.body.slice(0, 300));
    const body = r.json<{ measure?: { note: string | null }; measures?: { code: string; note: string | null }[] }>();
    const reading = body.measure ?? body.measures!.find((m) => m.code === 'long-term-stability')!;
    assert.equal(reading.note, note, url);
  }
  // Figures over the 12 months before 31 March 2018 reach back before the files: the download says so beside each.
  const csv = (await web.get('/measures/placements-3plus/figures.csv', await web.signIn('viewer'))).body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(csv[0]!.split(',').at(-1), 'note');
  const windowNote = 'the files loaded begin on 1 April 2017, within the 12 months to this date: only what happened since then is counted, so the figure may be too low';
  assert.ok(csv.find((l) => l.startsWith('placements-3plus,2017-04-30,'))!.endsWith(`,"${windowNote}"`), csv.slice(0, 3).join('\n'));
  assert.ok(csv.find((l) => l.startsWith('placements-3plus,2018-03-31,'))!.endsWith(','), 'the 12 months to 31 March 2018 are all in the files');
  const api = await web.server.inject({ method: 'GET', url: '/api/v1/measures/placements-3plus', headers: { authorization: `Bearer ${token}` } });
  const series = api.json<{ series: { periodEnd: string; note: string | null }[] }>().series;
  assert.deepEqual([series.find((f) => f.periodEnd === '2017-04-30')?.note, series.at(-1)?.note], [windowNote, null], 'the API gives each figure of the series its note');
  const chart = html((await web.get('/measures/placements-3plus', await web.signIn('viewer'))).body);
  assert.match(words(chart.text('body') ?? ''), new RegExp(`11 figures carry a note \\(an open circle on the chart; the download gives the note beside the figure\\), from 30 April 2017: ${windowNote}\\.`));
});

test('change a stored figure with a hand-written statement shows it on the next dashboard and measure page', async () => {
  assert.match(await tileWords(), /^90\.0%/);
  await sql`update measure_value set numerator = 20, value = 40 where period_end = '2026-10-31'`.execute(web.db.handle.db);
  assert.match(await tileWords(), /^40\.0% ?20 of 50/);
  const page = html((await web.get(`/measures/${CODE}`, await web.signIn('viewer'))).body);
  assert.match(words(page.find('.parentis-measure-summary')?.text ?? ''), /40\.0% \(20 of 50\)/);
});

test('raise the small-number threshold hides a small figure from a board member on the next dashboard and measure page', async () => {
  const summary = async (): Promise<string> => words(html((await web.get(`/measures/${CODE}`, await web.signIn('viewer'))).body).find('.parentis-measure-summary')?.text ?? '');
  assert.match(await tileWords(CODE, 'viewer'), /^90\.0% ?45 of 50/);
  assert.match(await summary(), /45 of 50/);
  await web.db.services.measures.setThreshold(web.ctx, { threshold: 50 });
  assert.doesNotMatch(await tileWords(CODE, 'viewer'), /45 of 50/);
  assert.doesNotMatch(await summary(), /45 of 50/);
  await web.db.services.measures.setThreshold(web.ctx, { threshold: 5 });
  assert.match(await tileWords(CODE, 'viewer'), /^90\.0% ?45 of 50/);
});
