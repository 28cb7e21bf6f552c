// Benchmark of the board pack: the demonstration authority's newest snapshot made into its three
// reports (the quarterly executive summary, the annual report and the scrutiny pack), each built
// from the snapshot and rendered in all four formats (web page, Word, tagged PDF, workbook). Prints
// the median of PARENTIS_BENCH_RUNS runs (default 5) in elapsed and processor time, the size of each
// file and the machine's load; it measures, it never fails on the figures.
//   npm run bench:reports
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compose } from '../src/composition.ts';
import { REPORT_KINDS } from '../src/reports/common.ts';
import type { Ctx } from '../src/services/context.ts';
import { REPORT_FORMATS, renderReport } from '../src/services/reporting/report-files.ts';

const RUNS = Math.max(1, Math.floor(Number(process.env.PARENTIS_BENCH_RUNS ?? 5)) || 5);
const TARGET_SECONDS = 3;
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-reports-'));
try {
  const app = await compose({ databaseUrl: undefined, dataDir: path.join(scratch, 'data') });
  try {
    const started = performance.now();
    const demo = await app.services.demo.load();
    say(`Parentis board-pack benchmark: ${os.cpus().length} CPUs, Node ${process.version}; the demonstration loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const ctx: Ctx = { organisationId: demo.organisation.id, actor: 'Parentis benchmark', role: 'manager' };
    const [newest] = await app.services.snapshots.list(ctx);
    if (!newest) throw new Error('The demonstration has no snapshot to report on');
    say(`snapshot ${newest.number}: "${newest.name}" (${newest.period}); ${RUNS} runs, load average ${os.loadavg()[0]!.toFixed(2)} at the start`);
    const wall: number[] = [];
    const cpu: number[] = [];
    const perFile = new Map<string, { wall: number[]; cpu: number[] }>();
    const building = new Map<string, number[]>();
    const seconds = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1e6;
    const keep = (into: Map<string, number[]>, key: string, value: number): void => void into.set(key, [...(into.get(key) ?? []), value]);
    const sizes = new Map<string, number>();
    // One run to warm up (modules loaded on first use, fonts read), not counted.
    for (let run = -1; run < RUNS; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const kind of REPORT_KINDS) {
        const b0 = process.cpuUsage();
        const doc = await app.services.reports.buildReport(ctx, kind, { snapshot: newest.number });
        if (run >= 0) keep(building, kind, seconds(process.cpuUsage(b0)));
        for (const format of REPORT_FORMATS) {
          const f0 = performance.now();
          const fc = process.cpuUsage();
          const file = await renderReport(doc, format);
          const name = `${kind}.${format}`;
          if (run >= 0) {
            const times = perFile.get(name) ?? { wall: [], cpu: [] };
            times.wall.push(performance.now() - f0);
            times.cpu.push(seconds(process.cpuUsage(fc)) * 1000);
            perFile.set(name, times);
          }
          sizes.set(name, file.length);
        }
      }
      if (run < 0) continue;
      const c = process.cpuUsage(c0);
      wall.push((performance.now() - t0) / 1000);
      cpu.push(seconds(c));
    }
    say(`\nbuilding each report from the snapshot, median processor ms: ${[...building].map(([kind, times]) => `${kind} ${(median(times) * 1000).toFixed(0)}`).join(', ')}`);
    say('\n| file | size | median ms to render, elapsed | median ms to render, processor |');
    say('|---|---:|---:|---:|');
    for (const [name, times] of perFile) say(`| ${name} | ${(sizes.get(name)! / 1024).toFixed(0)} KiB | ${median(times.wall).toFixed(0)} | ${median(times.cpu).toFixed(0)} |`);
    const w = median(wall);
    say(
      `\nthe whole pack (3 reports × 4 formats, built from the snapshot and rendered): median ${w.toFixed(2)} s elapsed, ${median(cpu).toFixed(2)} s processor; ` +
        `target under ${TARGET_SECONDS} s: ${w < TARGET_SECONDS ? 'met' : 'NOT met'}; load average ${os.loadavg()[0]!.toFixed(2)} at the end`,
    );
  } finally {
    await app.close();
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
