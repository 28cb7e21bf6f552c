// The young people's priorities' forms: a new priority, a dated "we did" response with its evidence,
// the actions answering it, and marking it answered.
import { z } from 'zod';
import { checkDate, dateParts, requiredText, textField, versionField } from '../kit/form-fields.ts';

const date = (v: Record<string, unknown>, prefix: string, what: string, ctx: z.RefinementCtx): string =>
  checkDate(v, prefix, what, ctx, { required: true }) ?? '';

const newFields = z.object({
  council: requiredText('Enter the name of the young people’s council'),
  priority: requiredText('Enter the priority, in a few words'),
  youSaid: requiredText('Enter what the young people said, in their words'),
  raisedBy: requiredText('Enter who raised it, for example Young person, aged 15'),
  ...dateParts('raisedOn'),
});

export const newVoiceForm = newFields
  .superRefine((v, ctx) => void date(v, 'raisedOn', 'the date it was raised', ctx))
  .transform((v, ctx) => ({ council: v.council, priority: v.priority, youSaid: v.youSaid, raisedBy: v.raisedBy, raisedOn: date(v, 'raisedOn', 'the date it was raised', ctx) }));

export const respondForm = z
  .object({ ...dateParts('respondedOn'), weDid: requiredText('Enter what was done'), evidence: textField(), version: versionField })
  .superRefine((v, ctx) => void date(v, 'respondedOn', 'the date it was done', ctx))
  .transform((v, ctx) => ({ respondedOn: date(v, 'respondedOn', 'the date it was done', ctx), weDid: v.weDid, evidence: v.evidence, version: v.version }));

export const actionsForm = z.object({ actions: textField(), version: versionField });

export const answerForm = z
  .object({ ...dateParts('answeredOn'), version: versionField })
  .superRefine((v, ctx) => void date(v, 'answeredOn', 'the date it was answered', ctx))
  .transform((v, ctx) => ({ answeredOn: date(v, 'answeredOn', 'the date it was answered', ctx), version: v.version }));

/** Where a service's ValidationError lands on the voice forms. */
export const VOICE_FIELDS: Record<string, string> = {
  council: 'council',
  priority: 'priority',
  youSaid: 'youSaid',
  raisedBy: 'raisedBy',
  raisedOn: 'raisedOn-day',
  respondedOn: 'respondedOn-day',
  weDid: 'weDid',
  actions: 'actions',
  answeredOn: 'answeredOn-day',
};
