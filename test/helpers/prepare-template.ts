// Builds (once per schema) a database with every migration applied and prints where it is, so test
// processes copy it instead of migrating their own: embedded, a data directory saved as a tarball;
// with TEST_DATABASE_URL, a template database on that PostgreSQL server (CREATE DATABASE … TEMPLATE).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { testDatabaseUrl } from '../../src/config.ts';
import { openEmbedded, openServer } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(root, 'src/db/migrations');
const hash = crypto.createHash('sha256');
for (const f of fs.readdirSync(migrationsDir).sort()) hash.update(f).update(fs.readFileSync(path.join(migrationsDir, f)));
hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
const schema = hash.digest('hex').slice(0, 16);

const serverUrl = testDatabaseUrl();
process.stdout.write(`${serverUrl === undefined ? await prepareEmbedded() : await prepareServer(serverUrl)}\n`);

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
      try {
        await admin.query(`alter database ${part} rename to ${name}`);
      } catch (err) {
        // Another run on the same server prepared the same schema first: use theirs.
        await admin.query(`drop database if exists ${part}`);
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await admin.end();
  }
  return name;
}
