// The synthetic national-size 903 return the engine benchmarks read from disk: generated once per size and seed
// into the temporary folder, and kept there for the next run (`.complete` marks a whole one).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const CLI = path.join(root, 'bin', 'parentis.js');

/** The folder of the return of `children` children over five collection years to 31 March `endYear`. */
export function returnOnDisk(children: number, seed: string, endYear: number): string {
  const dir = path.join(os.tmpdir(), `parentis-bench-903-${children}-${seed}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  console.log(`Generating ${children.toLocaleString('en-GB')} children over five years into ${dir} …`);
  fs.rmSync(dir, { recursive: true, force: true });
  const g = spawnSync(process.execPath, [CLI, 'generate', '903', '--children', String(children), '--years', '5', '--seed', seed, '--end-year', String(endYear), '--out', dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (g.status !== 0) process.exit(g.status ?? 1);
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

/** Every CSV file of the return, collection-year folders in order. */
export function returnFiles(dir: string): string[] {
  const files: string[] = [];
  for (const year of fs.readdirSync(dir).filter((d) => /^\d{4}$/.test(d)).sort()) {
    for (const f of fs.readdirSync(path.join(dir, year)).sort()) if (f.endsWith('.csv')) files.push(path.join(dir, year, f));
  }
  return files;
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const fmt = (n: number, dp = 1): string => n.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
export const spread = (xs: number[], dp = 1, unit = ''): string =>
  `median ${fmt(median(xs), dp)}${unit} (min ${fmt(Math.min(...xs), dp)}, max ${fmt(Math.max(...xs), dp)})`;
