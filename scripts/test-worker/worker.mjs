// A test worker: one process that runs test files one after another, each as a suite of its own,
// taking the next file from the run's queue (a directory of numbered entries; a worker claims one by
// renaming it, so two workers never take the same file) until none is left. Node, tsx's compiled
// sources, the application's modules and PGlite's WebAssembly are loaded once per worker instead of
// once per file. For each file it records how long it took and the processor time it used (the
// worker's own and that of the processes it started and waited for), and at exit the worker's total.
// Started by scripts/run-tests.mjs, with PARENTIS_TEST_QUEUE and PARENTIS_TEST_TIMES.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { childrenCpuMs } from '../children-cpu.mjs';
import { loadInto, real } from './node-test.mjs';
import { executionAsyncResource } from 'node:async_hooks';

const queue = process.env.PARENTIS_TEST_QUEUE;
const times = process.env.PARENTIS_TEST_TIMES;
if (!queue || !times) throw new Error('a test worker runs under scripts/run-tests.mjs (PARENTIS_TEST_QUEUE, PARENTIS_TEST_TIMES)');


function cpuMs() {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + childrenCpuMs();
}

/** The next file in the queue, or undefined when none is left. */
function claim() {
  for (const entry of fs.readdirSync(queue).sort()) {
    const claimed = path.join(queue, `${entry}.${process.pid}.taken`);
    if (entry.endsWith('.taken')) continue;
    try {
      fs.renameSync(path.join(queue, entry), claimed);
    } catch (err) {
      if (err.code === 'ENOENT') continue; // the other worker took it
      throw err;
    }
    return fs.readFileSync(claimed, 'utf8');
  }
  return undefined;
}

process.once('exit', () => {
  fs.writeFileSync(path.join(times, `${process.pid}-worker.json`), JSON.stringify({ worker: true, ms: Math.round(performance.now()), cpuMs: Math.round(cpuMs()) }));
});

let n = 0;
for (let file = claim(); file !== undefined; file = claim()) {
  let suite;
  const started = { ms: performance.now(), cpuMs: cpuMs() };
  real.describe(file, () => {
    suite = executionAsyncResource();
    return loadInto(suite, () => import(pathToFileURL(path.resolve(file)).href));
  });
  // The suite runs once the ones before it have; the next file is loaded when it has finished.
  while (!suite.finished) await new Promise((resolve) => setTimeout(resolve, 10));
  const record = { file, ms: Math.round(performance.now() - started.ms), cpuMs: Math.round(cpuMs() - started.cpuMs) };
  fs.writeFileSync(path.join(times, `${process.pid}-${n++}.json`), JSON.stringify(record));
}
// Every file has run and been reported: a socket or timer an earlier file left open must not keep the
// worker, and so the whole run, waiting (the exit event still writes the worker's record).
setTimeout(() => process.exit(), 10_000).unref();
