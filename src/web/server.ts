// The HTTP server: security headers, cookies, database sessions, CSRF, assets, Nunjucks pages, the
// sign-in pages, every feature's page routes (routes.ts) and the JSON API under /api/v1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyView from '@fastify/view';
import type { App } from '../composition.ts';
import { DEFAULT_PAGE_CACHE_MB, type Config } from '../config.ts';
import { signInRoutes } from './auth/sign-in.routes.ts';
import homeRoutes from './home/home.routes.ts';
import { govukInlineScriptHash, registerAssets } from './plugins/assets.ts';
import { pagesPlugin } from './plugins/pages.ts';
import { sessionPlugin } from './plugins/session.ts';
import { pageRoutes, type PageRoutes } from './routes.ts';
import { createViewEnvironment } from './view.ts';

export type ServerConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'secureCookies' | 'trustProxy' | 'pageCacheMb'>>;

/**
 * The JSON API's routes: a default export of type PageRoutes, registered under /api/v1 when present.
 * Named with this module's own extension: .ts in the sources, .js once built to dist/.
 */
const API_ENTRY = path.resolve(import.meta.dirname, `../api/api.routes${path.extname(import.meta.filename)}`);

export function buildServer(app: App, config: ServerConfig): FastifyInstance {
  const settings = { secureCookies: config.secureCookies ?? 'auto' } as const;
  const server = Fastify({
    logger: { level: config.logLevel },
    // Every request gets its own id in the logs; the 500 page shows it so a report can be matched.
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  const env = createViewEnvironment();

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
  void server.register(sessionPlugin(app, settings));
  void server.register(pagesPlugin(app, env, { pageCacheMb: config.pageCacheMb ?? DEFAULT_PAGE_CACHE_MB }));

  server.get('/health', async () => {
    await app.services.organisations.list();
    return { status: 'ok' };
  });

  const deps = { app };
  void server.register(async (scope) => signInRoutes(settings)(scope, deps));
  for (const routes of pageRoutes) void server.register(async (scope) => routes(scope, deps));
  // The shell's own home page, unless a feature has registered one.
  void server.register(async (scope) => {
    if (!scope.hasRoute({ method: 'GET', url: '/' })) await homeRoutes(scope, deps);
  });
  if (fs.existsSync(API_ENTRY)) {
    void server.register(
      async (scope) => {
        const api = (await import(pathToFileURL(API_ENTRY).href)) as { default: PageRoutes };
        await api.default(scope, deps);
      },
      { prefix: '/api/v1' },
    );
  }
  return server;
}
