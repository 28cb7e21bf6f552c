// The JSON API on the real server with a test database: bearer tokens, the command line's filters,
// the same permissions as the pages, the approval workflow, an archived plan's actions refused, and the OpenAPI document.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { actionDetailSchema, actionListSchema, planListSchema, planTreeSchema, riskListSchema, updateListSchema } from '../../src/api/api.schemas.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead' } });
beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  await web.db.services.actions.setStatus(web.ctx, 'test-plan:2', { status: 'R', asAt: '2018-06-30', reason: 'Advisers leaving' });
});

async function tokenFor(role: Role): Promise<string> {
  return (await web.db.services.accounts.createToken(web.ctx, emailFor(role))).token;
}

async function call(method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) {
  return web.server.inject({
    method,
    url,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

test('get actions without a token answers 401 with a bearer challenge', async () => {
  const r = await call('GET', '/api/v1/actions?status=R');
  assert.equal(r.statusCode, 401);
  assert.equal(r.headers['www-authenticate'], 'Bearer realm="Parentis"');
  assert.match(r.json<{ error: string }>().error, /Authorization: Bearer/);
});

test('get actions with an unknown or revoked token answers 401 invalid_token', async () => {
  const token = await tokenFor('viewer');
  const [issued] = await web.db.services.accounts.listTokens(web.ctx);
  await web.db.services.accounts.revokeToken(web.ctx, issued!.id);
  for (const sent of [token, 'parentis_not-a-real-token']) {
    const r = await call('GET', '/api/v1/actions', sent);
    assert.equal(r.statusCode, 401, sent);
    assert.match(r.headers['www-authenticate'] as string, /error="invalid_token"/);
  }
});

test('get actions with status R and a token gives only the red actions as JSON', async () => {
  const r = await call('GET', '/api/v1/actions?status=R', await tokenFor('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-type'] as string, /application\/json/);
  const body = actionListSchema.parse(r.json());
  assert.deepEqual(
    body.actions.map((a) => [a.key, a.status]),
    [['test-plan:2', 'R']],
  );
  assert.deepEqual(body.actions[0]!.owners, ['Leaving Care Manager']);
});

test('get actions filters as the command line does: owner, overdue, ref, search and as-of', async () => {
  const token = await tokenFor('analyst');
  const keys = async (query: string) => actionListSchema.parse((await call('GET', `/api/v1/actions?${query}`, token)).json()).actions.map((a) => a.key);
  assert.deepEqual(await keys('owner=fostering'), ['test-plan:1']);
  assert.deepEqual(await keys('overdue=true&asOf=2018-10-01'), ['test-plan:1', 'test-plan:1.1']);
  assert.deepEqual(await keys('ref=inspection:12'), ['test-plan:2']);
  assert.deepEqual(await keys('search=radio%20advert'), ['test-plan:1']);
  assert.deepEqual(await keys('status=R,A&plan=test-plan'), ['test-plan:1', 'test-plan:2']);
});

test('get actions with a bad filter answers 400 naming the parameter', async () => {
  const token = await tokenFor('viewer');
  const bad = await call('GET', '/api/v1/actions?status=purple', token);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json<{ field: string }>().field, 'status');
  const unknown = await call('GET', '/api/v1/actions?stauts=R', token);
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json<{ error: string }>().error, /stauts/);
});

test('get action gives its history and what the token holder may do', async () => {
  const r = await call('GET', '/api/v1/actions/test-plan%3A1?asOf=2018-10-15', await tokenFor('owner'));
  assert.equal(r.statusCode, 200);
  const a = actionDetailSchema.parse(r.json());
  assert.deepEqual([a.key, a.status, a.deadline, a.overdue], ['test-plan:1', 'A', '2018-09-30', true]);
  assert.deepEqual(a.statuses.map((s) => s.status), ['A']);
  assert.deepEqual([a.may.addUpdate, a.may.setStatus], [true, false]);
  const updates = updateListSchema.parse((await call('GET', '/api/v1/actions/test-plan:1/updates', await tokenFor('viewer'))).json());
  assert.deepEqual(updates.updates.map((u) => u.author), ['Jo Example']);
});

test('get an action that does not exist answers 404 as JSON', async () => {
  const r = await call('GET', '/api/v1/actions/test-plan:99', await tokenFor('viewer'));
  assert.equal(r.statusCode, 404);
  assert.match(r.json<{ error: string }>().error, /no action numbered 99/);
});

test('post update as a viewer answers 403 and changes nothing', async () => {
  const viewer = await tokenFor('viewer');
  const before = await web.db.counts();
  const r = await call('POST', '/api/v1/actions/test-plan:1/updates', viewer, { date: '2018-07-01', body: 'Not mine to write.' });
  assert.equal(r.statusCode, 403);
  assert.match(r.json<{ error: string }>().error, /does not allow you to add progress updates/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post update or status to an action of an archived plan answers 409 saying the plan is archived and changes nothing', async () => {
  await web.db.services.plans.setArchived(web.ctx, 'test-plan', (await web.db.services.plans.tree(web.ctx, 'test-plan')).version, true);
  const manager = await tokenFor('manager');
  const before = await web.db.counts();
  const update = await call('POST', '/api/v1/actions/test-plan:1/updates', manager, { date: '2018-07-01', body: 'Too late.' });
  assert.equal(update.statusCode, 409);
  assert.match(update.json<{ error: string }>().error, /^"Test improvement plan" is archived: its actions are kept for the record and take no new updates or changes\./);
  const status = await call('POST', '/api/v1/actions/test-plan:1/status', manager, { status: 'G', reason: 'On track' });
  assert.equal(status.statusCode, 409);
  assert.match(status.json<{ error: string }>().error, /is archived/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post update with a proposed status as owner, then approve as lead, changes the status with its history', async () => {
  const owner = await tokenFor('owner');
  const added = await call('POST', '/api/v1/actions/test-plan:1/updates', owner, {
    date: '2018-06-30',
    body: 'No applicants in June.',
    proposal: { status: 'R', reason: 'Campaign paused' },
    expectedVersion: 1,
  });
  assert.equal(added.statusCode, 201);
  const proposed = actionDetailSchema.parse(added.json());
  assert.deepEqual([proposed.status, proposed.pendingProposal, proposed.version], ['A', 'R', 2]);

  const lead = await tokenFor('lead');
  const stale = await call('POST', '/api/v1/actions/test-plan:1/proposal/decision', lead, { decision: 'approve', expectedVersion: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json<{ currentVersion: number }>().currentVersion, 2);

  const decided = await call('POST', '/api/v1/actions/test-plan:1/proposal/decision', lead, { decision: 'approve', reason: 'Agreed', expectedVersion: 2 });
  assert.equal(decided.statusCode, 200);
  const a = actionDetailSchema.parse(decided.json());
  assert.deepEqual([a.status, a.pendingProposal], ['R', null]);
  assert.deepEqual(a.statuses.at(-1)!.approvedBy, 'Lee Lead');
  const events = await web.db.services.audit.list(web.ctx, { entity: 'test-plan:1' });
  assert.deepEqual(
    events.map((e) => [e.event, e.actor]),
    [
      ['action.status.approved', 'Lee Lead'],
      ['action.update.added', 'Jo Example'],
      ['action.status.proposed', 'Jo Example'],
    ],
  );
});

test('post status without propose as an owner answers 403; with propose it waits for a decision', async () => {
  const owner = await tokenFor('owner');
  const set = await call('POST', '/api/v1/actions/test-plan:1/status', owner, { status: 'G', reason: 'On track' });
  assert.equal(set.statusCode, 403);
  const proposed = await call('POST', '/api/v1/actions/test-plan:1/status', owner, { status: 'G', reason: 'On track', propose: true });
  assert.equal(proposed.statusCode, 200);
  assert.equal(actionDetailSchema.parse(proposed.json()).pendingProposal, 'G');
});

test('post a body with a missing field answers 400 naming it and changes nothing', async () => {
  const lead = await tokenFor('lead');
  const before = await web.db.counts();
  const r = await call('POST', '/api/v1/actions/test-plan:1/proposal/decision', lead, { decision: 'approve' });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field: string }>().field, 'expectedVersion');
  assert.deepEqual(await web.db.counts(), before);
});

test('post deadline request as owner then approve as manager moves the deadline', async () => {
  const asked = await call('POST', '/api/v1/actions/test-plan:1/deadline-request', await tokenFor('owner'), { dueDate: '2018-12-31', reason: 'Recruitment delayed' });
  assert.equal(asked.statusCode, 201);
  const decided = await call('POST', '/api/v1/actions/test-plan:1/deadline-request/decision', await tokenFor('manager'), {
    decision: 'approve',
    expectedVersion: actionDetailSchema.parse(asked.json()).version,
  });
  assert.equal(decided.statusCode, 200);
  assert.equal(actionDetailSchema.parse(decided.json()).deadline, '2018-12-31');
});

test('get plans, a plan tree and risks answer their documented shapes', async () => {
  const token = await tokenFor('viewer');
  const plans = planListSchema.parse((await call('GET', '/api/v1/plans', token)).json());
  assert.deepEqual(plans.plans.map((p) => [p.slug, p.rollUp.actions, p.rollUp.counts.R]), [['test-plan', 3, 1]]);
  const tree = planTreeSchema.parse((await call('GET', '/api/v1/plans/test-plan', token)).json());
  assert.deepEqual(tree.nodes.map((n) => n.title), ['Placements', 'Care leavers']);
  const risks = riskListSchema.parse((await call('GET', '/api/v1/risks?plan=test-plan', token)).json());
  assert.deepEqual(risks.risks.map((r) => [r.reference, r.score, r.actions]), [['R1', 16, ['test-plan:1']]]);
});

test('get openapi.json without a token parses as OpenAPI 3.1 and lists every path', async () => {
  const r = await call('GET', '/api/v1/openapi.json');
  assert.equal(r.statusCode, 200);
  const doc = JSON.parse(r.body) as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(
    Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort(),
    [
      'GET /api/v1/actions',
      'GET /api/v1/actions/{key}',
      'GET /api/v1/actions/{key}/updates',
      'GET /api/v1/dashboards/{id}',
      'GET /api/v1/measures',
      'GET /api/v1/measures/{code}',
      'GET /api/v1/openapi.json',
      'GET /api/v1/plans',
      'GET /api/v1/plans/{slug}',
      'GET /api/v1/reports/{snapshot}/{kind}',
      'GET /api/v1/returns',
      'GET /api/v1/returns/imports/{id}',
      'GET /api/v1/returns/{id}/findings',
      'GET /api/v1/risks',
      'GET /api/v1/rounds',
      'GET /api/v1/rounds/{id}',
      'GET /api/v1/snapshots',
      'GET /api/v1/snapshots/{number}',
      'GET /api/v1/snapshots/{number}/changes',
      'POST /api/v1/actions/{key}/deadline-request',
      'POST /api/v1/actions/{key}/deadline-request/decision',
      'POST /api/v1/actions/{key}/proposal/decision',
      'POST /api/v1/actions/{key}/status',
      'POST /api/v1/actions/{key}/updates',
      'POST /api/v1/measures/values',
      'POST /api/v1/returns',
      'POST /api/v1/rounds',
      'POST /api/v1/rounds/{id}/close',
      'POST /api/v1/rounds/{id}/remind',
    ],
  );
  const list = doc.paths['/api/v1/actions']!.get!;
  assert.deepEqual(list.parameters!.map((p) => p.name), ['plan', 'status', 'owner', 'overdue', 'ref', 'search', 'since', 'asOf']);
  assert.ok(doc.paths['/api/v1/actions/{key}/updates']!.post!.requestBody);
  assert.ok(list.responses['401']);
  // A 409 only where one can come (a change to an action), and each 404 says what is missing.
  const described = (path: string, method: string, status: string) => (doc.paths[path]![method]!.responses[status] as { description: string } | undefined)?.description;
  assert.match(described('/api/v1/actions/{key}/updates', 'post', '409') ?? '', /changed the action since the given version, or its plan is archived/);
  assert.equal(described('/api/v1/rounds', 'post', '409'), undefined);
  assert.equal(described('/api/v1/measures/values', 'post', '409'), undefined);
  assert.equal(described('/api/v1/measures/{code}', 'get', '404'), 'There is no such measure.');
  assert.equal(described('/api/v1/actions/{key}', 'get', '404'), 'There is no such action.');
});

test('get an unknown API path answers 404 as JSON', async () => {
  const r = await call('GET', '/api/v1/nothing-here', await tokenFor('viewer'));
  assert.equal(r.statusCode, 404);
  assert.match(r.json<{ error: string }>().error, /openapi\.json/);
});
