// `npm start` as a process: it migrates, loads the demonstration authority into an empty embedded
// database (never into a PostgreSQL server), serves /health and the plan list, holds the embedded
// data directory against other processes, stops cleanly on SIGTERM and keeps its data for a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoDocuments, disposeStores, fails, freePort, freshStore, ok, oneLine, root, startNode, type Running, type Store } from './run.ts';

const LISTENING = /Parentis is listening on http:\/\/localhost:(\d+)\//;
const LOADING_DEMO = 'Demonstration mode: loading';

let store: Store;
let server: Running | undefined;
let port = 0;
/** The project's own ./data before the run: the server must not write there when DATA_DIR is set. */
let projectDataBefore: string[] = [];

/** Every file under a directory with its size and modification time; empty when there is no directory. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => {
      const p = path.join(e.parentPath, e.name);
      const s = fs.statSync(p);
      return `${path.relative(dir, p)} ${e.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

async function startServer(): Promise<Running> {
  port = await freePort();
  const p = startNode(['--import', 'tsx', 'src/main.ts'], { ...store.env, PORT: String(port), HOST: '127.0.0.1' });
  server = p;
  const m = await p.waitForOutput(LISTENING, 60_000);
  assert.equal(Number(m[1]), port);
  return p;
}

async function stopServer(p: Running): Promise<void> {
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
  const r = await p.exited;
  clearTimeout(timer);
  assert.deepEqual({ code: r.code, signal: r.signal }, { code: 0, signal: null }, `stderr:\n${r.stderr}`);
}

const get = (pathname: string): Promise<Response> => fetch(`http://127.0.0.1:${port}${pathname}`);

async function homePage(): Promise<string> {
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  return res.text();
}

/** What the home page must show: the demonstration plans when embedded; nothing on a new server database. */
function assertPlansShown(html: string): void {
  if (store.kind === 'embedded') {
    assert.ok(html.includes('Westmere County Council'), 'the authority is named');
    for (const d of demoDocuments) assert.ok(html.includes(d.plan.slug), `the page lists ${d.plan.slug}`);
    assert.ok(html.includes('Children and Young People’s Plan 2016–19'), 'a plan is listed by its title');
  } else {
    assert.ok(html.includes('There are no plans yet'), 'an empty server database lists no plans');
    assert.ok(!html.includes('Westmere'), 'the demonstration authority was not loaded');
  }
}

before(async () => {
  store = await freshStore();
  projectDataBefore = listing(path.join(root, 'data'));
});

after(async () => {
  await server?.kill();
  await disposeStores();
});

void test('start server on a fresh store answers /health with status ok', async () => {
  const p = await startServer();
  const res = await get('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  if (store.kind === 'embedded') assert.ok(p.stdout.includes(LOADING_DEMO), `stdout:\n${p.stdout}`);
  else assert.ok(!p.stdout.includes(LOADING_DEMO), 'a PostgreSQL server never gets the demonstration data by itself');
});

void test('get home page lists the plans the store holds', async () => {
  assertPlansShown(await homePage());
});

void test('run command line while the server runs is refused only on the embedded database', async () => {
  if (store.kind === 'embedded') {
    const message = oneLine(await fails(store, ['plans']));
    assert.match(message, /^parentis: .*in use by another Parentis process \(pid \d+\)/);
  } else {
    // Several processes share a PostgreSQL server.
    assert.match(await ok(store, ['migrate']), /up to date/);
  }
});

void test('stop server with SIGTERM exits 0 and leaves its data only in the store it was given', async () => {
  assert.ok(server, 'the server was started');
  await stopServer(server);
  if (store.dataDir !== undefined) {
    assert.ok(fs.existsSync(path.join(store.dataDir, 'pg', 'PG_VERSION')), 'the database files are under DATA_DIR');
    assert.ok(!fs.existsSync(path.join(store.dataDir, 'parentis.lock')), 'the lock is released');
  }
  assert.deepEqual(listing(path.join(root, 'data')), projectDataBefore, "nothing was written to the project's ./data");
});

void test('restart server on the same store keeps the plans without loading the demonstration again', async () => {
  const p = await startServer();
  const res = await get('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  assertPlansShown(await homePage());
  assert.ok(!p.stdout.includes(LOADING_DEMO), `stdout:\n${p.stdout}`);
  await stopServer(p);
});
