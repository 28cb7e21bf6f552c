// Benchmark of bringing in a council's tracker: a 2,000-row Excel workbook (themes, owners, revised timescales,
// BRAG and dated updates in every row) read, its columns guessed, built into a plan, checked and stored on the
// embedded database (PGlite), each stage timed. Prints figures; never fails on them.
//   npm run bench:tracker                 2,000 rows
//   npm run bench:tracker -- --rows 5000
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { compose } from '../src/composition.ts';
import { buildPlan, guessMapping, readTracker } from '../src/plan-import/index.ts';
import type { Ctx } from '../src/services/context.ts';

const i = process.argv.indexOf('--rows');
const ROWS = i === -1 ? 2_000 : Number(process.argv[i + 1]);
const THEMES = 20;

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRow(['Improvement plan tracker']);
  ws.addRow([]);
  ws.addRow(['Ref', 'Action', 'Action owner', 'Timescales', 'RAG', 'Progress update']);
  const perTheme = Math.ceil(rows / THEMES);
  let n = 0;
  for (let t = 1; t <= THEMES && n < rows; t++) {
    const heading = ws.addRow([`Theme ${t}: placements and permanence`]);
    ws.mergeCells(heading.number, 1, heading.number, 6);
    for (let k = 1; k <= perTheme && n < rows; k++, n++) {
      const month = (n % 12) + 1;
      ws.addRow([
        `${t}.${k}`,
        `Improve the stability of placements for children looked after, step ${n + 1}`,
        `Head of Placements / Strategic Commissioner ${['Louise Palmer', 'Jo Bloggs', 'Sam Smith'][n % 3]}`,
        `${String(month).padStart(2, '0')}.03.2018 01.06.2018`,
        ['R', 'Amber', 'G', 'Complete'][n % 4],
        `Update 12.0${(n % 9) + 1}.2017: Panel dates agreed with the providers. Update 03.11.2017: First panel held and ${n % 7} carers approved.`,
      ]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const fmt = (s: number): string => s.toFixed(2);

const bytes = await workbook(ROWS);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-tracker-'));
const app = await compose({ databaseUrl: undefined, dataDir });
try {
  const org = await app.handle.db.insertInto('organisation').values({ name: 'Benchmark County Council', shortName: 'Benchmark', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  const ctx: Ctx = { organisationId: org.id, actor: 'Parentis benchmark', role: 'manager' };
  const load = os.loadavg()[0]!.toFixed(2);

  const t0 = performance.now();
  const file = await readTracker('tracker.xlsx', bytes);
  const tRead = seconds(t0);
  const t1 = performance.now();
  const guess = guessMapping(file)!;
  const built = buildPlan(file, guess.mapping, { slug: 'tracker', title: 'Tracker', kind: 'improvement' }, { importedBy: ctx.actor, importedAt: new Date().toISOString() });
  const tBuild = seconds(t1);
  const errors = built.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`the benchmark's own tracker has problems: ${errors.length}`);
  const t2 = performance.now();
  const r = await app.services.plans.importDocument(ctx, built.document, { source: 'tracker.xlsx' });
  const tStore = seconds(t2);
  const total = tRead + tBuild + tStore;
  console.log(`Tracker import: ${ROWS.toLocaleString('en-GB')} rows (${(bytes.length / 1024).toFixed(0)} KiB), ${r.actions.toLocaleString('en-GB')} actions, ${r.updates.toLocaleString('en-GB')} updates; PGlite; load average ${load}`);
  console.log(`  read the workbook    ${fmt(tRead)} s`);
  console.log(`  guess, map and check ${fmt(tBuild)} s`);
  console.log(`  store (one transaction) ${fmt(tStore)} s`);
  console.log(`  total                ${fmt(total)} s (target under 5 s: ${total < 5 ? 'met' : 'NOT MET'})`);
} finally {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
