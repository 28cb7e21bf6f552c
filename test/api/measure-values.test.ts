// Figures sent to the JSON API as a list: stored as a values file's rows are, all or none, by analysts only.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { clockWithToday } from '../../src/domain/clock.ts';
import type { Role } from '../../src/domain/roles.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest();
const CODE = 'pep-up-to-date';
beforeEach(async () => {
  web.db.services.clock = clockWithToday('2026-12-03');
  await web.db.services.measures.define(web.ctx, { code: CODE, title: 'Personal education plans', unit: 'percent', polarity: 'higher is better', frequency: 'monthly', source: 'manual' });
});

async function post(role: Role, payload: unknown) {
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor(role));
  return web.server.inject({ method: 'POST', url: '/api/v1/measures/values', headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> });
}

const stored = async (): Promise<[string, number | null][]> =>
  (await web.db.services.measures.page(web.ctx, CODE)).series.map((f) => [f.periodEnd, f.value]);

test('post values as the analyst stores them all, a breakdown with them, and the measure reads them', async () => {
  const r = await post('analyst', {
    values: [
      { code: CODE, period: '2026-10', numerator: 45, denominator: 50 },
      { code: CODE, period: '2026-11-30', numerator: 40, denominator: 50 },
      { code: CODE, period: '2026-11', numerator: 10, denominator: 20, breakdown: 'age band: 10 to 15' },
    ],
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json(), { rows: 3, measures: [CODE] });
  assert.deepEqual(await stored(), [
    ['2026-10-31', 90],
    ['2026-11-30', 80],
  ]);
  const again = await post('analyst', { values: [{ code: CODE, period: '2026-11', numerator: 30, denominator: 50 }] });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual((await stored()).at(-1), ['2026-11-30', 60], 'a value for a period held replaces it');
  const events = await web.db.handle.db.selectFrom('auditEvent').select('event').where('event', '=', 'measure.values-imported').execute();
  assert.equal(events.length, 2);
});

test('post values with one wrong names it by its place in the list and stores none of them', async () => {
  const r = await post('analyst', {
    values: [
      { code: CODE, period: '2026-10', numerator: 45, denominator: 50 },
      { code: CODE, period: 'October', numerator: 40, denominator: 50 },
    ],
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.match(r.json<{ error: string }>().error, /^values: row 2, column period: /);
  assert.equal(r.json<{ field: string }>().field, 'period');
  const unknown = await post('analyst', { values: [{ code: 'no-such-measure', period: '2026-10', numerator: 1, denominator: 2 }] });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json<{ error: string }>().error, /values: row 1, column code: there is no measure "no-such-measure"/);
  const month = await post('analyst', { values: [{ code: CODE, period: '2026-13', numerator: 40, denominator: 50 }] });
  assert.equal(month.statusCode, 400);
  assert.match(month.json<{ error: string }>().error, /values: row 1, column period: "2026-13" is not a month/);
  const shape = await post('analyst', { values: [{ code: CODE, period: '2026-10', numerator: 'forty' }] });
  assert.equal(shape.statusCode, 400);
  const empty = await post('analyst', { values: [] });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(await stored(), [], 'nothing was stored');
});

test('post values as a board member answers 403 and stores nothing', async () => {
  const r = await post('viewer', { values: [{ code: CODE, period: '2026-10', numerator: 45, denominator: 50 }] });
  assert.equal(r.statusCode, 403, r.body);
  assert.deepEqual(await stored(), []);
});
