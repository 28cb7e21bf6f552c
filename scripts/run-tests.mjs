// Runs the test suite with node's test runner (through tsx), several files at once. Before the run it
// builds dist/ (the command-line and start-up tests run the built Parentis, as `npm start` does) and
// prepares one migrated database that every test file copies instead of migrating its own: a saved
// embedded data directory, or with TEST_DATABASE_URL a template database on that PostgreSQL server;
// likewise one store holding the demonstration for the command-line tests to copy.
// The files that took longest in the last run here start first. At the end it prints the ten slowest
// files, each with the processor time it used (its own and its child processes').
//   node scripts/run-tests.mjs [files…]       the whole suite, or the files given
// PARENTIS_TEST_CONCURRENCY sets how many files run at once (default: one per processor; more makes
// the timed process tests, which wait for a server or a demonstration load, miss on a busy machine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
const found = (args.length > 0 ? args.flatMap((a) => (fs.statSync(a).isDirectory() ? find(a) : [a])) : [...find('src'), ...find('test')]).sort();
// The files that took longest last time start first (a new file counts as long), so no long file
// starts near the end and keeps the run going on one processor while the other has nothing to do.
// A checkout with no run of its own (a fresh clone, as CI has) takes the times of a clean run on the
// two-core machine kept in scripts/test-times.json: only the order comes from them.
const lastTimesFile = path.join(root, 'tmp', 'test-times.json');
const keptTimesFile = path.join(root, 'scripts', 'test-times.json');
const lastMs = new Map();
for (const file of [lastTimesFile, keptTimesFile]) {
  try {
    for (const t of JSON.parse(fs.readFileSync(file, 'utf8'))) lastMs.set(t.file, t.ms);
    break;
  } catch {
    // not there (or not readable): the next, and in the end alphabetical order
  }
}
const files = found.map((f, i) => ({ f, i, ms: lastMs.get(f) ?? Infinity })).sort((a, b) => b.ms - a.ms || a.i - b.i).map((x) => x.f);
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
const concurrency = Math.min(files.length, Number(env.PARENTIS_TEST_CONCURRENCY) || os.availableParallelism());
// The files run in `concurrency` worker processes (scripts/test-worker/worker.mjs), each taking the
// next file from a queue, longest first, until none is left: node and the application load once per
// worker, not once per file; node's test runner starts the workers (one entry file each) and reports.
// PARENTIS_TEST_WORKERS=off runs each file in a process of its own instead.
const inWorkers = env.PARENTIS_TEST_WORKERS !== 'off';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-test-queue-'));
let entries = files;
let preload = './scripts/time-test-file.mjs';
if (inWorkers) {
  const queue = path.join(work, 'queue');
  fs.mkdirSync(queue);
  files.forEach((f, i) => fs.writeFileSync(path.join(queue, String(i).padStart(5, '0')), f));
  env.PARENTIS_TEST_QUEUE = queue;
  const worker = pathToFileURL(path.join(root, 'scripts/test-worker/worker.mjs')).href;
  entries = Array.from({ length: concurrency }, (_, i) => {
    const entry = path.join(work, `worker-${i + 1}.mjs`);
    fs.writeFileSync(entry, `import ${JSON.stringify(worker)};\n`);
    return entry;
  });
  preload = './scripts/test-worker/register.mjs';
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', preload, '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...entries], { stdio: 'inherit', env });
fs.rmSync(work, { recursive: true, force: true });

const records = fs.readdirSync(times).map((f) => JSON.parse(fs.readFileSync(path.join(times, f), 'utf8')));
fs.rmSync(times, { recursive: true, force: true });
const all = records.filter((t) => !t.worker).sort((a, b) => b.ms - a.ms);
if (env.PARENTIS_TEST_TIMES_FILE) fs.writeFileSync(env.PARENTIS_TEST_TIMES_FILE, JSON.stringify(records, null, 1));
// Kept for the next run's order: this run's times, and the last ones of files not run this time.
const kept = new Map([...lastMs, ...all.map((t) => [t.file, t.ms])]);
fs.mkdirSync(path.dirname(lastTimesFile), { recursive: true });
fs.writeFileSync(lastTimesFile, JSON.stringify([...kept].map(([file, ms]) => ({ file, ms }))));
const slowest = all.slice(0, 10);
if (slowest.length > 0) {
  const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(7)} s`;
  // The processor time of every file's process, or of the workers (every file's, and loading node and the application once per worker).
  const cpu = records.filter((t) => Boolean(t.worker) === inWorkers).reduce((sum, t) => sum + t.cpuMs, 0);
  console.log(`\nSlowest test files (${concurrency} at a time, load average ${os.loadavg()[0].toFixed(1)}; processor time of all ${all.length} files ${(cpu / 60000).toFixed(1)} min):`);
  console.log('   time    processor  file');
  for (const t of slowest) console.log(`${seconds(t.ms)}  ${seconds(t.cpuMs)}  ${t.file}`);
}
// A worker that died part-way leaves its file unfinished (the other workers carry on with the queue).
const finished = new Set(all.map((t) => t.file));
const unfinished = files.filter((f) => !finished.has(f));
if (unfinished.length > 0) {
  console.error(`\nThese test files did not finish (their worker ended first):\n${unfinished.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
