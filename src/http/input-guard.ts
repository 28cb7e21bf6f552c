// Input no route can use, refused before any route sees it: a zero byte (0x00) in a form field, a JSON
// body, a query or an address part (PostgreSQL text cannot hold one), and a record id in the address
// bigger than any record can have. Both answer 400 naming the field; nothing is read or written.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors.ts';
import { MAX_INTEGER } from '../domain/validation.ts';

/** Address parts that are record ids: `id` and names ending in `Id` (tokenId, nodeId). */
const isIdParam = (name: string): boolean => name === 'id' || /[a-z]Id$/.test(name);

/** The first field (dotted path) in a parsed value whose text holds a zero byte. */
function fieldWithZeroByte(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const inner = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return path === '' ? 'a field name' : path;
    // A repeated form field arrives as an array: it is still the one field.
    const found = fieldWithZeroByte(v, Array.isArray(value) ? path : inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const ZERO_BYTE = (field: string): string =>
  `${field} contains a zero byte (0x00), which Parentis cannot store. Remove it and try again.`;

export function checkRequestInput(request: FastifyRequest): void {
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000')) throw new ValidationError(ZERO_BYTE(`The address part "${name}"`), name);
    if (isIdParam(name) && /^\d+$/.test(value) && Number(value) > MAX_INTEGER) {
      throw new ValidationError(`The address part "${name}" is ${value}, larger than any record's number (at most ${MAX_INTEGER}).`, name);
    }
  }
  const inQuery = fieldWithZeroByte(request.query, '');
  if (inQuery !== undefined) throw new ValidationError(ZERO_BYTE(`The query parameter "${inQuery}"`), inQuery);
  const inBody = fieldWithZeroByte(request.body, '');
  if (inBody !== undefined) throw new ValidationError(ZERO_BYTE(`The field "${inBody}"`), inBody);
}

/** Checks every route's input once its body is parsed, before the route's own checks (CSRF too). */
export function guardInput(server: FastifyInstance): void {
  server.addHook('preValidation', (request, _reply, done) => {
    try {
      checkRequestInput(request);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
}
