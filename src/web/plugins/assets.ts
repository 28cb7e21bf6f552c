// Static assets served by Parentis itself (no CDN): GOV.UK Frontend's compiled CSS and JavaScript,
// its images, and Parentis's own few files. The CSS is served with a system font instead of GDS
// Transport, which is reserved for GOV.UK.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { govukDist, webDir } from '../view.ts';

/** The font stack GOV.UK Frontend recommends for services that are not on GOV.UK. */
export const SYSTEM_FONT = 'system-ui,-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

/**
 * GOV.UK Frontend's compiled CSS with GDS Transport replaced by a system font and its @font-face
 * rules removed, so no font file is ever asked for. Done once, when the server starts, rather than
 * compiling the Sass (which would need a Sass compiler at build or run time).
 */
export function govukCss(): string {
  const css = fs.readFileSync(path.join(govukDist, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  const out = css
    .replace(/@font-face\{font-family:["']?GDS Transport["']?;[^}]*\}/g, '')
    .replace(/["']?GDS Transport["']?,arial,sans-serif/g, SYSTEM_FONT)
    .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
  if (out.includes('GDS Transport')) throw new Error('govuk-frontend.min.css still names GDS Transport: its font rules have changed shape');
  return out;
}

/**
 * The CSP hash of the one inline script in govuk/template.njk (it marks the body as js-enabled),
 * so that script runs while every other inline script stays forbidden.
 */
export function govukInlineScriptHash(): string {
  const template = fs.readFileSync(path.join(govukDist, 'govuk', 'template.njk'), 'utf8');
  const m = /<script[^>]*>([^<]*)<\/script>/.exec(template);
  if (!m) throw new Error('govuk/template.njk has no inline script to hash');
  return `'sha256-${crypto.createHash('sha256').update(m[1]!).digest('base64')}'`;
}

export async function registerAssets(server: FastifyInstance): Promise<void> {
  const css = govukCss();
  const etag = `"${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}"`;
  server.get('/assets/govuk-frontend.min.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').header('etag', etag).send(css),
  );
  const js = fs.readFileSync(path.join(govukDist, 'govuk', 'govuk-frontend.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*\s*$/, '');
  server.get('/assets/govuk-frontend.min.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(js),
  );
  await server.register(fastifyStatic, {
    root: [path.join(webDir, 'assets'), path.join(govukDist, 'govuk', 'assets')],
    prefix: '/assets/',
    maxAge: '1h',
    // Parentis's own files are listed first, so they win over GOV.UK Frontend's of the same name.
    // The GDS Transport files are never served: the CSS above no longer asks for them.
    allowedPath: (pathname) => !pathname.startsWith('/fonts/'),
  });
}
