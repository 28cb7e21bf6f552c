// The plan interchange document: what `parentis export plan --format json` writes and `import plan` reads.
import { z } from 'zod';
import { bragSchema } from './brag.ts';
import { isoDateSchema, isoDateTimeSchema } from './dates.ts';
import { ValidationError } from './errors.ts';

const text = z.string().trim();
const required = (what: string) => z.string().trim().min(1, { message: `${what} is required` });

export const PLAN_KINDS = ['sufficiency', 'corporate-parenting', 'cypp', 'improvement', 'task-group', 'other'] as const;
export const NODE_KINDS = ['programme', 'priority', 'theme', 'objective', 'task-group', 'area'] as const;
export const REF_KINDS = ['challenge', 'inspection', 'programme', 'measure', 'tag'] as const;
export const ACTION_FLAGS = ['rolled-over', 'business-as-usual', 'dashboard-measure'] as const;
export const STATUS_KINDS = ['current', 'forecast'] as const;
export const NODE_TRENDS = ['improving', 'stable', 'worsening'] as const;

export type PlanKind = (typeof PLAN_KINDS)[number];

/** What each kind of plan is called on the pages. */
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  sufficiency: 'Sufficiency action plan',
  'corporate-parenting': 'Corporate parenting plan',
  cypp: "Children and Young People's Plan",
  improvement: 'Improvement plan',
  'task-group': "Task group's work plan",
  other: 'Another kind of plan',
};

/** A slug from a title: "Sufficiency action plan 2016-19" → sufficiency-action-plan-2016-19. */
export function slugFrom(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'imported-plan'
  );
}

export type NodeKind = (typeof NODE_KINDS)[number];

/** What each kind of node is called, on the pages and in the exported tables. */
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  programme: 'Programme',
  priority: 'Priority',
  theme: 'Theme',
  objective: 'Objective',
  'task-group': 'Task group',
  area: 'Area',
};
export type RefKind = (typeof REF_KINDS)[number];
export type ActionFlag = (typeof ACTION_FLAGS)[number];
export type StatusKind = (typeof STATUS_KINDS)[number];

/** A person by name, a role title, or both ("Jo Bloggs, Strategic Commissioner"). */
export const ownerSchema = z
  .object({ name: text.min(1).optional(), role: text.min(1).optional() })
  .strict()
  .refine((o) => o.name !== undefined || o.role !== undefined, { message: 'an owner needs a name or a role title' });

export const deadlineSchema = z
  .object({
    date: isoDateSchema,
    reason: text.default(''),
    setBy: required('setBy'),
    setAt: isoDateTimeSchema,
  })
  .strict();

export const statusEntrySchema = z
  .object({
    status: bragSchema,
    kind: z.enum(STATUS_KINDS).default('current'),
    asAt: isoDateSchema,
    reason: text.default(''),
    proposedBy: required('proposedBy'),
    /** null while a proposal waits for approval. */
    approvedBy: text.min(1).nullable().default(null),
    recordedAt: isoDateTimeSchema,
    /** Set when a proposal was rejected: it never counts as the status and no longer waits. */
    rejectedBy: text.min(1).optional(),
    /** When a proposal was approved or rejected, and why. */
    decidedAt: isoDateTimeSchema.optional(),
    decisionReason: text.optional(),
  })
  .strict()
  .refine((s) => s.approvedBy === null || s.rejectedBy === undefined, { message: 'a status is either approved or rejected, not both', path: ['rejectedBy'] });

/** Body text: paragraphs separated by a blank line, lines starting "- " are bullets, URLs stay as written. */
export const updateSchema = z
  .object({ date: isoDateSchema, author: required('author'), body: required('body') })
  .strict();

export const refSchema = z.object({ kind: z.enum(REF_KINDS), value: required('value') }).strict();

export const kpiSchema = z
  .object({
    title: required('title'),
    measureCode: text.min(1).optional(),
    unit: z.enum(['%', 'count', 'rate', 'days', 'score']).default('%'),
    targets: z.array(z.object({ by: isoDateSchema, value: z.number() }).strict()).default([]),
  })
  .strict();

export interface ActionDocument {
  number: string;
  title: string;
  description: string;
  owners: z.infer<typeof ownerSchema>[];
  successMeasures: string;
  outcome: string;
  flags: ActionFlag[];
  refs: z.infer<typeof refSchema>[];
  deadlines: z.infer<typeof deadlineSchema>[];
  statuses: z.infer<typeof statusEntrySchema>[];
  updates: z.infer<typeof updateSchema>[];
  kpis: z.infer<typeof kpiSchema>[];
  subActions: ActionDocument[];
}
export type ActionDocumentInput = z.input<typeof actionBase> & { subActions?: ActionDocumentInput[] };

/** Action numbers as councils write them: 4, 1.4, 2a, 3.2.1, 10b. */
export const actionNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$|^[a-z]$/i, { message: 'an action number looks like 4, 1.4, 2a or 3.2.1' });

const actionBase = z
  .object({
    number: actionNumberSchema,
    title: required('title'),
    description: text.default(''),
    owners: z.array(ownerSchema).min(1, { message: 'an action needs at least one owner' }),
    successMeasures: text.default(''),
    outcome: text.default(''),
    flags: z.array(z.enum(ACTION_FLAGS)).default([]),
    refs: z.array(refSchema).default([]),
    deadlines: z.array(deadlineSchema).default([]),
    statuses: z.array(statusEntrySchema).default([]),
    updates: z.array(updateSchema).default([]),
    kpis: z.array(kpiSchema).default([]),
  })
  .strict();

export const actionSchema: z.ZodType<ActionDocument, ActionDocumentInput> = actionBase.extend({
  subActions: z.lazy(() => z.array(actionSchema)).default([]),
});

export const nodeStatusSchema = z
  .object({
    status: bragSchema,
    trend: z.enum(NODE_TRENDS).optional(),
    reason: text.default(''),
    asAt: isoDateSchema,
  })
  .strict();

export interface NodeDocument {
  kind: NodeKind;
  number: string;
  title: string;
  description: string;
  lead?: string | undefined;
  seniorResponsibleOwner?: string | undefined;
  deliveryGroup?: string | undefined;
  chair?: string | undefined;
  status?: z.infer<typeof nodeStatusSchema> | undefined;
  children: NodeDocument[];
  actions: ActionDocument[];
}
export type NodeDocumentInput = z.input<typeof nodeBase> & { children?: NodeDocumentInput[]; actions?: ActionDocumentInput[] };

const nodeBase = z
  .object({
    kind: z.enum(NODE_KINDS),
    number: text.default(''),
    title: required('title'),
    description: text.default(''),
    lead: text.min(1).optional(),
    seniorResponsibleOwner: text.min(1).optional(),
    deliveryGroup: text.min(1).optional(),
    chair: text.min(1).optional(),
    status: nodeStatusSchema.optional(),
  })
  .strict();

export const nodeSchema: z.ZodType<NodeDocument, NodeDocumentInput> = nodeBase.extend({
  children: z.lazy(() => z.array(nodeSchema)).default([]),
  actions: z.array(actionSchema).default([]),
});

export const riskScoreSchema = z
  .object({
    likelihood: z.number().int().min(1).max(5),
    impact: z.number().int().min(1).max(5),
    recordedAt: isoDateTimeSchema,
    recordedBy: required('recordedBy'),
    note: text.default(''),
  })
  .strict();

export const riskSchema = z
  .object({
    reference: required('reference'),
    /** The number of the programme (or other plan node) the risk belongs to, if any. */
    programme: text.min(1).optional(),
    title: required('title'),
    impact: text.default(''),
    mitigation: text.default(''),
    owner: required('owner'),
    reviewDate: isoDateSchema.optional(),
    status: z.enum(['open', 'closed']).default('open'),
    /** Oldest first; the last entry is the current score. */
    scores: z.array(riskScoreSchema).min(1, { message: 'a risk needs at least one likelihood × impact score' }),
    /** Numbers of the plan's actions that mitigate this risk. */
    actions: z.array(actionNumberSchema).default([]),
  })
  .strict();

export const PLAN_FORMAT = 'parentis.plan';

export const planDocumentSchema = z
  .object({
    format: z.literal(PLAN_FORMAT, { message: `format must be "${PLAN_FORMAT}"` }),
    formatVersion: z.literal(1, { message: 'formatVersion must be 1' }),
    plan: z
      .object({
        slug: z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug is lower-case letters, digits and hyphens, e.g. sufficiency-2016-19' }),
        title: required('title'),
        kind: z.enum(PLAN_KINDS),
        periodStart: isoDateSchema.optional(),
        periodEnd: isoDateSchema.optional(),
        status: z.enum(['draft', 'active', 'closed']).default('active'),
        description: text.default(''),
        nodes: z.array(nodeSchema).default([]),
        risks: z.array(riskSchema).default([]),
      })
      .strict(),
  })
  .strict();

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanDocumentInput = z.input<typeof planDocumentSchema>;
export type RiskDocument = z.infer<typeof riskSchema>;

export const voiceItemSchema = z
  .object({
    council: required('council'),
    priority: required('priority'),
    youSaid: required('youSaid'),
    weDid: text.default(''),
    raisedBy: required('raisedBy'),
    raisedOn: isoDateSchema,
    status: z.enum(['open', 'in-progress', 'done']).default('open'),
    /** "plan-slug:number" of actions that answer this priority. */
    actions: z.array(z.string().regex(/^[a-z0-9-]+:.+$/, { message: 'an action is written plan-slug:number' })).default([]),
  })
  .strict();
export type VoiceItemDocument = z.infer<typeof voiceItemSchema>;
export type VoiceItemInput = z.input<typeof voiceItemSchema>;

export const glossaryTermSchema = z
  .object({ term: required('term'), expansion: required('expansion'), definition: text.default('') })
  .strict();
export type GlossaryTermDocument = z.infer<typeof glossaryTermSchema>;

/** Dotted path of a zod issue, as a reader would look for it in the file: plan.nodes[0].actions[2].owners. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Every action and sub-action of a plan document, depth first, with where it stands in the document. */
export function planActions(doc: PlanDocument): { action: ActionDocument; path: string }[] {
  const out: { action: ActionDocument; path: string }[] = [];
  const visitAction = (action: ActionDocument, path: string): void => {
    out.push({ action, path });
    action.subActions.forEach((s, i) => visitAction(s, `${path}.subActions[${i}]`));
  };
  const visitNode = (node: NodeDocument, path: string): void => {
    node.actions.forEach((a, i) => visitAction(a, `${path}.actions[${i}]`));
    node.children.forEach((c, i) => visitNode(c, `${path}.children[${i}]`));
  };
  doc.plan.nodes.forEach((n, i) => visitNode(n, `plan.nodes[${i}]`));
  return out;
}

/** Every action and sub-action of a plan document, depth first. */
export const allActions = (doc: PlanDocument): ActionDocument[] => planActions(doc).map((e) => e.action);

/** Deeper than any real plan (each level of the tree is two: `children` and `[i]`), and far short of a stack overflow. */
export const MAX_DOCUMENT_DEPTH = 64;

/**
 * Checks a parsed document before its schema does: nesting deeper than MAX_DOCUMENT_DEPTH (which
 * would overflow the stack of a recursive check) and text holding a NUL character (which PostgreSQL
 * cannot store) are refused naming the path. Walks with its own stack, so any depth is safe here.
 */
export function checkDocumentShape(raw: unknown): void {
  const stack: { value: unknown; path: readonly PropertyKey[] }[] = [{ value: raw, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        const field = issuePath(path);
        throw new ValidationError(`${field}: contains a NUL character (byte 0x00), which is not text: remove it`, field);
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DOCUMENT_DEPTH) {
      const field = issuePath(path);
      throw new ValidationError(`${field}: nested more than ${MAX_DOCUMENT_DEPTH} levels deep; no plan is that deep`, field);
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    // Pushed last to first, so the first problem in the file's order is the one reported.
    for (const [key, child] of entries.reverse()) {
      if (typeof key === 'string' && key.includes('\u0000')) {
        const field = issuePath([...path, key.replaceAll('\u0000', '\\0')]);
        throw new ValidationError(`${field}: a field name contains a NUL character (byte 0x00): remove it`, field);
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
}
