// The risk register's forms: a risk's words, owner, review date and links; a score on a day with
// its reason; closing a risk.
import { z } from 'zod';
import { actionKeyList, checkDate, dateParts, requiredText, textField, versionField } from '../kit/form-fields.ts';

const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

/**
 * A 1-to-5 choice from radios, as a number, or an issue on the field. Checked in the refinement
 * rather than as an enum so one missing choice does not hide the form's other errors.
 */
function point(v: string, field: string, message: string, ctx: z.RefinementCtx): number {
  if (/^[1-5]$/.test(v)) return Number(v);
  ctx.addIssue({ code: 'custom', path: [field], message });
  return 0;
}


const riskFields = {
  title: requiredText('Enter the risk, in a sentence'),
  impact: textField(),
  mitigation: textField(),
  owner: requiredText('Enter who owns the risk: a name, a role title or both'),
  ...dateParts('reviewDate'),
  actions: textField(),
  measures: z.preprocess(many, z.array(z.string())),
};
type RiskFieldValues = z.infer<z.ZodObject<typeof riskFields>>;

function riskValue(v: RiskFieldValues, ctx: z.RefinementCtx) {
  if (v.measures.some((m) => !/^[1-9][0-9]{0,9}$/.test(m))) ctx.addIssue({ code: 'custom', path: ['measures'], message: 'Choose measures from the list' });
  const reviewDate = checkDate(v, 'reviewDate', 'the review date', ctx, { required: false });
  return {
    title: v.title,
    impact: v.impact,
    mitigation: v.mitigation,
    owner: v.owner,
    reviewDate: reviewDate ?? null,
    actions: actionKeyList(v.actions),
    measures: v.measures.map(Number),
  };
}

const scoreFields = {
  likelihood: textField(),
  impactScore: textField(),
  ...dateParts('assessedOn'),
};
type ScoreFieldValues = z.infer<z.ZodObject<typeof scoreFields>> & { note: string };

function scoreValue(v: ScoreFieldValues, ctx: z.RefinementCtx) {
  const likelihood = point(v.likelihood, 'likelihood', 'Choose how likely the risk is, from 1 to 5', ctx);
  const impact = point(v.impactScore, 'impactScore', 'Choose how much harm it would do, from 1 to 5', ctx);
  const assessedOn = checkDate(v, 'assessedOn', 'the date of the assessment', ctx, { required: true });
  return { likelihood, impact, assessedOn: assessedOn ?? '', note: v.note };
}

export const newRiskForm = z
  .object({
    plan: textField(),
    reference: requiredText('Enter a reference for the risk, for example R7'),
    ...riskFields,
    ...scoreFields,
    note: textField(),
  })
  .superRefine((v, ctx) => {
    riskValue(v, ctx);
    scoreValue(v, ctx);
  })
  .transform((v, ctx) => ({ plan: v.plan === '' ? null : v.plan, reference: v.reference, ...riskValue(v, ctx), score: scoreValue(v, ctx) }));

export const editRiskForm = z
  .object({ ...riskFields, version: versionField })
  .superRefine((v, ctx) => void riskValue(v, ctx))
  .transform((v, ctx) => ({ ...riskValue(v, ctx), version: v.version }));

export const scoreForm = z
  .object({ ...scoreFields, note: requiredText('Enter the reason for the new score'), version: versionField })
  .superRefine((v, ctx) => void scoreValue(v, ctx))
  .transform((v, ctx) => ({ ...scoreValue(v, ctx), version: v.version }));

export const closeForm = z
  .object({ ...dateParts('closedOn'), reason: requiredText('Enter why the risk is being closed'), version: versionField })
  .superRefine((v, ctx) => void checkDate(v, 'closedOn', 'the date the risk was closed', ctx, { required: true }))
  .transform((v, ctx) => ({ closedOn: checkDate(v, 'closedOn', 'the date the risk was closed', ctx, { required: true }) ?? '', reason: v.reason, version: v.version }));

/** Where a service's ValidationError lands on the risk forms. */
export const RISK_FIELDS: Record<string, string> = {
  plan: 'plan',
  reference: 'reference',
  title: 'title',
  owner: 'owner',
  actions: 'actions',
  measures: 'measures',
  likelihood: 'likelihood',
  impact: 'impactScore',
  assessedOn: 'assessedOn-day',
  closedOn: 'closedOn-day',
  reason: 'reason',
};
