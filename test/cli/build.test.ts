// The build in dist/: every module and every template or asset of src/ is there, the built command
// line runs with plain node and writes nothing under node_modules, and building again from the same
// sources writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './run.ts';

const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

/** Every file under dir, relative to it; none when there is no such directory. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Each file under dir with its size and time: equal before and after means nothing was written. */
const snapshot = (dir: string): string[] =>
  filesUnder(dir).map((f) => {
    const s = fs.statSync(path.join(dir, f));
    return `${f} ${s.size} ${s.mtimeMs}`;
  });

void test('build src gives every module as JavaScript and every other file beside it in dist', () => {
  const built = new Set(filesUnder(dist));
  // A declaration file (.d.ts) only describes types to the checker: it has no built file.
  const sources = filesUnder(src).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  const missing = sources.map((f) => f.replace(/\.ts$/, '.js')).filter((f) => !built.has(f));
  assert.deepEqual(missing, [], 'every source has its built file');
  assert.ok(sources.some((f) => f.endsWith('.njk')), 'the templates are among the files');
  assert.ok(![...built].some((f) => f.endsWith('.ts')), 'no TypeScript in dist');
  for (const f of [...built].filter((name) => name.endsWith('.js') && !name.startsWith(`web${path.sep}assets`))) {
    const text = fs.readFileSync(path.join(dist, f), 'utf8');
    assert.doesNotMatch(text, /from\s+["']\.{1,2}\/[^"']*\.ts["']|import\(["']\.{1,2}\/[^"']*\.ts["']\)/, `${f} imports only built modules`);
  }
});

void test('run built command line with plain node prints its help and writes nothing under node_modules', () => {
  const cache = path.join(root, 'node_modules', '.cache');
  const before = snapshot(cache);
  const r = spawnSync(process.execPath, ['bin/parentis.js', '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Usage: parentis /);
  assert.match(r.stdout, /serve/);
  assert.deepEqual(snapshot(cache), before);
});

void test('build again from the same sources writes nothing in dist', () => {
  const before = snapshot(dist);
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(snapshot(dist), before);
});
