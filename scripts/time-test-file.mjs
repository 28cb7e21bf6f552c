// Preloaded into every test file's process by scripts/run-tests.mjs: when the process ends it writes
// how long it ran (from its own start, so loading and database set-up count) and the processor time
// it used, its own and that of the processes it started and waited for (the command-line tests'
// `parentis` and servers), for the closing table.
import fs from 'node:fs';
import path from 'node:path';

/** Processor time of the ended processes this one waited for, in ms: Linux's /proc (cutime, cstime); 0 elsewhere. */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command name in parentheses; cutime and cstime are the 16th and 17th of all.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    const hz = 100; // USER_HZ: 100 on every Linux that Node.js runs on
    return Number.isFinite(ticks) ? (ticks * 1000) / hz : 0;
  } catch {
    return 0;
  }
}

const dir = process.env.PARENTIS_TEST_TIMES;
if (dir && process.env.NODE_TEST_CONTEXT && process.argv[1]) {
  const file = path.relative(process.cwd(), process.argv[1]);
  process.once('exit', () => {
    const own = process.cpuUsage();
    const cpuMs = Math.round((own.user + own.system) / 1000 + childrenCpuMs());
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ file, ms: Math.round(performance.now()), cpuMs }));
  });
}
