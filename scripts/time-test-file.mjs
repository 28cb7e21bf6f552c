// Preloaded into every test file's process by scripts/run-tests.mjs: when the process ends it writes
// how long it ran (from its own start, so loading and database set-up count) and the processor time
// it used, its own and that of the processes it started and waited for (the command-line tests'
// `parentis` and servers), for the closing table.
import fs from 'node:fs';
import path from 'node:path';
import { childrenCpuMs } from './children-cpu.mjs';


const dir = process.env.PARENTIS_TEST_TIMES;
if (dir && process.env.NODE_TEST_CONTEXT && process.argv[1]) {
  const file = path.relative(process.cwd(), process.argv[1]);
  process.once('exit', () => {
    const own = process.cpuUsage();
    const cpuMs = Math.round((own.user + own.system) / 1000 + childrenCpuMs());
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ file, ms: Math.round(performance.now()), cpuMs }));
  });
}
