// Benchmark of the reporting cycle at a large authority's size on the embedded database (PGlite):
// opening a round for 1,500 actions with 300 owners, then closing it into its frozen snapshot (every
// action with its deadlines and updates, the programmes, risks, priorities and 30 measures). Prints
// figures (the median of PARENTIS_BENCH_RUNS runs, default 5, each on a copy of the same prepared
// database) with the machine's load; never fails on them.
//   npm run bench:snapshot
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compose } from '../src/composition.ts';
import type { Ctx } from '../src/services/context.ts';
import { ACTION_COUNT, largeAuthority, planSlug, PLAN_COUNT } from './large-authority.ts';

const OWNERS = 300;
const MEASURES = 30;
const PERIOD = '2017/18 Q4';

/** Gives every action (and sub-action) one of OWNERS named owners, in turn. */
function spreadOwners(doc: unknown, next: () => number): void {
  if (Array.isArray(doc)) {
    for (const x of doc) spreadOwners(x, next);
    return;
  }
  if (doc === null || typeof doc !== 'object') return;
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.owners) && typeof o.number === 'string') {
    const n = next();
    o.owners = [{ name: `Owner ${String(n + 1).padStart(3, '0')}`, role: 'Service Manager' }];
  }
  for (const v of Object.values(o)) spreadOwners(v, next);
}

/** 30 monthly percentage measures, 36 months each, with a target. */
function measuresCsv(): string {
  const rows = ['code,period,numerator,denominator'];
  for (let m = 0; m < MEASURES; m++) {
    for (let k = 0; k < 36; k++) {
      const year = 2015 + Math.floor((k + 3) / 12);
      const month = ((k + 3) % 12) + 1;
      rows.push(`bench-${m},${year}-${String(month).padStart(2, '0')},${60 + ((m * 7 + k * 3) % 35)},100`);
    }
  }
  return `${rows.join('\n')}\n`;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
/** The process's own CPU time since `c0`: PGlite runs inside it, so this moves far less with the machine's load than the elapsed time does. */
const cpuSeconds = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const fmt = (s: number): string => s.toFixed(2);
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const RUNS = Math.max(1, Number(process.env.PARENTIS_BENCH_RUNS ?? 5));

/** Builds the authority once into `dataDir` (closed again after), so that every run starts from the same database. */
async function prepare(dataDir: string): Promise<number> {
  const app = await compose({ databaseUrl: undefined, dataDir });
  try {
    const org = await app.handle.db.insertInto('organisation').values({ name: 'Benchmark County Council', shortName: 'Benchmark', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
    const cli: Ctx = { organisationId: org.id, actor: 'Parentis benchmark' };
    let n = 0;
    for (const doc of largeAuthority()) {
      spreadOwners(doc, () => n++ % OWNERS);
      await app.services.plans.importDocument(cli, doc);
    }
    for (let m = 0; m < MEASURES; m++) {
      await app.services.measures.define(cli, { code: `bench-${m}`, title: `Benchmark measure ${m + 1}`, unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
      await app.services.measures.addTarget(cli, `bench-${m}`, { effectiveFrom: '2015-04-01', value: 80 });
    }
    await app.services.measures.importValues(cli, { name: 'values.csv', data: Buffer.from(measuresCsv()) });
    return org.id;
  } finally {
    await app.close();
  }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-snapshot-'));
try {
  const prepared = path.join(scratch, 'prepared');
  const organisationId = await prepare(prepared);
  const ctx: Ctx = { organisationId, actor: 'Parentis benchmark', role: 'manager' };
  const plans = Array.from({ length: PLAN_COUNT }, (_, p) => planSlug(p));
  const opens: number[] = [];
  const closes: number[] = [];
  const shows: number[] = [];
  const openCpu: number[] = [];
  const closeCpu: number[] = [];
  const loads: number[] = [];
  let facts = '';
  for (let run = 0; run < RUNS; run++) {
    // Each run opens and closes the same round on its own copy of the prepared database.
    const dataDir = path.join(scratch, `run-${run}`);
    fs.cpSync(prepared, dataDir, { recursive: true });
    const app = await compose({ databaseUrl: undefined, dataDir });
    try {
      loads.push(os.loadavg()[0]!);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const opened = await app.services.rounds.open(ctx, { period: PERIOD, plans });
      opens.push(seconds(t0));
      openCpu.push(cpuSeconds(c0));
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const taken = await app.services.snapshots.close(ctx, opened.round.id, { name: 'as reported to the Corporate Parenting Board (benchmark)' });
      closes.push(seconds(t1));
      closeCpu.push(cpuSeconds(c1));
      const t2 = performance.now();
      const shown = await app.services.snapshots.show(ctx, taken.number);
      shows.push(seconds(t2));
      const actions = shown.content.actions.reduce((k, p) => k + p.actions.length, 0);
      const updates = shown.content.actions.reduce((k, p) => k + p.actions.reduce((u, a) => u + a.updates.length, 0), 0);
      const size = (await app.handle.db.selectFrom('snapshotSection').select((eb) => eb.fn.sum<string>(eb.fn('octet_length', [eb.cast('content', 'text')])).as('bytes')).executeTakeFirstOrThrow()).bytes;
      facts = `${opened.asked.toLocaleString('en-GB')} requests to ${opened.owners} owners; snapshot of ${actions.toLocaleString('en-GB')} actions, ${updates.toLocaleString('en-GB')} updates in the period, ${(Number(size) / 1024 / 1024).toFixed(1)} MB of JSON`;
      console.log(`  run ${run + 1}: open ${fmt(opens.at(-1)!)} s (CPU ${fmt(openCpu.at(-1)!)} s), close ${fmt(closes.at(-1)!)} s (CPU ${fmt(closeCpu.at(-1)!)} s), read back ${fmt(shows.at(-1)!)} s; load average ${fmt(loads.at(-1)!)}`);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const open = median(opens);
  const close = median(closes);
  const target = (s: number): string => (s < 2 ? 'met' : 'NOT MET');
  console.log(`Reporting round and snapshot: ${ACTION_COUNT.toLocaleString('en-GB')} actions in ${PLAN_COUNT} plans, ${OWNERS} owners, ${MEASURES} measures; PGlite; median of ${RUNS} runs`);
  console.log(`  ${facts}`);
  console.log(`  load average during the runs ${fmt(Math.min(...loads))} to ${fmt(Math.max(...loads))} (${os.cpus().length} CPUs)`);
  console.log(`  open the round (requests asked, reminders scheduled)  ${fmt(open)} s, CPU ${fmt(median(openCpu))} s (target under 2 s: ${target(open)})`);
  console.log(`  close it into its snapshot  ${fmt(close)} s, CPU ${fmt(median(closeCpu))} s (target under 2 s: ${target(close)})`);
  console.log(`  read the snapshot back  ${fmt(median(shows))} s`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
