// User accounts, their database sessions, sign-in attempts (for throttling) and API tokens.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ApiTokenTable, Database, IdentitySignInTable, UserAccountTable, UserSessionTable } from '../db/types.ts';
import { measureMarkColumns, type MeasureMarkRow } from './measure.repository.ts';

export type UserAccount = Selectable<UserAccountTable>;
export type UserSession = Selectable<UserSessionTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type IdentitySignIn = Selectable<IdentitySignInTable>;

/** What an administrator (or a sign-in through the identity provider) may change on an account. */
export interface AccountChange {
  name?: string;
  role?: string;
  disabledAt?: Date | null;
  passwordHash?: string | null;
}

export interface NewUserAccount {
  organisationId: number;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  identityProvider?: string | null;
  subject?: string | null;
}

/**
 * The database's current snapshot as text (`xmin:xmax:in-progress`): it changes whenever any
 * transaction that wrote something commits or starts, and never otherwise, so it marks "nothing has
 * changed since". Every server sharing the database reads the same mark.
 */
const CHANGE_MARK = sql<string>`pg_current_snapshot()::text`;

/** The first key of the advisory locks on sign-in attempts ("PA" and "PB" in ASCII), apart from any other lock. */
const ATTEMPT_LOCK = { email: 0x5041, ip: 0x5042 } as const;
/** The first key of the lock on an authority's accounts ("PC"): changes to roles and disabling wait for each other. */
const ACCOUNTS_LOCK = 0x5043;

export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(u: NewUserAccount): Promise<UserAccount> {
    return this.db
      .insertInto('userAccount')
      .values({ ...u, email: u.email.toLowerCase() })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findByEmail(email: string): Promise<UserAccount | undefined> {
    return this.db.selectFrom('userAccount').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  findById(id: number): Promise<UserAccount | undefined> {
    return this.db.selectFrom('userAccount').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The account an identity provider's person signs in to: by issuer and subject, never by e-mail. */
  findBySubject(issuer: string, subject: string): Promise<UserAccount | undefined> {
    return this.db.selectFrom('userAccount').selectAll().where('identityProvider', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  }

  /**
   * Holds, until the transaction ends, the lock on an authority's accounts: two administrators
   * demoting or disabling the last two administrators at once cannot both succeed.
   */
  async lockAccounts(organisationId: number): Promise<void> {
    await sql`select pg_advisory_xact_lock(${ACCOUNTS_LOCK}, ${organisationId})`.execute(this.db);
  }

  async countActiveAdmins(organisationId: number): Promise<number> {
    const row = await this.db
      .selectFrom('userAccount')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisationId', '=', organisationId)
      .where('role', '=', 'admin')
      .where('disabledAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Changes an account and moves its version on; the changed row. */
  update(id: number, change: AccountChange): Promise<UserAccount> {
    return this.db
      .updateTable('userAccount')
      .set({ ...change, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Ends a person's sessions (all of them, or all but one): after disabling, or a new password. */
  async deleteSessionsOf(userId: number, exceptId?: string): Promise<number> {
    let q = this.db.deleteFrom('userSession').where('userId', '=', userId);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  list(organisationId: number): Promise<UserAccount[]> {
    return this.db.selectFrom('userAccount').selectAll().where('organisationId', '=', organisationId).orderBy('email').execute();
  }

  // Sessions -----------------------------------------------------------------------------------

  async insertSession(s: { id: string; userId: number; expiresAt: Date; data: Record<string, unknown> }): Promise<void> {
    await this.db
      .insertInto('userSession')
      .values({ id: s.id, userId: s.userId, expiresAt: s.expiresAt, data: JSON.stringify(s.data) })
      .execute();
  }

  /**
   * A live session with its account, and the database's change mark (CHANGE_MARK) and the marks
   * kept measure figures are checked against (measureMarkColumns) read in the same statement;
   * expired sessions and disabled accounts give nothing. One statement: every signed-in request reads it.
   */
  async findSession(id: string, idleSince: Date): Promise<{ session: UserSession; user: UserAccount; changeMark: string; measureMark: MeasureMarkRow } | undefined> {
    const row = await this.db
      .selectFrom('userSession as s')
      .innerJoin('userAccount as u', 'u.id', 's.userId')
      .select(['s.id as sessionId', 's.userId', 's.createdAt as sessionCreatedAt', 's.expiresAt', 's.lastSeenAt', 's.data'])
      .select(['u.organisationId', 'u.email', 'u.name', 'u.role', 'u.passwordHash', 'u.identityProvider', 'u.subject', 'u.disabledAt', 'u.createdAt', 'u.version'])
      .where('s.id', '=', id)
      .where('s.expiresAt', '>', sql<Date>`now()`)
      .where('s.lastSeenAt', '>', idleSince)
      .select(CHANGE_MARK.as('changeMark'))
      .select((eb) => measureMarkColumns(eb.ref('u.organisationId')))
      .where('u.disabledAt', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const { sessionId, userId, sessionCreatedAt, expiresAt, lastSeenAt, data, changeMark, measureDataVersion, thresholdSetting, ...account } = row;
    return {
      session: { id: sessionId, userId, createdAt: sessionCreatedAt, expiresAt, lastSeenAt, data },
      user: { id: userId, ...account },
      changeMark,
      measureMark: { measureDataVersion: measureDataVersion ?? undefined, thresholdSetting: thresholdSetting ?? undefined },
    };
  }

  async touchSession(id: string): Promise<void> {
    await this.db.updateTable('userSession').set({ lastSeenAt: sql<Date>`now()` }).where('id', '=', id).execute();
  }

  async putSessionData(id: string, data: Record<string, unknown>): Promise<void> {
    await this.db.updateTable('userSession').set({ data: JSON.stringify(data) }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<number> {
    const r = await this.db.deleteFrom('userSession').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteExpiredSessions(idleSince: Date): Promise<void> {
    await this.db
      .deleteFrom('userSession')
      .where((eb) => eb.or([eb('expiresAt', '<=', sql<Date>`now()`), eb('lastSeenAt', '<=', idleSince)]))
      .execute();
  }

  // Sign-ins waiting for the identity provider -------------------------------------------------

  async insertIdentitySignIn(s: { id: string; state: string; nonce: string; codeVerifier: string; next: string; minutes: number }): Promise<void> {
    await this.db
      .insertInto('identitySignIn')
      .values({ id: s.id, state: s.state, nonce: s.nonce, codeVerifier: s.codeVerifier, next: s.next, expiresAt: sql<Date>`now() + make_interval(mins => ${s.minutes})` })
      .execute();
  }

  /** Takes (reads and deletes) a waiting sign-in that has not expired: each is used once. */
  async takeIdentitySignIn(id: string): Promise<IdentitySignIn | undefined> {
    const row = await this.db
      .deleteFrom('identitySignIn')
      .where('id', '=', id)
      .returningAll()
      .returning(sql<boolean>`expires_at > now()`.as('live'))
      .executeTakeFirst();
    if (!row?.live) return undefined;
    const { live: _live, ...waiting } = row;
    return waiting;
  }

  async deleteExpiredIdentitySignIns(): Promise<void> {
    await this.db.deleteFrom('identitySignIn').where('expiresAt', '<=', sql<Date>`now()`).execute();
  }

  // Links to set a password -------------------------------------------------------------------

  async insertPasswordLink(l: { userId: number; tokenHash: string; createdBy: string; hours: number }): Promise<Date> {
    // A new link replaces any earlier one still unused.
    await this.db.updateTable('passwordLink').set({ usedAt: sql<Date>`now()` }).where('userId', '=', l.userId).where('usedAt', 'is', null).execute();
    const row = await this.db
      .insertInto('passwordLink')
      .values({ userId: l.userId, tokenHash: l.tokenHash, createdBy: l.createdBy, expiresAt: sql<Date>`now() + make_interval(hours => ${l.hours})` })
      .returning('expiresAt')
      .executeTakeFirstOrThrow();
    return row.expiresAt;
  }

  /** A link not used, not expired, for an account not disabled, with its account; locked until the transaction ends. */
  async findLivePasswordLink(tokenHash: string): Promise<{ linkId: number; user: UserAccount } | undefined> {
    const link = await this.db
      .selectFrom('passwordLink')
      .select(['id', 'userId'])
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', sql<Date>`now()`)
      .forUpdate()
      .executeTakeFirst();
    if (!link) return undefined;
    const user = await this.db.selectFrom('userAccount').selectAll().where('id', '=', link.userId).where('disabledAt', 'is', null).executeTakeFirst();
    return user ? { linkId: link.id, user } : undefined;
  }

  async markPasswordLinkUsed(id: number): Promise<void> {
    await this.db.updateTable('passwordLink').set({ usedAt: sql<Date>`now()` }).where('id', '=', id).execute();
  }

  // Sign-in attempts ---------------------------------------------------------------------------

  async recordAttempt(a: { email: string; ip: string; succeeded: boolean }): Promise<string> {
    const row = await this.db
      .insertInto('signInAttempt')
      .values({ email: a.email.toLowerCase(), ip: a.ip, succeeded: a.succeeded })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Holds, until the transaction ends, the locks on an e-mail's and a network address's attempts, so
   * counting them and recording a new one is one step for every app server sharing the database.
   * Always the e-mail's lock first, then the address's: two attempts never wait on each other in a circle.
   */
  async lockAttempts(email: string, ip: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK.email}, hashtext(${email.toLowerCase()}))`.execute(this.db);
    await sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK.ip}, hashtext(${ip}))`.execute(this.db);
  }

  /** An attempt recorded (as failed) before its password was checked turned out to succeed. */
  async markAttemptSucceeded(id: string): Promise<void> {
    await this.db.updateTable('signInAttempt').set({ succeeded: true }).where('id', '=', id).execute();
  }

  /** Failed attempts since a moment, by e-mail or by address, oldest first (their times). */
  async failuresSince(by: { email: string } | { ip: string }, since: Date): Promise<Date[]> {
    let q = this.db.selectFrom('signInAttempt').select('at').where('succeeded', '=', false).where('at', '>', since);
    q = 'email' in by ? q.where('email', '=', by.email.toLowerCase()) : q.where('ip', '=', by.ip);
    const rows = await q.orderBy('at').execute();
    return rows.map((r) => r.at);
  }

  /** Attempts older than the throttling window are no longer needed. */
  async deleteAttemptsBefore(before: Date): Promise<void> {
    await this.db.deleteFrom('signInAttempt').where('at', '<', before).execute();
  }

  /** A successful sign-in clears the e-mail's failures, so the next mistake starts a fresh count. */
  async clearFailures(email: string): Promise<void> {
    await this.db.deleteFrom('signInAttempt').where('email', '=', email.toLowerCase()).where('succeeded', '=', false).execute();
  }

  // API tokens ---------------------------------------------------------------------------------

  insertToken(t: { userId: number; name: string; tokenHash: string }): Promise<ApiToken> {
    return this.db.insertInto('apiToken').values(t).returningAll().executeTakeFirstOrThrow();
  }

  async findLiveToken(tokenHash: string): Promise<{ token: ApiToken; user: UserAccount } | undefined> {
    const token = await this.db.selectFrom('apiToken').selectAll().where('tokenHash', '=', tokenHash).where('revokedAt', 'is', null).executeTakeFirst();
    if (!token) return undefined;
    const user = await this.db.selectFrom('userAccount').selectAll().where('id', '=', token.userId).where('disabledAt', 'is', null).executeTakeFirst();
    return user ? { token, user } : undefined;
  }

  async markTokenUsed(id: number): Promise<void> {
    await this.db.updateTable('apiToken').set({ lastUsedAt: sql<Date>`now()` }).where('id', '=', id).execute();
  }

  listTokens(organisationId: number): Promise<(ApiToken & { email: string })[]> {
    return this.db
      .selectFrom('apiToken')
      .innerJoin('userAccount', 'userAccount.id', 'apiToken.userId')
      .selectAll('apiToken')
      .select('userAccount.email')
      .where('userAccount.organisationId', '=', organisationId)
      .orderBy('apiToken.id')
      .execute();
  }

  findToken(organisationId: number, id: number): Promise<(ApiToken & { email: string }) | undefined> {
    return this.db
      .selectFrom('apiToken')
      .innerJoin('userAccount', 'userAccount.id', 'apiToken.userId')
      .selectAll('apiToken')
      .select('userAccount.email')
      .where('userAccount.organisationId', '=', organisationId)
      .where('apiToken.id', '=', id)
      .executeTakeFirst();
  }

  async revokeToken(id: number): Promise<void> {
    await this.db.updateTable('apiToken').set({ revokedAt: sql<Date>`now()` }).where('id', '=', id).where('revokedAt', 'is', null).execute();
  }
}
