// The demonstration loaded on two pinned days stands in their present: plans, 903 return and measures move together, nothing that has happened lies ahead,
// and its closed quarters' board reports have their narrative and their inspection measures' figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createServices } from '../../src/composition.ts';
import { cyppPlan } from '../../src/demo/content/index.ts';
import { clockWithToday } from '../../src/domain/clock.ts';
import { allActions, planDocumentSchema } from '../../src/domain/plan-document.ts';
import type { Ctx } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/database.ts';

const original = planDocumentSchema.parse(cyppPlan);
const action67 = allActions(original).find((a) => a.number === '6.7')!;

interface Loaded {
  slugs: string[];
  deadline67: string | null;
  lastUpdate67: string | null;
  latestStatusAsAt: string;
  latestPastEvent: string;
  collectionYears: number[];
  latestMonthlyValue: string;
  localMeasureEnd: string;
  stagedTargetFrom: string;
  populationYears: number[];
  benchmarkYear: number;
  /** Each closed round's snapshot, oldest first: whether it holds an overall narrative and decisions required. */
  narrated: boolean[];
  /** The newest snapshot's areas for improvement with a linked measure figured both before and after. */
  areasWithFigures: string[];
}

async function loadOn(db: TestDatabase, today: string): Promise<Loaded> {
  await db.reset();
  const services = createServices(db.handle, clockWithToday(today));
  const { organisation } = await services.demo.load(() => undefined, { withAccounts: false });
  const ctx: Ctx = { organisationId: organisation.id, actor: 'test', role: 'analyst', clock: services.clock };
  const plans = await services.plans.list(ctx);
  const cypp = plans.find((p) => p.slug.startsWith('cypp-'))!;
  const shown = await services.actions.show(ctx, `${cypp.slug}:6.7`);
  const q = db.handle.db;
  const one = async (query: ReturnType<typeof sql<{ d: string | null }>>): Promise<string> => String((await query.execute(q)).rows[0]!.d);
  const pastEvents = await one(sql`select max(d)::text as d from (
      select max(as_at) as d from action_status
      union all select max(recorded_at at time zone 'UTC')::date from action_status
      union all select max(set_at at time zone 'UTC')::date from action_deadline
      union all select max(update_date) from progress_update
      union all select max(recorded_at at time zone 'UTC')::date from risk_score
      union all select max(raised_on) from voice_item
      union all select max(period_end) from measure_value) as events`);
  const ssda = await services.ssda903.uploads(ctx);
  const pep = await services.measures.get(ctx, 'pep-up-to-date');
  const stability = await services.measures.get(ctx, 'long-term-stability');
  const cla = await services.measures.get(ctx, 'cla');
  const snapshots = await Promise.all((await services.snapshots.list(ctx)).map((s) => services.snapshots.show(ctx, s.number)));
  snapshots.sort((a, b) => a.number - b.number);
  const newest = snapshots.at(-1)!.content.references ?? [];
  const population = await q.selectFrom('population').select('year').where('organisationId', '=', organisation.id).orderBy('year').execute();
  return {
    slugs: plans.map((p) => p.slug).sort(),
    deadline67: shown.deadline,
    lastUpdate67: shown.lastUpdate,
    latestStatusAsAt: await one(sql`select max(as_at)::text as d from action_status`),
    latestPastEvent: pastEvents,
    collectionYears: ssda[0]!.collectionYears,
    latestMonthlyValue: cla.latest!.periodEnd,
    localMeasureEnd: pep.values.at(-1)!.periodEnd,
    stagedTargetFrom: stability.targets.find((t) => t.staged && t.effectiveTo === null)!.effectiveFrom,
    populationYears: population.map((p) => p.year),
    benchmarkYear: Math.max(...cla.benchmarks.map((b) => b.timePeriod)),
    narrated: snapshots.map((s) => (s.content.report?.narrative ?? '') !== '' && (s.content.report?.decisions ?? '') !== ''),
    areasWithFigures: newest.filter((r) => r.measures.some((m) => m.before !== null && m.after !== null)).map((r) => r.value),
  };
}

const plus = (date: string, years: number): string => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

test('load the demonstration on 3 December 2026 and 15 July 2027 moves plans, 903 years and measures together, with nothing past lying ahead', async () => {
  const db = await openTestDatabase();
  try {
    for (const today of ['2026-12-03', '2027-07-15']) {
      const got = await loadOn(db, today);
      // The last event recorded in the content is 9 October 2018: eight whole years on is 9 October 2026.
      assert.deepEqual(got.slugs, ['cpb-task-groups-2025-26', 'cypp-2024-27', 'sufficiency-2024-27'], today);
      assert.equal(got.deadline67, plus(action67.deadlines.at(-1)!.date, 8), today);
      assert.equal(got.lastUpdate67, plus([...action67.updates].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!.date, 8), today);
      assert.equal(got.latestStatusAsAt, '2026-09-30', `${today}: the latest quarter reported is July–September 2026`);
      assert.ok(got.latestPastEvent <= today, `${today}: the latest recorded event ${got.latestPastEvent} is not in the future`);
      assert.deepEqual(got.collectionYears, [2022, 2023, 2024, 2025, 2026], today);
      assert.equal(got.latestMonthlyValue, '2026-03-31', today);
      assert.equal(got.localMeasureEnd, '2026-03-31', today);
      assert.equal(got.stagedTargetFrom, '2026-04-01', today);
      assert.deepEqual(got.populationYears, [2021, 2022, 2023, 2024, 2025], today);
      // The DfE's figures stay as published: the latest year ends March 2025, one behind the return's.
      assert.equal(got.benchmarkYear, 2025, today);
      // Every closed quarter's executive summary opens with the manager's narrative and the board's decisions.
      assert.deepEqual(got.narrated, [true, true, true, true], today);
      // Placement stability, health assessments and care leavers' EET carry figures from the inspection's publication to the period end.
      assert.deepEqual(got.areasWithFigures, ['11', '12', '13'], today);
    }
  } finally {
    await db.close();
  }
});
