// The HTTP server: health check and, for now, a plain page listing the plans.
import Fastify, { type FastifyInstance } from 'fastify';
import type { App } from '../composition.ts';
import type { Config } from '../config.ts';
import { ConflictError, NotFoundError, ParentisError, StaleWriteError } from '../domain/errors.ts';
import type { PlanSummary } from '../services/plan.service.ts';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function plansPage(authority: string, plans: PlanSummary[]): string {
  const rows = plans
    .map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(p.title)}<br><small>${escapeHtml(p.slug)}</small></th>` +
        `<td>${p.rollUp.actions}</td><td>${p.rollUp.counts.B}</td><td>${p.rollUp.counts.R}</td>` +
        `<td>${p.rollUp.counts.A}</td><td>${p.rollUp.counts.G}</td><td>${p.rollUp.overdue}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plans – ${escapeHtml(authority)} – Parentis</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.4}table{border-collapse:collapse}th,td{padding:.4rem .8rem;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top}td{text-align:right}</style>
</head>
<body>
<main>
<h1>${escapeHtml(authority)}: plans</h1>
${
  plans.length === 0
    ? '<p>There are no plans yet. Import one with <code>parentis import plan FILE.json</code>.</p>'
    : `<table>
<caption>Actions by BRAG status: Blue (complete), Red, Amber, Green; and overdue</caption>
<thead><tr><th scope="col">Plan</th><th scope="col">Actions</th><th scope="col">Blue</th><th scope="col">Red</th><th scope="col">Amber</th><th scope="col">Green</th><th scope="col">Overdue</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</main>
</body>
</html>
`;
}

export function buildServer(app: App, config: Pick<Config, 'logLevel'>): FastifyInstance {
  const server = Fastify({ logger: { level: config.logLevel } });

  server.get('/health', async () => {
    await app.services.organisations.list();
    return { status: 'ok' };
  });

  server.get('/', async (_request, reply) => {
    const orgs = await app.services.organisations.list();
    const org = orgs[0];
    const plans = org ? await app.services.plans.list({ organisationId: org.id, actor: 'web' }) : [];
    return reply.type('text/html; charset=utf-8').send(plansPage(org?.name ?? 'Parentis', plans));
  });

  server.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err instanceof ParentisError) {
      const code = err instanceof NotFoundError ? 404 : err instanceof StaleWriteError || err instanceof ConflictError ? 409 : 400;
      return reply.code(code).send({ error: err.message });
    }
    request.log.error(err);
    return reply.code(err.statusCode ?? 500).send({ error: 'Something went wrong. The error has been logged.' });
  });
  return server;
}
