// Changing a measure in the browser: its targets (annual, or staged steps with from-dates; ending one),
// its amber tolerance band, and figures entered by hand for a period. Every change is one transaction,
// made from the measure's version the analyst saw, kept in the measure's history (never overwritten)
// and audited.
import { z } from 'zod';
import { isIsoDate, isoDateSchema } from '../domain/dates.ts';
import type { AuditEvent } from '../domain/audit-events.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseInput } from '../domain/validation.ts';
import { annualTarget, monthEnd, stagedTargets, targetOn, valueOf, type Unit } from '../measures/index.ts';
import type { MeasureChangeRow, MeasureRow } from '../repositories/measure.repository.ts';
import type { Repositories } from '../repositories/store.ts';
import { todayFor, type Ctx } from './context.ts';
import { requireCurrentVersion } from './stale-write.ts';

export const MEASURE_CHANGE_KINDS = ['target-added', 'target-ended', 'tolerance-changed', 'value-entered'] as const;
export type MeasureChangeKind = (typeof MEASURE_CHANGE_KINDS)[number];

/** A target as the history keeps it. */
export interface TargetFacts {
  value: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  label: string;
}

/** A figure as the history keeps it. */
export interface FigureFacts {
  periodEnd: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

/** One change in a measure's history, with what it was before and after. */
export type MeasureChange = { id: number; reason: string; by: string; at: string } & (
  | { kind: 'target-added'; before: TargetFacts | null; after: { targets: TargetFacts[] } }
  | { kind: 'target-ended'; before: TargetFacts; after: TargetFacts }
  | { kind: 'tolerance-changed'; before: { amberBand: number | null }; after: { amberBand: number | null } }
  | { kind: 'value-entered'; before: FigureFacts | null; after: FigureFacts }
);

export function toChange(r: MeasureChangeRow): MeasureChange {
  return { id: r.id, kind: r.kind, before: r.before, after: r.after, reason: r.reason, by: r.changedBy, at: r.changedAt.toISOString() } as MeasureChange;
}

const reason = z.string().trim().min(1, { message: 'Enter the reason for the change' }).max(1000, { message: 'The reason must be 1,000 characters or fewer' });
const figure = z.number().refine(Number.isFinite, { message: 'must be a number' });

export const annualTargetSchema = z
  .object({
    yearEnding: z.number().int().min(2000, { message: 'Choose the financial year' }).max(2100, { message: 'Choose the financial year' }),
    value: figure,
    reason,
  })
  .strict();

export const MAX_STAGES = 6;

export const stagedTargetSchema = z
  .object({
    steps: z
      .array(z.object({ from: isoDateSchema, value: figure }).strict())
      .min(1, { message: 'Enter at least one step: the date it takes effect and its value' })
      .max(MAX_STAGES),
    end: isoDateSchema.nullable().default(null),
    reason,
  })
  .strict();

export const endTargetSchema = z.object({ targetId: z.number().int().positive(), lastDay: isoDateSchema, reason }).strict();

export const toleranceSchema = z.object({ amberBand: z.number().min(0, { message: 'The amber band cannot be negative' }).nullable(), reason }).strict();

export const figureSchema = z
  .object({
    periodEnd: isoDateSchema,
    numerator: z.number().min(0, { message: 'The numerator cannot be negative' }),
    denominator: z.number().nullable(),
    reason: z.string().trim().max(1000, { message: 'The reason must be 1,000 characters or fewer' }).default(''),
  })
  .strict();

/** The measure, locked, at the version the analyst saw; refused when someone changed it since. */
async function lockedMeasure(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number): Promise<MeasureRow> {
  const found = await repos.measures.findByCode(ctx.organisationId, code);
  if (!found) throw new NotFoundError(`There is no measure "${code}".`);
  await repos.measures.lock(found.id);
  const m = (await repos.measures.findByCode(ctx.organisationId, code))!;
  await requireCurrentVersion(repos, { entityType: 'measure', entityId: m.id, what: `The measure "${m.title}"` }, expectedVersion, m.version);
  return m;
}

/** Keeps the change in the measure's history, moves its version on and audits it. */
async function record(
  repos: Repositories,
  ctx: Ctx,
  m: MeasureRow,
  kind: MeasureChangeKind,
  event: AuditEvent,
  before: unknown,
  after: Record<string, unknown>,
  why: string,
): Promise<void> {
  await repos.measures.insertChange({
    organisationId: ctx.organisationId,
    measureId: m.id,
    kind,
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
    reason: why,
    changedBy: ctx.actor,
  });
  await repos.measures.update(m.id, m.version, {});
  await repos.audit.record({ organisationId: ctx.organisationId, actor: ctx.actor, event, entityType: 'measure', entityId: m.id, entityKey: m.code, before, after: { ...after, reason: why } });
}

function checkTargetValue(unit: Unit, value: number, field: string): void {
  if (unit === 'percent' && (value < 0 || value > 100)) throw new ValidationError(`${field}: A percentage target must be from 0 to 100`, field);
  if (unit !== 'percent' && value < 0) throw new ValidationError(`${field}: A target cannot be negative`, field);
}

const facts = (t: { value: number | string; effectiveFrom: string; effectiveTo: string | null; label: string }): TargetFacts => ({
  value: Number(t.value),
  effectiveFrom: t.effectiveFrom,
  effectiveTo: t.effectiveTo,
  label: t.label,
});

async function addTargets(repos: Repositories, ctx: Ctx, m: MeasureRow, targets: TargetFacts[], staged: boolean, why: string): Promise<void> {
  const existing = (await repos.measures.targets(m.id)).map(facts);
  const before = targetOn(existing.map((t) => ({ ...t, staged: false })), targets[0]!.effectiveFrom) ?? null;
  for (const t of targets) {
    await repos.measures.insertTarget({ ...t, staged, reason: why, organisationId: ctx.organisationId, measureId: m.id, createdBy: ctx.actor });
  }
  await record(repos, ctx, m, 'target-added', 'measure.target-added', before === null ? null : facts(before), { targets }, why);
}

export async function addAnnualTargetIn(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
  const input = parseInput(annualTargetSchema, raw);
  const m = await lockedMeasure(repos, ctx, code, expectedVersion);
  checkTargetValue(m.unit as Unit, input.value, 'value');
  const t = annualTarget(input.yearEnding, input.value);
  await addTargets(repos, ctx, m, [facts(t)], false, input.reason);
}

export async function addStagedTargetsIn(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
  const input = parseInput(stagedTargetSchema, raw);
  const m = await lockedMeasure(repos, ctx, code, expectedVersion);
  input.steps.forEach((s, i) => checkTargetValue(m.unit as Unit, s.value, `steps.${i}.value`));
  const dates = input.steps.map((s) => s.from);
  const repeated = dates.findIndex((d, i) => dates.indexOf(d) !== i);
  if (repeated >= 0) throw new ValidationError(`steps.${repeated}.from: Each step takes effect on its own date`, `steps.${repeated}.from`);
  const last = [...dates].sort().at(-1)!;
  if (input.end !== null && input.end < last) throw new ValidationError('end: The end must be on or after the last step takes effect', 'end');
  const steps = stagedTargets(input.steps, input.end).map((t, i, all) => ({ ...facts(t), label: `stage ${i + 1} of ${all.length}` }));
  await addTargets(repos, ctx, m, steps, true, input.reason);
}

export async function endTargetIn(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
  const input = parseInput(endTargetSchema, raw);
  const m = await lockedMeasure(repos, ctx, code, expectedVersion);
  const t = await repos.measures.findTarget(m.id, input.targetId);
  if (!t) throw new NotFoundError(`The measure "${m.title}" has no target ${input.targetId}.`);
  if (input.lastDay < t.effectiveFrom) throw new ValidationError('lastDay: The last day must be on or after the day the target took effect', 'lastDay');
  if (t.effectiveTo !== null && input.lastDay >= t.effectiveTo) throw new ValidationError(`lastDay: The target already ends on ${t.effectiveTo}: give an earlier last day`, 'lastDay');
  await repos.measures.endTarget(t.id, input.lastDay);
  const before = facts(t);
  await record(repos, ctx, m, 'target-ended', 'measure.target-ended', before, { ...before, effectiveTo: input.lastDay }, input.reason);
}

export async function setToleranceIn(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
  const input = parseInput(toleranceSchema, raw);
  const m = await lockedMeasure(repos, ctx, code, expectedVersion);
  if (m.unit === 'percent' && input.amberBand !== null && input.amberBand > 100) throw new ValidationError('amberBand: The amber band must be 100 percentage points or fewer', 'amberBand');
  const before = m.amberBand === null ? null : Number(m.amberBand);
  if (before === input.amberBand) throw new ValidationError('amberBand: That is the amber band already: change it, or go back', 'amberBand');
  // The version moves on once, in record(): the band is written at the version just checked.
  await repos.measures.setAmberBand(m.id, input.amberBand);
  await record(repos, ctx, m, 'tolerance-changed', 'measure.tolerance-changed', { amberBand: before }, { amberBand: input.amberBand }, input.reason);
}

/** Whether a date ends a period of the measure's frequency: a month end, a quarter end, or 31 March. */
export function isPeriodEnd(frequency: string, date: string): boolean {
  if (!isIsoDate(date) || monthEnd(date) !== date) return false;
  const month = Number(date.slice(5, 7));
  if (frequency === 'quarterly') return month % 3 === 0;
  if (frequency === 'annual') return month === 3;
  return true;
}

export const PERIOD_END_WORDS: Record<string, string> = {
  monthly: 'the last day of a month',
  quarterly: 'the last day of a quarter (30 June, 30 September, 31 December or 31 March)',
  annual: '31 March, the end of a financial year',
};

export async function enterFigureIn(repos: Repositories, ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
  const input = parseInput(figureSchema, raw);
  const m = await lockedMeasure(repos, ctx, code, expectedVersion);
  const unit = m.unit as Unit;
  if (m.source === 'ssda903') throw new ValidationError(`periodEnd: ${m.title} is worked out from the 903 return; its figures cannot be entered by hand`, 'periodEnd');
  if (!isPeriodEnd(m.frequency, input.periodEnd)) throw new ValidationError(`periodEnd: The period end must be ${PERIOD_END_WORDS[m.frequency] ?? 'a period end'}`, 'periodEnd');
  if (input.periodEnd > todayFor(ctx)) throw new ValidationError('periodEnd: The period has not ended yet: enter a figure for a period that has', 'periodEnd');
  if (unit !== 'count' && input.denominator === null) throw new ValidationError('denominator: Enter the denominator', 'denominator');
  if (input.denominator !== null && input.denominator <= 0) throw new ValidationError('denominator: The denominator must be more than 0', 'denominator');
  if (unit === 'percent' && input.denominator !== null && input.numerator > input.denominator) {
    throw new ValidationError('numerator: The numerator cannot be more than the denominator for a percentage', 'numerator');
  }
  const window = m.frequency === 'annual' ? 'year' : 'month';
  const earlier = (await repos.measures.values(m.id, window)).find((v) => v.periodEnd === input.periodEnd && v.breakdownDimension === '');
  const after: FigureFacts = { periodEnd: input.periodEnd, numerator: input.numerator, denominator: input.denominator, value: valueOf(unit, input.numerator, input.denominator) };
  const before: FigureFacts | null = earlier
    ? { periodEnd: earlier.periodEnd, numerator: Number(earlier.numerator ?? 0), denominator: earlier.denominator === null ? null : Number(earlier.denominator), value: earlier.value === null ? null : Number(earlier.value) }
    : null;
  await repos.measures.upsertValues([
    {
      organisationId: ctx.organisationId,
      measureId: m.id,
      periodEnd: input.periodEnd,
      periodWindow: window,
      breakdownDimension: '',
      breakdownCategory: '',
      numerator: input.numerator,
      denominator: input.denominator,
      value: after.value,
      symbol: null,
      source: 'manual',
      importedBy: ctx.actor,
    },
  ]);
  await record(repos, ctx, m, 'value-entered', 'measure.value-entered', before, { ...after }, input.reason);
}
