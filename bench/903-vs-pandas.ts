// Side-by-side benchmark: `parentis indicators --files` (every indicator) against an analyst's pandas script
// (bench/903_pandas.py: four core indicators) on the same synthetic national-size return, at 60 month ends.
//   npm run bench:903-pandas                                    500,000 children over five years, 3 pairs
//   npm run bench:903-pandas -- --children 50000 --runs 5       a smaller set, more pairs
// The two run in turn (pandas, Parentis, pandas, Parentis …) so that a drift in the machine's speed falls on
// both; each pair gives a ratio, and the median ratio is the figure to quote. Peak memory is each process's
// own maximum resident set, from GNU time. The four indicators are compared month by month as a check that
// both sides computed the same thing. Prints figures; never fails on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, CLI, fmt, median, returnOnDisk, spread } from './return-on-disk.ts';

const root = path.resolve(import.meta.dirname, '..');
const children = Number(arg('--children', '500000'));
const runs = Number(arg('--runs', '3'));
const seed = arg('--seed', 'bench');
const endYear = 2018;
const from = `${endYear - 5}-04-30`;
const to = `${endYear}-03-31`;

/** A python with pandas: Debian's python3-pandas is installed for /usr/bin/python3. */
function findPython(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}

const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Timed {
  seconds: number;
  peakMb: number | null;
  stdout: string;
}

function timed(command: string, args: string[]): Timed {
  const marker = path.join(os.tmpdir(), `parentis-bench-time-${process.pid}.txt`);
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-f', '%e %M', '-o', marker, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  let peakMb: number | null = null;
  let seconds = wall;
  if (gnuTime) {
    const [e, kb] = fs.readFileSync(marker, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    fs.rmSync(marker, { force: true });
    if (Number.isFinite(e)) seconds = e!;
    if (Number.isFinite(kb)) peakMb = kb! / 1024;
  }
  return { seconds, peakMb, stdout: r.stdout };
}

const dir = returnOnDisk(children, seed, endYear);
const episodes = fs
  .readdirSync(dir)
  .filter((d) => /^\d{4}$/.test(d))
  .reduce((n, d) => n + fs.readFileSync(path.join(dir, d, 'episodes.csv'), 'utf8').split('\n').filter(Boolean).length - 1, 0);

const python = findPython();
const load = os.loadavg().map((l) => fmt(l, 2)).join(', ');
console.log(`903 indicators at 60 month ends (${from} to ${to}): ${children.toLocaleString('en-GB')} children, ${episodes.toLocaleString('en-GB')} episodes`);
console.log(`machine: ${os.cpus().length} cores, load average ${load} at the start; Node ${process.version}`);
if (!python) console.log('pandas not found (apt-get install python3-pandas): Parentis alone is timed.');
if (!gnuTime) console.log('GNU time not found (apt-get install time): peak memory is not measured.');

const parentisArgs = [CLI, 'indicators', '--files', dir, '--from', from, '--to', to, '--format', 'csv'];
const pandasArgs = [path.join(root, 'bench', '903_pandas.py'), dir, from, to];
const mine: Timed[] = [];
const theirs: Timed[] = [];
for (let i = 0; i < runs; i++) {
  if (python) theirs.push(timed(python, pandasArgs));
  mine.push(timed(process.execPath, parentisArgs));
  process.stdout.write(`  pair ${i + 1}/${runs}: ${python ? `pandas ${fmt(theirs[i]!.seconds)} s, ` : ''}Parentis ${fmt(mine[i]!.seconds)} s\n`);
}

const mb = (t: Timed[]): string => (t[0]?.peakMb == null ? 'not measured' : spread(t.map((x) => x.peakMb!), 0, ' MB'));
// The machine is shared: the load at the end says whether the two ran alone, and wall times mean little when not.
console.log(`load average ${os.loadavg().map((l) => fmt(l, 2)).join(', ')} at the end`);
console.log(`Parentis (all indicators): ${spread(mine.map((t) => t.seconds), 1, ' s')}, peak ${mb(mine)}${mine[0]?.peakMb == null ? '' : mine.every((t) => t.peakMb! < 2048) ? ' (under 2 GB)' : ' (NOT under 2 GB)'}`);
if (python) {
  console.log(`pandas (four indicators):  ${spread(theirs.map((t) => t.seconds), 1, ' s')}, peak ${mb(theirs)}`);
  const ratios = theirs.map((t, i) => t.seconds / mine[i]!.seconds);
  console.log(`ratio pandas / Parentis:    ${spread(ratios, 1, '×')} (target 10×: ${median(ratios) >= 10 ? 'met' : 'NOT MET'})`);

  // Both sides' figures for the four indicators, month by month.
  const ours = new Map<string, string>();
  for (const line of mine[0]!.stdout.split('\n')) {
    const [asAt, code, breakdown, numerator, denominator] = line.split(',');
    if (breakdown === '' && asAt) ours.set(`${asAt}|${code}`, `${numerator}/${denominator}`);
  }
  const codes: [string, number, number | null][] = [
    ['cla', 1, null],
    ['placements-3plus', 2, 1],
    ['long-term-stability', 3, 4],
    ['re-entry', 5, 6],
  ];
  const rows = theirs[0]!.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
  for (const [code, n, d] of codes) {
    const differ = rows.filter((r) => ours.get(`${r[0]}|${code}`) !== `${r[n]}/${d === null ? '' : r[d]}`);
    const first = differ[0];
    console.log(
      `  ${code}: the same at ${rows.length - differ.length} of ${rows.length} month ends` +
        (first ? ` (first difference ${first[0]}: Parentis ${ours.get(`${first[0]}|${code}`)}, pandas ${first[n]}/${d === null ? '' : first[d]})` : ''),
    );
  }
}
