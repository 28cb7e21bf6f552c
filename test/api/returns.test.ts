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
