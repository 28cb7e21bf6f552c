// Form pieces the forms share: GOV.UK date inputs, owner rows, text fields, versions and the order of errors.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { MAX_INTEGER } from '../../domain/validation.ts';
import { readForm } from './forms.ts';

/** How many owner rows the forms offer beyond the owners an action already has. */
export const SPARE_OWNER_ROWS = 2;
/** Councils list up to five or six owners against one action; eight rows leave room. */
export const MAX_OWNER_ROWS = 8;

// A repeated field arrives as an array; an absent one as undefined. Either becomes one string.
const oneString = (v: unknown): unknown => (Array.isArray(v) ? v.join(' ') : (v ?? ''));

/** A form value as text: a string as it is, anything else (absent, repeated) as empty or joined. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(' ') : '');

/** A form's text field: always a string (absent means empty), trimmed. */
export const textField = () => z.preprocess(oneString, z.string().trim());

/** A form's text field that must be filled in. */
export const requiredText = (message: string) => z.preprocess(oneString, z.string().trim().min(1, { message }));

/** Ticked checkboxes sharing a name: none, one or several arrive as a list of strings. */
export const choiceList = () => z.preprocess((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : v === undefined || v === '' ? [] : [v]), z.array(z.string()));

/** Action keys typed one a line or between commas: "cypp-2016-19:6.2, cypp-2016-19:6.3". */
export const actionKeyList = (text: string): string[] => text.split(/[,\n]/).map((k) => k.trim()).filter((k) => k !== '');

/** The three boxes of a GOV.UK date input named `<prefix>-day`, `<prefix>-month`, `<prefix>-year`. */
export function dateParts(prefix: string): Record<string, ReturnType<typeof textField>> {
  return { [`${prefix}-day`]: textField(), [`${prefix}-month`]: textField(), [`${prefix}-year`]: textField() };
}

/**
 * Checks a GOV.UK date input and returns yyyy-mm-dd, or adds an issue on the first box at fault
 * (so the error summary lands on it) with the messages the design system recommends.
 */
export function checkDate(
  values: Record<string, unknown>,
  prefix: string,
  what: string,
  ctx: z.RefinementCtx,
  options: { required: boolean },
): string | undefined {
  const part = (p: 'day' | 'month' | 'year'): string => str(values[`${prefix}-${p}`]).trim();
  const day = part('day');
  const month = part('month');
  const year = part('year');
  const issue = (box: 'day' | 'month' | 'year', message: string): undefined => {
    ctx.addIssue({ code: 'custom', path: [`${prefix}-${box}`], message });
    return undefined;
  };
  if (day === '' && month === '' && year === '') return options.required ? issue('day', `Enter ${what}`) : undefined;
  if (day === '') return issue('day', `${capitalise(what)} must include a day`);
  if (month === '') return issue('month', `${capitalise(what)} must include a month`);
  if (year === '') return issue('year', `${capitalise(what)} must include a year`);
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return issue(/^\d{1,2}$/.test(day) ? (/^\d{1,2}$/.test(month) ? 'year' : 'month') : 'day', `${capitalise(what)} must be a real date, for example 31 3 2019`);
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) return issue('day', `${capitalise(what)} must be a real date, for example 31 3 2019`);
  return iso;
}

/** The day, month and year boxes for a yyyy-mm-dd date, to fill a date input. */
export function datePartsOf(prefix: string, iso: string | null | undefined): Record<string, string> {
  if (iso === null || iso === undefined || !isIsoDate(iso)) return { [`${prefix}-day`]: '', [`${prefix}-month`]: '', [`${prefix}-year`]: '' };
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y! };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Owner rows `ownerName1`/`ownerRole1` … of the action forms. */
export function ownerParts(): Record<string, ReturnType<typeof textField>> {
  const out: Record<string, ReturnType<typeof textField>> = {};
  for (let i = 1; i <= MAX_OWNER_ROWS; i += 1) {
    out[`ownerName${i}`] = textField();
    out[`ownerRole${i}`] = textField();
  }
  return out;
}

/** The owners filled in on a form, in order; adds an issue on the first row when there are none. */
export function checkOwners(values: Record<string, unknown>, ctx: z.RefinementCtx): { name: string | null; role: string | null }[] {
  const owners: { name: string | null; role: string | null }[] = [];
  for (let i = 1; i <= MAX_OWNER_ROWS; i += 1) {
    const name = str(values[`ownerName${i}`]).trim();
    const role = str(values[`ownerRole${i}`]).trim();
    if (name !== '' || role !== '') owners.push({ name: name === '' ? null : name, role: role === '' ? null : role });
  }
  if (owners.length === 0) ctx.addIssue({ code: 'custom', path: ['ownerName1'], message: 'Enter at least one owner: a name, a role title or both' });
  return owners;
}

/** Form values for owner rows: the given owners, then spare empty rows. */
export function ownerValues(owners: { name: string | null; role: string | null }[]): Record<string, string> {
  const out: Record<string, string> = {};
  owners.slice(0, MAX_OWNER_ROWS).forEach((o, i) => {
    out[`ownerName${i + 1}`] = o.name ?? '';
    out[`ownerRole${i + 1}`] = o.role ?? '';
  });
  return out;
}

/** How many owner rows to show for a form's values: the filled ones plus spares, within the maximum. */
export function ownerRowCount(values: Record<string, unknown>): number {
  let last = 0;
  for (let i = 1; i <= MAX_OWNER_ROWS; i += 1) {
    if (str(values[`ownerName${i}`]).trim() !== '' || str(values[`ownerRole${i}`]).trim() !== '') last = i;
  }
  return Math.min(MAX_OWNER_ROWS, Math.max(1, last) + SPARE_OWNER_ROWS);
}

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** A hidden version field: the version of the record the form was opened on. */
export const versionField = z.preprocess(first, z.coerce.number().int().nonnegative().max(MAX_INTEGER));

/** A choice of record by its id (a part of the plan, say), or '' for none; an id no record can have is refused with `message`. */
export const idChoice = (message: string) =>
  z.preprocess((v) => first(v) ?? '', z.union([z.literal(''), z.coerce.number({ message }).int({ message }).positive({ message }).max(MAX_INTEGER, { message })], { message }));

/** The field names of a form's schema (an object, perhaps refined and transformed), in form order. */
export function fieldOrder(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let depth = 0; depth < 5; depth += 1) {
    if (s instanceof z.ZodObject) return Object.keys(s.shape);
    if (!(s instanceof z.ZodPipe)) break;
    s = s.in;
  }
  return [];
}

/**
 * Reads a posted form; its errors come in the order of the fields on the page (the schema's order),
 * not the order the checks ran, so the error summary reads top to bottom like the form.
 */
export function readFormInOrder<S extends z.ZodType>(schema: S, body: unknown): ReturnType<typeof readForm<S>> {
  const result = readForm(schema, body);
  if (result.ok) return result;
  const order = fieldOrder(schema);
  const rank = (field: string): number => (order.includes(field) ? order.indexOf(field) : order.length);
  return { ...result, errors: [...result.errors].sort((a, b) => rank(a.field) - rank(b.field)) };
}

/**
 * Checks a number typed in a text box ("1,250", "72.5", "-3") and returns it, or null when it is
 * empty and not required; otherwise adds an issue on the field naming what was wanted.
 */
export function checkNumber(text: string, field: string, what: string, ctx: z.RefinementCtx, options: { required: boolean }): number | null {
  const raw = text.trim().replace(/,/g, '');
  if (raw === '') {
    if (options.required) ctx.addIssue({ code: 'custom', path: [field], message: `Enter ${what}` });
    return null;
  }
  const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', path: [field], message: `${capitalise(what)} must be a number, for example 72.5` });
    return null;
  }
  return n;
}
/** Checkboxes sharing a name: none ticked arrives as nothing, one as a string, several as an array; always a list of strings. */
export const checkedValues = () =>
  z.preprocess((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : v === undefined || v === null || v === '' ? [] : [v]), z.array(z.string().trim().max(200)).max(500));
