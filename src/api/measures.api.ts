// The measures part of the JSON API: every measure read at a date, one measure with its series,
// targets, benchmarks and commentary, and a named dashboard's tiles; small numbers suppressed for
// everyone but analysts, exactly as on the pages.
import { z } from 'zod';
import { isoDateSchema } from '../domain/dates.ts';
import type { Services } from '../composition.ts';
import type { MeasureReading } from '../services/measure-reading.ts';
import type { BenchmarkView, TargetView } from '../services/measure.service.ts';
import { WINDOWS } from '../measures/windows.ts';
import { route, type ApiRoute } from './api.ts';

const figure = z.object({
  periodEnd: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable().describe('Unrounded; null when missing or suppressed.'),
  symbol: z.string().nullable().describe('"c" when a small number is suppressed for the caller; else a DfE symbol, if any.'),
  suppressed: z.boolean().describe('The figure reveals a small number: hidden from the caller, or shown to an analyst but marked.'),
});

const target = z.object({
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  value: z.number(),
  staged: z.boolean(),
  label: z.string(),
  reason: z.string().describe('Why the target was set, as the analyst wrote it.'),
});

const quartile = z
  .object({
    band: z.enum(['A', 'B', 'C', 'D']).describe('A: the best quarter of authorities by the measure’s polarity; D: the worst.'),
    authorities: z.number().describe('Authorities with a published figure that year (suppressed ones left out).'),
    timePeriod: z.number().describe('The published year (ending 31 March) the figure is placed among.'),
    words: z.string(),
  })
  .describe('The figure’s DfE quartile band among every authority’s published figures, as LAIT computes it; null when no table gives every authority’s figure.');

const targetJson = (t: TargetView) => ({ effectiveFrom: t.effectiveFrom, effectiveTo: t.effectiveTo, value: t.value, staged: t.staged, label: t.label, reason: t.reason });

const benchmark = z.object({
  comparator: z.string(),
  name: z.string(),
  timePeriod: z.number().describe('The year ending 31 March.'),
  value: z.number().nullable(),
  symbol: z.string().nullable(),
  authorities: z.number().nullable(),
});

const comparison = z.object({ periodEnd: z.string(), figure, change: z.number().nullable(), direction: z.string().nullable(), words: z.string().nullable() });

const reading = z.object({
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  polarity: z.string(),
  group: z.string(),
  asAt: z.string(),
  window: z.enum(['month', 'year']),
  current: figure.nullable(),
  note: z.string().nullable().describe('Said beside the current figure by its source, e.g. that fewer than three collection years were loaded; null for none.'),
  ytd: figure.nullable(),
  rolling12: figure.nullable(),
  target: target.nullable(),
  rag: z.enum(['R', 'A', 'G']).nullable(),
  ragWord: z.string().nullable(),
  ragReason: z.string().nullable(),
  previous: comparison.nullable(),
  lastYear: comparison.nullable(),
  history: z.array(figure),
  benchmarks: z.array(benchmark),
  quartile: quartile.nullable(),
});

const asAtQuery = z.object({ asAt: isoDateSchema.optional().describe('The date to read the figures at (yyyy-mm-dd); today unless given.') }).strict();
const codeParams = z.object({ code: z.string().min(1).max(100).describe('The measure code, e.g. placements-3plus.') });
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).describe('The dashboard number.') });

const valuesBody = z
  .object({
    values: z
      .array(
        z
          .object({
            code: z.string().min(1).max(100).describe('The measure code, e.g. pep-up-to-date.'),
            period: z.string().min(1).max(20).describe('The period end: yyyy-mm (a month), yyyy-mm-dd or dd/mm/yyyy.'),
            numerator: z.number(),
            denominator: z.number().nullable().optional().describe('Needed unless the measure is a count.'),
            breakdown: z.string().max(200).optional().describe('"dimension: category", e.g. "age band: 10 to 15"; none for the whole figure.'),
            window: z.enum(WINDOWS).optional().describe('month unless given.'),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

const bench = (b: BenchmarkView) => ({ comparator: b.comparator, name: b.name, timePeriod: b.timePeriod, value: b.value, symbol: b.symbol, authorities: b.authorities });

function readingJson(r: MeasureReading): z.infer<typeof reading> {
  return {
    code: r.measure.code,
    title: r.measure.title,
    unit: r.measure.unit,
    polarity: r.measure.polarity,
    group: r.group.title,
    asAt: r.asAt,
    window: r.window,
    current: r.current,
    note: r.note,
    ytd: r.ytd,
    rolling12: r.rolling12,
    target: r.target === null ? null : targetJson(r.target),
    rag: r.rag,
    ragWord: r.ragWord,
    ragReason: r.ragReason,
    previous: r.previous,
    lastYear: r.lastYear,
    history: r.history,
    benchmarks: r.benchmarks.map(bench),
    quartile: r.quartile,
  };
}

export function measureApiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/measures',
      summary: 'Every measure read at a date: figure, target and RAG with its reason, direction of travel, the last 13 periods and benchmarks',
      description: 'Counts below the authority’s small-number threshold, and figures that would reveal one, are "c" (value null) for everyone but analysts.',
      query: asAtQuery,
      response: z.object({ measures: z.array(reading) }),
      handler: async ({ ctx, query }) => ({ measures: (await s.measures.readings(ctx, { asAt: query.asAt })).map(readingJson) }),
    }),
    route({
      method: 'GET',
      url: '/measures/:code',
      summary: "One measure: the reading at a date, every period's figure, its targets, every benchmark year and the analyst's commentary",
      params: codeParams,
      query: asAtQuery,
      response: z.object({
        measure: reading,
        series: z.array(figure.extend({ note: z.string().nullable().describe('Said beside the figure by its source; null for none.') })),
        targets: z.array(target),
        benchmarks: z.array(benchmark),
        commentary: z.array(z.object({ periodEnd: z.string(), body: z.string(), author: z.string(), at: z.string() })),
      }),
      handler: async ({ ctx, params, query }) => {
        const page = await s.measures.page(ctx, params.code, { asAt: query.asAt });
        return {
          measure: readingJson(page.reading),
          series: page.series.map((f) => ({ ...f, note: page.seriesNotes.get(f.periodEnd) ?? null })),
          targets: page.targets.map(targetJson),
          benchmarks: page.benchmarkHistory.map(bench),
          commentary: page.commentaryHistory.map((c) => ({ periodEnd: c.periodEnd, body: c.body, author: c.author, at: c.at })),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/measures/values',
      summary: 'Store figures for measures the authority keeps itself, as a values file does: all of them, or none',
      description:
        'Performance analysts. Each value is checked as a row of a values file (`parentis import measures`): a known measure code, a period that is a period end of the measure (yyyy-mm for a month, yyyy-mm-dd or dd/mm/yyyy), a numerator, a denominator unless the measure is a count, an optional breakdown ("age band: 10 to 15") and window. A value for a period already held replaces it. The first value found wrong is named by its place in the list, counting from 1 ("values: row 3, column period: …"), and nothing is stored.',
      body: valuesBody,
      response: z.object({ rows: z.number().describe('Values stored.'), measures: z.array(z.string()).describe('The codes of the measures they belong to.') }),
      handler: async ({ ctx, body }) => {
        const r = await s.measures.importValueList(ctx, body.values);
        return { rows: r.rows, measures: r.measures };
      },
    }),
    route({
      method: 'GET',
      url: '/dashboards/:id',
      summary: "A named dashboard's tiles in their groups and order, each read at a date",
      params: idParams,
      query: asAtQuery,
      response: z.object({ id: z.number(), name: z.string(), asAt: z.string(), groups: z.array(z.object({ key: z.string(), title: z.string(), tiles: z.array(reading) })) }),
      handler: async ({ ctx, params, query }) => {
        const d = await s.dashboards.show(ctx, params.id, { asAt: query.asAt });
        return { id: d.id!, name: d.name, asAt: d.asAt, groups: d.groups.map((g) => ({ key: g.key, title: g.title, tiles: g.tiles.map(readingJson) })) };
      },
    }),
  ];
}
