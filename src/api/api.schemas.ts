// The JSON API's shapes as zod schemas: queries, parameters and bodies are parsed with them, and
// the OpenAPI document is generated from them, so the two cannot drift apart.
import { z } from 'zod';
import { parseRef } from '../domain/action-key.ts';
import { bragSchema, parseBrag } from '../domain/brag.ts';
import { isoDateSchema } from '../domain/dates.ts';
import { ValidationError } from '../domain/errors.ts';
import { actionRow } from '../services/action-row.ts';
import type { ActionSummary } from '../services/actions/index.ts';

const asOf = isoDateSchema.optional().describe('Work out overdue and days since update as at this date (yyyy-mm-dd); today if not given.');
const version = z.number().int().min(1);
const expectedVersion = version.describe("The action's version when you read it; the change is refused (409) if it has moved on.");

export const errorSchema = z
  .object({
    error: z.string().describe('What went wrong, in words a person can act on.'),
    field: z.string().optional().describe('The query parameter or body field at fault (400 only).'),
    currentVersion: z.number().int().optional().describe("The action's version now (409 only)."),
  });

export const asOfQuerySchema = z.object({ asOf }).strict();

export const planParamsSchema = z.object({ slug: z.string().min(1).describe("The plan's slug, e.g. cypp-2016-19.") });

export const actionParamsSchema = z.object({
  key: z
    .string()
    .min(1)
    .describe("The action's key: the plan's slug and the action's number, e.g. cypp-2016-19:6.7 (the colon may be written %3A)."),
});

/** A filter that parses one text value, with the parser's message on failure. */
function parsed<T>(parse: (value: string) => T) {
  return z.string().transform((value, ctx): T => {
    try {
      return parse(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  });
}

/** The command line's `parentis actions` filters, as query parameters. */
export const actionsQuerySchema = z
  .object({
    plan: z.string().min(1).optional().describe('Only this plan (its slug).'),
    status: parsed((v) => v.split(',').map(parseBrag))
      .optional()
      .describe('Only these current statuses: one of B, R, A, G, or several separated by commas (R,A).'),
    owner: z.string().min(1).optional().describe("Part of an owner's name or role title."),
    overdue: z
      .enum(['true', 'false', ''])
      .optional()
      .transform((v) => (v === undefined ? undefined : v !== 'false'))
      .describe('true: only actions past their deadline and not Blue.'),
    ref: parsed((v) => {
      try {
        return parseRef(v);
      } catch (err) {
        throw err instanceof ValidationError ? new Error(err.message) : err;
      }
    })
      .optional()
      .describe('Only actions with this cross-reference, written kind:value (inspection:11, challenge:4).'),
    search: z.string().min(1).optional().describe('Words in the action (number, title, description) or its updates.'),
    since: isoDateSchema.optional().describe("Add each action's status trend from this date to the as-of date."),
    asOf,
  })
  .strict();

export const risksQuerySchema = z.object({ plan: z.string().min(1).optional().describe('Only this plan (its slug).') }).strict();

export const statusBodySchema = z
  .object({
    status: bragSchema.describe('B, R, A or G.'),
    reason: z.string().default('').describe('Why the action has this status (needed for a proposal).'),
    asAt: isoDateSchema.optional().describe('The date the status describes; today (or asOf) if not given.'),
    kind: z.enum(['current', 'forecast']).default('current'),
    propose: z.boolean().default(false).describe('true: record a proposal for a lead or manager to decide, instead of setting the status.'),
    expectedVersion: expectedVersion.optional(),
  })
  .strict();

export const updateBodySchema = z
  .object({
    date: isoDateSchema.optional().describe('The date the update is for: today or earlier, 1 January 2000 or later; today (or asOf) if not given.'),
    body: z.string().trim().min(1, { message: 'Write the progress update' }).describe('The update, in plain text.'),
    proposal: z
      .object({
        status: bragSchema,
        reason: z.string().optional().describe('Why; the update itself when not given.'),
      })
      .strict()
      .optional()
      .describe('Also propose this status, for a lead or manager to decide, in the same change.'),
    status: z
      .object({
        status: bragSchema,
        reason: z.string().optional().describe('Why; the update itself when not given.'),
      })
      .strict()
      .optional()
      .describe('Also report this status in the same change: set when you may set it (as at the update\'s date), otherwise proposed for a lead or manager to decide.'),
    expectedVersion: expectedVersion.optional(),
  })
  .strict()
  .refine((b) => b.proposal === undefined || b.status === undefined, { message: 'Send either proposal or status, not both', path: ['status'] });

export const decisionBodySchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().default('').describe('Why; needed to reject.'),
    expectedVersion: expectedVersion.describe("The action's version when you read the proposal; the decision is refused (409) if it has moved on."),
  })
  .strict();

export const deadlineRequestBodySchema = z
  .object({
    dueDate: isoDateSchema.describe('The deadline asked for (yyyy-mm-dd).'),
    reason: z.string().trim().min(1, { message: 'Give the reason the deadline needs to move' }),
    expectedVersion: expectedVersion.optional(),
  })
  .strict();

const brag = bragSchema.nullable();

/** One action in a list: the same fields as `parentis actions --format json`. */
export const actionRowSchema = z
  .object({
    plan: z.string(),
    number: z.string(),
    key: z.string(),
    title: z.string(),
    status: brag,
    statusAsAt: z.string().nullable(),
    forecast: brag,
    pendingProposal: brag.describe('A proposed status waiting for a decision.'),
    owners: z.array(z.string()),
    deadline: z.string().nullable(),
    originalDeadline: z.string().nullable(),
    deadlineRevisions: z.number().int(),
    daysMoved: z.number().int(),
    overdue: z.boolean(),
    lastUpdate: z.string().nullable(),
    daysSinceUpdate: z.number().int().nullable(),
    refs: z.array(z.string()),
    flags: z.array(z.string()),
    trend: z.enum(['improved', 'worsened', 'unchanged', 'new', 'none']).optional(),
    version: version,
  });
export type ActionRow = z.infer<typeof actionRowSchema>;

/** The service's flat action row, checked against the schema the OpenAPI document publishes. */
export const toActionRow = (a: ActionSummary): ActionRow => actionRow(a);

export const actionListSchema = z.object({ asOf: z.string(), actions: z.array(actionRowSchema) });

const statusEntry = z.looseObject({
  id: z.number().int(),
  status: bragSchema,
  kind: z.enum(['current', 'forecast']),
  asAt: z.string(),
  reason: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  rejectedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string(),
  recordedAt: z.string(),
});

const deadlineRequest = z.looseObject({
  id: z.number().int(),
  dueDate: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decision: z.enum(['approved', 'rejected', 'withdrawn']).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string(),
});

export const updateSchema = z.object({ id: z.number().int(), date: z.string(), author: z.string(), body: z.string(), createdAt: z.string() });
export const updateListSchema = z.object({ key: z.string(), version: version, updates: z.array(updateSchema) });

/** An action with its whole history; further fields (path, KPIs, sub-actions, risks …) are listed loosely. */
export const actionDetailSchema = z
  .looseObject({
    key: z.string(),
    plan: z.string(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    status: brag,
    statusAsAt: z.string().nullable(),
    forecast: brag,
    pendingProposal: brag,
    deadline: z.string().nullable(),
    overdue: z.boolean(),
    owners: z.array(z.looseObject({ name: z.string().nullable(), role: z.string().nullable(), label: z.string() })),
    statuses: z.array(statusEntry).describe('BRAG history, in as-at order, with proposals and their decisions.'),
    deadlines: z.array(z.looseObject({ id: z.number().int(), date: z.string(), reason: z.string(), setBy: z.string(), setAt: z.string() })),
    updates: z.array(updateSchema),
    proposal: statusEntry.partial().nullable().describe('The status proposal waiting for a decision.'),
    pendingDeadlineRequest: deadlineRequest.nullable(),
    deadlineRequests: z.array(deadlineRequest),
    may: z
      .object({
        addUpdate: z.boolean(),
        proposeStatus: z.boolean(),
        decideProposal: z.boolean(),
        setStatus: z.boolean(),
        requestDeadline: z.boolean(),
        decideDeadlineRequest: z.boolean(),
        reviseDeadline: z.boolean(),
        edit: z.boolean(),
      })
      .describe("What the token's holder may do to this action."),
    version: version,
  });

const rollUp = z.object({
  actions: z.number().int(),
  overdue: z.number().int(),
  counts: z.object({ B: z.number().int(), R: z.number().int(), A: z.number().int(), G: z.number().int(), none: z.number().int() }),
});

export const planSummarySchema = z
  .looseObject({
    slug: z.string(),
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    rollUp,
    version: version,
  });
export const planListSchema = z.object({ plans: z.array(planSummarySchema) });

export const planTreeSchema = planSummarySchema
  .extend({
    description: z.string(),
    nodes: z.array(z.looseObject({ kind: z.string(), number: z.string(), title: z.string(), rollUp })).describe('The tree: nodes with children, actions (with sub-actions) and roll-ups.'),
  });

export const riskListSchema = z.object({
  risks: z.array(
    z.looseObject({
      plan: z.string().nullable(),
      reference: z.string(),
      title: z.string(),
      owner: z.string(),
      status: z.string(),
      likelihood: z.number().int(),
      impactScore: z.number().int(),
      score: z.number().int(),
      trend: z.string(),
      actions: z.array(z.string()),
      version: version,
    }),
  ),
});
