// The HTTP server: security headers, cookies, database sessions, CSRF, assets, Nunjucks pages, the
// sign-in pages, every feature's page routes (routes.ts) and the JSON API under /api/v1.
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyView from '@fastify/view';
import { api } from '../api/api.ts';
import { notifyReceiptRoutes } from '../api/notify-receipts.api.ts';
import type { App } from '../composition.ts';
import { DEFAULT_PAGE_CACHE_MB, type Config } from '../config.ts';
import { guardInput } from '../http/input-guard.ts';
import { decorateServices } from '../http/services.ts';
import { identityRoutes } from './auth/identity.routes.ts';
import { signInRoutes } from './auth/sign-in.routes.ts';
import homeRoutes from './home/home.routes.ts';
import { govukInlineScriptHash, registerAssets } from './plugins/assets.ts';
import { busyPlugin, DEFAULT_BUSY_LIMITS, isBusy, type BusyLimits } from './plugins/busy.ts';
import { pagesPlugin } from './plugins/pages.ts';
import { sessionPlugin } from './plugins/session.ts';
import { deploymentPlugin, setupRoutes } from './setup/setup.routes.ts';
import { pageRoutes } from './routes.ts';
import { createViewEnvironment } from './view.ts';

export type ServerConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'secureCookies' | 'trustProxy' | 'pageCacheMb' | 'notifyCallbackToken'>> & { busy?: BusyLimits };

/** Routes and plugins are given the services only (server.services), never the database handle. */
export function buildServer(app: Pick<App, 'services'>, config: ServerConfig): FastifyInstance {
  const settings = { secureCookies: config.secureCookies ?? 'auto' } as const;
  const server = Fastify({
    logger: { level: config.logLevel },
    // Every request gets its own id in the logs; the 500 page shows it so a report can be matched.
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  const env = createViewEnvironment();
  decorateServices(server, app.services);
  guardInput(server);

  void server.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // GOV.UK's template marks the body js-enabled with one inline script, allowed by its hash only.
        scriptSrc: ["'self'", govukInlineScriptHash()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The HSTS header only matters over https; browsers ignore it on plain http.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
  void server.register(fastifyFormbody);
  void server.register(fastifyCookie);
  void server.register(async (assets) => registerAssets(assets));
  // reply.view works too; pages use reply.page, which adds the locals every page needs.
  void server.register(fastifyView, { engine: { nunjucks: { configure: () => env } }, templates: [] });
  const busy = config.busy ?? DEFAULT_BUSY_LIMITS;
  // Before the session is read: that is database work too.
  void server.register(busyPlugin(env, busy));
  // Before the sign-in guard: a new database sends every page to the set-up form.
  void server.register(deploymentPlugin());
  void server.register(sessionPlugin(settings));
  void server.register(pagesPlugin(env, { pageCacheMb: config.pageCacheMb ?? DEFAULT_PAGE_CACHE_MB }));

  server.get('/health', async () => {
    // Answers at once while the database is busy: the process is alive, and queueing would say nothing more.
    const load = server.services.databaseLoad();
    if (isBusy(load, busy)) return { status: 'busy', waiting: load.waiting };
    await server.services.organisations.list();
    return { status: 'ok' };
  });

  void server.register(signInRoutes(settings));
  void server.register(identityRoutes(settings));
  void server.register(setupRoutes(settings));
  for (const routes of pageRoutes) void server.register(routes);
  // The shell's own home page, unless a feature has registered one.
  void server.register(async (scope) => {
    if (!scope.hasRoute({ method: 'GET', url: '/' })) await homeRoutes(scope);
  });
  void server.register(api, { prefix: '/api/v1' });
  // Outside the versioned API (Notify's own format and token), but under /api/: no cookie, CSRF or sign-in.
  void server.register(notifyReceiptRoutes(config.notifyCallbackToken), { prefix: '/api/notify' });
  return server;
}
