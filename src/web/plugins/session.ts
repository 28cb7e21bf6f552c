// Who is asking: the session cookie read against the database (so any app server can answer), the
// sign-in guard in front of every page, and CSRF checks on every posted page form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import csrfProtection from '@fastify/csrf-protection';
import type { Config } from '../../config.ts';
import type { SignedInUser } from '../../services/account.service.ts';
import { SESSION } from '../../services/account.service.ts';
import type { Ctx } from '../../services/context.ts';

export const SESSION_COOKIE = 'parentis_session';
/** Holds the CSRF secret before anyone has signed in (the sign-in form); afterwards it lives in the session row. */
export const ANONYMOUS_CSRF_COOKIE = 'parentis_csrf';
/** No underscore: the database layer turns snake_case keys of JSON it reads into camelCase. */
const CSRF_SESSION_KEY = 'csrfSecret';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null (only on the sign-in page, /health, /assets and /api). */
    user: SignedInUser | null;
    /** The context services are called with: the user's authority, name, role and id. */
    ctx(): Ctx;
    /** Per-session values; @fastify/csrf-protection keeps its secret here under `csrfSecret`. */
    session: Record<string, unknown>;
    /** The session cookie's token, when it named a live session. */
    sessionToken: string | null;
    /** The CSRF secret as loaded, to tell whether this request created a new one. */
    loadedCsrfSecret: unknown;
    /**
     * The database's change mark read with the session, before the route reads anything: set on
     * signed-in GET requests, which the page cache and the page frame's memo key on.
     */
    changeMark: string | undefined;
    /** The marks kept measure figures are checked against, read in the same statement on the same requests (see Ctx.measureMark). */
    measureMark: Ctx['measureMark'];
  }
  interface FastifyReply {
    /** Keeps a CSRF secret created while answering this request (reply.page calls it). */
    saveSession(): Promise<void>;
  }
}

/** Paths anyone may reach without signing in. */
export function isPublicPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (
    path === '/sign-in' ||
    path === '/sign-in/oidc' ||
    path === '/sign-in/oidc/callback' ||
    path.startsWith('/set-password/') ||
    path === '/setup' ||
    path === '/health' ||
    path === '/favicon.ico' ||
    // A partner link carries its own single-use token: its owner has no account to sign in with.
    path.startsWith('/partner/') ||
    path.startsWith('/assets/') ||
    path === '/api' ||
    path.startsWith('/api/')
  );
}

const isApiPath = (url: string): boolean => url === '/api' || url.startsWith('/api/');

export type CookieSettings = Pick<Config, 'secureCookies'>;

/** Secure when the configuration says so, or (auto) when the request came over https. */
export function secureCookie(request: FastifyRequest, settings: CookieSettings): boolean {
  return settings.secureCookies === 'always' || (settings.secureCookies === 'auto' && request.protocol === 'https');
}

export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(reply.request, settings),
    maxAge: SESSION.absoluteHours * 3600,
  });
  reply.clearCookie(ANONYMOUS_CSRF_COOKIE, { path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(reply.request, settings) });
}

const SAME_ORIGIN = 'http://parentis.invalid';

/**
 * A `next` address to return to after signing in: only a path on this site, never another site.
 * It is parsed by the WHATWG URL rules browsers follow (which drop tabs and newlines and read `\`
 * as `/`), and only the parsed path, query and fragment are kept, so what the Location header says
 * is what the browser goes to.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, SAME_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== SAME_ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/sign-in') || !path.startsWith('/') || path.startsWith('//') ? '/' : path;
}

export function sessionPlugin(settings: CookieSettings) {
  const plugin = async (server: FastifyInstance): Promise<void> => {
    server.decorateRequest('user', null);
    server.decorateRequest('session', null as unknown as Record<string, unknown>);
    server.decorateRequest('sessionToken', null);
    server.decorateRequest('loadedCsrfSecret', null);
    server.decorateRequest('changeMark', undefined);
    server.decorateRequest('measureMark', undefined);
    server.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
      if (!this.user) throw new Error('ctx() needs a signed-in user: the page should be behind the sign-in guard');
      return { ...server.services.accounts.contextFor(this.user), clock: server.services.clock, measureMark: this.measureMark };
    });

    // The secret lives in request.session, which this plugin loads and saves.
    await server.register(csrfProtection, { sessionPlugin: '@fastify/session', sessionKey: CSRF_SESSION_KEY });

    // Every posted page form is checked; the JSON API authenticates with tokens instead of cookies.
    server.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.includes('POST') || isApiPath(route.url ?? route.path)) return;
      const existing = route.preValidation === undefined ? [] : Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation];
      route.preValidation = [server.csrfProtection.bind(server), ...existing];
    });

    server.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // Assets and health need nobody; the API signs in with bearer tokens only, never the cookie.
      if (path.startsWith('/assets/') || path === '/health' || isApiPath(path)) {
        request.session = {};
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      const found = token ? await server.services.accounts.readSession(token) : null;
      if (found && token) {
        request.user = found.user;
        request.sessionToken = token;
        request.session = { ...found.data };
        if (request.method === 'GET') {
          request.changeMark = found.changeMark;
          request.measureMark = found.measureMark;
        }
      } else {
        request.session = { [CSRF_SESSION_KEY]: request.cookies[ANONYMOUS_CSRF_COOKIE] };
        if (token) clearSessionCookie(reply, settings);
      }
      request.loadedCsrfSecret = request.session[CSRF_SESSION_KEY];
      if (!request.user && !isPublicPath(request.url)) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.method === 'GET' ? request.url : path)}`, 303);
      }
    });

    server.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-request-id', request.id);
      return payload;
    });

    // Called once the page has its CSRF token (reply.page does): a new secret is kept in the session
    // row, or before sign-in in a cookie of its own.
    server.decorateReply('saveSession', async function (this: FastifyReply): Promise<void> {
      const request = this.request;
      const secret = request.session?.[CSRF_SESSION_KEY];
      if (secret === request.loadedCsrfSecret || secret === undefined) return;
      request.loadedCsrfSecret = secret;
      if (request.sessionToken !== null) await server.services.accounts.putSessionData(request.sessionToken, request.session);
      else {
        this.setCookie(ANONYMOUS_CSRF_COOKIE, typeof secret === 'string' ? secret : '', { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(request, settings) });
      }
    });
  };
  // Not encapsulated: the decorations and hooks apply to every route (what fastify-plugin does).
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
