// The stored 903 returns in the JSON API: the uploads and one upload's findings, for analysts only, as on the pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { emailFor, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

const generated = generate903({ children: 60, years: 2, seed: 'returns-api', endYear: 2018 });
/** The generated files with the first episode of 2018 repeated at the end: findings on one copy that name the other. */
const files = generated.files.map((f) => {
  if (!f.path.endsWith('2018/episodes.csv')) return { name: f.path, text: f.text };
  const lines = f.text.trimEnd().split('\n');
  return { name: f.path, text: `${[...lines, lines[1]].join('\n')}\n` };
});

async function get(role: Role, url: string) {
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor(role));
  return web.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

test('get the returns and an upload’s findings as the analyst lists them with the rows they point at', async () => {
  const stored = await web.db.services.ssda903.importFiles(web.ctx, files, { proceedWithErrors: true });
  const list = await get('analyst', '/api/v1/returns');
  assert.equal(list.statusCode, 200, list.body);
  const [upload] = list.json<{ uploads: { id: number; rows: number; errors: number; collectionYears: number[]; current: boolean; uploadedAt: string }[] }>().uploads;
  assert.equal(upload?.id, stored.uploadId);
  assert.equal(upload.rows, stored.rows);
  assert.deepEqual(upload.collectionYears, [2017, 2018]);
  assert.equal(upload.current, true);
  assert.ok(upload.errors >= 1);
  assert.match(upload.uploadedAt, /^\d{4}-\d\d-\d\dT/);

  const all = await get('analyst', `/api/v1/returns/${stored.uploadId}/findings`);
  assert.equal(all.statusCode, 200, all.body);
  const body = all.json<{ byCheck: { check: string; count: number }[]; findings: { check: string; file: string; line: number; child: string; message: string }[]; total: number; kept: boolean }>();
  assert.equal(body.kept, true);
  assert.equal(body.total, body.byCheck.reduce((n, c) => n + c.count, 0));
  const lines = files.find((f) => f.name.endsWith('2018/episodes.csv'))!.text.trimEnd().split('\n');
  const repeated = body.findings.find((f) => f.file === '2018/episodes.csv' && / \(see also row [\d,]+\)$/.test(f.message));
  assert.ok(repeated, JSON.stringify(body.findings));
  assert.equal(repeated.child, lines[1]!.split(',')[0]);
  assert.ok(body.findings.every((f, i, a) => i === 0 || a[i - 1]!.file < f.file || (a[i - 1]!.file === f.file && a[i - 1]!.line <= f.line)), 'in file and line order');

  const one = await get('analyst', `/api/v1/returns/${stored.uploadId}/findings?check=${repeated.check}`);
  assert.equal(one.statusCode, 200, one.body);
  const only = one.json<{ findings: { check: string }[]; total: number }>();
  assert.ok(only.findings.length >= 1 && only.findings.every((f) => f.check === repeated.check));
  assert.equal(only.total, body.byCheck.find((c) => c.check === repeated.check)!.count);
});

test('get the returns or findings as a manager, an unknown upload or check answers as the pages do', async () => {
  const stored = await web.db.services.ssda903.importFiles(web.ctx, files, { proceedWithErrors: true });
  for (const url of ['/api/v1/returns', `/api/v1/returns/${stored.uploadId}/findings`]) {
    const r = await get('manager', url);
    assert.equal(r.statusCode, 403, `${url}: ${r.body}`);
    assert.match(r.json<{ error: string }>().error, /Your role does not allow you to see the 903 return/);
  }
  const missing = await get('analyst', `/api/v1/returns/${stored.uploadId + 1}/findings`);
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json<{ error: string }>().error, new RegExp(`There is no 903 upload ${stored.uploadId + 1}`));
  const noCheck = await get('analyst', `/api/v1/returns/${stored.uploadId}/findings?check=9999`);
  assert.equal(noCheck.statusCode, 404);
  assert.match(noCheck.json<{ error: string }>().error, /has no findings of the check "9999"/);
  const bad = await get('analyst', '/api/v1/returns/first/findings');
  assert.equal(bad.statusCode, 400);
  const spec = await get('analyst', '/api/v1/openapi.json');
  assert.ok(spec.json<{ paths: Record<string, unknown> }>().paths['/api/v1/returns/{id}/findings'], 'described in the OpenAPI document');
});

/** Posts as the role's person with a new token, or with the token given (so that counts taken after it was made stay still). */
async function post(role: Role, payload: unknown, given?: string) {
  const token = given ?? (await web.db.services.accounts.createToken(web.ctx, emailFor(role))).token;
  return web.server.inject({ method: 'POST', url: '/api/v1/returns', headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> });
}

/** Waits for an import going on after its answer to end, through the API as a script would. */
async function ended(role: Role, progress: string) {
  for (let i = 0; i < 600; i++) {
    const r = await get(role, progress);
    assert.equal(r.statusCode, 200, r.body);
    const p = r.json<{ state: string; uploadId: number | null; percent: number; message: string }>();
    if (p.state !== 'storing') return p;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${progress} was still storing`);
}

test('post 903 files as the analyst checks them, answers 202, stores them in the background, and the upload is listed', async () => {
  // Larger than the server's 1 MB for other bodies, as a county's return is.
  const clean = generate903({ children: 3000, years: 2, seed: 'returns-api-large', endYear: 2018 }).files.map((f) => ({ name: f.path, text: f.text }));
  assert.ok(JSON.stringify({ files: clean }).length > 1024 * 1024);
  const r = await post('analyst', { files: clean, proceedWithWarnings: true });
  assert.equal(r.statusCode, 202, r.body);
  const started = r.json<{ importId: number; progress: string; rows: number; collectionYears: number[]; findings: { errors: number; examples: unknown[] } }>();
  assert.equal(started.progress, `/api/v1/returns/imports/${started.importId}`);
  assert.deepEqual(started.collectionYears, [2017, 2018]);
  assert.equal(started.findings.errors, 0);
  const done = await ended('analyst', started.progress);
  assert.equal(done.state, 'done', done.message);
  assert.equal(done.percent, 100);
  const list = (await get('analyst', '/api/v1/returns')).json<{ uploads: { id: number; rows: number; current: boolean }[] }>().uploads;
  assert.deepEqual(list[0], { ...list[0], id: done.uploadId, rows: started.rows, current: true });
  const events = await web.db.handle.db.selectFrom('auditEvent').select('event').where('event', '=', 'ssda903.import-started').execute();
  assert.equal(events.length, 1);
});

test('post 903 files with errors not chosen to store despite answers 400 with the findings and stores nothing, then stores them when asked', async () => {
  const { token } = await web.db.services.accounts.createToken(web.ctx, emailFor('analyst'));
  const before = await web.db.counts();
  const refused = await post('analyst', { files }, token);
  assert.equal(refused.statusCode, 400, refused.body);
  const body = refused.json<{ error: string; field: string; findings: { errors: number; byCheck: { check: string }[]; examples: { file: string; line: number; message: string }[] } }>();
  assert.match(body.error, /^The files have \d+ data-quality errors?: nothing was stored\. Correct them, or send "proceedWithErrors": true to store them anyway\.$/);
  assert.equal(body.field, 'files');
  assert.ok(body.findings.errors >= 1);
  assert.ok(body.findings.examples.some((e) => e.file === '2018/episodes.csv' && / \(see also row [\d,]+\)$/.test(e.message)), JSON.stringify(body.findings.examples));
  assert.deepEqual(await web.db.counts(), before, 'nothing stored');
  const stored = await post('analyst', { files, proceedWithErrors: true });
  assert.equal(stored.statusCode, 202, stored.body);
  const done = await ended('analyst', stored.json<{ progress: string }>().progress);
  assert.equal(done.state, 'done', done.message);
});

test('post 903 files that cannot be read, of another kind, or as someone other than an analyst is refused naming the cause, and stores nothing', async () => {
  const analyst = (await web.db.services.accounts.createToken(web.ctx, emailFor('analyst'))).token;
  const manager = (await web.db.services.accounts.createToken(web.ctx, emailFor('manager'))).token;
  const before = await web.db.counts();
  const episodes = files.find((f) => f.name.endsWith('2018/episodes.csv'))!;
  const noRne = { name: episodes.name, text: episodes.text.replace(/^CHILD,DECOM,RNE,/, 'CHILD,DECOM,') };
  const missing = await post('analyst', { files: [noRne] }, analyst);
  assert.equal(missing.statusCode, 400, missing.body);
  assert.match(missing.json<{ error: string }>().error, /^2018\/episodes\.csv: .*RNE/);
  const word = await post('analyst', { files: [{ name: 'plan.docx', text: 'not a return' }] }, analyst);
  assert.equal(word.statusCode, 400);
  assert.deepEqual(word.json(), { error: 'plan.docx is not a 903 file: send .csv or .xml files', field: 'files' });
  const none = await post('analyst', { files: [] }, analyst);
  assert.equal(none.statusCode, 400);
  assert.match(none.json<{ error: string }>().error, /Send the 903 files/);
  const refused = await post('manager', { files }, manager);
  assert.equal(refused.statusCode, 403, refused.body);
  assert.deepEqual(await web.db.counts(), before, 'nothing stored');
  // Nobody without a token, nor a role that may not import, makes the server read the body: not even a broken one.
  const broken = { method: 'POST' as const, url: '/api/v1/returns', headers: { 'content-type': 'application/json' }, payload: '{"files": [' };
  const anonymous = await web.server.inject(broken);
  assert.equal(anonymous.statusCode, 401, anonymous.body);
  const managerBroken = await web.server.inject({ ...broken, headers: { ...broken.headers, authorization: `Bearer ${manager}` } });
  assert.equal(managerBroken.statusCode, 403, managerBroken.body);
  assert.equal(managerBroken.json<{ error: string }>().error, 'Your role does not allow you to import 903 returns.');
  const analystBroken = await web.server.inject({ ...broken, headers: { ...broken.headers, authorization: `Bearer ${analyst}` } });
  assert.equal(analystBroken.statusCode, 400, analystBroken.body);
  const unknown = await get('analyst', '/api/v1/returns/imports/999');
  assert.equal(unknown.statusCode, 404);
});
