// Benchmark of the reporting cycle at a large authority's size on the embedded database (PGlite):
// opening a round for 1,500 actions with 300 owners, then closing it into its frozen snapshot (every
// action with its deadlines and updates, the programmes, risks, priorities and 30 measures). Prints
// figures; never fails on them.
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
const fmt = (s: number): string => s.toFixed(2);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-snapshot-'));
const app = await compose({ databaseUrl: undefined, dataDir });
try {
  const org = await app.handle.db.insertInto('organisation').values({ name: 'Benchmark County Council', shortName: 'Benchmark', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  const ctx: Ctx = { organisationId: org.id, actor: 'Parentis benchmark', role: 'manager' };
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
  const load = os.loadavg()[0]!.toFixed(2);
  const plans = Array.from({ length: PLAN_COUNT }, (_, p) => planSlug(p));

  const t0 = performance.now();
  const opened = await app.services.rounds.open(ctx, { period: PERIOD, plans });
  const tOpen = seconds(t0);
  const t1 = performance.now();
  const taken = await app.services.snapshots.close(ctx, opened.round.id, { name: 'as reported to the Corporate Parenting Board (benchmark)' });
  const tClose = seconds(t1);
  const t2 = performance.now();
  const shown = await app.services.snapshots.show(ctx, taken.number);
  const tShow = seconds(t2);
  const actions = shown.content.actions.reduce((k, p) => k + p.actions.length, 0);
  const updates = shown.content.actions.reduce((k, p) => k + p.actions.reduce((u, a) => u + a.updates.length, 0), 0);
  const size = (await app.handle.db.selectFrom('snapshotSection').select((eb) => eb.fn.sum<string>(eb.fn('octet_length', [eb.cast('content', 'text')])).as('bytes')).executeTakeFirstOrThrow()).bytes;
  console.log(`Reporting round and snapshot: ${ACTION_COUNT.toLocaleString('en-GB')} actions in ${PLAN_COUNT} plans, ${opened.owners} owners, ${MEASURES} measures; PGlite; load average ${load}`);
  console.log(`  open the round (${opened.asked.toLocaleString('en-GB')} requests, reminders scheduled)  ${fmt(tOpen)} s`);
  console.log(`  close it into snapshot ${taken.number} (${actions.toLocaleString('en-GB')} actions, ${updates.toLocaleString('en-GB')} updates in the period, ${(Number(size) / 1024 / 1024).toFixed(1)} MB of JSON)  ${fmt(tClose)} s (target under 2 s: ${tClose < 2 ? 'met' : 'NOT MET'})`);
  console.log(`  read the snapshot back  ${fmt(tShow)} s`);
} finally {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
