// The one map from Parentis's errors to HTTP answers, for the pages (src/web) and the JSON API
// (src/api) alike: the status, the message a person can act on, and the field or version at fault.
import { ConflictError, ForbiddenError, NotFoundError, ParentisError, StaleWriteError, ValidationError } from '../domain/errors.ts';

export interface HttpProblem {
  /** 400, 403, 404, 409 (or another 4xx Fastify chose); 500 for anything unexpected. */
  status: number;
  /** Safe to show; for a 500 nothing is said, since the cause is in the log, not for the reader. */
  message: string | undefined;
  /** The form field, query parameter, body field or address part at fault (400 only). */
  field?: string;
  /** The record's version now, when someone else changed it first (409 only). */
  currentVersion?: number;
}

/** The JSON answer's body: the message, with the field or version when there is one; a 500 says only where to look. */
export function problemJson(problem: HttpProblem, requestId: string): { error: string; field?: string; currentVersion?: number } {
  if (problem.status === 500) return { error: `Something went wrong (reference ${requestId}). The error has been logged.` };
  return {
    error: problem.message ?? `The request was refused (status ${problem.status}).`,
    ...(problem.field !== undefined ? { field: problem.field } : {}),
    ...(problem.currentVersion !== undefined ? { currentVersion: problem.currentVersion } : {}),
  };
}

/** The answer for an error a route or hook threw. */
export function httpProblem(err: unknown): HttpProblem {
  if (err instanceof NotFoundError) return { status: 404, message: err.message };
  if (err instanceof ForbiddenError) return { status: 403, message: err.message };
  if (err instanceof StaleWriteError) return { status: 409, message: err.message, currentVersion: err.currentVersion };
  if (err instanceof ConflictError) return { status: 409, message: err.message };
  if (err instanceof ValidationError) return { status: 400, message: err.message, ...(err.field !== undefined && err.field !== '' ? { field: err.field } : {}) };
  if (err instanceof ParentisError) return { status: 400, message: err.message };
  // Fastify's own refusals (a body too large, a malformed JSON body, an unsupported media type).
  const code = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof code === 'number' && code >= 400 && code < 500) return { status: code, message: err instanceof Error ? err.message : undefined };
  return { status: 500, message: undefined };
}
