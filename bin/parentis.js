#!/usr/bin/env node
// Command-line entry. The sources are TypeScript: they are bundled with esbuild into
// node_modules/.cache/parentis/cli.mjs (again whenever a source is newer), which starts several
// times faster than compiling every module on each run. If bundling is not possible, tsx runs the
// sources directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules', '.cache', 'parentis', 'cli.mjs');

function newest(dir) {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (e.name.endsWith('.ts')) latest = Math.max(latest, fs.statSync(p).mtimeMs);
  }
  return latest;
}

async function bundle() {
  const built = fs.statSync(out, { throwIfNoEntry: false });
  const sources = Math.max(newest(path.join(root, 'src')), fs.statSync(path.join(root, 'package.json')).mtimeMs);
  if (built && built.mtimeMs >= sources) return out;
  const { build } = await import('esbuild');
  // Written beside the target and renamed, so processes starting together never read half a file.
  const part = `${out}.${process.pid}.part`;
  await build({
    entryPoints: [path.join(root, 'src', 'cli.ts')],
    outfile: part,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  fs.renameSync(part, out);
  return out;
}

let entry;
try {
  entry = pathToFileURL(await bundle()).href;
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../src/cli.ts';
}
await import(entry);
