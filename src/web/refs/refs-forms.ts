// The cross-reference forms: record what an inspection recommendation, challenge or programme says
// (kind and number, title, text, source document and its date), and edit it. The checks run in
// superRefine so every field's problem shows at once; the transform only shapes the value.
import { z } from 'zod';
import { isRecordedRefKind, refNumberProblem } from '../../domain/references.ts';
import { checkDate, dateParts, textField, versionField } from '../kit/form-fields.ts';

const textFields = { title: textField(), body: textField(), source: textField(), ...dateParts('issuedOn') };

type TextValues = { title: string; body: string; source: string } & Record<string, unknown>;

function textOf(v: TextValues, ctx: z.RefinementCtx) {
  if (v.title === '' && v.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Enter what it says, or a short title' });
  const issuedOn = checkDate(v, 'issuedOn', 'the date of the document', ctx, { required: false }) ?? null;
  return { title: v.title, body: v.body, source: v.source, issuedOn };
}

export const newRefForm = z
  .object({ kind: textField(), value: textField(), ...textFields })
  .superRefine((v, ctx) => {
    if (!isRecordedRefKind(v.kind)) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Choose what kind of reference it is' });
    else {
      const problem = refNumberProblem(v.value, v.kind);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }
    textOf(v, ctx);
  })
  .transform((v, ctx) => ({ kind: v.kind, value: v.value, ...textOf(v, ctx) }));

export const editRefForm = z
  .object({ version: versionField, ...textFields })
  .superRefine((v, ctx) => void textOf(v, ctx))
  .transform((v, ctx) => ({ version: v.version, ...textOf(v, ctx) }));

/** Where a service's complaint about a field lands on the form. */
export const REF_FIELDS = { kind: 'kind', value: 'value', title: 'title', body: 'body', source: 'source', issuedOn: 'issuedOn-day' } as const;
