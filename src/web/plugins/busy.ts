// Sheds load: while too much database work is queued, pages and the API answer 503 "busy" at once
// instead of waiting a minute in the queue; /health and the assets still answer.
import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';
import type { Services } from '../../composition.ts';
import { render } from '../view.ts';

export interface BusyLimits {
  /** Statements waiting for a connection at which new requests are turned away (a page may send several at once). */
  maxWaiting: number;
  /** …or how long the longest-waiting one may have waited (the embedded database only measures this). */
  maxWaitMs: number;
}

/**
 * The limit counts statements, not people: one request may send several at once (working out every
 * measure's figures sends 5 together), so 10 people at once can leave 10 × 5 = 50 waiting without
 * anything being wrong; 64 leaves room over that. Measured on the embedded database with 10
 * connections on the dashboard or a measure page of a large authority: at most 9 statements waiting
 * when a request arrived, none turned away (a limit of 16 turned most dashboard requests away while
 * that page sent 3 statements at once). On the embedded database the wait is the real guard: 10
 * people at once waited at most 2.9 s for a page, well inside 5 s; 50 queued for a minute. A server
 * pool of 10 connections reaches either limit far later.
 */
export const DEFAULT_BUSY_LIMITS: BusyLimits = { maxWaiting: 64, maxWaitMs: 5000 };

/** How long a turned-away browser or client is asked to wait, in seconds. */
export const RETRY_AFTER_SECONDS = 60;

type DatabaseLoad = ReturnType<Services['databaseLoad']>;

export const isBusy = (load: DatabaseLoad, limits: BusyLimits): boolean => load.waiting >= limits.maxWaiting || load.oldestWaitMs >= limits.maxWaitMs;

const exempt = (url: string): boolean => url === '/health' || url.startsWith('/assets/') || url === '/favicon.ico';

export function busyPlugin(env: nunjucks.Environment, limits: BusyLimits) {
  const plugin = (server: FastifyInstance): Promise<void> => {
    // The page is drawn without the database (which is what is busy): no user, the product's name.
    let page: Promise<string> | undefined;
    server.addHook('onRequest', async (request, reply) => {
      if (exempt(request.url.split('?')[0] ?? '') || !isBusy(server.services.databaseLoad(), limits)) return;
      request.log.warn({ load: server.services.databaseLoad() }, 'busy: request turned away');
      reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
      if (request.url === '/api' || request.url.startsWith('/api/')) {
        return reply.send({ error: `Parentis is busy: try again in ${RETRY_AFTER_SECONDS} seconds` });
      }
      page ??= render(env, 'errors/503.njk', { user: null, organisationName: null, navigation: [], glossaryTerms: [] });
      return reply.type('text/html; charset=utf-8').send(await page);
    });
    return Promise.resolve();
  };
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
