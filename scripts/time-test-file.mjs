// Preloaded into every test file's process by scripts/run-tests.mjs: when the process ends it writes
// how long it ran (from its own start, so loading and database set-up count) for the closing table.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.PARENTIS_TEST_TIMES;
if (dir && process.env.NODE_TEST_CONTEXT && process.argv[1]) {
  const file = path.relative(process.cwd(), process.argv[1]);
  process.once('exit', () => {
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ file, ms: Math.round(performance.now()), cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000) }));
  });
}
