// The 903 pages: uploading files in a multipart form that checks, stores and shows its progress; the upload history and findings; refusals with nothing changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Store } from '../../src/repositories/store.ts';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { html, words } from '../helpers/html.ts';
import { useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest();

const generated = generate903({ children: 80, years: 2, seed: 'returns-page', endYear: 2018 });
const goodFiles = generated.files.map((f) => ({ name: f.path, text: f.text }));

type Part = [string, string] | [string, { name: string; text: string }];

/** A multipart form as a browser sends it, with the person's CSRF token. */
async function postUpload(as: SignedIn, parts: Part[]) {
  const fd = new FormData();
  fd.append('_csrf', as.csrfToken);
  for (const [k, v] of parts) {
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new Blob([v.text], { type: 'text/csv' }), v.name);
  }
  const request = new Request('http://localhost/returns/new', { method: 'POST', body: fd });
  return web.server.inject({
    method: 'POST',
    url: '/returns/new',
    headers: { cookie: as.cookie, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

const fileParts = (files: { name: string; text: string }[]): Part[] => files.map((f) => ['files', f] as Part);

/** Waits for an import started in the background to end (it runs on after the answer). */
async function importEnded(id: number): Promise<void> {
  const q = web.db.handle.db;
  for (let i = 0; i < 600; i++) {
    const row = await q.selectFrom('ssda903Import').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    if (row.state !== 'storing') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`import ${id} did not end within a minute`);
}

/** The return with one episode's start date made impossible: a data-quality error. */
function withBadDate(): { name: string; text: string }[] {
  return goodFiles.map((f) => {
    if (!f.name.endsWith('2018/episodes.csv')) return f;
    const [header, first, ...rest] = f.text.split('\n');
    const at = header!.split(',').indexOf('DECOM');
    const cells = first!.split(',');
    cells[at] = '31/02/2018';
    return { ...f, text: [header, cells.join(','), ...rest].join('\n') };
  });
}

test('post 903 files as the analyst checks them, stores them in the background and shows the progress page, then the upload and its findings', async () => {
  const analyst = await web.signIn('analyst');
  const r = await postUpload(analyst, [...fileParts(withBadDate()), ['proceed', 'errors']]);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  const job = /^\/returns\/imports\/(\d+)$/.exec(String(r.headers.location));
  assert.ok(job, String(r.headers.location));
  await importEnded(Number(job[1]));

  const done = html((await web.get(job[0], analyst)).body);
  assert.equal(done.text('.govuk-panel__title'), '903 return stored');
  assert.match(done.text('.govuk-panel__body') ?? '', /^Stored [\d,]+ rows for collection years 2016\/17 to 2017\/18 and [\d,]+ indicator values at 24 month ends\.$/);
  assert.equal((await web.get(job[0], analyst)).headers.refresh, undefined);
  const uploadHref = done.href('See the upload and its data-quality findings')!;

  const history = html((await web.get('/returns', analyst)).body);
  const [row] = history.rows('#uploads');
  assert.equal(row![1], 'Ana Analyst');
  assert.equal(row![2], '2016/17 to 2017/18', 'the collection years named as people write them');
  assert.equal(row![7], 'Current');
  assert.equal(words(history.rows('#imports')[0]![4]!), 'Finished: the return is stored');

  const upload = html((await web.get(uploadHref, analyst)).body);
  assert.equal(upload.rows('#files').length, goodFiles.length);
  assert.deepEqual([...new Set(upload.rows('#files').map((cells) => cells[2]))].filter(Boolean).sort(), ['2016/17', '2017/18'], 'each file’s collection year as people write it (the postcode directory has none)');
  const checks = upload.rows('#checks');
  assert.ok(checks.some((cells) => cells[1] === 'Error'), JSON.stringify(checks));
  const first = upload.links('#checks').at(0)!;
  const oneCheck = html((await web.get(first.href, analyst)).body);
  const findingRows = oneCheck.rows('#findings-table');
  assert.ok(findingRows.length > 0);
  assert.ok(findingRows.every((cells) => cells[4]!.endsWith(first.text.replace(': show its findings', ''))), 'only that check');
  assert.ok(findingRows.some((cells) => cells[0] === '2018/episodes.csv' && cells[1] === '2' && cells[2] === 'DECOM'), JSON.stringify(findingRows));
  const audit = await web.db.handle.db.selectFrom('auditEvent').select('event').where('event', 'in', ['ssda903.import-started', 'ssda903.imported']).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.event), ['ssda903.import-started', 'ssda903.imported']);
});

test('post 903 files with findings not chosen to store despite lists them and stores nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const r = await postUpload(analyst, fileParts(withBadDate()));
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  const [summary] = page.errorSummary();
  assert.match(summary!.text, /^The files have \d+ data-quality errors?: nothing was stored\. Correct them, or tick “Store them despite errors” to store them anyway\.$/);
  assert.equal(summary!.href, '#proceed');
  assert.ok(page.rows('#refused-checks').length > 0);
  assert.ok(page.rows('#refused-examples').some((cells) => cells[0] === '2018/episodes.csv' && cells[1] === '2' && cells[2] === 'DECOM'), JSON.stringify(page.rows('#refused-examples')));
  assert.deepEqual(await web.db.counts(), before);
});

test('post 903 files with a row repeated lists the finding with the other row it involves', async () => {
  const analyst = await web.signIn('analyst');
  const repeated = goodFiles.map((f) => {
    if (!f.name.endsWith('2018/episodes.csv')) return f;
    const lines = f.text.trimEnd().split('\n');
    return { ...f, text: `${[...lines, lines[1]].join('\n')}\n` };
  });
  const r = await postUpload(analyst, fileParts(repeated));
  assert.equal(r.statusCode, 400);
  const examples = html(r.body).rows('#refused-examples');
  const seeAlso = /\(see also row [\d,]+\)$/;
  assert.ok(examples.some((cells) => cells[0] === '2018/episodes.csv' && seeAlso.test(cells[5]!)), JSON.stringify(examples));
  // Stored despite them, the upload's findings row by row say it too.
  const stored = await postUpload(analyst, [...fileParts(repeated), ['proceed', 'errors']]);
  assert.equal(stored.statusCode, 303, stored.body.slice(0, 500));
  const job = /^\/returns\/imports\/(\d+)$/.exec(String(stored.headers.location))!;
  await importEnded(Number(job[1]));
  const done = html((await web.get(job[0], analyst)).body);
  const findings = html((await web.get(done.href('See the upload and its data-quality findings')!, analyst)).body).rows('#findings-table');
  assert.ok(findings.some((cells) => cells[0] === '2018/episodes.csv' && seeAlso.test(cells[5]!)), JSON.stringify(findings));
});

test('post a 903 file missing a column answers 400 naming the file and column, and stores nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const episodes = goodFiles.find((f) => f.name.endsWith('2018/episodes.csv'))!;
  const [header, ...lines] = episodes.text.split('\n');
  const cut = header!.split(',').findIndex((c) => c === 'RNE');
  const broken = [header, ...lines].map((l) => l!.split(',').filter((_v, i) => i !== cut).join(',')).join('\n');
  const r = await postUpload(analyst, fileParts([{ name: '2018/episodes.csv', text: broken }]));
  assert.equal(r.statusCode, 400);
  const [error] = html(r.body).errorSummary();
  assert.match(error!.text, /2018\/episodes\.csv/);
  assert.match(error!.text, /RNE/);
  assert.equal(error!.href, '#files');
  assert.deepEqual(await web.db.counts(), before);
});

test('post the upload form with no file, a file of another kind or a bad year names the field and stores nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const none = html((await postUpload(analyst, [['files', { name: '', text: '' }]])).body);
  assert.deepEqual(none.errorSummary(), [{ text: 'Choose the 903 files to upload', href: '#files' }]);
  const other = await postUpload(analyst, fileParts([{ name: 'notes.txt', text: 'hello' }]));
  assert.equal(other.statusCode, 400);
  assert.deepEqual(html(other.body).errorSummary(), [{ text: 'notes.txt is not a 903 file: choose .csv or .xml files', href: '#files' }]);
  const year = html((await postUpload(analyst, [...fileParts(goodFiles), ['year', 'last year']])).body);
  assert.deepEqual(year.errorSummary(), [{ text: 'Enter the collection year as the year it ends, like 2026, or as 2025-26', href: '#year' }]);
  assert.equal(year.value('year'), 'last year');
  assert.deepEqual(await web.db.counts(), before);
});

test('post 903 files as the administrator answers 403 and changes nothing', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await postUpload(admin, [...fileParts(goodFiles), ['proceed', 'warnings']]);
  assert.equal(r.statusCode, 403);
  assert.equal(html(r.body).heading(), 'You cannot do this');
  assert.deepEqual(await web.db.counts(), before);
});

test('post 903 files without the CSRF token answers 403 and changes nothing', async () => {
  const analyst = await web.signIn('analyst');
  const before = await web.db.counts();
  const r = await postUpload({ ...analyst, csrfToken: 'forged' }, [...fileParts(goodFiles), ['proceed', 'warnings']]);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

test('get an import still storing asks to be loaded again every 5 seconds, unless turned off, and says how far it has got', async () => {
  const job = await new Store(web.db.handle.db).read.ssda903.insertImport({
    organisationId: web.ctx.organisationId,
    startedBy: 'Ana Analyst',
    files: JSON.stringify([{ name: '2018/episodes.csv', table: 'Episodes', collectionYear: 2018, rows: 4000 }]),
    rows: 4000,
    state: 'storing',
    phase: 'indicators',
    done: 6,
    total: 12,
  });
  const analyst = await web.signIn('analyst');
  const r = await web.get(`/returns/imports/${job.id}`, analyst);
  assert.equal(r.headers.refresh, '5');
  const page = html(r.body);
  assert.equal(page.href('Stop it loading itself'), `/returns/imports/${job.id}?refresh=off`);
  assert.equal(page.text('[role="status"]'), 'Working out the indicators for every month end: 75% done.');
  assert.equal(page.find('progress#import-progress')?.getAttribute('value'), '75');
  assert.match(page.title(), /^903 import: Working out the indicators for every month end: 75% done – /);
  const stopped = await web.get(`/returns/imports/${job.id}?refresh=off`, analyst);
  assert.equal(stopped.headers.refresh, undefined);
  assert.equal(html(stopped.body).href('Check again now'), `/returns/imports/${job.id}?refresh=off`);
});

test('an import left storing when its server stopped is marked failed at the next start, on a shared server only after an hour unheard of', async () => {
  const jobs = new Store(web.db.handle.db).read.ssda903;
  const storing = (startedBy: string) =>
    jobs.insertImport({ organisationId: web.ctx.organisationId, startedBy, files: '[]', rows: 10, state: 'storing', phase: 'records', done: 1, total: 10 });
  const recent = await storing('Ana Analyst');
  const old = await storing('Ana Analyst');
  await jobs.updateImport(web.ctx.organisationId, old.id, { done: 2 });
  await web.db.handle.db.updateTable('ssda903Import').set({ updatedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) }).where('id', '=', old.id).execute();
  // Several servers on one PostgreSQL database: the one heard of a moment ago may still be running.
  assert.equal(await web.db.services.ssda903.failInterruptedImports(false), 1);
  const analyst = await web.signIn('analyst');
  const page = html((await web.get(`/returns/imports/${old.id}`, analyst)).body);
  assert.equal(page.heading(), 'The 903 import failed');
  assert.equal(page.text('#import-message'), 'Parentis stopped while storing this return, so none of it was stored. Upload it again.');
  assert.equal((await web.get(`/returns/imports/${recent.id}`, analyst)).headers.refresh, '5');
  // The embedded database has one server: whatever it left storing has stopped.
  assert.equal(await web.db.services.ssda903.failInterruptedImports(true), 1);
  const r = await web.get(`/returns/imports/${recent.id}`, analyst);
  assert.equal(r.headers.refresh, undefined);
  assert.equal(await web.db.services.ssda903.failInterruptedImports(true), 0);
});

test('get an upload or import that does not exist answers 404', async () => {
  const analyst = await web.signIn('analyst');
  assert.equal((await web.get('/returns/uploads/999', analyst)).statusCode, 404);
  assert.equal((await web.get('/returns/imports/999', analyst)).statusCode, 404);
});
