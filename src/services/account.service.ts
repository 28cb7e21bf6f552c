// Accounts and signing in: local passwords (scrypt), throttled attempts, database sessions shared by
// every app server, and API tokens. Accounts keep room for the authority's identity provider.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { checkNewPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/passwords.ts';
import { isRole, roles, type Role } from '../domain/roles.ts';
import { parseInput } from '../domain/validation.ts';
import type { ApiToken, UserAccount } from '../repositories/account.repository.ts';
import type { MeasureMarkRow } from '../repositories/measure.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { requireCapability, type Ctx } from './context.ts';
import { requireCurrentVersion } from './stale-write.ts';

/** Who is signed in, as pages, the API and services see them. */
export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number;
}

export interface UserSummary extends SignedInUser {
  localPassword: boolean;
  identityProvider: string | null;
  subject: string | null;
  disabled: boolean;
  createdAt: Date;
  version: number;
}

/** An administrator's change to a person: their name, their role, or both, from the version they saw. */
export interface UserChange {
  name?: string | undefined;
  role?: string | undefined;
  expectedVersion?: number | undefined;
}

export interface TokenSummary {
  id: number;
  email: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' | 'throttled'; message: string };

export interface SessionRead {
  user: SignedInUser;
  /** Per-session values (the CSRF secret); write changes back with putSessionData. */
  data: Record<string, unknown>;
  /** The database's change mark, read with the session (see AccountRepository.findSession). */
  changeMark: string;
  /** The marks kept measure figures are checked against, read in the same statement (see Ctx.measureMark). */
  measureMark: MeasureMarkRow;
}

// --- passwords -------------------------------------------------------------------------------------

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
/** scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt), 32 MiB of memory per hash. */
export const SCRYPT: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * A password's hash, with the cost it was made with kept beside it (`scrypt$N$r$p$salt$key`), so a
 * hash is checked with its own cost. Parentis always hashes at SCRYPT; the cost is a parameter only
 * for test fixtures, whose many sign-ins would otherwise spend most of the suite's time in scrypt.
 */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPasswordHash(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || saltText === undefined || keyText === undefined) return false;
  const N = Number(n);
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 128 * N * Number(r) * 2,
  });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/** Checked against when the e-mail is unknown, so a wrong address takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

const sha256 = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
const newToken = (): string => crypto.randomBytes(32).toString('base64url');

// --- rules -----------------------------------------------------------------------------------------

export const THROTTLE = {
  /** Failed attempts for one e-mail address in the window before it is refused. */
  perEmail: 5,
  /** Failed attempts from one address: higher, since a council office shares one. */
  perIp: 50,
  windowMinutes: 15,
} as const;

export const SESSION = {
  /** A session ends this long after signing in, whatever happens. */
  absoluteHours: 12,
  /** …or after this long without a request. */
  idleMinutes: 120,
} as const;

export { MIN_PASSWORD_LENGTH };

/** How long a link to set a password works. */
export const PASSWORD_LINK_HOURS = 24;

/** Who adds people and creates, sees and revokes API tokens. */

const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter an e-mail address')
  .email('Enter an e-mail address in the correct format, like name@example.org')
  .transform((e) => e.toLowerCase());

const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter the person’s name').max(200, 'A name must be 200 characters or fewer'),
  role: z.string().refine(isRole, `Choose a role: ${roles.join(', ')}`),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `A password must be at least ${MIN_PASSWORD_LENGTH} characters long`)
    .max(MAX_PASSWORD_LENGTH, `A password must be ${MAX_PASSWORD_LENGTH} characters or fewer`)
    .optional(),
  identityProvider: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

function signedIn(u: UserAccount): SignedInUser {
  if (!isRole(u.role)) throw new Error(`Account ${u.email} has an unknown role "${u.role}"`);
  return { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId };
}

function summary(u: UserAccount): UserSummary {
  return {
    ...signedIn(u),
    localPassword: u.passwordHash !== null,
    identityProvider: u.identityProvider,
    subject: u.subject,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt,
    version: u.version,
  };
}

const tokenSummary = (t: ApiToken & { email: string }): TokenSummary => ({
  id: t.id,
  email: t.email,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/**
 * Adds an account inside the caller's transaction. A password is checked by checkNewPassword; the
 * demonstration load alone passes `hashed` (one hash of its shared, published password for every
 * account), which is exempt: it is known by design and production refuses demo accounts.
 */
export async function insertUser(repos: Repositories, ctx: Ctx, raw: NewUserInput, hashed?: { passwordHash: string }): Promise<UserSummary> {
  const input = parseInput(newUserSchema, raw);
  if ((input.identityProvider === undefined) !== (input.subject === undefined)) {
    throw new ValidationError('An identity provider and a subject go together: give both or neither', 'subject');
  }
  if (await repos.accounts.findByEmail(input.email)) {
    throw new ValidationError(`There is already an account for ${input.email}`, 'email');
  }
  if (input.password !== undefined && hashed === undefined) {
    const problem = checkNewPassword(input.password, { name: input.name, email: input.email });
    if (problem !== null) throw new ValidationError(problem, 'password');
  }
  const user = await repos.accounts.insert({
    organisationId: ctx.organisationId,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: hashed?.passwordHash ?? (input.password === undefined ? null : await hashPassword(input.password)),
    identityProvider: input.identityProvider ?? null,
    subject: input.subject ?? null,
  });
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'user.added',
    entityType: 'user_account',
    entityId: user.id,
    entityKey: user.email,
    before: null,
    after: { email: user.email, name: user.name, role: user.role, localPassword: user.passwordHash !== null, identityProvider: user.identityProvider },
  });
  return summary(user);
}

/** Refuses to take away the authority's last enabled administrator (the accounts are locked by the caller). */
async function requireAnotherAdmin(repos: Repositories, ctx: Ctx, what: string): Promise<void> {
  if ((await repos.accounts.countActiveAdmins(ctx.organisationId)) <= 1) {
    throw new ConflictError(`You cannot ${what}: they are the only administrator, and someone must be able to manage people. Make another person an administrator first.`);
  }
}

export class AccountService {
  constructor(
    private readonly store: Store,
    /** Off when the authority signs everyone in through its identity provider (OIDC_LOCAL_PASSWORDS=off). */
    readonly localPasswords = true,
  ) {}

  /** The context a signed-in person's requests run in. */
  contextFor(user: SignedInUser): Ctx {
    return { organisationId: user.organisationId, actor: user.name, role: user.role, userId: user.id };
  }

  /** Adds an account (administrators, or the command line). Without a password, only the identity provider can sign it in. */
  async addUser(ctx: Ctx, input: NewUserInput): Promise<UserSummary> {
    requireCapability(ctx, 'accounts.manage', 'add users');
    return await this.store.transaction((repos) => insertUser(repos, ctx, input));
  }

  async listUsers(ctx: Ctx): Promise<UserSummary[]> {
    requireCapability(ctx, 'accounts.manage', 'see the list of users');
    return (await this.store.read.accounts.list(ctx.organisationId)).map(summary);
  }

  async showUser(ctx: Ctx, id: number): Promise<UserSummary> {
    requireCapability(ctx, 'accounts.manage', 'see people’s accounts');
    const user = await this.store.read.accounts.findById(id);
    if (!user || user.organisationId !== ctx.organisationId) throw new NotFoundError(`There is no account ${id}`);
    return summary(user);
  }

  /** The account for an e-mail address in the caller's authority (the command line addresses people so). */
  async findUser(ctx: Ctx, email: string): Promise<UserSummary> {
    requireCapability(ctx, 'accounts.manage', 'see people’s accounts');
    const user = await this.store.read.accounts.findByEmail(email.trim());
    if (!user || user.organisationId !== ctx.organisationId) throw new NotFoundError(`There is no account for ${email.trim()}`);
    return summary(user);
  }

  /**
   * Changes a person's name or role, refusing a stale edit and the demotion of the authority's last
   * administrator; one audit event for each thing changed.
   */
  async changeUser(ctx: Ctx, id: number, change: UserChange): Promise<UserSummary> {
    requireCapability(ctx, 'accounts.manage', 'change people’s accounts');
    const name = change.name?.trim();
    if (name !== undefined && name === '') throw new ValidationError('Enter the person’s name', 'name');
    if (name !== undefined && name.length > 200) throw new ValidationError('The name must be 200 characters or fewer', 'name');
    if (change.role !== undefined && !isRole(change.role)) throw new ValidationError(`Choose a role: ${roles.join(', ')}`, 'role');
    return this.store.transaction(async (repos) => {
      const user = await this.lockedUser(repos, ctx, id, change.expectedVersion);
      const event = (what: 'user.renamed' | 'user.role-changed', before: object, after: object) =>
        repos.audit.record({ organisationId: ctx.organisationId, actor: ctx.actor, event: what, entityType: 'user_account', entityId: id, entityKey: user.email, before, after });
      let changed = user;
      if (change.role !== undefined && change.role !== user.role) {
        if (user.role === 'admin') await requireAnotherAdmin(repos, ctx, `change the role of ${user.name}`);
        changed = await repos.accounts.update(id, { role: change.role });
        await event('user.role-changed', { role: user.role }, { role: change.role });
      }
      if (name !== undefined && name !== user.name) {
        changed = await repos.accounts.update(id, { name });
        await event('user.renamed', { name: user.name }, { name });
      }
      return summary(changed);
    });
  }

  /**
   * Disables an account (its sessions end and its API tokens stop answering at once) or enables it
   * again. Nobody disables their own account, nor the authority's last administrator.
   */
  async setDisabled(ctx: Ctx, id: number, disabled: boolean, expectedVersion?: number): Promise<UserSummary> {
    requireCapability(ctx, 'accounts.manage', disabled ? 'disable accounts' : 'enable accounts');
    return this.store.transaction(async (repos) => {
      const user = await this.lockedUser(repos, ctx, id, expectedVersion);
      if ((user.disabledAt !== null) === disabled) return summary(user);
      if (disabled && ctx.userId === id) throw new ConflictError('You cannot disable your own account: ask another administrator.');
      if (disabled && user.role === 'admin') await requireAnotherAdmin(repos, ctx, `disable ${user.name}`);
      const changed = await repos.accounts.update(id, { disabledAt: disabled ? new Date() : null });
      const sessions = disabled ? await repos.accounts.deleteSessionsOf(id) : 0;
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: disabled ? 'user.disabled' : 'user.enabled',
        entityType: 'user_account',
        entityId: id,
        entityKey: user.email,
        before: { disabled: !disabled },
        after: disabled ? { disabled, sessionsEnded: sessions } : { disabled },
      });
      return summary(changed);
    });
  }

  /**
   * A one-time link for a person to set their own password, valid for PASSWORD_LINK_HOURS: the token
   * is returned once (for the administrator to pass on) and only its hash is kept. A new link
   * replaces an unused earlier one.
   */
  async createPasswordLink(ctx: Ctx, id: number): Promise<{ token: string; expiresAt: Date; user: UserSummary }> {
    requireCapability(ctx, 'accounts.manage', 'give people a link to set a password');
    if (!this.localPasswords) throw new ValidationError('Passwords are turned off (OIDC_LOCAL_PASSWORDS=off): people sign in through the identity provider');
    return this.store.transaction(async (repos) => {
      const user = await repos.accounts.findById(id);
      if (!user || user.organisationId !== ctx.organisationId) throw new NotFoundError(`There is no account ${id}`);
      if (user.disabledAt !== null) throw new ConflictError(`${user.name}’s account is disabled: enable it first.`);
      const token = newToken();
      const expiresAt = await repos.accounts.insertPasswordLink({ userId: id, tokenHash: sha256(token), createdBy: ctx.actor, hours: PASSWORD_LINK_HOURS });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'user.password-link-created',
        entityType: 'user_account',
        entityId: id,
        entityKey: user.email,
        before: null,
        after: { expiresAt: expiresAt.toISOString() },
      });
      return { token, expiresAt, user: summary(user) };
    });
  }

  /** Whose link this is, while it works (unused, unexpired, account enabled); null otherwise. */
  async passwordLinkHolder(token: string): Promise<{ name: string; email: string } | null> {
    if (token === '' || !this.localPasswords) return null;
    const found = await this.store.read.accounts.findLivePasswordLink(sha256(token));
    return found ? { name: found.user.name, email: found.user.email } : null;
  }

  /** Sets a password through a link, once: the link is used up and the person's sessions end. */
  async setPasswordWithLink(token: string, password: string): Promise<SignedInUser> {
    if (!this.localPasswords) throw new NotFoundError('Passwords are turned off');
    const first = await this.store.transaction(async (repos) => {
      const found = await repos.accounts.findLivePasswordLink(sha256(token));
      if (!found) throw new NotFoundError('This link has expired or has been used. Ask your administrator for a new one.');
      const problem = checkNewPassword(password, { name: found.user.name, email: found.user.email });
      if (problem !== null) throw new ValidationError(problem, 'password');
      return found;
    });
    const passwordHash = await hashPassword(password);
    return this.store.transaction(async (repos) => {
      // Read again under the lock: the link may have been used while the password was hashed.
      const found = await repos.accounts.findLivePasswordLink(sha256(token));
      if (!found || found.linkId !== first.linkId) throw new NotFoundError('This link has expired or has been used. Ask your administrator for a new one.');
      await repos.accounts.markPasswordLinkUsed(found.linkId);
      await repos.accounts.update(found.user.id, { passwordHash });
      const sessions = await repos.accounts.deleteSessionsOf(found.user.id);
      await repos.audit.record({
        organisationId: found.user.organisationId,
        actor: found.user.name,
        event: 'user.password-set',
        entityType: 'user_account',
        entityId: found.user.id,
        entityKey: found.user.email,
        before: null,
        after: { sessionsEnded: sessions },
      });
      return signedIn(found.user);
    });
  }

  /**
   * A signed-in person changes their own password: the current one is required, the new one must
   * pass checkNewPassword, and their other sessions end (this one, `keepSession`, goes on).
   */
  async changeOwnPassword(ctx: Ctx, current: string, next: string, keepSession: string | null): Promise<void> {
    if (ctx.userId === undefined) throw new Error('changeOwnPassword needs a signed-in person');
    if (!this.localPasswords) throw new ValidationError('Passwords are turned off: you sign in through the identity provider', 'current');
    const user = await this.store.read.accounts.findById(ctx.userId);
    if (!user || user.disabledAt !== null) throw new NotFoundError('There is no such account');
    if (user.passwordHash === null) throw new ValidationError('You sign in through the identity provider: there is no Parentis password to change', 'current');
    if (!(await verifyPasswordHash(current, user.passwordHash))) throw new ValidationError('Your current password is not right', 'current');
    if (current === next) throw new ValidationError('The new password must differ from the current one', 'password');
    const problem = checkNewPassword(next, { name: user.name, email: user.email });
    if (problem !== null) throw new ValidationError(problem, 'password');
    const passwordHash = await hashPassword(next);
    await this.store.transaction(async (repos) => {
      await repos.accounts.update(user.id, { passwordHash });
      const sessions = await repos.accounts.deleteSessionsOf(user.id, keepSession === null ? undefined : sha256(keepSession));
      await repos.audit.record({
        organisationId: user.organisationId,
        actor: ctx.actor,
        event: 'user.password-changed',
        entityType: 'user_account',
        entityId: user.id,
        entityKey: user.email,
        before: null,
        after: { otherSessionsEnded: sessions },
      });
    });
  }

  /** Whether the signed-in person has a Parentis password (so may change it). */
  async hasLocalPassword(userId: number): Promise<boolean> {
    return this.localPasswords && ((await this.store.read.accounts.findById(userId))?.passwordHash ?? null) !== null;
  }

  /** The account, locked for the change, after checking the version the caller saw. */
  private async lockedUser(repos: Repositories, ctx: Ctx, id: number, expectedVersion: number | undefined): Promise<UserAccount> {
    await repos.accounts.lockAccounts(ctx.organisationId);
    const user = await repos.accounts.findById(id);
    if (!user || user.organisationId !== ctx.organisationId) throw new NotFoundError(`There is no account ${id}`);
    await requireCurrentVersion(repos, { entityType: 'user_account', entityId: id, what: `${user.name}’s account` }, expectedVersion, user.version);
    return user;
  }

  /** The account for an e-mail and password, or null; no throttling (signIn adds it). */
  async verifyPassword(email: string, password: string): Promise<SignedInUser | null> {
    const user = this.localPasswords ? await this.store.read.accounts.findByEmail(email.trim()) : undefined;
    if (!user || user.passwordHash === null || user.disabledAt !== null) {
      decoyHash ??= hashPassword(newToken());
      await verifyPasswordHash(password, await decoyHash);
      return null;
    }
    return (await verifyPasswordHash(password, user.passwordHash)) ? signedIn(user) : null;
  }

  /**
   * Checks an e-mail and password, refusing after too many failures for the address (or from the
   * network address) in the last few minutes. A refusal never says whether the account exists.
   */
  async signIn(email: string, password: string, ip: string, now: Date = new Date()): Promise<SignInResult> {
    const address = email.trim().toLowerCase();
    const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
    // Counting and recording happen under a lock, and the attempt is recorded as a failure BEFORE the
    // password is checked: attempts in parallel each see the ones before them, so no more than the
    // limit are ever checked however many arrive at once.
    const reserved = await this.store.transaction(async (repos) => {
      await repos.accounts.lockAttempts(address, ip);
      const byEmail = await repos.accounts.failuresSince({ email: address }, since);
      const byIp = await repos.accounts.failuresSince({ ip }, since);
      const blocking =
        byEmail.length >= THROTTLE.perEmail ? byEmail[byEmail.length - THROTTLE.perEmail] : byIp.length >= THROTTLE.perIp ? byIp[byIp.length - THROTTLE.perIp] : undefined;
      if (blocking !== undefined) return { blocking, attemptId: null };
      return { blocking: undefined, attemptId: await repos.accounts.recordAttempt({ email: address, ip, succeeded: false }) };
    });
    if (reserved.attemptId === null) {
      const minutes = Math.max(1, Math.ceil((reserved.blocking.getTime() + THROTTLE.windowMinutes * 60_000 - now.getTime()) / 60_000));
      return { ok: false, reason: 'throttled', message: `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.` };
    }
    const user = await this.verifyPassword(address, password);
    if (!user) return { ok: false, reason: 'invalid', message: 'Enter a correct e-mail address and password' };
    await this.store.transaction(async (repos) => {
      await repos.accounts.markAttemptSucceeded(reserved.attemptId);
      await repos.accounts.clearFailures(address);
    });
    return { ok: true, user };
  }

  /** Starts a session; the returned token goes in the cookie and only its hash is stored. */
  async startSession(userId: number, data: Record<string, unknown> = {}): Promise<string> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION.absoluteHours * 3_600_000);
    await this.store.read.accounts.insertSession({ id: sha256(token), userId, expiresAt, data });
    // Expired sessions and old attempts are cleared now and then rather than by a scheduler.
    if (Math.random() < 0.05) {
      await this.store.read.accounts.deleteExpiredSessions(this.idleSince());
      await this.store.read.accounts.deleteAttemptsBefore(new Date(Date.now() - 24 * 3_600_000));
    }
    return token;
  }

  /** The session's user and data, or null when the token is unknown, expired or idle too long. */
  async readSession(token: string): Promise<SessionRead | null> {
    if (token === '') return null;
    const found = await this.store.read.accounts.findSession(sha256(token), this.idleSince());
    if (!found) return null;
    // Keeping last_seen_at to the minute saves a write on every request.
    if (Date.now() - found.session.lastSeenAt.getTime() > 60_000) await this.store.read.accounts.touchSession(found.session.id);
    return { user: signedIn(found.user), data: found.session.data, changeMark: found.changeMark, measureMark: found.measureMark };
  }

  async putSessionData(token: string, data: Record<string, unknown>): Promise<void> {
    await this.store.read.accounts.putSessionData(sha256(token), data);
  }

  /** Ends a session; true if there was one. */
  async endSession(token: string): Promise<boolean> {
    return (await this.store.read.accounts.deleteSession(sha256(token))) > 0;
  }

  /** Creates an API token for a person; the token is shown once and only its hash is kept. */
  async createToken(ctx: Ctx, userEmail: string, name = 'API token'): Promise<{ token: string; id: number; holder: { name: string; email: string } }> {
    requireCapability(ctx, 'accounts.manage', 'create API tokens');
    const tokenName = name.trim();
    if (tokenName === '') throw new ValidationError('Give the token a name', 'name');
    return this.store.transaction(async (repos) => {
      const user = await repos.accounts.findByEmail(userEmail.trim());
      if (!user || user.organisationId !== ctx.organisationId) throw new NotFoundError(`There is no account for ${userEmail.trim()}`);
      const token = `parentis_${newToken()}`;
      const row = await repos.accounts.insertToken({ userId: user.id, name: tokenName, tokenHash: sha256(token) });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'api_token.created',
        entityType: 'api_token',
        entityId: row.id,
        entityKey: user.email,
        before: null,
        after: { user: user.email, name: tokenName },
      });
      return { token, id: row.id, holder: { name: user.name, email: user.email } };
    });
  }

  async listTokens(ctx: Ctx): Promise<TokenSummary[]> {
    requireCapability(ctx, 'accounts.manage', 'see API tokens');
    return (await this.store.read.accounts.listTokens(ctx.organisationId)).map(tokenSummary);
  }

  async revokeToken(ctx: Ctx, id: number): Promise<TokenSummary> {
    requireCapability(ctx, 'accounts.manage', 'revoke API tokens');
    return this.store.transaction(async (repos) => {
      const token = await repos.accounts.findToken(ctx.organisationId, id);
      if (!token) throw new NotFoundError(`There is no API token ${id}`);
      if (token.revokedAt === null) {
        await repos.accounts.revokeToken(id);
        await repos.audit.record({
          organisationId: ctx.organisationId,
          actor: ctx.actor,
          event: 'api_token.revoked',
          entityType: 'api_token',
          entityId: id,
          entityKey: token.email,
          before: { name: token.name },
          after: null,
        });
      }
      return tokenSummary((await repos.accounts.findToken(ctx.organisationId, id))!);
    });
  }

  /** The person an API token belongs to, or null when it is unknown or revoked. */
  async userForToken(token: string): Promise<SignedInUser | null> {
    if (token === '') return null;
    const found = await this.store.read.accounts.findLiveToken(sha256(token));
    if (!found) return null;
    if (found.token.lastUsedAt === null || Date.now() - found.token.lastUsedAt.getTime() > 60_000) {
      await this.store.read.accounts.markTokenUsed(found.token.id);
    }
    return signedIn(found.user);
  }

  private idleSince(): Date {
    return new Date(Date.now() - SESSION.idleMinutes * 60_000);
  }
}
