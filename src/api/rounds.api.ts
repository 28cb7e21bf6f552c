// The reporting cycle in the JSON API: the rounds, opening one, a round's chase list, reminding
// owners now and closing a round into its snapshot. Managers and administrators only, as on the pages.
import { z } from 'zod';
import type { Services } from '../composition.ts';
import { isoDateSchema } from '../domain/dates.ts';
import { route, type ApiRoute } from './api.ts';
import { snapshotSummarySchema } from './snapshots.api.ts';

const roundSchema = z.looseObject({
  id: z.number().int(),
  period: z.string().describe('The financial year and quarter or month, e.g. 2026/27 Q3.'),
  description: z.string(),
  dueDate: isoDateSchema,
  plans: z.array(z.object({ slug: z.string(), title: z.string() })),
  requests: z.number().int(),
  received: z.number().int(),
  outstanding: z.number().int(),
  late: z.boolean().describe('The due date has passed and updates are still missing.'),
  closed: z
    .looseObject({ snapshot: z.number().int(), name: z.string(), at: z.string() })
    .nullable()
    .describe('Set once the round is closed: the snapshot it was frozen into.'),
});

const roundParamsSchema = z.object({ id: z.coerce.number().int().min(1).describe("The round's id.") });

const openBodySchema = z
  .object({
    period: z.string().describe('e.g. 2026/27 Q3 (quarterly) or 2026/27 M7 (monthly); the UK financial year starts on 1 April.'),
    plans: z.array(z.string().min(1)).min(1).describe('Slugs of the plans whose owners are asked.'),
    dueDate: isoDateSchema.optional().describe('Ten working days after the period ends (weekends and bank holidays in England skipped) if not given.'),
  })
  .strict();

const remindBodySchema = z
  .object({
    owner: z.string().min(1).optional().describe('Remind this owner now.'),
    late: z.boolean().optional().describe('true: remind every owner with a late update now.'),
  })
  .strict()
  .refine((b) => (b.owner === undefined) !== (b.late !== true), { message: 'give either owner or late: true', path: ['owner'] });

const closeBodySchema = z
  .object({
    name: z.string().min(1).max(200).optional().describe('The name the snapshot is kept under; "as reported to the Corporate Parenting Board on" today\'s date if not given.'),
  })
  .strict();

const chaseSchema = z.looseObject({
  round: roundSchema,
  today: isoDateSchema,
  rows: z.array(
    z.looseObject({
      owner: z.string(),
      programme: z.string(),
      actionKey: z.string(),
      state: z.enum(['received', 'received-late', 'missing', 'late']).describe('missing: not yet due; late: due date passed.'),
      receivedAt: z.string().nullable(),
      receivedVia: z.enum(['account', 'link']).nullable(),
    }),
  ),
  owners: z.array(z.looseObject({ owner: z.string(), lastReminded: z.string().nullable(), problem: z.string().nullable() })),
});

export function roundApiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/rounds',
      summary: 'The reporting rounds, newest period first, with counts of updates asked, received and outstanding',
      description: 'Managers, administrators and programme leads.',
      response: z.object({ rounds: z.array(roundSchema) }),
      handler: async ({ ctx }) => ({ rounds: await s.rounds.list(ctx) }),
    }),
    route({
      method: 'POST',
      url: '/rounds',
      summary: 'Open a round for a period and plans (or add plans to the open one), asking every named owner of an open action once',
      description: 'Managers and administrators. Asking again for the same period and plans changes nothing.',
      body: openBodySchema,
      response: z.looseObject({ round: roundSchema, created: z.boolean(), asked: z.number().int(), alreadyAsked: z.number().int() }),
      status: 201,
      handler: ({ ctx, body }) => s.rounds.open(ctx, body),
    }),
    route({
      method: 'GET',
      url: '/rounds/:id',
      summary: "A round's chase list: each request's state, each owner's last reminder and any failure or bounce",
      description: 'Managers and administrators.',
      params: roundParamsSchema,
      response: chaseSchema,
      handler: ({ ctx, params }) => s.rounds.chaseList(ctx, params.id),
    }),
    route({
      method: 'POST',
      url: '/rounds/:id/remind',
      summary: 'Remind one owner, or every owner with a late update, now',
      description: 'Managers and administrators. The reminders are sent before the answer.',
      params: roundParamsSchema,
      body: remindBodySchema,
      response: z.looseObject({ owners: z.array(z.string()), sent: z.number().int() }),
      handler: async ({ ctx, params, body }) => {
        const { owners } = await s.rounds.remindNow(ctx, params.id, body.owner !== undefined ? { owner: body.owner } : 'late');
        const tally = await s.reminders.runOnce();
        return { owners, ...tally };
      },
    }),
    route({
      method: 'POST',
      url: '/rounds/:id/close',
      summary: 'Close a round: freeze what was reported into the next numbered snapshot, which never changes, and stop its reminders',
      description: 'Managers and administrators. A round is closed once: closing it again answers 400 naming the snapshot.',
      params: roundParamsSchema,
      body: closeBodySchema,
      response: snapshotSummarySchema,
      status: 201,
      handler: ({ ctx, params, body }) => s.snapshots.close(ctx, params.id, { name: body.name }),
    }),
  ];
}
