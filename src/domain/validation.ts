// Parsing input with zod so that the first problem is reported with the field it concerns.
import type { z } from 'zod';
import { ValidationError } from './errors.ts';
import { issuePath } from './plan-document.ts';

/**
 * Parses input against a schema; on failure throws a ValidationError whose message starts with the
 * field's path (and with `prefix`, e.g. a file name, when given).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = prefix + issuePath(issue.path);
  throw new ValidationError(field === '' ? issue.message : `${field}: ${issue.message}`, field);
}

/** The largest id or version a record can have (PostgreSQL's integer); a bigger number names nothing. */
export const MAX_INTEGER = 2_147_483_647;
