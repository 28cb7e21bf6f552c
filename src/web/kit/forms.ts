// Reading a form with zod, and a service's ValidationError, into errors the GOV.UK error summary links
// to their fields: the one way every page turns bad input into form errors.
import type { z } from 'zod';
import type { ValidationError } from '../../domain/errors.ts';

/** One problem with a form: `href` is '#field' so the error summary's link lands on the field. */
export interface FormError {
  field: string;
  href: string;
  text: string;
}

export type FormValues = Record<string, unknown>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormError[]; values: FormValues };

/** Field ids equal field names; a nested path (dueDate.day) becomes its dotted name. */
const fieldName = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** What the person typed, minus the CSRF token, to put back in the form. */
export function formValues(body: unknown): FormValues {
  if (body === null || typeof body !== 'object') return {};
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** Parses a posted body; on failure, the first problem with each field, in the order of the schema. */
export function readForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const values = formValues(body);
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, value: r.data };
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of r.error.issues) {
    const field = fieldName(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push(formError(field, issue.message));
  }
  return { ok: false, errors, values };
}

export function formError(field: string, text: string): FormError {
  return { field, href: `#${field}`, text };
}

/**
 * Where a service's field names land on a form: a map from the service's name (`owners`,
 * `status.asAt`) to the form field's id (`ownerName1`, `statusAsAt-day`), or the list of fields whose
 * names are the same on both sides.
 */
export type FieldMap = Readonly<Record<string, string>> | readonly string[];

function formFieldOf(serviceField: string, fields: FieldMap): string | undefined {
  if (Array.isArray(fields)) return (fields as readonly string[]).includes(serviceField) ? serviceField : undefined;
  const map = fields as Readonly<Record<string, string>>;
  // A nested name (status.asAt, owners[0].name) falls back to its first part (status, owners).
  const head = serviceField.split(/[.[]/)[0] ?? '';
  return Object.hasOwn(map, serviceField) ? map[serviceField] : Object.hasOwn(map, head) ? map[head] : undefined;
}

/**
 * A service's ValidationError as the form's error: against the field it names (through `fields`),
 * else against `fallback`, the form's first field. The field name the service put in front of its
 * message ("title: Enter a title") is left off, since the summary links to the field anyway.
 */
export function errorsFromValidation(err: ValidationError, fields: FieldMap, fallback: string): FormError[] {
  const named = err.field !== undefined && err.field !== '' ? err.field : undefined;
  const field = (named === undefined ? undefined : formFieldOf(named, fields)) ?? fallback;
  const text = named !== undefined && err.message.startsWith(`${named}: `) ? err.message.slice(named.length + 2) : err.message;
  return [formError(field, text)];
}

/** The govuk `errorMessage` option for a field: `{ text }`, or false when the field is fine. */
export function fieldError(errors: readonly FormError[] | undefined, field: string): { text: string } | false {
  const e = errors?.find((x) => x.field === field);
  return e ? { text: e.text } : false;
}
