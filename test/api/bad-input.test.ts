// The JSON API refuses a zero byte (0x00) in a body, a query or an address with 400 and the field at
// fault, as JSON, before anything is read or written.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ledPlanFixture } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead' } });
let token = '';
beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  token = (await web.db.services.accounts.createToken(web.ctx, emailFor('manager'))).token;
});

const call = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  web.server.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });

test('post update with a zero byte in the body answers 400 with the field and adds nothing', async () => {
  const before = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  const r = await call('POST', '/api/v1/actions/test-plan:2/updates', { body: 'Visited\u0000', date: '2018-06-01' });
  assert.equal(r.statusCode, 400);
  const body = r.json<{ error: string; field?: string }>();
  assert.equal(body.field, 'body');
  assert.match(body.error, /zero byte/);
  const after = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  assert.equal(after.updates.length, before.updates.length);
});

test('post update with a zero byte in its proposal reason names the nested field', async () => {
  const r = await call('POST', '/api/v1/actions/test-plan:2/updates', { body: 'Visited', proposal: { status: 'R', reason: 'late\u0000' } });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field?: string }>().field, 'proposal.reason');
});

test('get actions searched with a zero byte answers 400 naming search', async () => {
  const r = await call('GET', '/api/v1/actions?search=foster%00');
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field?: string }>().field, 'search');
});

test('get an action whose key holds a zero byte answers 400 naming key', async () => {
  const r = await call('GET', '/api/v1/actions/test-plan:2%00');
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field?: string }>().field, 'key');
});
