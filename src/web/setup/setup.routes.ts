// First run: while the database holds no authority (and is not the demonstration), every page sends
// the browser to /setup, where the authority and its first administrator are set up. Also tells
// every page whether the database is the demonstration, for its banner and the sign-in accounts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { setUpSchema } from '../../services/deployment.service.ts';
import { errorsFromValidation, formError, formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { setSessionCookie } from '../plugins/session.ts';
import type { PageRoutes } from '../routes.ts';

export const SETUP_PATH = '/setup';

/** The demonstration, as pages show it: the banner, and on the sign-in page its accounts. */
export interface Demonstration {
  accounts: { role: string; email: string; name: string; password: string }[];
}

export interface DeploymentState {
  /** Set when the database is marked demo. */
  demonstration: Demonstration | null;
  /** No mark and no authority: only /setup answers. */
  needsSetUp: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    deployment: DeploymentState;
  }
}

/** Paths that answer whatever the state: files, the health check and the token-authenticated API. */
const unguarded = (path: string): boolean => path.startsWith('/assets/') || path === '/health' || path === '/favicon.ico' || path === '/api' || path.startsWith('/api/');

/**
 * Reads the deployment state before the sign-in guard. Once the database holds a mark or an
 * authority the state never changes again, so it is read once and then kept.
 */
export function deploymentPlugin() {
  let settled: DeploymentState | undefined;
  async function read(server: FastifyInstance): Promise<DeploymentState> {
    if (settled) return settled;
    const { deployment, demo } = server.services;
    const mode = await deployment.mode();
    if (mode === 'demo') {
      settled = { demonstration: { accounts: await demo.presentAccounts() }, needsSetUp: false };
      return settled;
    }
    const needsSetUp = mode === undefined && (await deployment.needsSetUp());
    const state = { demonstration: null, needsSetUp };
    if (!needsSetUp) settled = state;
    return state;
  }
  const plugin = (server: FastifyInstance): Promise<void> => {
    server.decorateRequest('deployment', null as unknown as DeploymentState);
    server.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (unguarded(path)) {
        request.deployment = { demonstration: null, needsSetUp: false };
        return;
      }
      request.deployment = await read(server);
      if (request.deployment.needsSetUp && path !== SETUP_PATH) return reply.redirect(SETUP_PATH, 303);
    });
    return Promise.resolve();
  };
  // Not encapsulated: the hook runs for every route, before the sign-in guard.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}

const setUpForm = setUpSchema.extend({
  confirmPassword: z.string().min(1, 'Type the password again to confirm it'),
});

/** The form's problems, each on its field; the two passwords must match as well. */
function check(body: unknown): { ok: true; value: z.infer<typeof setUpForm> } | { ok: false; errors: FormError[] } {
  const form = readForm(setUpForm, body);
  const values = formValues(body);
  const errors = form.ok ? [] : form.errors;
  const { password, confirmPassword } = values;
  if (typeof confirmPassword === 'string' && confirmPassword !== '' && confirmPassword !== password && !errors.some((e) => e.field === 'confirmPassword')) {
    errors.push(formError('confirmPassword', 'The passwords do not match: type the same password twice'));
  }
  return form.ok && errors.length === 0 ? form : { ok: false, errors };
}

export function setupRoutes(settings: Pick<Config, 'secureCookies'>): PageRoutes {
  return (server) => {
    const show = (reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) =>
      // Passwords typed are never sent back into the page.
      reply.page('setup/setup.njk', { values: { ...values, password: '', confirmPassword: '' }, errors }, status);

    server.get(SETUP_PATH, async (request, reply) => {
      if (!request.deployment.needsSetUp) throw new NotFoundError('Parentis is set up already.');
      return show(reply, {}, []);
    });

    server.post(SETUP_PATH, async (request, reply) => {
      if (!request.deployment.needsSetUp) throw new NotFoundError('Parentis is set up already.');
      const values = formValues(request.body);
      const form = check(request.body);
      if (!form.ok) return show(reply, values, form.errors, 400);
      let adminId: number;
      try {
        const { admin, organisation } = await server.services.deployment.setUp(form.value);
        adminId = admin.id;
        request.log.info({ organisationId: organisation.id, userId: admin.id }, 'authority set up');
      } catch (err) {
        if (err instanceof ValidationError) return show(reply, values, errorsFromValidation(err, ['authority', 'laCode', 'adminName', 'adminEmail', 'password'], 'authority'), 400);
        throw err;
      }
      // The administrator is signed in: their first page is the authority's own home page.
      setSessionCookie(reply, await server.services.accounts.startSession(adminId), settings);
      return reply.redirect('/', 303);
    });
    return Promise.resolve();
  };
}
