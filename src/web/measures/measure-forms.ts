// The analyst's forms for a measure: an annual target, a staged target (steps with from-dates), ending
// a target, the amber tolerance band, and a figure entered by hand for a period.
import { z } from 'zod';
import { MAX_STAGES } from '../../services/measure-changes.ts';
import { checkDate, checkNumber, dateParts, requiredText, str, textField, versionField } from '../kit/form-fields.ts';

const reason = requiredText('Enter the reason for the change');

export const annualTargetForm = z
  .object({ yearEnding: textField(), value: textField(), reason, version: versionField })
  .superRefine((v, ctx) => {
    if (!/^\d{4}$/.test(v.yearEnding)) ctx.addIssue({ code: 'custom', path: ['yearEnding'], message: 'Choose the financial year' });
    checkNumber(v.value, 'value', 'the target', ctx, { required: true });
  })
  .transform((v, ctx) => ({
    version: v.version,
    input: { yearEnding: Number(v.yearEnding), value: checkNumber(v.value, 'value', 'the target', ctx, { required: true }) ?? 0, reason: v.reason },
  }));

const stepFields: Record<string, ReturnType<typeof textField>> = {};
for (let i = 1; i <= MAX_STAGES; i += 1) Object.assign(stepFields, dateParts(`step${i}From`), { [`step${i}Value`]: textField() });

type Values = Record<string, unknown>;

/** Whether anything was typed in step i (or, without i, in any step). */
function stepTyped(v: Values, i?: number): boolean {
  if (i === undefined) return Array.from({ length: MAX_STAGES }, (_, j) => j + 1).some((j) => stepTyped(v, j));
  return ['day', 'month', 'year'].some((p) => str(v[`step${i}From-${p}`]).trim() !== '') || str(v[`step${i}Value`]).trim() !== '';
}

function stagedValue(v: Values, ctx: z.RefinementCtx) {
  const steps: { from: string; value: number }[] = [];
  for (let i = 1; i <= MAX_STAGES; i += 1) {
    if (!stepTyped(v, i)) continue;
    const from = checkDate(v, `step${i}From`, `the date step ${i} takes effect`, ctx, { required: true });
    const value = checkNumber(str(v[`step${i}Value`]), `step${i}Value`, `the target for step ${i}`, ctx, { required: true });
    if (from !== undefined && value !== null) steps.push({ from, value });
  }
  const end = checkDate(v, 'end', 'the last day of the staged target', ctx, { required: false });
  return { steps, end: end ?? null };
}

export const stagedTargetForm = z
  .object({ ...stepFields, ...dateParts('end'), reason, version: versionField })
  .superRefine((v, ctx) => {
    if (!stepTyped(v)) ctx.addIssue({ code: 'custom', path: ['step1From-day'], message: 'Enter at least one step: the date it takes effect and its target' });
    stagedValue(v, ctx);
  })
  .transform((v, ctx) => ({ version: v.version, input: { ...stagedValue(v, ctx), reason: v.reason } }));

export const endTargetForm = z
  .object({ ...dateParts('lastDay'), reason, version: versionField })
  .superRefine((v, ctx) => void checkDate(v, 'lastDay', 'the last day the target is in force', ctx, { required: true }))
  .transform((v, ctx) => ({ version: v.version, input: { lastDay: checkDate(v, 'lastDay', 'the last day the target is in force', ctx, { required: true }) ?? '', reason: v.reason } }));

export const toleranceForm = z
  .object({ amberBand: textField(), reason, version: versionField })
  .superRefine((v, ctx) => void checkNumber(v.amberBand, 'amberBand', 'the amber band', ctx, { required: false }))
  .transform((v, ctx) => ({ version: v.version, input: { amberBand: checkNumber(v.amberBand, 'amberBand', 'the amber band', ctx, { required: false }), reason: v.reason } }));

export const figureForm = z
  .object({ ...dateParts('periodEnd'), numerator: textField(), denominator: textField(), reason: textField(), version: versionField })
  .superRefine((v, ctx) => {
    checkDate(v, 'periodEnd', 'the last day of the period', ctx, { required: true });
    checkNumber(v.numerator, 'numerator', 'the numerator', ctx, { required: true });
    checkNumber(v.denominator, 'denominator', 'the denominator', ctx, { required: false });
  })
  .transform((v, ctx) => ({
    version: v.version,
    input: {
      periodEnd: checkDate(v, 'periodEnd', 'the last day of the period', ctx, { required: true }) ?? '',
      numerator: checkNumber(v.numerator, 'numerator', 'the numerator', ctx, { required: true }) ?? 0,
      denominator: checkNumber(v.denominator, 'denominator', 'the denominator', ctx, { required: false }),
      reason: v.reason,
    },
  }));

/** Where a service's ValidationError lands on these forms. */
export const MEASURE_FORM_FIELDS: Record<string, string> = {
  yearEnding: 'yearEnding',
  value: 'value',
  reason: 'reason',
  end: 'end-day',
  lastDay: 'lastDay-day',
  amberBand: 'amberBand',
  periodEnd: 'periodEnd-day',
  numerator: 'numerator',
  denominator: 'denominator',
  ...Object.fromEntries(
    Array.from({ length: MAX_STAGES }, (_, i): [string, string][] => [
      [`steps.${i}.from`, `step${i + 1}From-day`],
      [`steps.${i}.value`, `step${i + 1}Value`],
    ]).flat(),
  ),
};
