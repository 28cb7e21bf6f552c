// The API's progress updates: the same date rule as the form, a status set or proposed by the
// person's rights in the same change, and answers that say truly what was saved when another person
// writes meanwhile.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { actionDetailSchema } from '../../src/api/api.schemas.ts';
import type { Role } from '../../src/domain/roles.ts';
import { writeBetweenSteps } from '../helpers/inject.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

// Jo Example owns test-plan:1; Lee Lead leads its programme (theme 1) and may set its status.
const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const KEY = 'test-plan:1';
const URL = '/api/v1/actions/test-plan%3A1/updates';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

async function tokenFor(role: Role): Promise<string> {
  return (await web.db.services.accounts.createToken(web.ctx, emailFor(role))).token;
}

const post = (token: string, payload: Record<string, unknown>) =>
  web.server.inject({ method: 'POST', url: URL, headers: { authorization: `Bearer ${token}` }, payload });

const actionNow = () => web.db.services.actions.show(web.ctx, KEY);

test('post an update dated 2099-12-31 answers 400 naming the date and stores nothing', async () => {
  const token = await tokenFor('owner');
  const before = await web.db.counts();
  const r = await post(token, { date: '2099-12-31', body: 'From the future.' });
  assert.equal(r.statusCode, 400);
  const body = r.json<{ error: string; field: string }>();
  assert.equal(body.field, 'date');
  assert.match(body.error, /today or in the past/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post an update dated 0001-01-01 answers 400 naming the date and stores nothing', async () => {
  const token = await tokenFor('owner');
  const before = await web.db.counts();
  const r = await post(token, { date: '0001-01-01', body: 'From long ago.' });
  assert.equal(r.statusCode, 400);
  const body = r.json<{ error: string; field: string }>();
  assert.equal(body.field, 'date');
  assert.match(body.error, /1 January 2000 or later/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post an update with a status as the lead sets it in one change', async () => {
  const token = await tokenFor('lead');
  const version = (await actionNow()).version;
  const r = await post(token, { date: '2018-06-15', body: 'Ten carers in assessment.', status: { status: 'G' }, expectedVersion: version });
  assert.equal(r.statusCode, 201);
  const a = actionDetailSchema.parse(r.json());
  assert.equal(a.status, 'G');
  assert.equal(a.version, version + 1);
  assert.equal(a.statuses.find((s) => s.status === 'G')?.reason, 'Ten carers in assessment.');
});

test('post an update with a status as the owner proposes it in one change', async () => {
  const token = await tokenFor('owner');
  const version = (await actionNow()).version;
  const r = await post(token, { date: '2018-06-15', body: 'Campaign back on track.', status: { status: 'G', reason: 'Enquiries doubled' } });
  assert.equal(r.statusCode, 201);
  const a = actionDetailSchema.parse(r.json());
  assert.equal(a.status, 'A');
  assert.equal(a.pendingProposal, 'G');
  assert.equal(a.version, version + 1);
});

test('post an update with both a proposal and a status answers 400 and stores nothing', async () => {
  const token = await tokenFor('lead');
  const before = await web.db.counts();
  const r = await post(token, { date: '2018-06-15', body: 'Both.', status: { status: 'G' }, proposal: { status: 'G' } });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json<{ field: string }>().field, 'status');
  assert.deepEqual(await web.db.counts(), before);
});

test('post an update with a status after another write since the version was read answers 409 and stores nothing', async () => {
  const token = await tokenFor('lead');
  const version = (await actionNow()).version;
  await web.db.services.actions.addUpdate(as(web.ctx, 'manager'), KEY, { date: '2018-06-20', body: 'Panel dates confirmed by the manager.' });
  const before = await web.db.counts();
  const r = await post(token, { date: '2018-06-15', body: 'Ten carers in assessment.', status: { status: 'G' }, expectedVersion: version });
  assert.equal(r.statusCode, 409);
  const body = r.json<{ error: string; currentVersion: number }>();
  assert.match(body.error, /Nothing was saved/);
  assert.equal(body.currentVersion, version + 1);
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await actionNow()).status, 'A');
});

test('post an update with a status when another write commits after its update answers 201 with all of it saved', async () => {
  const token = await tokenFor('lead');
  const version = (await actionNow()).version;
  const injected = writeBetweenSteps(() => web.db.services.actions.addUpdate(as(web.ctx, 'manager'), KEY, { date: '2018-06-20', body: 'Panel dates confirmed by the manager.' }));
  let r;
  try {
    r = await post(token, { date: '2018-06-15', body: 'Ten carers in assessment.', status: { status: 'G' }, expectedVersion: version });
  } finally {
    injected.restore();
  }
  await injected.finish();
  assert.equal(r.statusCode, 201);
  const now = await actionNow();
  assert.equal(now.updates.filter((u) => u.body === 'Ten carers in assessment.').length, 1);
  assert.equal(now.updates.filter((u) => u.body === 'Panel dates confirmed by the manager.').length, 1);
  assert.equal(now.status, 'G');
  assert.equal(now.version, version + 2);
});
