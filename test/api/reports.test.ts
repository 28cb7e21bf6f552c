// Board reports in the JSON API: every role's token reads a snapshot's report as the document model
// or as each file format; a draft from the open round; bad kinds, formats and snapshots refused; and
// the OpenAPI document lists the path with its file types.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { roles, type Role } from '../../src/domain/roles.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead' } });
beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const tokenFor = async (role: Role): Promise<string> => (await web.db.services.accounts.createToken(web.ctx, emailFor(role))).token;
const get = (url: string, token: string) => web.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

interface Doc {
  cover: { title: string; reported: string; draft: boolean };
  sections: { heading: string }[];
}

test("get a snapshot's report as the model with every role's token, and as each file", async () => {
  const round = (await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' })).round.id;
  await web.db.services.snapshots.close(web.ctx, round, { name: 'as reported to the board on 14 July 2018' });
  for (const role of roles) {
    const r = await get('/api/v1/reports/1/exec-summary', await tokenFor(role));
    assert.equal(r.statusCode, 200, `${role}: ${r.body.slice(0, 300)}`);
    const doc = r.json<Doc>();
    assert.deepEqual([doc.cover.title, doc.cover.reported, doc.cover.draft], ['Quarterly executive summary', 'As reported to the board on 14 July 2018', false]);
    assert.equal(doc.sections[0]!.heading, 'Overall');
  }
  const viewer = await tokenFor('viewer');
  const types = { html: 'text/html; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  for (const [format, type] of Object.entries(types)) {
    const r = await get(`/api/v1/reports/1/scrutiny?format=${format}`, viewer);
    assert.equal(r.statusCode, 200, `${format}: ${r.body.slice(0, 300)}`);
    assert.equal(r.headers['content-type'], type);
    assert.equal(r.headers['content-disposition'], `attachment; filename="snapshot-1-scrutiny.${format}"`);
    assert.ok(r.rawPayload.length > 100);
  }
  assert.equal((await get('/api/v1/reports/1/minutes', viewer)).statusCode, 400);
  assert.equal((await get('/api/v1/reports/1/annual?format=odt', viewer)).statusCode, 400);
  assert.equal((await get('/api/v1/reports/9/annual', viewer)).statusCode, 404);
  assert.equal((await get('/api/v1/reports/1/annual', 'not-a-token')).statusCode, 401);
});

test('get a draft report from the open round; the OpenAPI document lists the path and its file types', async () => {
  await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  const viewer = await tokenFor('viewer');
  const doc = (await get('/api/v1/reports/draft/annual', viewer)).json<Doc>();
  assert.deepEqual([doc.cover.reported, doc.cover.draft], ['Draft — not yet reported', true]);
  const openapi = (await web.server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get: { responses: { '200': { content: Record<string, unknown> } } } }> }>();
  assert.deepEqual(Object.keys(openapi.paths['/api/v1/reports/{snapshot}/{kind}']!.get.responses['200'].content), [
    'application/json',
    'text/html; charset=utf-8',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
});
