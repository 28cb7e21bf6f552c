// Signing in with an e-mail address and password (when the authority keeps local passwords), and
// signing out; signing in through the identity provider is in identity.routes.ts, and the page
// offers both. Signing out of a session started at the provider offers its end-session page too.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { doneMessage } from '../kit/done.ts';
import { formError, readForm } from '../kit/forms.ts';
import { clearSessionCookie, safeNext, SESSION_COOKIE, setSessionCookie } from '../plugins/session.ts';
import type { PageRoutes } from '../routes.ts';

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address'),
  password: z.string().min(1, 'Enter your password'),
  next: z.string().optional(),
});

/** What the sign-in page offers: the identity provider's button, the password form, or both. */
function signInChoices(server: FastifyInstance): { identityProvider: { name: string; href: string } | null; localPasswords: boolean } {
  const identity = server.services.identity;
  return {
    identityProvider: identity.settings ? { name: identity.settings.providerName, href: '/sign-in/oidc' } : null,
    localPasswords: identity.localPasswords,
  };
}

export function signInRoutes(settings: Pick<Config, 'secureCookies'>): PageRoutes {
  return (server) => {
    server.get<{ Querystring: { next?: string; 'signed-out'?: string } }>('/sign-in', async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.user) return reply.redirect(next, 303);
      return reply.page('auth/sign-in.njk', {
        ...signInChoices(server),
        next,
        values: {},
        errors: [],
        signedOut: request.query['signed-out'] !== undefined,
        done: doneMessage(request.query),
      });
    });

    server.post('/sign-in', async (request, reply) => {
      if (!server.services.identity.localPasswords) return reply.callNotFound();
      const form = readForm(signInForm, request.body);
      if (!form.ok) {
        return reply.page('auth/sign-in.njk', { ...signInChoices(server), next: safeNext(form.values.next), values: form.values, errors: form.errors }, 400);
      }
      const { email, password } = form.value;
      const next = safeNext(form.value.next);
      const result = await server.services.accounts.signIn(email, password, request.ip);
      if (!result.ok) {
        request.log.info({ reason: result.reason }, 'sign-in refused');
        return reply.page('auth/sign-in.njk', { ...signInChoices(server), next, values: { email }, errors: [formError('email', result.message)] }, result.reason === 'throttled' ? 429 : 400);
      }
      // A fresh session (and so a fresh CSRF secret) at every sign-in: nothing from before carries over.
      if (request.sessionToken) await server.services.accounts.endSession(request.sessionToken);
      const token = await server.services.accounts.startSession(result.user.id);
      setSessionCookie(reply, token, settings);
      request.log.info({ userId: result.user.id }, 'signed in');
      return reply.redirect(next, 303);
    });

    server.post('/sign-out', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const { signedInWith, idToken } = request.session;
      if (token) await server.services.accounts.endSession(token);
      clearSessionCookie(reply, settings);
      const identity = server.services.identity;
      if (signedInWith === 'oidc' && identity.settings) {
        const back = identity.settings.redirectUri ? new URL('/sign-in?signed-out', identity.settings.redirectUri).toString() : `${request.protocol}://${request.host}/sign-in?signed-out`;
        const endSessionUrl = await identity.endSessionUrl(typeof idToken === 'string' ? idToken : undefined, back);
        // Signed out here: the page is drawn for nobody, with a fresh form token.
        request.user = null;
        request.sessionToken = null;
        request.session = {};
        if (endSessionUrl !== undefined) return reply.page('auth/signed-out.njk', { providerName: identity.settings.providerName, endSessionUrl });
      }
      return reply.redirect('/sign-in?signed-out', 303);
    });
    return Promise.resolve();
  };
}
