// The demonstration loaded into an embedded data directory once and kept for later runs to copy: the
// command-line tests' store (test/helpers/prepare-template.ts) and the browser tests' (e2e/support/server.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the built `parentis demo` with exactly this environment; throws with its output when it fails. */
export function loadDemo(env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, ['bin/parentis.js', 'demo'], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parentis demo failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
}

/** A lock left by a process that died while filling is taken over after this long (loading the demonstration takes seconds). */
const STALE_LOCK_MS = 10 * 60 * 1000;

/**
 * `parent/key`, filled by `fill` the first time (in a directory of its own, renamed when complete, so that
 * nobody copies half a store); the older keys under `parent` are removed then. Processes asking at once (the
 * browser tests' specs run two at a time) wait while the first fills it, holding a lock directory, and then copy
 * the same one.
 */
export function keptDirectory(parent: string, key: string, fill: (dir: string) => void): string {
  const dir = path.join(parent, key);
  const lock = `${dir}.part.lock`;
  fs.mkdirSync(parent, { recursive: true });
  for (;;) {
    if (fs.existsSync(dir)) return dir;
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (fs.existsSync(dir)) return dir;
    const part = `${dir}.${process.pid}.part`;
    fs.rmSync(part, { recursive: true, force: true });
    fs.mkdirSync(part, { recursive: true });
    fill(part);
    for (const old of fs.readdirSync(parent)) if (!old.includes('.part')) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
    fs.renameSync(part, dir);
    return dir;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
