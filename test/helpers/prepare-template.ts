// Builds (once per schema) a database with every migration applied and prints where it is, so test
// processes copy it instead of migrating their own: embedded, a data directory saved as a tarball;
// with TEST_DATABASE_URL, a template database on that PostgreSQL server (CREATE DATABASE … TEMPLATE).
// With --demo it also prepares (once per build of the sources) a store holding what `parentis demo`
// loads, printed on a second line, for the command-line tests to copy instead of loading their own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { testDatabaseUrl } from '../../src/config.ts';
import { openEmbedded, openServer } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_TEST_TODAY } from './demo-today.ts';
import { keptDirectory, loadDemo } from './demo-store.ts';

const root = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(root, 'src/db/migrations');
const hash = crypto.createHash('sha256');
for (const f of fs.readdirSync(migrationsDir).sort()) hash.update(f).update(fs.readFileSync(path.join(migrationsDir, f)));
// The list of migrations that run: a migration file not yet listed there must not give a template under its name.
hash.update(fs.readFileSync(path.join(root, 'src/db/migrate.ts')));
hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
const schema = hash.digest('hex').slice(0, 16);

const serverUrl = testDatabaseUrl();
const template = serverUrl === undefined ? await prepareEmbedded() : await prepareServer(serverUrl);
process.stdout.write(`${template}\n`);
if (process.argv.includes('--demo')) process.stdout.write(`${serverUrl === undefined ? prepareEmbeddedDemo() : await prepareServerDemo(serverUrl, template)}\n`);

async function prepareEmbedded(): Promise<string> {
  const file = path.join(root, 'tmp', 'test-template', `${schema}.tar`);
  if (fs.existsSync(file)) return file;
  const handle = await openEmbedded(undefined);
  await migrateToLatest(handle.db);
  if (!handle.dump) throw new Error('the embedded database cannot be dumped');
  const blob = Buffer.from(await (await handle.dump()).arrayBuffer());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, blob);
  fs.renameSync(`${file}.part`, file);
  await handle.close();
  return file;
}

/** Renames a database prepared under a name of its own to the name runs look for; if another run got there first, uses theirs. */
async function publish(admin: pg.Client, part: string, name: string): Promise<void> {
  try {
    await admin.query(`alter database ${part} rename to ${name}`);
  } catch (err) {
    await admin.query(`drop database if exists ${part}`);
    if ((err as { code?: string }).code !== '42P04') throw err;
  }
}

/** The template's name. It is migrated under a name of its own and renamed when complete, so a run never copies half a schema. */
async function prepareServer(baseUrl: string): Promise<string> {
  const name = `parentis_template_${schema}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const part = `${name}_${process.pid}`;
      await admin.query(`create database ${part}`);
      const url = new URL(baseUrl);
      url.pathname = `/${part}`;
      const handle = await openServer(url.toString());
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
      await publish(admin, part, name);
    }
  } finally {
    await admin.end();
  }
  return name;
}

/** Which build of the sources a demonstration store was loaded by (scripts/build.mjs's record of them). */
function demoKey(): string {
  return crypto.createHash('sha256').update(schema).update(fs.readFileSync(path.join(root, 'dist', '.built-from'))).digest('hex').slice(0, 16);
}

/** Runs the built `parentis demo` with only these settings for the store. */
function loadTestDemo(settings: Record<string, string>): void {
  // Demonstration mode asked for: on a PostgreSQL server `parentis demo` adds no accounts otherwise.
  loadDemo({ PATH: process.env.PATH, HOME: process.env.HOME, PARENTIS_DEMO: 'on', PARENTIS_TODAY: DEMO_TEST_TODAY, ...settings });
}

/** An embedded data directory holding the demonstration, under tmp/test-demo; older ones are removed. */
function prepareEmbeddedDemo(): string {
  return keptDirectory(path.join(root, 'tmp', 'test-demo'), demoKey(), (dir) => loadTestDemo({ DATA_DIR: dir }));
}

/** A database on the server holding the demonstration, for CREATE DATABASE … TEMPLATE. This checkout's older ones are dropped. */
async function prepareServerDemo(baseUrl: string, template: string): Promise<string> {
  const checkout = crypto.createHash('sha256').update(root).digest('hex').slice(0, 8);
  const name = `parentis_demo_${checkout}_${demoKey()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount !== 0) return name;
    const part = `${name}_${process.pid}`;
    await admin.query(`create database ${part} template ${template}`);
    const url = new URL(baseUrl);
    url.pathname = `/${part}`;
    try {
      loadTestDemo({ DATABASE_URL: url.toString() });
    } catch (err) {
      await admin.query(`drop database if exists ${part}`);
      throw err;
    }
    const older = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [`parentis_demo_${checkout}_`]);
    for (const { datname } of older.rows) {
      if (/^parentis_demo_[0-9a-f]{8}_[0-9a-f]{16}$/.test(datname)) await admin.query(`drop database if exists ${datname}`);
    }
    await publish(admin, part, name);
  } finally {
    await admin.end();
  }
  return name;
}
