// The action forms' fields and their checks: progress update, decision, deadline and edit.
import { z } from 'zod';
import { BRAG, type Brag } from '../../domain/brag.ts';
import { updateDateProblem } from '../../domain/update-date.ts';
import { isRecordedRefKind, refNumberProblem, type RecordedRefKind } from '../../domain/references.ts';
import { checkDate, checkedValues, checkOwners, dateParts, ownerParts, requiredText, textField, versionField } from '../kit/form-fields.ts';

const optionalBrag = z.preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : (v ?? '')), z.union([z.enum(BRAG), z.literal('')], { message: 'Choose a BRAG status, or no change' }));

/** The progress update form; its date may be today (in England, or as pinned) or earlier. */
export const updateForm = (today: string) =>
  z
    .object({
      version: versionField,
      ...dateParts('date'),
      body: requiredText('Write the progress update'),
      status: optionalBrag,
      reason: textField(),
    })
    .superRefine((v, ctx) => void updateValue(v, ctx, today))
    .transform((v, ctx) => updateValue(v, ctx, today));

function updateValue(v: { version: number; 'date-day'?: string; body: string; status: '' | Brag; reason: string } & Record<string, unknown>, ctx: z.RefinementCtx, today: string) {
  const date = checkDate(v, 'date', 'the date of the update', ctx, { required: true });
  const problem = date === undefined ? undefined : updateDateProblem(date, today);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['date-day'], message: problem });
  return { version: v.version, date: date ?? '', body: v.body, status: v.status === '' ? null : v.status, reason: v.reason };
}

const decision = z.preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : (v ?? '')), z.enum(['approve', 'reject'], { message: 'Choose whether to approve or reject' }));

export const decisionForm = z
  .object({ version: versionField, decision, reason: textField() })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for rejecting it' });
  });

export const deadlineForm = z
  .object({ version: versionField, ...dateParts('deadline'), reason: requiredText('Give the reason the deadline should change') })
  .superRefine((v, ctx) => void checkDate(v, 'deadline', 'the new deadline', ctx, { required: true }))
  .transform((v, ctx) => ({ version: v.version, date: checkDate(v, 'deadline', 'the new deadline', ctx, { required: true }) ?? '', reason: v.reason }));

/** A ticked cross-reference's value, "inspection:11", as its kind and number; undefined for anything else. */
export function linkOf(raw: string): { kind: RecordedRefKind; value: string } | undefined {
  const at = raw.indexOf(':');
  const kind = raw.slice(0, at);
  const value = raw.slice(at + 1).trim();
  return at > 0 && isRecordedRefKind(kind) && value !== '' ? { kind, value } : undefined;
}

type LinkValues = { refsOffered: string; refs: string[]; newRefKind: string; newRefValue: string; measures: string[] };

/** The cross-references and measures ticked, with a new number typed; undefined when the form did not offer them. */
function linksOf(v: LinkValues, ctx: z.RefinementCtx): { kind: RecordedRefKind | 'measure'; value: string }[] | undefined {
  if (v.refsOffered !== 'yes') return undefined;
  const links: { kind: RecordedRefKind | 'measure'; value: string }[] = [];
  for (const raw of v.refs) {
    const link = linkOf(raw);
    if (link === undefined) ctx.addIssue({ code: 'custom', path: ['refs'], message: 'Choose the cross-references from the lists' });
    else links.push(link);
  }
  if (v.newRefKind !== '' || v.newRefValue !== '') {
    if (!isRecordedRefKind(v.newRefKind)) ctx.addIssue({ code: 'custom', path: ['newRefKind'], message: 'Choose what kind of reference the new number is' });
    else {
      const problem = refNumberProblem(v.newRefValue, v.newRefKind);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['newRefValue'], message: problem });
      else links.push({ kind: v.newRefKind, value: v.newRefValue });
    }
  }
  for (const code of v.measures) links.push({ kind: 'measure', value: code });
  return links;
}

export const editForm = z
  .object({
    version: versionField,
    title: requiredText('Enter a title for the action'),
    description: textField(),
    successMeasures: textField(),
    outcome: textField(),
    ...ownerParts(),
    refsOffered: textField(),
    refs: checkedValues(),
    newRefKind: textField(),
    newRefValue: textField(),
    measures: checkedValues(),
  })
  .superRefine((v, ctx) => {
    checkOwners(v, ctx);
    linksOf(v, ctx);
  })
  .transform((v, ctx) => ({
    version: v.version,
    title: v.title,
    description: v.description,
    successMeasures: v.successMeasures,
    outcome: v.outcome,
    owners: checkOwners(v, ctx),
    links: linksOf(v, ctx),
  }));
