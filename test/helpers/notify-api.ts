// A local stand-in for GOV.UK Notify's API, checking each request as Notify documents it, for the
// official client to talk to in tests.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// GOV.UK Notify: an API key is "{key name}-{service id}-{secret key}"; each request carries a JWT
// (HS256, signed with the secret key, iss = the service id, iat within 30 seconds) as a Bearer token,
// and POST /v2/notifications/email takes template_id, email_address, personalisation and reference.
const SERVICE_ID = crypto.randomUUID();
const SECRET = crypto.randomUUID();
export const API_KEY = `parentis_test-${SERVICE_ID}-${SECRET}`;
export const TEMPLATES = { request: crypto.randomUUID(), reminder: crypto.randomUUID() };

export interface NotifyCall {
  path: string;
  body: Record<string, unknown>;
  problems: string[];
}

function checkJwt(header: string | undefined): string[] {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
  if (!m) return ['no Bearer JWT'];
  const problems: string[] = [];
  const head = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as { alg?: string; typ?: string };
  const claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString()) as { iss?: string; iat?: number };
  if (head.alg !== 'HS256' || head.typ !== 'JWT') problems.push(`header ${JSON.stringify(head)}`);
  const expected = crypto.createHmac('sha256', SECRET).update(`${m[1]}.${m[2]}`).digest('base64url');
  if (expected !== m[3]) problems.push('signature does not match the secret key');
  if (claims.iss !== SERVICE_ID) problems.push(`iss ${String(claims.iss)} is not the service id`);
  if (typeof claims.iat !== 'number' || Math.abs(Date.now() / 1000 - claims.iat) > 30) problems.push('iat not within 30 seconds');
  return problems;
}

/** Runs `fn` with a local Notify API at `baseUrl` answering each well-made request with `answer`; every request is kept in `calls`. */
export async function withNotify(answer: (body: Record<string, unknown>) => { status: number; json: unknown }, fn: (baseUrl: string, calls: NotifyCall[]) => Promise<void>): Promise<void> {
  const calls: NotifyCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      const problems = checkJwt(req.headers.authorization);
      if (req.method !== 'POST') problems.push(`method ${req.method}`);
      if (!String(req.headers['content-type']).startsWith('application/json')) problems.push(`content-type ${req.headers['content-type']}`);
      calls.push({ path: req.url ?? '', body, problems });
      const { status, json } = problems.length > 0 ? { status: 403, json: { status_code: 403, errors: [{ error: 'AuthError', message: problems.join('; ') }] } } : answer(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Notify's answer to an e-mail it accepts: 201 with a new notification id. */
export const created = (body: Record<string, unknown>) => ({
  status: 201,
  json: { id: crypto.randomUUID(), reference: body.reference, content: { subject: 's', body: 'b', from_email: 'parentis@notifications.service.gov.uk' }, uri: 'u', template: { id: body.template_id, version: 1, uri: 'u' } },
});
