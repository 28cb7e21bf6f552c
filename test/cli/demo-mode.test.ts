// `npm start` (the built dist/main.js) and the demonstration: an empty store under NODE_ENV=production offers
// set-up on every interface and never gets a demonstration account; the demonstration listens on
// 127.0.0.1 unless HOST says otherwise; NODE_ENV=production and PARENTIS_DEMO=off refuse to start on it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeStore, disposeStores, freePort, freshStore, ok, okJson, parentisProcess, startNode, type Running, type Store } from './run.ts';

const LISTENING = /Parentis is listening on http:\/\/localhost:(\d+)\/ \((.+)\)\n/;
const running: Running[] = [];

after(async () => {
  for (const p of running) await p.kill();
  await disposeStores();
});

async function startServer(store: Store, env: Record<string, string> = {}): Promise<{ p: Running; port: number; reach: string }> {
  const port = await freePort();
  await closeStore(store);
  const p = startNode(['dist/main.js'], { ...store.env, PORT: String(port), ...env });
  running.push(p);
  const m = await p.waitForOutput(LISTENING, 180_000);
  return { p, port: Number(m[1]), reach: m[2]! };
}

async function stopServer(p: Running): Promise<void> {
  p.child.kill('SIGTERM');
  const r = await p.exited;
  assert.equal(r.code, 0, `stderr:\n${r.stderr}`);
}

async function startRefused(store: Store, env: Record<string, string>): Promise<string> {
  await closeStore(store);
  const p = startNode(['dist/main.js'], { ...store.env, PORT: String(await freePort()), ...env });
  running.push(p);
  const r = await p.exited;
  assert.equal(r.code, 1, `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on standard error:\n${r.stderr}`);
  assert.ok(!r.stdout.includes('Parentis is listening'), 'the server never listened');
  return lines[0]!;
}

let empty: Store;
let demo: Store;

before(async () => {
  empty = await freshStore();
  demo = await freshStore();
});

void test('start on an empty store under NODE_ENV=production offers set-up on every interface and creates no demonstration account', async () => {
  const { p, port, reach } = await startServer(empty, { NODE_ENV: 'production' });
  assert.equal(reach, 'on 0.0.0.0');
  assert.ok(!p.stdout.includes('Demonstration mode'), `stdout:\n${p.stdout}`);
  assert.match(p.stdout, /No authority is set up yet: open Parentis in a browser to set it up, or run "parentis init"\./);
  for (const path of ['/', '/sign-in']) {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
    assert.equal(r.status, 303, path);
    assert.equal(r.headers.get('location'), '/setup', path);
  }
  const form = await fetch(`http://127.0.0.1:${port}/setup`);
  assert.equal(form.status, 200);
  assert.doesNotMatch(await form.text(), /Demonstration — fictional data|westmere-demo/);
  await stopServer(p);
  assert.match(await ok(empty, ['migrate']), /up to date/);
  const r = await parentisProcess(empty, ['user', 'list']);
  assert.match(r.stderr, /holds no authority yet/, 'no authority, so no account of any kind');
});

void test('demo on a store then start without HOST serves the demonstration on 127.0.0.1 only', async () => {
  const loaded = await ok(demo, ['demo']);
  const accounts = await okJson<{ email: string }[]>(demo, ['user', 'list', '--format', 'json']);
  if (demo.kind === 'embedded') {
    assert.equal(accounts.length, 6, 'the embedded database is in demonstration mode unless told otherwise');
  } else {
    assert.deepEqual(accounts, [], 'on a PostgreSQL server the accounts need PARENTIS_DEMO=on');
    assert.match(loaded, /No sign-in accounts were added: .*PARENTIS_DEMO=on/);
  }
  const { p, port, reach } = await startServer(demo);
  assert.equal(reach, "on 127.0.0.1: this computer only, as the demonstration's passwords are published; set HOST to change it");
  const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
  assert.match(await signIn.text(), /Demonstration — fictional data/);
  await stopServer(p);
});

void test('start on the demonstration under NODE_ENV=production is refused with one line saying why and what to do', async () => {
  const where = demo.kind === 'embedded' ? 'DATA_DIR' : 'DATABASE_URL';
  assert.equal(
    await startRefused(demo, { NODE_ENV: 'production' }),
    `parentis: refusing to start: NODE_ENV=production refuses the demonstration and this database is the demonstration (fictional data). Point ${where} at a new, empty database and set your authority up with "parentis init" or in the browser, or start without NODE_ENV=production to look at the demonstration.`,
  );
});

void test('start on the demonstration with PARENTIS_DEMO=off is refused with one line', async () => {
  assert.match(await startRefused(demo, { PARENTIS_DEMO: 'off' }), /^parentis: refusing to start: PARENTIS_DEMO=off refuses the demonstration and this database is the demonstration/);
});
