// Administrators' pages for the people who sign in and the API tokens that act for them: the list
// of accounts and a form to add one; a person's page (name and role, disabling and enabling, a
// one-time link to set a password); the tokens, a form that creates one (shown once) and revoking.
// Also everyone's own password (/account/password) and the page a password link opens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, NotFoundError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { isRole, roleLabels, roles, type Role } from '../../domain/roles.ts';
import { MIN_PASSWORD_LENGTH, PASSWORD_LINK_HOURS, type UserSummary } from '../../services/account.service.ts';
import { requireCapability } from '../../services/context.ts';
import { doneMessage } from '../kit/done.ts';
import { errorsFromValidation, formError, formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { apiTokensPath, ownPasswordPath, setPasswordPath, userPath, usersPath, withDone } from '../kit/paths.ts';
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

const editUserForm = z.object({
  name: z.string({ message: 'Enter the person’s name' }).trim().min(1, 'Enter the person’s name').max(200, 'The name must be 200 characters or fewer'),
  role: z.string({ message: 'Choose what the person does in Parentis' }).refine(isRole, 'Choose what the person does in Parentis'),
  version: z.coerce.number().int().positive(),
});

const versionForm = z.object({ version: z.coerce.number().int().positive() });

const newPasswordFields = {
  password: z
    .string({ message: 'Enter a new password' })
    .min(1, 'Enter a new password')
    .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`)
    .max(200, 'The password must be 200 characters or fewer'),
  confirm: z.string({ message: 'Type the new password again' }).min(1, 'Type the new password again'),
};
const samePassword = (v: { password: string; confirm: string }) => v.password === v.confirm;
const confirmIssue = { message: 'The passwords do not match', path: ['confirm'] };

const ownPasswordForm = z
  .object({ current: z.string({ message: 'Enter your current password' }).min(1, 'Enter your current password'), ...newPasswordFields })
  .refine(samePassword, confirmIssue);
const setPasswordForm = z.object(newPasswordFields).refine(samePassword, confirmIssue);

const roleItems = (chosen: unknown) =>
  roles.map((r) => ({ value: r, text: roleLabels[r], hint: { text: ROLE_HINTS[r] }, checked: chosen === r }));

const userRow = (u: UserSummary) => ({
  ...u,
  href: userPath(u.id),
  roleLabel: roleLabels[u.role],
  signIn: [u.localPassword ? 'Password' : '', u.identityProvider !== null ? `Identity provider (${u.identityProvider})` : ''].filter(Boolean).join(' and ') || 'Cannot sign in yet',
});

/** A person's id from the address, or undefined for anything that is not one. */
const idParam = (raw: string): number | undefined => {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : undefined;
};

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

  const showUser = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: FormError[] = [], status = 200) => {
    const person = await accounts.showUser(request.ctx(), id);
    return reply.page(
      'accounts/user.njk',
      { person: userRow(person), errors, done: doneMessage(request.query), self: request.user?.id === id, passwordLinks: accounts.localPasswords },
      status,
    );
  };

  server.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const id = idParam(request.params.id);
    return id === undefined ? reply.callNotFound() : showUser(request, reply, id);
  });

  const showEditUser = async (request: FastifyRequest, reply: FastifyReply, id: number, values: FormValues | undefined, errors: FormError[], status = 200) => {
    const person = await accounts.showUser(request.ctx(), id);
    const shown = values ?? { name: person.name, role: person.role, version: String(person.version) };
    return reply.page('accounts/user-edit.njk', { person: userRow(person), values: shown, errors, roleItems: roleItems(shown.role) }, status);
  };

  server.get<{ Params: { id: string } }>('/users/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    return id === undefined ? reply.callNotFound() : showEditUser(request, reply, id, undefined, []);
  });

  server.post<{ Params: { id: string } }>('/users/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    if (id === undefined) return reply.callNotFound();
    const form = readForm(editUserForm, request.body);
    const values = formValues(request.body);
    if (!form.ok) return showEditUser(request, reply, id, values, form.errors, 400);
    try {
      await accounts.changeUser(request.ctx(), id, { name: form.value.name, role: form.value.role, expectedVersion: form.value.version });
    } catch (err) {
      if (err instanceof ValidationError) return showEditUser(request, reply, id, values, errorsFromValidation(err, ['name', 'role'], 'name'), 400);
      // The last administrator: the role is at fault. A stale edit: shown with what is there now.
      if (err instanceof ConflictError) return showEditUser(request, reply, id, values, [formError('role', err.message)], 409);
      if (err instanceof StaleWriteError) return showEditUser(request, reply, id, undefined, [formError('name', err.message)], 409);
      throw err;
    }
    return reply.code(303).redirect(withDone(userPath(id), 'user-changed'));
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    server.post<{ Params: { id: string } }>(`/users/:id/${action}`, async (request, reply) => {
      const id = idParam(request.params.id);
      if (id === undefined) return reply.callNotFound();
      const form = readForm(versionForm, request.body);
      try {
        await accounts.setDisabled(request.ctx(), id, disabled, form.ok ? form.value.version : undefined);
      } catch (err) {
        if (err instanceof ConflictError || err instanceof StaleWriteError) return showUser(request, reply, id, [formError(action, err.message)], 409);
        throw err;
      }
      return reply.code(303).redirect(withDone(userPath(id), disabled ? 'user-disabled' : 'user-enabled'));
    });
  }

  server.post<{ Params: { id: string } }>('/users/:id/password-link', async (request, reply) => {
    const id = idParam(request.params.id);
    if (id === undefined) return reply.callNotFound();
    let created: Awaited<ReturnType<typeof accounts.createPasswordLink>>;
    try {
      created = await accounts.createPasswordLink(request.ctx(), id);
    } catch (err) {
      if (err instanceof ConflictError || err instanceof ValidationError) return showUser(request, reply, id, [formError('password-link', err.message)], 409);
      throw err;
    }
    // The link exists only in this answer (sent no-store, never kept in the page cache).
    const link = `${request.protocol}://${request.host}${setPasswordPath(created.token)}`;
    return reply.page('accounts/password-link.njk', { person: userRow(created.user), link, expiresAt: created.expiresAt, hours: PASSWORD_LINK_HOURS });
  });

  // Everyone's own password --------------------------------------------------------------------

  const showOwnPassword = async (request: FastifyRequest, reply: FastifyReply, errors: FormError[], status = 200) => {
    const user = request.user;
    const has = user !== null && (await accounts.hasLocalPassword(user.id));
    return reply.page('accounts/own-password.njk', { hasPassword: has, errors, done: doneMessage(request.query) }, status);
  };

  server.get(ownPasswordPath, (request, reply) => showOwnPassword(request, reply, []));

  server.post(ownPasswordPath, async (request, reply) => {
    const form = readForm(ownPasswordForm, request.body);
    if (!form.ok) return showOwnPassword(request, reply, form.errors, 400);
    try {
      await accounts.changeOwnPassword(request.ctx(), form.value.current, form.value.password, request.sessionToken);
    } catch (err) {
      if (err instanceof ValidationError) return showOwnPassword(request, reply, errorsFromValidation(err, ['current', 'password'], 'current'), 400);
      throw err;
    }
    return reply.code(303).redirect(withDone(ownPasswordPath, 'password-changed'));
  });

  // The page a password link opens (nobody needs to be signed in) ------------------------------

  const showSetPassword = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, errors: FormError[], status = 200) => {
    const holder = await accounts.passwordLinkHolder(request.params.token);
    if (holder === null) return reply.page('accounts/password-link-expired.njk', {}, 404);
    return reply.page('accounts/set-password.njk', { holder, action: setPasswordPath(request.params.token), errors }, status);
  };

  server.get<{ Params: { token: string } }>('/set-password/:token', (request, reply) => showSetPassword(request, reply, []));

  server.post<{ Params: { token: string } }>('/set-password/:token', async (request, reply) => {
    const form = readForm(setPasswordForm, request.body);
    if (!form.ok) return showSetPassword(request, reply, form.errors, 400);
    try {
      await accounts.setPasswordWithLink(request.params.token, form.value.password);
    } catch (err) {
      if (err instanceof ValidationError) return showSetPassword(request, reply, errorsFromValidation(err, ['password'], 'password'), 400);
      if (err instanceof NotFoundError) return reply.page('accounts/password-link-expired.njk', {}, 404);
      throw err;
    }
    return reply.code(303).redirect(withDone('/sign-in', 'password-set'));
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
