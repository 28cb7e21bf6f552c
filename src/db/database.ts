// Opens the database: the embedded PGlite (files under DATA_DIR) or a PostgreSQL server (DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, type Driver } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

/** How much database work is waiting for a connection just now. */
export interface DatabaseLoad {
  /** Statements or transactions waiting for a connection (none are counted while they run). */
  waiting: number;
  /** How long the longest-waiting one has waited, in milliseconds (0 when none waits, or unknown). */
  oldestWaitMs: number;
}

export interface DatabaseHandle {
  db: Db;
  /** The queue for connections: the embedded database has one, a server pool a few. */
  load(): DatabaseLoad;
  kind: 'embedded' | 'server';
  /** Where the data lives, for messages: the data directory or the server URL without its password. */
  location: string;
  close(): Promise<void>;
  /** Embedded only: the whole data directory as a tarball (tests load it instead of running initdb). */
  dump?: () => Promise<Blob>;
}

// Dates stay yyyy-mm-dd text and 64-bit integers stay text on both drivers, so the code sees one shape.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const identity = (v: string): string => v;

const plugins = [new CamelCasePlugin()];

export async function openServer(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === DATE_OID || oid === INT8_OID || oid === NUMERIC_OID ? identity : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection the server closes (a restart, an administrator, a dropped database)
  // is discarded by the pool and replaced on demand; without a listener its error would end the process.
  pool.on('error', (err) => {
    process.stderr.write(`parentis: a pooled PostgreSQL connection was closed (${err.message}); it will be replaced\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end();
    throw new Error(`Cannot reach the PostgreSQL server at ${redact(url)}: ${(err as Error).message}`, { cause: err });
  }
  return { db, kind: 'server', location: redact(url), load: () => ({ waiting: pool.waitingCount, oldestWaitMs: 0 }), close: () => db.destroy() };
}

/** An embedded database in a directory, or in memory when dataDir is undefined (tests). */
export async function openEmbedded(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  let release = (): void => undefined;
  if (dataDir !== undefined) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(dataDir !== undefined ? { dataDir: path.join(dataDir, 'pg') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [DATE_OID]: identity, [INT8_OID]: identity, [NUMERIC_OID]: identity },
    });
  } catch (err) {
    release();
    throw err;
  }
  const dialect = new MeteredPGliteDialect(client);
  const db = new Kysely<Database>({ dialect, plugins });
  return {
    db,
    kind: 'embedded',
    load: () => dialect.load(),
    location: dataDir ?? 'memory',
    dump: async () => (await client.dumpDataDir('none')),
    close: async () => {
      await db.destroy();
      release();
    },
  };
}

/**
 * PGlite's dialect, counting the work queued for its one connection, so the web server can turn
 * requests away with a "busy" page while the queue is long instead of leaving them waiting a minute.
 */
class MeteredPGliteDialect extends PGliteDialect {
  /** Start times of the acquisitions waiting, oldest first (a Set keeps insertion order). */
  private readonly waiting = new Set<{ since: number }>();
  /** Whether the connection is handed out. */
  private busy = false;

  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      if (this.waiting.size === 0 && !this.busy) {
        this.busy = true;
        return acquire();
      }
      const entry = { since: performance.now() };
      this.waiting.add(entry);
      try {
        const connection = await acquire();
        // PGlite runs each statement on this thread, and hands the connection on in a microtask: a
        // queue of statements would starve the event loop, so that no request (not even /health)
        // is read until the queue is empty. One turn of the loop per hand-over lets them in.
        await new Promise((resolve) => setImmediate(resolve));
        return connection;
      } finally {
        this.waiting.delete(entry);
      }
    };
    const release = driver.releaseConnection.bind(driver);
    driver.releaseConnection = async (connection) => {
      if (this.waiting.size === 0) this.busy = false;
      await release(connection);
    };
    return driver;
  }

  load(): DatabaseLoad {
    const oldest = this.waiting.values().next();
    return { waiting: this.waiting.size, oldestWaitMs: oldest.done === true ? 0 : performance.now() - oldest.value.since };
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** Another live Parentis process holds the embedded database (a running server, or another command). */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Parentis process (pid ${pid}). ` +
        'Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
    );
  }
}

const ADDRESS_FILE = 'parentis.address';

/**
 * Notes the address a server on the embedded database answers at, beside its lock, so a command run
 * while it holds the database can say where to do the same in the browser. Removed when it stops.
 */
export function noteServerAddress(dataDir: string, address: string): () => void {
  const file = path.join(dataDir, ADDRESS_FILE);
  fs.writeFileSync(file, `${process.pid}\n${address}\n`);
  const remove = (): void => {
    process.removeListener('exit', remove);
    try {
      if (fs.readFileSync(file, 'utf8').startsWith(`${process.pid}\n`)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', remove);
  return remove;
}

/** The address the server holding the data directory answers at, when that process noted one. */
export function serverAddressOf(dataDir: string, pid: number): string | undefined {
  try {
    const [owner, address] = fs.readFileSync(path.join(dataDir, ADDRESS_FILE), 'utf8').split('\n');
    return Number(owner) === pid && address ? address : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite is a single-process database: two processes writing one data directory would corrupt it.
 * A lock file holding the owner's pid keeps a second process out; a lock left by a process that has
 * died (kill -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'parentis.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
