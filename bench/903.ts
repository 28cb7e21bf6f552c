// Benchmark of the 903 engine on synthetic returns: parse, check and every month-end indicator, national and one authority.
//   npm run bench:903                      both sizes, each in a fresh process so its peak memory is its own
//   npm run bench:903 -- --children 20000  one run of that size
// Prints figures beside the targets; it never fails on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { buildReturn, checkReturn, computeIndicators, monthEndsBetween, parseFiles, type InputFile } from '../src/ssda903/index.ts';
import { generate903 } from '../src/ssda903/generate/generate.ts';

interface Scenario {
  name: string;
  children: number;
  years: number;
  /** Seconds for parse + check + indicators. */
  targetSeconds: number;
  /** Peak resident memory, MB; undefined when there is no target. */
  targetMb?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'national', children: 100_000, years: 5, targetSeconds: 30, targetMb: 2048 },
  { name: 'authority', children: 3_000, years: 5, targetSeconds: 1 },
];
const END_YEAR = 2018;
const SEED = 'bench';

const mb = (bytes: number): number => bytes / 1_048_576;
const fmt = (n: number, dp = 1): string => n.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function run(s: Scenario): void {
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  // Processor time is kept beside wall-clock time: on a shared machine the two differ, and the gap says by how much.
  const cpu: number[] = [];
  const time = <T>(fn: () => T): [T, number] => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = fn();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    sample();
    return [r, seconds];
  };
  const cpuOf = (i: number): string => `cpu ${fmt(cpu[i] ?? 0, 2)} s`;

  const [generated, genSeconds] = time(() => generate903({ children: s.children, years: s.years, seed: SEED, endYear: END_YEAR }));
  const inputs: InputFile[] = generated.files.map((f) => ({ name: f.path, text: f.text }));
  const rows = generated.files.reduce((t, f) => t + f.rows, 0);
  const bytes = generated.files.reduce((t, f) => t + f.text.length, 0);

  // The same files on disk, read back, to show what reading adds.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-903-'));
  let readSeconds: number;
  try {
    for (const f of generated.files) {
      fs.mkdirSync(path.join(dir, path.dirname(f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.text);
    }
    [, readSeconds] = time(() => generated.files.map((f) => ({ name: f.path, text: fs.readFileSync(path.join(dir, f.path), 'utf8') })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const [ret, parseSeconds] = time(() => buildReturn(parseFiles(inputs)));
  const [issues, checkSeconds] = time(() => checkReturn(ret));
  const firstYear = END_YEAR - s.years + 1;
  const asAts = monthEndsBetween(`${firstYear - 1}-04-30`, `${END_YEAR}-03-31`);
  const [values, indicatorSeconds] = time(() => computeIndicators(ret, asAts, { laCode: 'E10000099' }));
  const engineSeconds = parseSeconds + checkSeconds + indicatorSeconds;
  const engineCpu = (cpu[2] ?? 0) + (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const peakProcess = process.resourceUsage().maxRSS * 1024;
  const cla = values.find((v) => v.code === 'cla' && v.asAt === `${END_YEAR}-03-31` && v.breakdown === undefined)?.value ?? null;
  const errors = issues.filter((i) => i.severity === 'error').length;

  const out = [
    `903 engine — ${s.name}: ${fmt(s.children, 0)} children over ${s.years} collection years (${firstYear}–${END_YEAR}), ${fmt(cla ?? 0, 0)} looked after at 31/03/${END_YEAR}`,
    `  input        ${generated.files.length} files, ${fmt(rows, 0)} rows, ${fmt(mb(bytes))} MB (generated in ${fmt(genSeconds, 2)} s, ${cpuOf(0)}; read from disk in ${fmt(readSeconds, 2)} s)`,
    `  parse        ${fmt(parseSeconds, 2)} s  ${cpuOf(2)}  (${fmt(rows / parseSeconds, 0)} rows/s)  parseFiles + buildReturn`,
    `  check        ${fmt(checkSeconds, 2)} s  ${cpuOf(3)}  (${fmt(rows / checkSeconds, 0)} rows/s)  ${fmt(issues.length, 0)} issues, ${fmt(errors, 0)} errors`,
    `  indicators   ${fmt(indicatorSeconds, 2)} s  ${cpuOf(4)}  ${asAts.length} month ends, ${fmt(values.length, 0)} values`,
    `  total        ${fmt(engineSeconds, 2)} s  cpu ${fmt(engineCpu, 2)} s  (target < ${s.targetSeconds} s: ${verdict(engineSeconds < s.targetSeconds)} by the clock, ${verdict(engineCpu < s.targetSeconds)} by processor time); with reading ${fmt(engineSeconds + readSeconds, 2)} s`,
    `  machine load ${os.loadavg().map((l) => fmt(l, 1)).join(' / ')} (1 / 5 / 15 min) on ${os.cpus().length} CPUs`,
    `  peak memory  ${fmt(mb(peakProcess), 0)} MB resident for the whole process, generation included (sampled after each stage: ${fmt(mb(peakRss), 0)} MB)` +
      (s.targetMb === undefined ? '' : `  (target < ${fmt(s.targetMb, 0)} MB: ${verdict(mb(peakProcess) < s.targetMb)})`),
    `  heap limit   ${fmt(mb(v8.getHeapStatistics().heap_size_limit), 0)} MB (node --max-old-space-size to change)`,
  ];
  process.stdout.write(`${out.join('\n')}\n\n`);
}

const scenario = argValue('--scenario');
const children = argValue('--children');
if (scenario !== undefined) {
  const s = SCENARIOS.find((x) => x.name === scenario);
  if (s === undefined) throw new Error(`--scenario must be one of ${SCENARIOS.map((x) => x.name).join(', ')}`);
  run(s);
} else if (children !== undefined) {
  const n = Number(children);
  if (!Number.isInteger(n) || n < 1) throw new Error('--children must be a whole number');
  run({ name: 'custom', children: n, years: Number(argValue('--years') ?? 5), targetSeconds: n > 10_000 ? 30 : 1, targetMb: n > 10_000 ? 2048 : undefined });
} else {
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs, ${fmt(mb(os.totalmem()), 0)} MB memory\n\n`);
  // Each size in its own process, with this process's node options, so one run's memory does not count against the other.
  for (const s of SCENARIOS) {
    const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--scenario', s.name], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
}
