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

/**
 * `parent/key`, filled by `fill` the first time (in a directory of its own, renamed when complete, so that
 * nobody copies half a store); the older keys under `parent` are removed then.
 */
export function keptDirectory(parent: string, key: string, fill: (dir: string) => void): string {
  const dir = path.join(parent, key);
  if (fs.existsSync(dir)) return dir;
  const part = `${dir}.${process.pid}.part`;
  fs.rmSync(part, { recursive: true, force: true });
  fs.mkdirSync(part, { recursive: true });
  fill(part);
  for (const old of fs.readdirSync(parent)) if (!old.includes('.part')) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  fs.renameSync(part, dir);
  return dir;
}
