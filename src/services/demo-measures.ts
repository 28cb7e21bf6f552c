// The demonstration authority's performance measures: a synthetic SSDA903 return imported and worked
// out month by month, the measure library with a couple of local measures, targets (annual and
// staged), tolerances, population, and real DfE benchmarks. Westmere is fictional, so it borrows the
// region and statistical neighbours of a real authority, Cornwall (DfE code 908). Each step lands
// whole and is skipped when already done, like the rest of the demonstration load.
import fs from 'node:fs';
import path from 'node:path';
import { yearEndingLabel } from '../domain/reporting-periods.ts';
import { shiftDate, shiftText } from '../demo/shift.ts';
import { monthEnds, valueOf } from '../measures/index.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { generate903 } from '../ssda903/generate/generate.ts';
import { COMPARISON_SETTING, importDfeIn, importNeighboursIn, setComparisonLa, setOwnPopulationIn } from './benchmark.service.ts';
import type { Ctx } from './context.ts';
import { addTarget, defineMeasure, type MeasureDefinitionInput } from './measure.service.ts';
import { checkFiles, OWN_LA_CODE_SETTING, Ssda903Service } from './ssda903.service.ts';

/** The real authority whose region (South West) and statistical neighbours Westmere borrows. */
export const DEMO_COMPARISON = { laCode: '908', name: 'Cornwall', reason: 'Westmere is fictional: it is compared with the region and statistical neighbours of Cornwall.' };

/**
 * The synthetic return: five collection years to March 2018 (long-term stability needs 2.5 years), sized to
 * give about 520 children looked after at 31 March 2018, as in the seeds. Like every date of the
 * demonstration, its years move to the present when it is loaded (src/demo/shift.ts).
 */
export const DEMO_903 = { children: 1850, years: 5, seed: 'westmere', endYear: 2018, laCode: 'E10000099' } as const;

/** Westmere's own (invented) mid-year estimates of children aged 0 to 17, for rates per 10,000. */
export const DEMO_POPULATION = [
  { year: 2013, count: 71_240 },
  { year: 2014, count: 71_480 },
  { year: 2015, count: 71_910 },
  { year: 2016, count: 72_350 },
  { year: 2017, count: 72_690 },
];

const INSPECTIONS = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods';

const DFE_TABLES = [
  'cla_number_and_rate_per_10k_children.csv',
  'la_cla_placement_stability.csv',
  'la_conviction_health_outcome_cla.csv',
  'la_care_leavers_activity.csv',
  'la_care_leavers_accommodation_suitability.csv',
];

/** Local measures the authority keeps by hand alongside the 903 indicators. */
const LOCAL_MEASURES: (MeasureDefinitionInput & { monthly: (i: number) => { numerator: number; denominator: number } })[] = [
  {
    code: 'pep-up-to-date',
    title: 'Children looked after with an up-to-date personal education plan',
    description: 'School-age children looked after whose PEP was reviewed in the last term; reported monthly by the Virtual School.',
    numerator: 'children of school age with a PEP reviewed this term',
    denominator: 'children looked after of school age',
    unit: 'percent',
    polarity: 'higher is better',
    frequency: 'monthly',
    source: 'manual',
    amberBand: 5,
    monthly: (i) => ({ numerator: 188 + (i % 5) * 3 + Math.floor(i / 3), denominator: 240 + (i % 4) }),
  },
  {
    code: 'reviews-in-time',
    title: 'Reviews of children looked after held within timescales',
    description: 'Statutory reviews held in the month that were on time (20 working days, 3 months, then 6-monthly).',
    numerator: 'reviews held on time in the month',
    denominator: 'reviews held in the month',
    unit: 'percent',
    polarity: 'higher is better',
    frequency: 'monthly',
    source: 'manual',
    amberBand: 3,
    monthly: (i) => ({ numerator: 70 + ((i * 7) % 11), denominator: 78 + ((i * 5) % 9) }),
  },
];

/** Finds reference/dfe above the sources or the build (dist/), or above the working directory. */
export function referenceDir(): string {
  const starts = [import.meta.dirname, process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, 'reference', 'dfe');
      if (fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('The DfE reference files (reference/dfe) were not found beside the Parentis sources.');
}

const readReference = (name: string): { name: string; text: string } => ({ name, text: fs.readFileSync(path.join(referenceDir(), name), 'utf8') });

async function hasBenchmarks(repos: Repositories, ctx: Ctx): Promise<boolean> {
  return (await repos.measures.benchmarks(ctx.organisationId, 'cla')).length > 0;
}

/** Loads the measures step, every year moved by `years` (src/demo/shift.ts); the DfE's published figures stay as published. */
export async function loadDemoMeasures(store: Store, ctx: Ctx, years: number, onStep: (message: string) => void): Promise<void> {
  const endYear = DEMO_903.endYear + years;
  // 1. Comparison figures: Westmere's own population, statistical neighbours and the DfE's published
  // tables (the ONS file is for real authorities: `parentis import population`).
  await store.transaction(async (repos) => {
    if (await hasBenchmarks(repos, ctx)) return;
    await setComparisonLa(repos, ctx, DEMO_COMPARISON.laCode, DEMO_COMPARISON.reason);
    await repos.organisations.putSetting(ctx.organisationId, OWN_LA_CODE_SETTING, { laCode: DEMO_903.laCode });
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      event: 'ssda903.la-code-set',
      entityType: 'organisation',
      entityId: ctx.organisationId,
      entityKey: null,
      before: null,
      after: { laCode: DEMO_903.laCode },
    });
    await setOwnPopulationIn(repos, ctx, DEMO_POPULATION.map((p) => ({ year: p.year + years, count: p.count })));
    await importNeighboursIn(repos, ctx, readReference('sn_model_2025_wide.csv'));
    const inspections = { name: INSPECTIONS, data: new Uint8Array(fs.readFileSync(path.join(referenceDir(), INSPECTIONS))) };
    const r = await importDfeIn(repos, ctx, DFE_TABLES.map(readReference), { inspections });
    onStep(`Loaded ${r.benchmarks} DfE benchmarks (England, ${r.regionName}, ${r.neighbours} statistical neighbours of ${r.laName}, ${r.judgedGood} authorities judged good)`);
  });

  // 2. The synthetic 903 return, checked, stored and worked out for every month end.
  if (!(await store.read.ssda903.current(ctx.organisationId))) {
    const generated = generate903({ children: DEMO_903.children, years: DEMO_903.years, seed: DEMO_903.seed, endYear, laCode: DEMO_903.laCode });
    const checked = checkFiles(generated.files.map((f) => ({ name: `903/${f.path}`, text: f.text })));
    const r = await new Ssda903Service(store).storeReturn(ctx, checked, { proceedWithWarnings: true, proceedWithErrors: true });
    onStep(`Loaded the 903 return for ${generated.children} children (${r.rows} rows) and ${r.values} indicator values`);
  }

  // 3. Local measures with their monthly figures, targets and tolerances.
  await store.transaction(async (repos) => {
    if (await repos.measures.findByCode(ctx.organisationId, LOCAL_MEASURES[0]!.code)) return;
    const months = monthEnds(`${endYear - 2}-04-01`, `${endYear}-03-31`);
    for (const { monthly, ...definition } of LOCAL_MEASURES) {
      await defineMeasure(repos, ctx, definition);
      const m = (await repos.measures.findByCode(ctx.organisationId, definition.code))!;
      await repos.measures.upsertValues(
        months.map((periodEnd, i) => {
          const { numerator, denominator } = monthly(i);
          return {
            organisationId: ctx.organisationId,
            measureId: m.id,
            periodEnd,
            periodWindow: 'month',
            breakdownDimension: '',
            breakdownCategory: '',
            numerator,
            denominator,
            value: valueOf('percent', numerator, denominator),
            symbol: null,
            source: 'manual',
            importedBy: ctx.actor,
          };
        }),
      );
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'measure.values-imported',
        entityType: 'measure',
        entityId: m.id,
        entityKey: m.code,
        before: null,
        after: { rows: months.length, from: months[0], to: months.at(-1) },
      });
    }
    // Tolerances on the 903 measures the board watches most closely (percentage points).
    for (const [code, amberBand] of [
      ['placements-3plus', 1],
      ['long-term-stability', 3],
      ['health-assessments', 5],
      ['dental-checks', 5],
      ['care-leavers-19-21-eet', 5],
    ] as const) {
      const m = await repos.measures.findByCode(ctx.organisationId, code);
      if (m) await defineMeasure(repos, ctx, { code: m.code, title: m.title, description: m.description, numerator: m.numerator, denominator: m.denominator, unit: m.unit, polarity: m.polarity, frequency: m.frequency, source: m.source, amberBand });
    }
    // Annual targets for each financial year, and a staged target stepping up to the 2018/19 goal.
    for (const [code, values] of [
      ['placements-3plus', { 2017: 11, 2018: 10 }],
      ['health-assessments', { 2017: 88, 2018: 90 }],
      ['dental-checks', { 2017: 80, 2018: 85 }],
      ['reviews-in-time', { 2017: 92, 2018: 95 }],
      ['pep-up-to-date', { 2017: 85, 2018: 90 }],
    ] as const) {
      for (const [year, value] of Object.entries(values)) {
        const y = Number(year) + years;
        await addTarget(repos, ctx, code, { effectiveFrom: `${y - 1}-04-01`, effectiveTo: `${y}-03-31`, value, label: yearEndingLabel(y) });
      }
    }
    for (const [from, to, value, label] of [
      ['2016-04-01', '2017-03-31', 64, 'stage 1 (2016/17)'],
      ['2017-04-01', '2018-03-31', 67, 'stage 2 (2017/18)'],
      ['2018-04-01', null, 70, 'stage 3 (2018/19 goal, CYPP)'],
    ] as const) {
      await addTarget(repos, ctx, 'long-term-stability', {
        effectiveFrom: shiftDate(from, years),
        effectiveTo: to === null ? null : shiftDate(to, years),
        value,
        staged: true,
        label: shiftText(label, years),
      });
    }
    onStep(`Loaded ${LOCAL_MEASURES.length} local measures, targets and tolerances`);
  });
}

/** True once every measures step has run (benchmarks, the 903 return and the local measures). */
export async function demoMeasuresComplete(store: Store, organisationId: number): Promise<boolean> {
  const repos = store.read;
  const ctx: Ctx = { organisationId, actor: '' };
  if (!(await hasBenchmarks(repos, ctx))) return false;
  if (!(await repos.ssda903.current(organisationId))) return false;
  if ((await repos.organisations.getSetting(organisationId, COMPARISON_SETTING)) === undefined) return false;
  return (await repos.measures.findByCode(organisationId, LOCAL_MEASURES[0]!.code)) !== undefined;
}
