// Accounts and signing in: local passwords (scrypt), throttled attempts, database sessions shared by
// every app server, and API tokens. Accounts keep room for the authority's identity provider.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { checkNewPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/passwords.ts';
import { isRole, roles, type Role } from '../domain/roles.ts';
import { parseInput } from '../domain/validation.ts';
import type { ApiToken, UserAccount } from '../repositories/account.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { requireCapability, type Ctx } from './context.ts';

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
  disabled: boolean;
  createdAt: Date;
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
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt,
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

export class AccountService {
  constructor(private readonly store: Store) {}

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

  /** The account for an e-mail and password, or null; no throttling (signIn adds it). */
  async verifyPassword(email: string, password: string): Promise<SignedInUser | null> {
    const user = await this.store.read.accounts.findByEmail(email.trim());
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
    return { user: signedIn(found.user), data: found.session.data, changeMark: found.changeMark };
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
