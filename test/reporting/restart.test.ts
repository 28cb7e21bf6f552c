// Reminders survive a killed server: a Parentis process claims the reminders and is killed (SIGKILL)
// while its mail server hangs; after a restart, the claims are left alone until they time out, then
// another sender takes them over and sends each once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createServices } from '../../src/composition.ts';
import { testDatabaseUrl } from '../../src/config.ts';
import { openEmbedded, openServer, type DatabaseHandle } from '../../src/db/database.ts';
import { createServerDatabase } from '../helpers/database.ts';
import { clockAt, TODAY } from '../helpers/rounds.ts';
import { childEnv, disposeStores, root, tempDir } from '../cli/run.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
  await disposeStores();
});

test('reminders claimed by a killed server are sent once after a restart and the claim timeout', async () => {
  // A mail server that accepts connections and never answers: the child waits on it until killed.
  const sockets: net.Socket[] = [];
  const hanging = net.createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); hanging.close(() => resolve()); }));
  const smtpUrl = `smtp://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`;

  const serverUrl = testDatabaseUrl();
  let store: Record<string, string>;
  let reopen: () => Promise<DatabaseHandle>;
  if (serverUrl !== undefined) {
    const db = await createServerDatabase(serverUrl);
    cleanups.push(() => db.drop());
    store = { DATABASE_URL: db.url };
    reopen = () => openServer(db.url);
  } else {
    const dir = tempDir('parentis-restart-');
    store = { DATA_DIR: dir };
    reopen = () => openEmbedded(dir);
  }

  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'reporting', 'restart-child.ts')], { cwd: root, env: childEnv({ ...store, SMTP_URL: smtpUrl, LOG_LEVEL: 'silent' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child never started sending:\n${output}`)), 150_000);
    const look = (b: Buffer): void => {
      output += b.toString();
      if (output.includes('sending')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    void exited.then(() => reject(new Error(`the child ended before sending:\n${output}`)));
  });
  child.kill('SIGKILL');
  await exited;

  const handle = await reopen();
  cleanups.push(() => handle.close());
  const services = createServices(handle, clockAt(TODAY), { publicUrl: 'https://parentis.testshire.example' });
  const claimed = await handle.db.selectFrom('reminder').select(['status', 'ownerName']).where('status', '=', 'sending').orderBy('ownerName').execute();
  assert.deepEqual(claimed.map((r) => r.ownerName), ['Jo Example', 'Sam Sample']);
  assert.equal((await services.reminders.runOnce()).sent, 0, 'a fresh claim is left to its holder');
  await sql`update reminder set claimed_at = claimed_at - interval '11 minutes' where status = 'sending'`.execute(handle.db);
  assert.equal((await services.reminders.runOnce()).sent, 2);
  const rows = await handle.db.selectFrom('reminder').select(['status', 'attempts']).where('kind', '=', 'request').execute();
  assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['sent', 2], ['sent', 2]]);
  assert.equal((await handle.db.selectFrom('outboxMessage').select('id').execute()).length, 2);
});
