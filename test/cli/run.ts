// Runs Parentis's command line against a store of the test's own: an embedded data directory under
// the system temp directory, or a fresh database on the PostgreSQL server named by TEST_DATABASE_URL.
// A command runs inside the test's process (the same program `parentis` runs, given the store's
// settings and its own standard output and error), which saves starting Node and loading Parentis for
// each one; an embedded store stays open between the commands run on it here (opening PGlite and
// checking the migrations cost about 0.7 s of processor time a command), and is closed before its
// directory is copied or another process is started on it. What only a separate process shows (exit codes, the bin wrapper, the server, the lock on
// DATA_DIR, a kill part-way) runs the built JavaScript in dist/ as `parentis` and `npm start` do
// (parentisProcess, startNode); scripts/run-tests.mjs builds it before the tests.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type * as CommandLine from '../../src/cli/program.ts';
import type { OpenDatabase } from '../../src/composition.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { testDatabaseUrl } from '../../src/config.ts';
import { allActions, planDocumentSchema, type ActionDocument, type PlanDocument } from '../../src/domain/plan-document.ts';

export { allActions };
import { demoPlans } from '../../src/demo/content/index.ts';
import { DEMO_TEST_TODAY } from '../helpers/demo-today.ts';

export const root = path.resolve(import.meta.dirname, '../..');

/** Longest any one command may take before the test gives up on it. */
export const COMMAND_TIMEOUT_MS = 180_000;

export interface Store {
  kind: 'embedded' | 'server';
  /** Embedded: the data directory (DATA_DIR). */
  dataDir: string | undefined;
  /** The environment a Parentis process needs to use this store, and nothing else of the caller's. */
  env: NodeJS.ProcessEnv;
}

export const serverMode = (): boolean => testDatabaseUrl() !== undefined;

const cleanups: (() => Promise<void>)[] = [];

/** Removes every directory and drops every database this file made. Call it in after(). */
export async function disposeStores(): Promise<void> {
  for (const dir of [...kept.keys()]) await closeDir(dir);
  for (const c of cleanups.splice(0).reverse()) await c();
}

/** An embedded database kept open between the commands run in this process, and how many use it now. */
interface Kept {
  handle: Promise<DatabaseHandle>;
  users: number;
}

/** Embedded databases kept open, by data directory, the most recently used last. */
const kept = new Map<string, Kept>();

/** At most this many stay open when unused (each holds a few hundred megabytes): two tests may run at once. */
const KEEP_OPEN = 2;

/** Closes the databases unused longest, beyond KEEP_OPEN; one in use is left to close when a later command is done. */
async function closeUnused(): Promise<void> {
  for (const [dir, k] of kept) {
    if (kept.size <= KEEP_OPEN) return;
    if (k.users === 0) await closeDir(dir);
  }
}

/** Databases being closed, by data directory: whoever wants the directory next waits for it. */
const closing = new Map<string, Promise<void>>();

async function closeDir(dir: string): Promise<void> {
  const k = kept.get(dir);
  if (k !== undefined) {
    if (k.users > 0) throw new Error(`the embedded database in ${dir} is in use by a command`);
    kept.delete(dir);
    const closed = k.handle.then(
      (h) => h.close(),
      () => undefined,
    );
    closing.set(dir, closed);
    // The caller below sees a failure to close; this only forgets the promise.
    closed
      .finally(() => {
        if (closing.get(dir) === closed) closing.delete(dir);
      })
      .catch(() => undefined);
  }
  await closing.get(dir);
}

/** Closes the store's database if a command here left it open, so its directory can be copied or another process can open it. */
export async function closeStore(store: Store): Promise<void> {
  if (store.dataDir !== undefined) await closeDir(path.resolve(store.dataDir));
}

/** How an in-process command opens an embedded store: the one kept open for its directory, else a new one kept for the next command. */
const keepOpen: OpenDatabase = async (config) => {
  const { openDatabase } = await program!;
  if (config.databaseUrl !== undefined || config.dataDir === undefined) return openDatabase(config);
  const dir = path.resolve(config.dataDir);
  await closing.get(dir);
  let k = kept.get(dir);
  if (k !== undefined) kept.delete(dir);
  else k = { handle: openDatabase(config), users: 0 };
  kept.set(dir, k);
  k.users++;
  let handle: DatabaseHandle;
  try {
    handle = await k.handle;
  } catch (err) {
    k.users--;
    kept.delete(dir);
    throw err;
  }
  let closed = false;
  return {
    ...handle,
    close: async () => {
      if (closed) return;
      closed = true;
      k.users--;
      await closeUnused();
    },
  };
};

/** A new empty directory under the system temp directory, removed by disposeStores. */
export function tempDir(prefix = 'parentis-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })));
  return dir;
}

/** The caller's environment without any setting that would point Parentis at another store. */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'TEST_DATABASE_URL', 'PARENTIS_TEST_TEMPLATE', 'PARENTIS_TEST_PG_TEMPLATE', 'PARENTIS_TEST_DEMO', 'PARENTIS_TEST_TIMES', 'PARENTIS_USER', 'PORT', 'HOST', 'NODE_TEST_CONTEXT']) {
    delete env[k];
  }
  return { ...env, ...settings };
}

/** An empty store: a new data directory, or a new database on the server. */
export async function freshStore(): Promise<Store> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl !== undefined) {
    // Loaded only here: it brings in the whole application, which an embedded run does not need in this process.
    const { createServerDatabase } = await import('../helpers/database.ts');
    const db = await createServerDatabase(serverUrl);
    cleanups.push(() => db.drop());
    return { kind: 'server', dataDir: undefined, env: childEnv({ DATABASE_URL: db.url }) };
  }
  const dir = tempDir();
  return { kind: 'embedded', dataDir: dir, env: childEnv({ DATA_DIR: dir }) };
}

/**
 * A store holding what `parentis demo` loads: a copy of the one scripts/run-tests.mjs prepared for the
 * run (PARENTIS_TEST_DEMO: a data directory, or a template database on the server), else loaded here.
 */
export async function demoStore(): Promise<Store> {
  const prepared = process.env.PARENTIS_TEST_DEMO;
  const serverUrl = testDatabaseUrl();
  if (prepared && serverUrl !== undefined) {
    const { createServerDatabase } = await import('../helpers/database.ts');
    const db = await createServerDatabase(serverUrl, prepared);
    cleanups.push(() => db.drop());
    return { kind: 'server', dataDir: undefined, env: childEnv({ DATABASE_URL: db.url }) };
  }
  if (prepared && fs.existsSync(prepared)) return copyOf({ kind: 'embedded', dataDir: prepared, env: {} });
  const store = await freshStore();
  await ok({ ...store, env: { ...store.env, PARENTIS_DEMO: 'on' } }, ['demo']);
  return store;
}

/**
 * A store to change without disturbing other tests: a copy of the data directory when embedded
 * (no process may hold it while it is copied). On the server, the same database.
 */
export async function copyOf(store: Store): Promise<Store> {
  if (store.dataDir === undefined) return store;
  await closeStore(store);
  const dir = tempDir();
  fs.cpSync(store.dataDir, dir, { recursive: true });
  return { kind: 'embedded', dataDir: dir, env: childEnv({ DATA_DIR: dir }) };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running process with everything it has printed so far. */
export class Running {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Run>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first match of pattern in standard output; fails on timeout or exit. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const m = pattern.exec(this.stdout);
        if (!m) return false;
        done();
        resolve(m);
        return true;
      };
      const onExit = (): void => {
        if (check()) return;
        done();
        reject(new Error(`the process exited before printing ${String(pattern)}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.off('close', onExit);
      };
      if (check()) return;
      this.child.stdout?.on('data', check);
      this.child.once('close', onExit);
    });
  }

  /** Kills the process if it is still running (after a failed test). */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited.catch(() => undefined);
  }
}

if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  throw new Error('Parentis is not built (no dist/cli.js): run "npm run build", or run the tests with "npm test".');
}

/** Starts node with these arguments in the project directory (after closeStore, if commands here used its store). */
export function startNode(args: readonly string[], env: NodeJS.ProcessEnv): Running {
  if (env.DATA_DIR !== undefined && kept.has(path.resolve(env.DATA_DIR))) {
    throw new Error(`a command in this process still holds ${env.DATA_DIR} open: await closeStore(store) before starting a process on it`);
  }
  return new Running(spawn(process.execPath, [...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The environment for `parentis demo`: loaded on the day it was written for unless the test chose a day (demo-today.ts). */
export const demoEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ PARENTIS_TODAY: DEMO_TEST_TODAY, ...env });

/** Standard output or error of a command run in this process: everything written to it, in order. */
class Captured extends Writable {
  private readonly chunks: Buffer[] = [];
  /** Set to stand for an interactive terminal, to which commands say their progress. */
  isTTY?: boolean;

  constructor() {
    super({
      write: (chunk: Buffer | string, encoding: BufferEncoding, done: () => void) => {
        this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
        done();
      },
    });
  }

  /** All that was written, once every write has gone through. */
  async text(): Promise<string> {
    await new Promise<void>((resolve) => this.end(resolve));
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Loaded on first use: the command line and the whole application behind it. */
let program: Promise<typeof CommandLine & { openDatabase: OpenDatabase }> | undefined;

/**
 * Runs `parentis …` to the end inside this process, with the store's settings (and nothing else of
 * this process's environment) and standard output and error of its own; nobody is there to type.
 */
export async function parentis(store: Store, args: readonly string[], options: { terminal?: boolean } = {}): Promise<Run> {
  const env = args[0] === 'demo' ? demoEnv(store.env) : store.env;
  program ??= Promise.all([import('../../src/cli/program.ts'), import('../../src/composition.ts')]).then(([cli, { openDatabase }]) => ({ ...cli, openDatabase }));
  const { runCommandLine } = await program;
  const stdout = new Captured();
  const stderr = new Captured();
  if (options.terminal === true) stderr.isTTY = true;
  const code = await runCommandLine([process.execPath, 'parentis', ...args], { env, stdout, stderr, stdin: undefined, openDatabase: keepOpen });
  return { code, signal: null, stdout: await stdout.text(), stderr: await stderr.text() };
}

/** Runs `parentis …` as its own process (bin/parentis.js, the built command line) to the end. */
export async function parentisProcess(store: Store, args: readonly string[]): Promise<Run> {
  await closeStore(store);
  const p = startNode(['bin/parentis.js', ...args], args[0] === 'demo' ? demoEnv(store.env) : store.env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}

const describeRun = (args: readonly string[], r: Run): string =>
  `parentis ${args.join(' ')} exited ${r.code ?? r.signal}\nstderr:\n${r.stderr}\nstdout:\n${r.stdout.slice(0, 2000)}`;

/** Runs a command that must succeed; returns what it printed. */
export async function ok(store: Store, args: readonly string[]): Promise<string> {
  const r = await parentis(store, args);
  assert.equal(r.code, 0, describeRun(args, r));
  return r.stdout;
}

/** Runs a command that must succeed and print JSON; returns it parsed. */
export async function okJson<T>(store: Store, args: readonly string[]): Promise<T> {
  return JSON.parse(await ok(store, args)) as T;
}

/** Runs a command that must fail (in this process, or as its own with parentisProcess); returns its result. */
export async function fails(store: Store, args: readonly string[], run: typeof parentis = parentis): Promise<Run> {
  const r = await run(store, args);
  assert.notEqual(r.code, 0, describeRun(args, r));
  assert.equal(r.signal, null, describeRun(args, r));
  return r;
}

/** The single line a failed command prints on standard error. */
export function oneLine(r: Run): string {
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on standard error, got:\n${r.stderr}`);
  return lines[0]!;
}

/** A TCP port nobody is listening on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The demonstration plans as the loader reads them: what a complete `parentis demo` holds. */
export const demoDocuments: PlanDocument[] = demoPlans.map((p) => planDocumentSchema.parse(p));


/** Action counts by plan slug in the demonstration content. */
export const demoActionCounts = (): Record<string, number> =>
  Object.fromEntries(demoDocuments.map((d) => [d.plan.slug, allActions(d).length]));

/** One action of the demonstration content, by plan slug and number. */
export function demoAction(slug: string, number: string): ActionDocument {
  const doc = demoDocuments.find((d) => d.plan.slug === slug);
  const action = doc === undefined ? undefined : allActions(doc).find((a) => a.number === number);
  assert.ok(action, `the demonstration content has no action ${slug}:${number}`);
  return action;
}
