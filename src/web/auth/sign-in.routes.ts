// Signing in with an e-mail address and password, and signing out. Accounts that sign in through
// the authority's identity provider (OpenID Connect) will get their own routes beside these.
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { formError, readForm } from '../kit/forms.ts';
import { clearSessionCookie, safeNext, SESSION_COOKIE, setSessionCookie } from '../plugins/session.ts';
import type { PageRoutes } from '../routes.ts';

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address'),
  password: z.string().min(1, 'Enter your password'),
  next: z.string().optional(),
});

export function signInRoutes(settings: Pick<Config, 'secureCookies'>): PageRoutes {
  return (server) => {
    server.get<{ Querystring: { next?: string; 'signed-out'?: string } }>('/sign-in', async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.user) return reply.redirect(next, 303);
      return reply.page('auth/sign-in.njk', { next, values: {}, errors: [], signedOut: request.query['signed-out'] !== undefined });
    });

    server.post('/sign-in', async (request, reply) => {
      const form = readForm(signInForm, request.body);
      if (!form.ok) {
        return reply.page('auth/sign-in.njk', { next: safeNext(form.values.next), values: form.values, errors: form.errors }, 400);
      }
      const { email, password } = form.value;
      const next = safeNext(form.value.next);
      const result = await server.services.accounts.signIn(email, password, request.ip);
      if (!result.ok) {
        request.log.info({ reason: result.reason }, 'sign-in refused');
        return reply.page('auth/sign-in.njk', { next, values: { email }, errors: [formError('email', result.message)] }, result.reason === 'throttled' ? 429 : 400);
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
      if (token) await server.services.accounts.endSession(token);
      clearSessionCookie(reply, settings);
      return reply.redirect('/sign-in?signed-out', 303);
    });
    return Promise.resolve();
  };
}
