// The DfE quartile band from a hand-made published table: imported as a DfE table is, the authority's
// own figure is placed among every authority's figure for the year (the suppressed one left out) and
// shown on the dashboard tile, the measure page and in the API's measure document.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { clockWithToday } from '../../src/domain/clock.ts';
import { html } from '../helpers/html.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,cla_group,placement_stability,children_count,children_percent';
const place = (la: string): string => `2025,Reporting year,Local authority,E92000001,England,E12000009,South West,E0600${la},${la},Authority ${la}`;
// Nine authorities: 6 % … 13 % with 3 or more placements, and one suppressed (c).
const percents: [string, string][] = [['801', '6'], ['802', '7'], ['803', '8'], ['804', '9'], ['805', '10'], ['806', '11'], ['807', '12'], ['808', '13'], ['809', 'c']];
const table = [
  HEADER,
  '2025,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 3 or more placements during the year,8000,10',
  '2025,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,Total children,80000,100',
  ...percents.flatMap(([la, pct]) => [
    `${place(la)},CLA on 31 March,With 3 or more placements during the year,${pct === 'c' ? 'c' : Number(pct) * 5},${pct}`,
    `${place(la)},CLA on 31 March,Total children,500,100`,
  ]),
].join('\n');

beforeEach(async () => {
  web.db.services.clock = clockWithToday('2026-12-03');
  const s = web.db.services;
  await s.measures.define(web.ctx, { code: 'placements-3plus', title: 'Three or more placements', unit: 'percent', polarity: 'lower is better', frequency: 'monthly', source: 'manual' });
  await s.measures.enterFigure(web.ctx, 'placements-3plus', 1, { periodEnd: '2026-10-31', numerator: 45, denominator: 500 });
  await s.benchmarks.importDfe(web.ctx, [{ name: 'la_cla_placement_stability.csv', text: table }], { laCode: '804' });
});

const WORDS = 'Quartile B (second best quarter of 8 authorities, 2024/25)';

test('get the dashboard shows the tile’s quartile band among every authority’s published figure', async () => {
  const page = html((await web.get('/dashboard', await web.signIn('viewer'))).body);
  assert.equal(page.text('#tile-placements-3plus ~ ul .parentis-tile__quartile'), WORDS);
});

test('get the measure page shows the quartile band among all authorities', async () => {
  const page = html((await web.get('/measures/placements-3plus', await web.signIn('manager'))).body);
  assert.equal(page.text('#quartile'), WORDS);
});

test('get the measure from the API gives the quartile band with its year and count of authorities', async () => {
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor('viewer'));
  const r = await web.server.inject({ method: 'GET', url: '/api/v1/measures/placements-3plus', headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
  assert.deepEqual(r.json<{ measure: { quartile: unknown } }>().measure.quartile, { band: 'B', authorities: 8, timePeriod: 2025, words: WORDS });
});

test('get the measure page without a published table for every authority shows no quartile band', async () => {
  await web.db.services.measures.define(web.ctx, { code: 'pep-up-to-date', title: 'Personal education plans', unit: 'percent', polarity: 'higher is better', frequency: 'monthly', source: 'manual' });
  await web.db.services.measures.enterFigure(web.ctx, 'pep-up-to-date', 1, { periodEnd: '2026-10-31', numerator: 45, denominator: 50 });
  const page = html((await web.get('/measures/pep-up-to-date', await web.signIn('manager'))).body);
  assert.equal(page.find('#quartile'), undefined);
});
