// The processor time of a test process's ended child processes, for the test run's closing table
// (scripts/time-test-file.mjs for a process per file, scripts/test-worker/worker.mjs for the workers).
import fs from 'node:fs';

/** Processor time of the ended processes this one waited for, in ms: Linux's /proc (cutime, cstime); 0 elsewhere. */
export function childrenCpuMs() {
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
