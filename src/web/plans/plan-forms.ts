// The plan forms' fields and their checks: a plan's details, a part of the plan (node) and a new action.
import { z } from 'zod';
import { parseRef } from '../../domain/action-key.ts';
import { BRAG } from '../../domain/brag.ts';
import { ValidationError } from '../../domain/errors.ts';
import { NODE_KINDS, NODE_TRENDS, PLAN_KINDS, slugFrom } from '../../domain/plan-document.ts';
import { checkDate, checkOwners, dateParts, idChoice, ownerParts, requiredText, textField, versionField } from '../kit/form-fields.ts';

const one = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : (v ?? ''));

const nodeFields = {
  kind: z.preprocess(one, z.enum(NODE_KINDS, { message: 'Choose what kind of part this is' })),
  number: textField(),
  title: requiredText('Enter a title'),
  description: textField(),
  lead: textField(),
  seniorResponsibleOwner: textField(),
  deliveryGroup: textField(),
  chair: textField(),
  status: z.preprocess(one, z.union([z.enum(BRAG), z.literal('')], { message: 'Choose a status, or none' })),
  trend: z.preprocess(one, z.union([z.enum(NODE_TRENDS), z.literal('')], { message: 'Choose a trend from the list' })),
  statusReason: textField(),
  ...dateParts('statusAsAt'),
};

const optional = (v: string): string | undefined => (v === '' ? undefined : v);

const planFields = {
  title: requiredText('Enter a title for the plan'),
  kind: z.preprocess(one, z.enum(PLAN_KINDS, { message: 'Choose what kind of plan this is' })),
  status: z.preprocess(one, z.enum(['draft', 'active', 'closed'], { message: 'Choose whether the plan is a draft, in use or closed' })),
  description: textField(),
  ...dateParts('periodStart'),
  ...dateParts('periodEnd'),
};

function toPlanInput(v: z.infer<z.ZodObject<typeof planFields>>, ctx: z.RefinementCtx) {
  const periodStart = checkDate(v, 'periodStart', 'the date the plan starts', ctx, { required: false });
  const periodEnd = checkDate(v, 'periodEnd', 'the date the plan ends', ctx, { required: false });
  if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd-day'], message: 'The plan must end after it starts' });
  }
  return { title: v.title, kind: v.kind, status: v.status, description: v.description, ...(periodStart ? { periodStart } : {}), ...(periodEnd ? { periodEnd } : {}) };
}

export const newPlanForm = z
  .object({ ...planFields, slug: textField() })
  .superRefine((v, ctx) => {
    void toPlanInput(v, ctx);
    const slug = v.slug === '' ? slugFrom(v.title) : v.slug;
    if (v.title !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'The short name is lower-case letters, digits and hyphens, for example sufficiency-2026-29' });
    }
  })
  .transform((v, ctx) => ({ ...toPlanInput(v, ctx), slug: v.slug === '' ? slugFrom(v.title) : v.slug }));

/** A form that only confirms (deleting a part of the plan): the version the person saw. */
export const versionOnlyForm = z.object({ version: versionField });

export const editPlanForm = z
  .object({ ...planFields, version: versionField })
  .superRefine((v, ctx) => void toPlanInput(v, ctx))
  .transform((v, ctx) => ({ ...toPlanInput(v, ctx), version: v.version }));

/** The node fields as the plan service takes them; a status needs the date it is as at. */
function toNodeInput(v: z.infer<z.ZodObject<typeof nodeFields>>, ctx: z.RefinementCtx) {
  const asAt = checkDate(v, 'statusAsAt', 'the date the status is as at', ctx, { required: v.status !== '' });
  return {
    kind: v.kind,
    number: v.number,
    title: v.title,
    description: v.description,
    lead: optional(v.lead),
    seniorResponsibleOwner: optional(v.seniorResponsibleOwner),
    deliveryGroup: optional(v.deliveryGroup),
    chair: optional(v.chair),
    status:
      v.status === '' || asAt === undefined
        ? undefined
        : { status: v.status, ...(v.trend === '' ? {} : { trend: v.trend }), reason: v.statusReason, asAt },
  };
}

export const newNodeForm = z
  .object({ parentId: idChoice('Choose where it goes'), ...nodeFields })
  .superRefine((v, ctx) => void toNodeInput(v, ctx))
  .transform((v, ctx) => ({ ...toNodeInput(v, ctx), parentId: v.parentId === '' ? null : v.parentId }));

export const editNodeForm = z
  .object({ ...nodeFields, version: versionField })
  .superRefine((v, ctx) => void toNodeInput(v, ctx))
  .transform((v, ctx) => ({ ...toNodeInput(v, ctx), version: v.version }));

/** "inspection:11, challenge:4" as cross-references; each must be kind:value. */
function checkRefs(text: string, ctx: z.RefinementCtx): { kind: 'challenge' | 'inspection' | 'programme' | 'measure' | 'tag'; value: string }[] {
  const out: { kind: 'challenge' | 'inspection' | 'programme' | 'measure' | 'tag'; value: string }[] = [];
  for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter((p) => p !== '')) {
    try {
      const r = parseRef(part);
      out.push({ kind: r.kind as (typeof out)[number]['kind'], value: r.value });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      ctx.addIssue({ code: 'custom', path: ['refs'], message: `Cross-references: ${err.message}` });
    }
  }
  return out;
}

const newActionFields = z.object({
  nodeId: idChoice('Choose the part of the plan the action belongs to'),
  parentNumber: textField(),
  number: requiredText('Enter the action number, for example 4, 1.4 or 2a'),
  title: requiredText('Enter a title for the action'),
  description: textField(),
  ...ownerParts(),
  ...dateParts('deadline'),
  successMeasures: textField(),
  outcome: textField(),
  refs: textField(),
});
type NewActionFields = z.infer<typeof newActionFields>;

export const newActionForm = newActionFields
  .superRefine((v, ctx) => void newActionValue(v, ctx))
  .transform(newActionValue);

function newActionValue(v: NewActionFields, ctx: z.RefinementCtx) {
  if (v.nodeId === '' && v.parentNumber === '') {
    ctx.addIssue({ code: 'custom', path: ['nodeId'], message: 'Choose the part of the plan the action belongs to' });
  }
  if (v.number !== '' && !/^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$|^[a-z]$/i.test(v.number)) {
    ctx.addIssue({ code: 'custom', path: ['number'], message: 'An action number looks like 4, 1.4, 2a or 3.2.1' });
  }
  const owners = checkOwners(v, ctx);
  const deadline = checkDate(v, 'deadline', 'the deadline', ctx, { required: false });
  const refs = checkRefs(v.refs, ctx);
  return {
    ...(v.parentNumber !== '' ? { parentNumber: v.parentNumber } : v.nodeId !== '' ? { nodeId: v.nodeId } : {}),
    number: v.number,
    title: v.title,
    description: v.description,
    owners: owners.map((o) => ({ ...(o.name !== null ? { name: o.name } : {}), ...(o.role !== null ? { role: o.role } : {}) })),
    ...(deadline !== undefined ? { deadline } : {}),
    successMeasures: v.successMeasures,
    outcome: v.outcome,
    refs,
  };
}

/** Rolling a plan into next year's: its title, short name and period (the period is needed). */
export const rollOverForm = z
  .object({ version: versionField, title: requiredText("Enter a title for next year's plan"), slug: textField(), ...dateParts('periodStart'), ...dateParts('periodEnd') })
  .superRefine((v, ctx) => void rollOverValue(v, ctx))
  .transform(rollOverValue);

function rollOverValue(v: { version: number; title: string; slug: string } & Record<string, unknown>, ctx: z.RefinementCtx) {
  const periodStart = checkDate(v, 'periodStart', 'the date the plan starts', ctx, { required: true });
  const periodEnd = checkDate(v, 'periodEnd', 'the date the plan ends', ctx, { required: true });
  if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd-day'], message: 'The plan must end after it starts' });
  }
  const slug = v.slug === '' ? slugFrom(v.title) : v.slug;
  if (v.title !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: 'The short name is lower-case letters, digits and hyphens, for example sufficiency-2027-28' });
  }
  return { version: v.version, title: v.title, slug, periodStart: periodStart ?? '', periodEnd: periodEnd ?? '' };
}

/** Archiving a plan or taking it out of the archive: which, from the version the person saw. */
export const archiveForm = z.object({
  version: versionField,
  archive: z.preprocess(one, z.enum(['yes', 'no'], { message: 'Choose whether to archive the plan' })),
});

/** Moving a part of a plan: where to ('' for the top of the plan). */
export const nodePlaceForm = z
  .object({ version: versionField, parentId: idChoice('Choose where the part goes') })
  .transform((v) => ({ version: v.version, parentId: v.parentId === '' ? null : v.parentId }));
