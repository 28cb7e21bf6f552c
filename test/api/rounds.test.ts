// The reporting cycle in the JSON API: a manager opens a round (twice, asking nobody twice; never on an
// archived plan), reads the chase list and reminds an owner; an owner's token is refused with nothing changed; the OpenAPI
// document lists the paths.
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

test('post rounds as a manager opens the round once and the chase list shows the requests', async () => {
  const token = await tokenFor('manager');
  const r = await call('POST', '/api/v1/rounds', token, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  assert.equal(r.statusCode, 201, r.body);
  const opened = r.json<{ round: { id: number; period: string }; created: boolean; asked: number }>();
  assert.deepEqual([opened.round.period, opened.created, opened.asked], ['2018/19 Q1', true, 2]);
  const again = await call('POST', '/api/v1/rounds', token, { period: '2018/19 Q1', plans: ['test-plan'] });
  assert.deepEqual([again.statusCode, again.json<{ created: boolean; asked: number }>().asked], [201, 0]);
  const list = await call('GET', `/api/v1/rounds/${opened.round.id}`, token);
  assert.equal(list.statusCode, 200);
  assert.deepEqual(
    list.json<{ rows: { actionKey: string; owner: string; state: string }[] }>().rows.map((x) => [x.actionKey, x.owner, x.state]),
    [
      ['test-plan:1', 'Jo Example', 'late'],
      ['test-plan:1.1', 'Sam Sample', 'late'],
    ],
  );
  const remind = await call('POST', `/api/v1/rounds/${opened.round.id}/remind`, token, { owner: 'Jo Example' });
  assert.equal(remind.statusCode, 200, remind.body);
  assert.deepEqual(remind.json<{ owners: string[] }>().owners, ['Jo Example']);
  const rounds = await call('GET', '/api/v1/rounds', token);
  assert.deepEqual(rounds.json<{ rounds: { requests: number; outstanding: number }[] }>().rounds.map((x) => [x.requests, x.outstanding]), [[2, 2]]);
});

test('post rounds with a bad period answers 400 naming the field and stores nothing', async () => {
  const token = await tokenFor('manager');
  const before = await web.db.counts();
  const r = await call('POST', '/api/v1/rounds', token, { period: 'Q1 2018', plans: ['test-plan'] });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field: string }>().field, 'period');
  assert.deepEqual(await web.db.counts(), before);
});

test('post rounds on an archived plan answers 400 naming the plan and stores nothing', async () => {
  await web.db.services.plans.setArchived(web.ctx, 'test-plan', (await web.db.services.plans.tree(web.ctx, 'test-plan')).version, true);
  const token = await tokenFor('manager');
  const before = await web.db.counts();
  const r = await call('POST', '/api/v1/rounds', token, { period: '2018/19 Q1', plans: ['test-plan'] });
  assert.equal(r.statusCode, 400);
  const problem = r.json<{ error: string; field: string }>();
  assert.equal(problem.field, 'plans');
  assert.match(problem.error, /^"Test improvement plan" is archived: it takes no updates, so a round cannot ask for them\./);
  assert.deepEqual(await web.db.counts(), before);
});

test('post rounds and get a chase list as an owner answers 403 and changes nothing', async () => {
  const manager = await tokenFor('manager');
  const { round } = (await call('POST', '/api/v1/rounds', manager, { period: '2018/19 Q1', plans: ['test-plan'] })).json<{ round: { id: number } }>();
  const owner = await tokenFor('owner');
  const before = await web.db.counts();
  assert.equal((await call('POST', '/api/v1/rounds', owner, { period: '2018/19 Q2', plans: ['test-plan'] })).statusCode, 403);
  assert.equal((await call('GET', `/api/v1/rounds/${round.id}`, owner)).statusCode, 403);
  assert.equal((await call('POST', `/api/v1/rounds/${round.id}/remind`, owner, { late: true })).statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

test('get openapi document lists the rounds paths', async () => {
  const doc = (await web.server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  assert.deepEqual(
    Object.keys(doc.paths).filter((p) => p.includes('rounds')).map((p) => [p, Object.keys(doc.paths[p]!).sort().join(',')]),
    [
      ['/api/v1/rounds', 'get,post'],
      ['/api/v1/rounds/{id}', 'get'],
      ['/api/v1/rounds/{id}/remind', 'post'],
      ['/api/v1/rounds/{id}/close', 'post'],
    ],
  );
});

test('get rounds as a programme lead lists them while the chase list and opening stay refused', async () => {
  const round = (await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' })).round;
  const lead = await tokenFor('lead');
  const list = await call('GET', '/api/v1/rounds', lead);
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.json<{ rounds: { period: string }[] }>().rounds.map((x) => x.period), ['2018/19 Q1']);
  assert.equal((await call('GET', `/api/v1/rounds/${round.id}`, lead)).statusCode, 403);
  assert.equal((await call('POST', '/api/v1/rounds', lead, { period: '2018/19 Q2', plans: ['test-plan'] })).statusCode, 403);
});
