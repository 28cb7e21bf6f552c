// A migrated database for one test process: embedded (from the prepared template) by default, or a
// fresh database on the PostgreSQL server named by TEST_DATABASE_URL (a copy of the prepared template
// database when there is one), dropped again at the end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, beforeEach } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createServices, type Services } from '../../src/composition.ts';
import { testDatabaseUrl } from '../../src/config.ts';
import { openEmbedded, openServer, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Ctx } from '../../src/services/context.ts';

export interface TestDatabase {
  handle: DatabaseHandle;
  services: Services;
  kind: 'embedded' | 'server';
  /** For the server: a URL of this test database, for child processes. */
  url?: string;
  /** Empties every table, for a clean state between tests. */
  reset(): Promise<void>;
  /** Row counts of every table: equal before and after means nothing changed. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Creates a database on the server, empty or a copy of a template database; returns its URL and how to drop it. */
export async function createServerDatabase(baseUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parentis_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  let handle: DatabaseHandle;
  let drop = (): Promise<void> => Promise.resolve();
  let url: string | undefined;
  if (serverUrl !== undefined) {
    const created = await createServerDatabase(serverUrl, process.env.PARENTIS_TEST_PG_TEMPLATE || undefined);
    url = created.url;
    drop = () => created.drop();
    handle = await openServer(created.url);
  } else {
    const template = process.env.PARENTIS_TEST_TEMPLATE;
    handle = await openEmbedded(undefined, template && fs.existsSync(template) ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {});
  }
  await migrateToLatest(handle.db);
  const tables = async (): Promise<string[]> => {
    const r = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(handle.db);
    return r.rows.map((t) => t.tablename);
  };
  return {
    handle,
    services: createServices(handle),
    kind: handle.kind,
    ...(url !== undefined ? { url } : {}),
    reset: async () => {
      await sql.raw(`truncate ${(await tables()).join(', ')} restart identity cascade`).execute(handle.db);
    },
    counts: async () => {
      const out: Record<string, number> = {};
      for (const t of await tables()) {
        const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(handle.db);
        out[t] = Number(r.rows[0]!.n);
      }
      return out;
    },
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/** Creates an authority to work in and returns a context acting as the given person. */
export async function authority(db: TestDatabase, actor = 'Test Officer'): Promise<Ctx> {
  const org = await db.handle.db
    .insertInto('organisation')
    .values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { organisationId: org.id, actor, asOf: '2018-06-30' };
}

/**
 * One database for the test file; before each test it is emptied and an authority created, acting
 * as `actor`. Read `db` and `ctx` from the returned object inside tests.
 */
export function useTestDatabase(actor = 'Test Officer'): { db: TestDatabase; ctx: Ctx } {
  const state = {} as { db: TestDatabase; ctx: Ctx };
  before(async () => {
    state.db = await openTestDatabase();
  });
  after(async () => {
    await state.db.close();
  });
  beforeEach(async () => {
    await state.db.reset();
    state.ctx = await authority(state.db, actor);
  });
  return state;
}
