// Administrators' pages for the people who sign in and the API tokens that act for them: the list
// of accounts and a form to add one; the tokens, a form that creates one (shown once) and revoking.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { isRole, roleLabels, roles, type Role } from '../../domain/roles.ts';
import { MIN_PASSWORD_LENGTH, type UserSummary } from '../../services/account.service.ts';
import { requireCapability } from '../../services/context.ts';
import { doneMessage } from '../kit/done.ts';
import { errorsFromValidation, formError, formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { apiTokensPath, usersPath, withDone } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';

/** What each role may do, in a line, beside its choice in the form. */
const ROLE_HINTS: Record<Role, string> = {
  admin: 'Adds people and API tokens and reads the audit log; keeps plans as a partnership manager does',
  manager: 'Keeps the plans: adds and edits actions, revises deadlines, sets statuses and decides proposals',
  lead: 'Decides status proposals and deadline requests in the programmes they lead',
  owner: 'Adds progress updates to their own actions, proposes a status and asks for a new deadline',
  analyst: 'Measures and the child-level statutory data; reads everything else',
  viewer: 'Reads plans, actions, risks and the young people’s priorities; changes nothing',
};

const newUserForm = z.object({
  name: z.string({ message: 'Enter the person’s name' }).trim().min(1, 'Enter the person’s name').max(200, 'The name must be 200 characters or fewer'),
  email: z
    .string({ message: 'Enter the person’s e-mail address' })
    .trim()
    .min(1, 'Enter the person’s e-mail address')
    .email('Enter an e-mail address in the correct format, like name@example.org'),
  role: z.string({ message: 'Choose what the person does in Parentis' }).refine(isRole, 'Choose what the person does in Parentis'),
  password: z
    .string({ message: 'Enter a password for the person' })
    .min(1, 'Enter a password for the person')
    .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`)
    .max(200, 'The password must be 200 characters or fewer'),
});

const newTokenForm = z.object({
  user: z.string({ message: 'Choose the person the token acts as' }).trim().min(1, 'Choose the person the token acts as'),
  name: z.string({ message: 'Enter what the token is for' }).trim().min(1, 'Enter what the token is for').max(100, 'What the token is for must be 100 characters or fewer'),
});

const roleItems = (chosen: unknown) =>
  roles.map((r) => ({ value: r, text: roleLabels[r], hint: { text: ROLE_HINTS[r] }, checked: chosen === r }));

const userRow = (u: UserSummary) => ({
  ...u,
  roleLabel: roleLabels[u.role],
  signIn: u.localPassword ? 'Password' : u.identityProvider !== null ? `Through ${u.identityProvider}` : 'Cannot sign in',
});

const accountsRoutes: PageRoutes = (server) => {
  const accounts = server.services.accounts;

  server.get('/users', async (request, reply) => {
    const users = await accounts.listUsers(request.ctx());
    return reply.page('accounts/users.njk', { users: users.map(userRow), done: doneMessage(request.query) });
  });

  const showNewUser = (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) => {
    // Only those who may add people see the form.
    requireCapability(request.ctx(), 'accounts.manage', 'add users');
    return reply.page('accounts/user-new.njk', { values, errors, roleItems: roleItems(values.role) }, status);
  };

  server.get('/users/new', (request, reply) => showNewUser(request, reply, {}, []));

  server.post('/users/new', async (request, reply) => {
    const form = readForm(newUserForm, request.body);
    // A password typed is never sent back into the page.
    const values = { ...formValues(request.body), password: '' };
    if (!form.ok) return showNewUser(request, reply, values, form.errors, 400);
    try {
      await accounts.addUser(request.ctx(), { ...form.value });
    } catch (err) {
      if (err instanceof ValidationError) return showNewUser(request, reply, values, errorsFromValidation(err, ['name', 'email', 'role', 'password'], 'name'), 400);
      throw err;
    }
    return reply.code(303).redirect(withDone(usersPath, 'user-added'));
  });

  const showTokens = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) => {
    const ctx = request.ctx();
    const [tokens, users] = await Promise.all([accounts.listTokens(ctx), accounts.listUsers(ctx)]);
    const names = new Map(users.map((u) => [u.email, u.name]));
    return reply.page(
      'accounts/api-tokens.njk',
      {
        tokens: tokens.map((t) => ({ ...t, holder: names.get(t.email) ?? t.email })),
        userItems: [
          { value: '', text: 'Choose a person' },
          ...users.filter((u) => !u.disabled).map((u) => ({ value: u.email, text: `${u.name} (${roleLabels[u.role]}) – ${u.email}`, selected: values.user === u.email })),
        ],
        values,
        errors,
        done: doneMessage(request.query),
      },
      status,
    );
  };

  server.get('/api-tokens', (request, reply) => showTokens(request, reply, {}, []));

  server.post('/api-tokens', async (request, reply) => {
    const form = readForm(newTokenForm, request.body);
    const values = formValues(request.body);
    if (!form.ok) return showTokens(request, reply, values, form.errors, 400);
    let created: Awaited<ReturnType<typeof accounts.createToken>>;
    try {
      created = await accounts.createToken(request.ctx(), form.value.user, form.value.name);
    } catch (err) {
      if (err instanceof ValidationError) return showTokens(request, reply, values, errorsFromValidation(err, ['user', 'name'], 'user'), 400);
      // The person was removed, or the address typed by hand is nobody's.
      if (err instanceof NotFoundError) return showTokens(request, reply, values, [formError('user', err.message)], 400);
      throw err;
    }
    // The token exists only in this answer (sent no-store, and never kept in the page cache).
    const origin = `${request.protocol}://${request.host}`;
    const { holder } = created;
    return reply.page('accounts/api-token-created.njk', { token: created.token, name: form.value.name, holder: `${holder.name} (${holder.email})`, origin });
  });

  server.post<{ Params: { id: string } }>('/api-tokens/:id/revoke', async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id < 1) return reply.callNotFound();
    await accounts.revokeToken(request.ctx(), id);
    return reply.code(303).redirect(withDone(apiTokensPath, 'token-revoked'));
  });

  return Promise.resolve();
};

export default accountsRoutes;
