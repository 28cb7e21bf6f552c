// Starts Parentis the way `npm start` does, as a child process on a free port with an embedded database
// of its own in demonstration mode, and reads its address and demonstration accounts from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { todayInLondon } from '../../src/domain/dates.ts';
import type { Role } from '../../src/domain/roles.ts';
import { keptDirectory, loadDemo } from '../../test/helpers/demo-store.ts';

export interface DemoUser {
  role: Role;
  email: string;
  name: string;
  password: string;
}

export interface RunningParentis {
  baseUrl: string;
  users: Record<Role, DemoUser>;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');
// A busy machine can take longer to start it: E2E_STARTUP_SECONDS raises the wait.
const STARTUP_MS = Number(process.env.E2E_STARTUP_SECONDS ?? 120) * 1000;

/** Reads the table `npm start` prints in demonstration mode: role, e-mail, name, password. */
export function parseDemoUsers(output: string): DemoUser[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Sign in with one of the demonstration accounts'));
  if (start < 0) return [];
  const users: DemoUser[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('  ')) break;
    const [role, email, name, password] = line.trim().split(/\s{2,}/);
    if (role && email && name && password) users.push({ role: role as Role, email, name, password });
  }
  return users;
}

/** A free port for Parentis, known before it starts: for a setting that must name its address (PUBLIC_URL, an OIDC redirect URI). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A data directory holding the demonstration as `npm start` loads it today (the built `parentis demo`, in
 * demonstration mode), loaded once per build and day under tmp/e2e-demo for every spec to copy: loading it is
 * some 15 s of a busy machine, and most of a spec's start. Older ones are removed.
 */
function demoStore(): string {
  const key = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'dist', '.built-from'))).update(todayInLondon()).digest('hex').slice(0, 16);
  return keptDirectory(path.join(root, 'tmp', 'e2e-demo'), key, (dir) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PARENTIS_DEMO: 'on' };
    for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'PARENTIS_TODAY', 'NODE_ENV']) delete env[name];
    loadDemo(env);
  });
}

export interface StartOptions {
  /** Environment added to (or overriding) Parentis's, e.g. a PORT chosen beforehand and the OIDC_* settings. */
  env?: Record<string, string>;
  /** Start on an empty data directory, so that Parentis loads the demonstration itself as `npm start` does the first time. */
  empty?: boolean;
}

export async function startParentis(options: StartOptions = {}): Promise<RunningParentis> {
  const extraEnv = options.env ?? {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-e2e-'));
  if (!options.empty) fs.cpSync(demoStore(), dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const cleanUp = (): void => fs.rmSync(dataDir, { recursive: true, force: true });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    cleanUp();
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Parentis did not start within ${STARTUP_MS / 1000} s:\n${output}`)), STARTUP_MS);
    const look = (): void => {
      const m = /listening on http:\/\/localhost:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Parentis exited with code ${String(code)} before listening:\n${output}`));
    });
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });

  const users = Object.fromEntries(parseDemoUsers(output).map((u) => [u.role, u])) as Record<Role, DemoUser>;
  return { baseUrl: `http://127.0.0.1:${port}`, users, output: () => output, stop };
}
