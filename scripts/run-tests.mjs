// Runs the test suite with node's test runner (through tsx). Before the run it prepares one migrated
// embedded database and saves it, so each test process loads a copy instead of running initdb.
//   node scripts/run-tests.mjs [files…]       the whole suite, or the files given
// With TEST_DATABASE_URL set, the database tests run on that PostgreSQL server instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return find(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
// Directories are searched here: node 20's --test looks only for .js files in a directory.
const files = (args.length > 0 ? args.flatMap((a) => (fs.statSync(a).isDirectory() ? find(a) : [a])) : [...find('src'), ...find('test')]).sort();
if (files.length === 0) {
  console.error(`No test files found in ${args.join(' ') || 'src and test'}.`);
  process.exit(1);
}

const env = { ...process.env };
if (!env.TEST_DATABASE_URL) {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/prepare-template.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  env.PARENTIS_TEST_TEMPLATE = prepared.stdout.toString().trim();
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
