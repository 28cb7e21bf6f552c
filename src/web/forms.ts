// Reading a posted form with zod: the value, or errors that the error summary links to their fields.
import type { z } from 'zod';
import type { ValidationError } from '../domain/errors.ts';

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

/** A service's ValidationError as form errors, against its field or the form's first field. */
export function errorsFromValidation(err: ValidationError, fallbackField: string): FormError[] {
  const field = err.field !== undefined && err.field !== '' ? err.field : fallbackField;
  return [formError(field, err.message)];
}

/** The govuk `errorMessage` option for a field: `{ text }`, or false when the field is fine. */
export function fieldError(errors: readonly FormError[] | undefined, field: string): { text: string } | false {
  const e = errors?.find((x) => x.field === field);
  return e ? { text: e.text } : false;
}
