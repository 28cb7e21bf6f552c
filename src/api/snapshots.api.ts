// The frozen "as reported" snapshots in the JSON API: the list, one exactly as stored, and what changed
// between two. Every role reads them, as on the pages: they hold no child's data.
import { z } from 'zod';
import type { Services } from '../composition.ts';
import { isoDateSchema } from '../domain/dates.ts';
import { route, type ApiRoute } from './api.ts';

const brag = z.enum(['B', 'R', 'A', 'G']).nullable();
const rag = z.enum(['R', 'A', 'G']).nullable();

export const snapshotSummarySchema = z.looseObject({
  number: z.number().int().describe("Numbered 1, 2, 3 … within the authority, in the order they were taken."),
  name: z.string().describe('e.g. "as reported to the Corporate Parenting Board on 14 January 2027".'),
  period: z.string(),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  roundId: z.number().int(),
  takenAt: z.string().describe('When the round was closed (ISO 8601).'),
  takenBy: z.string(),
});

const contentSchema = z.looseObject({
  actions: z
    .array(
      z.looseObject({
        slug: z.string(),
        title: z.string(),
        nodes: z.array(z.looseObject({ id: z.number().int(), parentId: z.number().int().nullable(), kind: z.string(), number: z.string(), title: z.string() })),
        actions: z.array(
          z.looseObject({
            key: z.string(),
            title: z.string(),
            nodeId: z.number().int(),
            owners: z.array(z.string()),
            status: brag,
            forecast: brag,
            deadline: isoDateSchema.nullable(),
            originalDeadline: isoDateSchema.nullable(),
            deadlines: z.array(z.looseObject({ dueDate: isoDateSchema, reason: z.string(), setOn: isoDateSchema })),
            updates: z.array(z.looseObject({ date: isoDateSchema, author: z.string(), body: z.string() })).describe("Dated from the period's start to the day the round closed."),
          }),
        ),
      }),
    )
    .describe("The round's plans with their parts and every action."),
  programmes: z.array(
    z.looseObject({ plan: z.string(), number: z.string(), title: z.string(), status: brag, trend: z.string().nullable(), reason: z.string(), counts: z.looseObject({ B: z.number(), R: z.number(), A: z.number(), G: z.number(), none: z.number() }) }),
  ),
  risks: z.array(z.looseObject({ reference: z.string(), title: z.string(), likelihood: z.number(), impact: z.number(), score: z.number(), rating: z.string(), trend: z.string(), status: z.string() })),
  priorities: z.array(z.looseObject({ council: z.string(), priority: z.string(), youSaid: z.string(), status: z.string() })),
  measures: z
    .array(z.looseObject({ code: z.string(), title: z.string(), periodEnd: isoDateSchema.nullable(), value: z.string().describe('"c" for a suppressed small number.'), target: z.string().nullable(), rag, commentary: z.string().nullable() }))
    .describe("As a board member read them at the period's end: small numbers suppressed."),
});

const numberParams = z.object({ number: z.coerce.number().int().min(1).describe("The snapshot's number.") });
const changesQuery = z.object({ since: z.coerce.number().int().min(1).optional().describe('Compare with this earlier snapshot; the one before if not given.') });

const changesSchema = z.looseObject({
  snapshot: snapshotSummarySchema,
  since: snapshotSummarySchema.nullable().describe('null for the first snapshot: nothing to compare.'),
  changes: z
    .looseObject({
      statuses: z.array(z.looseObject({ key: z.string(), from: brag, to: brag, trend: z.string() })),
      deadlines: z.array(z.looseObject({ key: z.string(), from: isoDateSchema, to: isoDateSchema })),
      newActions: z.array(z.looseObject({ key: z.string(), title: z.string() })),
      newRisks: z.array(z.looseObject({ reference: z.string(), score: z.number() })),
      closedRisks: z.array(z.looseObject({ reference: z.string(), score: z.number() })),
      rescoredRisks: z.array(z.looseObject({ reference: z.string(), score: z.number(), previousScore: z.number().nullable() })),
      measures: z.array(z.looseObject({ code: z.string(), from: rag, to: rag })),
    })
    .nullable(),
});

export function snapshotApiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/snapshots',
      summary: 'The snapshots taken when reporting rounds closed, newest first',
      description: 'Every role.',
      response: z.object({ snapshots: z.array(snapshotSummarySchema) }),
      handler: async ({ ctx }) => ({ snapshots: await s.snapshots.list(ctx) }),
    }),
    route({
      method: 'GET',
      url: '/snapshots/:number',
      summary: 'One snapshot exactly as it was taken: actions, programmes, risks, the young people\'s priorities and measures',
      description: 'Every role.',
      params: numberParams,
      response: snapshotSummarySchema.extend({ content: contentSchema }),
      handler: ({ ctx, params }) => s.snapshots.show(ctx, params.number),
    }),
    route({
      method: 'GET',
      url: '/snapshots/:number/changes',
      summary: 'What changed between an earlier snapshot and this one: statuses moved, deadlines slipped, risks new, closed or re-scored, measures that changed RAG',
      description: 'Every role.',
      params: numberParams,
      query: changesQuery,
      response: changesSchema,
      handler: ({ ctx, params, query }) => s.snapshots.changes(ctx, params.number, query.since),
    }),
  ];
}
