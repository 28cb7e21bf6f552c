// Signing in through the authority's identity provider (OpenID Connect): the button's address sends
// the browser to the provider; its answer comes back to the callback, which starts a session or
// shows a page saying why not. The waiting sign-in is tied to this browser by a cookie of its own.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { IdentityProviderUnavailableError, type IdentityRefusal } from '../../services/identity.service.ts';
import { safeNext, secureCookie, setSessionCookie } from '../plugins/session.ts';
import type { PageRoutes } from '../routes.ts';

/** Holds the browser's key to its waiting sign-in, only on the way to the provider and back. */
export const IDENTITY_COOKIE = 'parentis_oidc';
export const IDENTITY_START_PATH = '/sign-in/oidc';
export const IDENTITY_CALLBACK_PATH = '/sign-in/oidc/callback';

/** What each refusal says to the person, and what they can do about it. */
const REFUSALS: Record<IdentityRefusal, { heading: string; body: string }> = {
  expired: {
    heading: 'Your sign-in has expired',
    body: 'The sign-in took too long, was already used, or was started in another browser. Start again from the sign-in page.',
  },
  invalid: {
    heading: 'Your sign-in could not be checked',
    body: 'Parentis could not confirm the answer from {provider}, so you have not been signed in. Start again from the sign-in page; if it happens again, tell your administrator.',
  },
  denied: {
    heading: 'You did not sign in',
    body: '{provider} did not sign you in to Parentis. Start again from the sign-in page, or ask your administrator whether you may use Parentis.',
  },
  unknown: {
    heading: 'You do not have a Parentis account',
    body: 'You signed in with {provider}, but Parentis has no account for you. Ask your administrator to add you.',
  },
  'no-role': {
    heading: 'You are not in a group that uses Parentis',
    body: 'You signed in with {provider}, but none of your groups gives you a role in Parentis, so you cannot use it. Ask your administrator to add you to the right group.',
  },
  disabled: {
    heading: 'Your account is disabled',
    body: 'An administrator has disabled your Parentis account. Ask them to enable it again if you still need it.',
  },
  'email-taken': {
    heading: 'Your account needs linking',
    body: 'Parentis already has an account with your e-mail address that does not sign in with {provider}. Ask your administrator to link it.',
  },
};

export function identityRoutes(settings: Pick<Config, 'secureCookies'>): PageRoutes {
  return (server) => {
    const identity = server.services.identity;
    if (!identity.enabled || !identity.settings) return Promise.resolve();
    const { providerName } = identity.settings;
    const redirectUri = (request: FastifyRequest): string => identity.settings?.redirectUri ?? `${request.protocol}://${request.host}${IDENTITY_CALLBACK_PATH}`;

    const unavailable = (request: FastifyRequest, reply: FastifyReply, err: IdentityProviderUnavailableError) => {
      request.log.warn({ err: { message: err.message } }, 'identity provider unavailable');
      return reply.page('auth/identity-unavailable.njk', { providerName, localPasswords: identity.localPasswords }, 503);
    };

    server.get<{ Querystring: { next?: string } }>(IDENTITY_START_PATH, async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.user) return reply.redirect(next, 303);
      try {
        const started = await identity.begin(next, redirectUri(request));
        reply.setCookie(IDENTITY_COOKIE, started.cookie, { path: IDENTITY_START_PATH, httpOnly: true, sameSite: 'lax', secure: secureCookie(request, settings), maxAge: 600 });
        return await reply.redirect(started.url, 303);
      } catch (err) {
        if (err instanceof IdentityProviderUnavailableError) return unavailable(request, reply, err);
        throw err;
      }
    });

    server.get(IDENTITY_CALLBACK_PATH, async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const callback = new URL(`${redirectUri(request)}${query}`);
      reply.clearCookie(IDENTITY_COOKIE, { path: IDENTITY_START_PATH });
      let result: Awaited<ReturnType<typeof identity.finish>>;
      try {
        result = await identity.finish(request.cookies[IDENTITY_COOKIE], callback);
      } catch (err) {
        if (err instanceof IdentityProviderUnavailableError) return unavailable(request, reply, err);
        throw err;
      }
      if (!result.ok) {
        request.log.info({ reason: result.reason, detail: result.detail }, 'sign-in through the identity provider refused');
        const words = REFUSALS[result.reason];
        const say = (text: string) => text.replaceAll('{provider}', providerName);
        return reply.page('auth/identity-refused.njk', { heading: say(words.heading), body: say(words.body) }, 403);
      }
      // A fresh session at every sign-in; it remembers the ID token for signing out of the provider too.
      if (request.sessionToken) await server.services.accounts.endSession(request.sessionToken);
      const token = await server.services.accounts.startSession(result.user.id, { signedInWith: 'oidc', ...(result.idToken ? { idToken: result.idToken } : {}) });
      setSessionCookie(reply, token, settings);
      request.log.info({ userId: result.user.id }, 'signed in through the identity provider');
      return reply.redirect(safeNext(result.next), 303);
    });
    return Promise.resolve();
  };
}
