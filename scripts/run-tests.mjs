// Runs the test suite with node's test runner (through tsx), several files at once. Before the run it
// builds dist/ (the command-line and start-up tests run the built Parentis, as `npm start` does) and
// prepares one migrated database that every test file copies instead of migrating its own: a saved
// embedded data directory, or with TEST_DATABASE_URL a template database on that PostgreSQL server;
// likewise one store holding the demonstration for the command-line tests to copy.
// At the end it prints the ten slowest files.
//   node scripts/run-tests.mjs [files…]       the whole suite, or the files given
// PARENTIS_TEST_CONCURRENCY sets how many files run at once (default: one per processor; more makes
// the timed process tests, which wait for a server or a demonstration load, miss on a busy machine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const env = { ...process.env };
// The demonstration store is prepared only when a file copies it (test/cli/run.ts's demoStore).
const demo = files.some((f) => fs.readFileSync(f, 'utf8').includes('demoStore('));
const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/prepare-template.ts', ...(demo ? ['--demo'] : [])], { stdio: ['ignore', 'pipe', 'inherit'], env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const [template, demoStore] = prepared.stdout.toString().trim().split('\n');
env[env.TEST_DATABASE_URL ? 'PARENTIS_TEST_PG_TEMPLATE' : 'PARENTIS_TEST_TEMPLATE'] = template;
if (demoStore) env.PARENTIS_TEST_DEMO = demoStore;

const times = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-test-times-'));
env.PARENTIS_TEST_TIMES = times;
const concurrency = Number(env.PARENTIS_TEST_CONCURRENCY) || os.availableParallelism();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', './scripts/time-test-file.mjs', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);

const all = fs
  .readdirSync(times)
  .map((f) => JSON.parse(fs.readFileSync(path.join(times, f), 'utf8')))
  .sort((a, b) => b.ms - a.ms);
if (env.PARENTIS_TEST_TIMES_FILE) fs.writeFileSync(env.PARENTIS_TEST_TIMES_FILE, JSON.stringify(all, null, 1));
const slowest = all.slice(0, 10);
fs.rmSync(times, { recursive: true, force: true });
if (slowest.length > 0) {
  console.log(`\nSlowest test files (${concurrency} at a time, load average ${os.loadavg()[0].toFixed(1)}):`);
  for (const t of slowest) console.log(`${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.file}`);
}
process.exit(result.status ?? 1);
