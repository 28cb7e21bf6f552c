// Snapshots in the JSON API: a manager closes a round (once), every role's token reads the snapshot
// and the changes since the one before, an owner's token cannot close, and the OpenAPI document
// lists the paths.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead' } });
beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const tokenFor = async (role: Role): Promise<string> => (await web.db.services.accounts.createToken(web.ctx, emailFor(role))).token;
const call = (method: 'GET' | 'POST', url: string, token: string, payload?: Record<string, unknown>) =>
  web.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });

const openRound = async (period: string): Promise<number> => (await web.db.services.rounds.open(web.ctx, { period, plans: ['test-plan'], dueDate: period.endsWith('Q1') ? '2018-07-13' : '2018-10-12' })).round.id;

test('post close as a manager takes snapshot 1 once, and a board member reads it and its changes', async () => {
  const manager = await tokenFor('manager');
  const q1 = await openRound('2018/19 Q1');
  const r = await call('POST', `/api/v1/rounds/${q1}/close`, manager, { name: 'as reported to the board on 14 July 2018' });
  assert.equal(r.statusCode, 201, r.body);
  assert.deepEqual(
    (({ number, name, period }) => ({ number, name, period }))(r.json<{ number: number; name: string; period: string }>()),
    { number: 1, name: 'as reported to the board on 14 July 2018', period: '2018/19 Q1' },
  );
  const again = await call('POST', `/api/v1/rounds/${q1}/close`, manager, {});
  assert.equal(again.statusCode, 400);
  assert.match(again.json<{ error: string }>().error, /was closed already: it is snapshot 1/);

  await web.db.services.actions.setStatus(web.ctx, 'test-plan:1', { status: 'R', asAt: '2018-09-30', reason: 'No carers' });
  const q2 = await openRound('2018/19 Q2');
  assert.equal((await call('POST', `/api/v1/rounds/${q2}/close`, manager)).statusCode, 201);

  const viewer = await tokenFor('viewer');
  const list = await call('GET', '/api/v1/snapshots', viewer);
  assert.deepEqual(list.json<{ snapshots: { number: number }[] }>().snapshots.map((s) => s.number), [2, 1]);
  const one = await call('GET', '/api/v1/snapshots/1', viewer);
  assert.equal(one.statusCode, 200);
  const content = one.json<{ content: { actions: { actions: { key: string; status: string | null }[] }[] } }>().content;
  assert.deepEqual(content.actions[0]!.actions.map((a) => [a.key, a.status]), [['test-plan:1', 'A'], ['test-plan:1.1', null], ['test-plan:2', 'G']]);
  const changes = await call('GET', '/api/v1/snapshots/2/changes?since=1', viewer);
  assert.equal(changes.statusCode, 200);
  assert.deepEqual(changes.json<{ changes: { statuses: { key: string; from: string; to: string }[] } }>().changes.statuses.map((x) => [x.key, x.from, x.to]), [['test-plan:1', 'A', 'R']]);
  assert.equal((await call('GET', '/api/v1/snapshots/1/changes?since=2', viewer)).statusCode, 400);
  assert.equal((await call('GET', '/api/v1/snapshots/9', viewer)).statusCode, 404);
});

test('post close as an owner answers 403 and changes nothing', async () => {
  const q1 = await openRound('2018/19 Q1');
  const owner = await tokenFor('owner');
  const before = await web.db.counts();
  assert.equal((await call('POST', `/api/v1/rounds/${q1}/close`, owner, {})).statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

test('get openapi document lists the snapshots paths', async () => {
  const doc = (await web.server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  assert.deepEqual(
    Object.keys(doc.paths).filter((p) => p.includes('snapshots') || p.endsWith('/close')).map((p) => [p, Object.keys(doc.paths[p]!).sort().join(',')]),
    [
      ['/api/v1/rounds/{id}/close', 'post'],
      ['/api/v1/snapshots', 'get'],
      ['/api/v1/snapshots/{number}', 'get'],
      ['/api/v1/snapshots/{number}/changes', 'get'],
    ],
  );
});
