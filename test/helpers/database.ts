// A migrated database for one test process: embedded (from the prepared template) by default, or a
// fresh database on the PostgreSQL server named by TEST_DATABASE_URL (a copy of the prepared template
// database when there is one), dropped again at the end. An embedded database closed by one test file
// is emptied and handed to the next file in the same process (scripts/run-tests.mjs runs many files in
// one worker) instead of starting PGlite and loading the template again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, beforeEach } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createServices, type Services } from '../../src/composition.ts';
import { testDatabaseUrl } from '../../src/config.ts';
import { openEmbedded, openServer, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest, migrations } from '../../src/db/migrate.ts';
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
  /** Every row and every sequence as they are now, to be put back with restore. */
  save(): Promise<SavedState>;
  /** Puts back exactly the rows and sequences save found, whatever was written since, in one transaction. */
  restore(saved: SavedState): Promise<void>;
  close(): Promise<void>;
}

/** What save read: each table holding rows, as JSON and its MD5, and each sequence's last value (null: never used). */
export interface SavedState {
  rows: Record<string, string>;
  hashes: Record<string, string>;
  sequences: { name: string; value: string | null }[];
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

/** Whether this process is a test worker running many files (the default; not with PARENTIS_TEST_WORKERS=off): only then are closed databases kept. */
const inWorker = process.env.PARENTIS_TEST_QUEUE !== undefined;
/** Embedded databases closed by earlier test files in this process, to be emptied and used again. */
const spare: DatabaseHandle[] = [];
/** The rows the template holds (a migration's own, e.g. measure_data_version's mark), as JSON per table, put back into a reused database. */
let templateRows: Record<string, string> | undefined;

/** Whether a closed embedded database can be used again: nothing left waiting on it, and every migration applied (a file may migrate back and forth). */
async function reusable(handle: DatabaseHandle): Promise<boolean> {
  if (handle.load().waiting > 0) return false;
  try {
    const r = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(handle.db);
    return Number(r.rows[0]?.n) === Object.keys(migrations).length;
  } catch {
    return false;
  }
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  let handle: DatabaseHandle;
  let drop = (): Promise<void> => Promise.resolve();
  let url: string | undefined;
  // A copy of the prepared template is migrated already (it is named by the migrations it holds).
  let migrated: boolean;
  const reused = serverUrl === undefined && inWorker ? spare.pop() : undefined;
  if (serverUrl !== undefined) {
    const template = process.env.PARENTIS_TEST_PG_TEMPLATE || undefined;
    migrated = template !== undefined;
    const created = await createServerDatabase(serverUrl, template);
    url = created.url;
    drop = () => created.drop();
    handle = await openServer(created.url);
  } else if (reused !== undefined) {
    handle = reused;
    migrated = true;
  } else {
    const template = process.env.PARENTIS_TEST_TEMPLATE;
    migrated = template !== undefined && fs.existsSync(template);
    handle = await openEmbedded(undefined, migrated ? { loadDataDir: new Blob([fs.readFileSync(template!)]) } : {});
  }
  if (!migrated) await migrateToLatest(handle.db);
  // The tables are listed once: the schema does not change while a test file runs.
  let listed: Promise<string[]> | undefined;
  const tables = (): Promise<string[]> =>
    (listed ??= sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`
      .execute(handle.db)
      .then((r) => r.rows.map((t) => t.tablename)));
  // The foreign keys, listed once: which tables refer to each table.
  let referring: Promise<Map<string, string[]>> | undefined;
  const referrers = (): Promise<Map<string, string[]>> =>
    (referring ??= sql<{ referencing: string; referenced: string }>`
      select c.conrelid::regclass::text as referencing, c.confrelid::regclass::text as referenced
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`
      .execute(handle.db)
      .then((r) => {
        const by = new Map<string, string[]>();
        for (const { referencing, referenced } of r.rows) by.set(referenced, [...(by.get(referenced) ?? []), referencing]);
        return by;
      }));
  /** One statement asking every table whether it has a row, and every sequence whether it has been used. */
  const inUse = async (): Promise<{ tables: string[]; sequences: string[] }> => {
    const probes = (await tables()).map((t) => `select 'table' as kind, '${t}' as name where exists (select 1 from "${t}")`);
    probes.push(`select 'sequence', sequencename::text from pg_sequences where schemaname = 'public' and last_value is not null`);
    const r = await sql.raw<{ kind: string; name: string }>(probes.join(' union all ')).execute(handle.db);
    return { tables: r.rows.filter((x) => x.kind === 'table').map((x) => x.name), sequences: r.rows.filter((x) => x.kind === 'sequence').map((x) => x.name) };
  };
  /** Each sequence's last value (null: never used). */
  const sequences = async (): Promise<{ name: string; value: string | null }[]> =>
    (await sql<{ name: string; value: string | null }>`select sequencename::text as name, last_value::text as value from pg_sequences where schemaname = 'public'`.execute(handle.db)).rows;
  // Truncating only the tables that hold rows (and restarting the sequences used) leaves the same
  // empty database as truncating them all, in a fraction of the time: most tests touch few tables.
  const reset = async (): Promise<void> => {
    const used = await inUse();
    if (used.tables.length > 0) await sql.raw(`truncate ${used.tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`).execute(handle.db);
    for (const q of used.sequences) await sql.raw(`alter sequence "${q}" restart`).execute(handle.db);
  };
  if (reused !== undefined) {
    // Made as the template was: its rows only, and every sequence at its start.
    await reset();
    for (const [t, rows] of Object.entries(templateRows ?? {})) {
      // Emptying the measures' tables has their triggers move the mark: the template's is put back.
      await sql`delete from ${sql.table(t)}`.execute(handle.db);
      await sql`insert into ${sql.table(t)} select * from json_populate_recordset(null::${sql.table(t)}, ${rows}::json)`.execute(handle.db);
    }
  } else if (inWorker && handle.kind === 'embedded' && templateRows === undefined) {
    templateRows = {};
    for (const t of (await inUse()).tables) {
      const r = await sql<{ rows: string }>`select json_agg(x)::text as rows from ${sql.table(t)} x`.execute(handle.db);
      templateRows[t] = r.rows[0]!.rows;
    }
  }
  return {
    handle,
    services: createServices(handle),
    kind: handle.kind,
    ...(url !== undefined ? { url } : {}),
    reset,
    save: async () => {
      const rows: Record<string, string> = {};
      const hashes: Record<string, string> = {};
      for (const t of (await inUse()).tables) {
        const r = await sql<{ rows: string; hash: string }>`select json_agg(x)::text as rows, md5(json_agg(x)::text) as hash from ${sql.table(t)} x`.execute(handle.db);
        rows[t] = r.rows[0]!.rows;
        hashes[t] = r.rows[0]!.hash;
      }
      return { rows, hashes, sequences: await sequences() };
    },
    restore: async (saved) => {
      // Only the tables whose rows differ from the saved ones (by their MD5, in the order they lie in)
      // are put back, with the tables that refer to them: most tests change a few tables or none, and
      // emptying a table is the costly part (PGlite makes new files for it and its indexes).
      const used = await inUse();
      // The measures' mark is left out: any write to the measures' tables moves it (and those tables
      // are compared), and it is moved below whenever rows go back, so it rarely equals the saved one.
      const kept = used.tables.filter((t) => t in saved.rows && t !== 'measure_data_version');
      const compared = new Set([...kept, 'measure_data_version']);
      const changed = new Set([...used.tables, ...Object.keys(saved.rows)].filter((t) => !compared.has(t) || used.tables.includes(t) !== t in saved.rows));
      if (kept.length > 0) {
        const r = await sql.raw<{ name: string; hash: string }>(kept.map((t) => `select '${t}' as name, md5(json_agg(x)::text) as hash from "${t}" x`).join(' union all ')).execute(handle.db);
        for (const { name, hash } of r.rows) if (hash !== saved.hashes[name]) changed.add(name);
      }
      const by = await referrers();
      for (const t of changed) for (const r of by.get(t) ?? []) changed.add(r);
      const savedValue = new Map(saved.sequences.map((q) => [q.name, q.value]));
      const moved = (await sequences()).filter((q) => q.value !== savedValue.get(q.name));
      if (changed.size === 0 && moved.length === 0) return;
      await handle.db.transaction().execute(async (trx) => {
        // Triggers off (foreign keys included) while the rows go back: they were consistent when saved,
        // and the measures' triggers must not move the mark for each table filled. Every table that
        // refers to one emptied is emptied with it, so no cascade is needed (one missed would fail here).
        await sql`set local session_replication_role = replica`.execute(trx);
        if (changed.size > 0) await sql.raw(`truncate ${[...changed].map((t) => `"${t}"`).join(', ')}`).execute(trx);
        for (const t of changed) {
          const rows = saved.rows[t];
          if (rows !== undefined) await sql`insert into ${sql.table(t)} select * from json_populate_recordset(null::${sql.table(t)}, ${rows}::json)`.execute(trx);
        }
        const values = JSON.stringify(moved.filter((q) => savedValue.get(q.name) != null).map((q) => ({ name: q.name, value: savedValue.get(q.name) })));
        await sql`select setval(q.name::regclass, q.value) from json_to_recordset(${values}::json) as q(name text, value bigint)`.execute(trx);
        for (const q of moved) if (savedValue.get(q.name) === null) await sql.raw(`alter sequence "${q.name}" restart`).execute(trx);
        // The rows are back but figures kept from before may not hold for them: the mark moves, as any write moves it.
        if (changed.size > 0 && 'measure_data_version' in saved.rows) await sql`update measure_data_version set version = txid_current()`.execute(trx);
      });
    },
    counts: async () => {
      const r = await sql.raw<{ name: string; n: string }>(
        (await tables()).map((t) => `select '${t}' as name, count(*) as n from "${t}"`).join(' union all '),
      ).execute(handle.db);
      return Object.fromEntries(r.rows.map((x) => [x.name, Number(x.n)]));
    },
    close: async () => {
      if (inWorker && handle.kind === 'embedded' && (await reusable(handle))) {
        spare.push(handle);
        return;
      }
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
 * as `actor`. With `setup`, what it makes (e.g. a plan every test starts from) is made once, after
 * the authority, and saved; before each test the database is put back as saved instead (every row
 * and sequence: what one test wrote no other sees). Read `db` and `ctx` from the returned object
 * inside tests.
 */
export function useTestDatabase(actor = 'Test Officer', setup?: (db: TestDatabase, ctx: Ctx) => Promise<void>): { db: TestDatabase; ctx: Ctx } {
  const state = {} as { db: TestDatabase; ctx: Ctx };
  let saved: SavedState | undefined;
  before(async () => {
    state.db = await openTestDatabase();
  });
  after(async () => {
    await state.db.close();
  });
  beforeEach(async () => {
    if (saved !== undefined) return state.db.restore(saved);
    await state.db.reset();
    state.ctx = await authority(state.db, actor);
    if (setup === undefined) return;
    await setup(state.db, state.ctx);
    saved = await state.db.save();
  });
  return state;
}
