// reply.page: renders a template inside the layout with the locals every page needs; and the
// friendly error pages (400, 403, 404, 409, 500 with the request id) for everything that goes wrong.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import { ForbiddenError } from '../../domain/errors.ts';
import { roleLabels } from '../../domain/roles.ts';
import { httpProblem, problemJson } from '../../http/errors.ts';
import { navigationEntries } from '../routes.ts';
import { render, type GlossaryEntry } from '../view.ts';
import { FrameMemo, PageCache } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Renders `template` (e.g. "plans/plan.njk") with `data` over the base locals: user, csrfToken,
     * organisationName, currentPath, glossaryTerms, abbrExplained, navigation.
     */
    page(template: string, data?: object, status?: number): Promise<FastifyReply>;
  }
  interface FastifyRequest {
    /** Where this page is kept in the page cache once drawn, when it may be. */
    pageCacheKey: string | undefined;
  }
}

export interface PagesOptions {
  /** Memory for the page cache in megabytes; 0 turns it off. */
  pageCacheMb: number;
}

export interface NavigationItem {
  text: string;
  href: string;
  active: boolean;
  current: boolean;
}

/** Pages hold personal and sensitive information: never kept by a shared or browser cache. */
const sendPage = (reply: FastifyReply, status: number, html: string): FastifyReply =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);

export function pagesPlugin(env: nunjucks.Environment, options: PagesOptions) {
  const cache = options.pageCacheMb > 0 ? new PageCache(options.pageCacheMb * 1024 * 1024) : undefined;
  const frame = new FrameMemo();
  const plugin = (server: FastifyInstance): Promise<void> => {
    server.decorateRequest('pageCacheKey', undefined);

    // A signed-in page asked for again before anything has changed is answered from the cache; the
    // mark was read with the session, so whatever the route reads afterwards is at least as new.
    server.addHook('preHandler', async (request, reply) => {
      // The mark is there only on signed-in GET requests (the session plugin reads it).
      const user = request.user;
      const mark = request.changeMark;
      if (!cache || !user || mark === undefined) return;
      request.pageCacheKey = PageCache.key({ userId: user.id, url: request.url, day: server.services.clock.today(), mark });
      const html = cache.get(request.pageCacheKey, () => reply.generateCsrf());
      if (html === undefined) return;
      await reply.saveSession();
      return sendPage(reply.header('x-page-cache', 'hit'), 200, html);
    });

    /** The authority's name; null before one is set up (the frame then says Parentis alone). */
    async function organisationName(organisationId: number | undefined, mark: string | undefined): Promise<string | null> {
      const orgs = await frame.get(mark, 'organisations', () => server.services.organisations.list());
      return (orgs.find((o) => o.id === organisationId) ?? orgs[0])?.name ?? null;
    }

    function navigation(request: FastifyRequest): NavigationItem[] {
      const user = request.user;
      if (!user) return [];
      const path = request.url.split('?')[0] ?? '/';
      const under = (href: string): boolean => href !== '/' && (path === href || path.startsWith(`${href}/`));
      return navigationEntries
        .filter((e) => e.roles === undefined || e.roles.includes(user.role))
        .filter((e) => server.hasRoute({ method: 'GET', url: e.href }))
        .map((e) => {
          const current = path === e.href;
          return { text: e.text, href: e.href, current, active: current || under(e.href) || (e.also ?? []).some(under) };
        });
    }

    async function glossaryTerms(request: FastifyRequest): Promise<GlossaryEntry[]> {
      if (!request.user) return [];
      try {
        const ctx = request.ctx();
        // One array while nothing changes, so the acronym pattern built from it is built once too.
        return await frame.get(request.changeMark, `glossary ${ctx.organisationId} ${request.user.role}`, async () =>
          (await server.services.glossary.list(ctx)).map((t) => ({ term: t.term, expansion: t.expansion })),
        );
      } catch (err) {
        if (err instanceof ForbiddenError) return [];
        throw err;
      }
    }

    async function baseLocals(reply: FastifyReply): Promise<{ csrfToken: string } & Record<string, unknown>> {
      const request = reply.request;
      const user = request.user;
      const csrfToken = reply.generateCsrf();
      await reply.saveSession();
      return {
        user: user ? { ...user, roleLabel: roleLabels[user.role] } : null,
        csrfToken,
        organisationName: await organisationName(user?.organisationId, request.changeMark),
        currentPath: request.url.split('?')[0] ?? '/',
        glossaryTerms: await glossaryTerms(request),
        // The acronyms explained so far on this page: the abbr filter expands each one's first use.
        abbrExplained: new Set<string>(),
        navigation: navigation(request),
        // The database is the demonstration: a banner on every page, its accounts on the sign-in page.
        demonstration: request.deployment?.demonstration ?? null,
      };
    }

    server.decorateReply('page', async function (this: FastifyReply, template: string, data: object = {}, status = 200): Promise<FastifyReply> {
      const locals = await baseLocals(this);
      const html = await render(env, template, { ...locals, ...data });
      const key = this.request.pageCacheKey;
      if (cache && key !== undefined && status === 200) {
        cache.put(key, html, locals.csrfToken);
        this.header('x-page-cache', 'miss');
      }
      return sendPage(this, status, html);
    });

    /** An error page, falling back to plain text if the page itself cannot be drawn. */
    async function errorPage(reply: FastifyReply, status: number, template: string, data: object): Promise<FastifyReply> {
      try {
        return await reply.page(template, data, status);
      } catch (err) {
        reply.request.log.error({ err }, 'the error page could not be drawn');
        return reply
          .code(status)
          .type('text/plain; charset=utf-8')
          .send(`Sorry, there is a problem with the service (status ${status}, reference ${reply.request.id}).\n`);
      }
    }

    server.setNotFoundHandler(async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'Not found' });
      return errorPage(reply, 404, 'errors/404.njk', {});
    });

    const ERROR_PAGES: Record<number, string> = { 403: 'errors/403.njk', 404: 'errors/404.njk', 409: 'errors/409.njk', 500: 'errors/500.njk' };

    server.setErrorHandler(async (err: FastifyError, request, reply) => {
      const csrf = err.code === 'FST_CSRF_MISSING_SECRET' || err.code === 'FST_CSRF_INVALID_TOKEN';
      const problem = csrf ? { status: 403, message: 'The form could not be checked, so it was not accepted.' } : httpProblem(err);
      const { status } = problem;
      if (status === 500) request.log.error({ err }, 'request failed');
      else request.log.info({ err: { message: err.message, code: err.code } }, `answered ${status}`);
      if (request.url.startsWith('/api/')) return reply.code(status).send(problemJson(problem, request.id));
      const data = { ...problem, csrfFailure: csrf, requestId: request.id };
      return errorPage(reply, status, ERROR_PAGES[status] ?? 'errors/400.njk', data);
    });
    return Promise.resolve();
  };
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
