// `npm start` as a process (the built dist/main.js): it migrates, loads the demonstration authority into an empty embedded
// database (never into a PostgreSQL server) with its sign-in accounts, serves /health and, once signed
// in, the plan list; holds the embedded
// data directory against other processes, stops cleanly on SIGTERM and keeps its data for a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { shiftText } from '../../src/demo/shift.ts';
import { closeStore, demoDocuments, disposeStores, fails, freePort, freshStore, ok, oneLine, parentisProcess, root, startNode, type Running, type Store } from './run.ts';

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
  await closeStore(store);
  // Started on a pinned day in 2026: the demonstration it loads moves eight years to stand in that present.
  const p = startNode(['dist/main.js'], { ...store.env, PORT: String(port), HOST: '127.0.0.1', PARENTIS_TODAY: '2026-12-03' });
  server = p;
  const m = await p.waitForOutput(LISTENING, 120_000);
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

const DEMO_ACCOUNTS = 'Sign in with one of the demonstration accounts';

/** Signs in through the form as a browser would; returns the Cookie header for the session. */
async function signIn(email: string, password: string): Promise<string> {
  const form = await get('/sign-in');
  assert.equal(form.status, 200);
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`http://127.0.0.1:${port}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  assert.equal(res.status, 303, await res.text());
  const session = res.headers.getSetCookie().find((c) => c.startsWith('parentis_session='));
  assert.ok(session, 'a session cookie is set');
  return session.split(';')[0]!;
}

/** The home page: signed in as the demonstration viewer when embedded; a new server database offers set-up instead. */
async function homePage(): Promise<string> {
  const signedOut = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
  assert.equal(signedOut.status, 303);
  assert.equal(signedOut.headers.get('location'), store.kind === 'embedded' ? '/sign-in?next=%2F' : '/setup');
  if (store.kind !== 'embedded') return '';
  const email = /viewer\s+(\S+@\S+)/.exec(server?.stdout ?? '')?.[1];
  const password = /viewer\s+\S+@\S+\s+.+?\s{2}(\S+)\s*$/m.exec(server?.stdout ?? '')?.[1];
  assert.ok(email && password, `the viewer's sign-in details are printed:\n${server?.stdout ?? ''}`);
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie: await signIn(email, password) } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  return res.text();
}

/** What the home page must show: the demonstration plans when embedded; nothing on a new server database. */
function assertPlansShown(html: string): void {
  if (store.kind === 'embedded') {
    assert.ok(html.includes('Westmere County Council'), 'the authority is named');
    for (const d of demoDocuments) assert.ok(html.includes(shiftText(d.plan.slug, 8)), `the page lists ${shiftText(d.plan.slug, 8)}`);
    assert.ok(html.includes('Children and Young People’s Plan 2024–27'), 'a plan is listed by its title, in the present');
  } else {
    assert.equal(html, '', 'a server database has no accounts until someone adds one');
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
  if (store.kind === 'embedded') {
    assert.ok(p.stdout.includes(LOADING_DEMO), `stdout:\n${p.stdout}`);
    assert.ok(p.stdout.includes(DEMO_ACCOUNTS), `the demonstration accounts are printed:\n${p.stdout}`);
    assert.match(p.stdout, /admin\s+admin@westmere\.example/);
  } else {
    assert.ok(!p.stdout.includes(LOADING_DEMO), 'a PostgreSQL server never gets the demonstration data by itself');
    assert.ok(!p.stdout.includes(DEMO_ACCOUNTS), 'no demonstration accounts outside demonstration mode');
  }
});

void test('get home page lists the plans the store holds', async () => {
  assertPlansShown(await homePage());
});

void test('run command line while the server runs is refused only on the embedded database, naming the page that does the same', async () => {
  if (store.kind === 'embedded') {
    assert.match(oneLine(await fails(store, ['plans'], parentisProcess)), /^parentis: Parentis is running on this database \(pid \d+\): see the plans at http:\/\/localhost:\d+\/plans in a browser, or stop the server and run the command again\.$/);
    assert.match(oneLine(await fails(store, ['--by', 'Jo', 'user', 'add', '--email', 'a@b.example', '--name', 'A B', '--role', 'viewer', '--password', 'a long enough passphrase 42'], parentisProcess)), /: add the person at http:\/\/localhost:\d+\/users\/new in a browser/);
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
  if (store.kind === 'embedded') assert.ok(p.stdout.includes(DEMO_ACCOUNTS), 'the sign-in details are printed at every start in demonstration mode');
  await stopServer(p);
});
