// Signing in through the authority's identity provider with OpenID Connect (openid-client): the
// authorisation code flow with PKCE, state and nonce, the ID token checked (issuer, audience, expiry,
// signature from the provider's JWKS), then the account found by issuer and subject, created just in
// time when allowed, and its role following the person's groups.
import crypto from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../config.ts';
import { ParentisError } from '../domain/errors.ts';
import { isRole, type Role } from '../domain/roles.ts';
import type { UserAccount } from '../repositories/account.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import type { SignedInUser } from './account.service.ts';

/** The identity provider could not be reached, or answered with an error of its own. */
export class IdentityProviderUnavailableError extends ParentisError {
  override name = 'IdentityProviderUnavailableError';
}

/** Why a sign-in through the identity provider was refused; each has its own page. */
export type IdentityRefusal =
  /** No waiting sign-in for this browser: expired, used already (a replayed answer), or never started here. */
  | 'expired'
  /** The provider's answer or ID token failed a check: state, nonce, audience, expiry, issuer, signature, or the code was refused. */
  | 'invalid'
  /** The provider said no (the person cancelled, or is not allowed to use Parentis there). */
  | 'denied'
  /** Signed in at the provider, but Parentis has no account for them and does not create one. */
  | 'unknown'
  /** Their groups give them no role in Parentis. */
  | 'no-role'
  /** Their account is disabled. */
  | 'disabled'
  /** An account with their e-mail address exists but belongs to someone else's sign-in. */
  | 'email-taken';

export type IdentitySignInResult =
  | { ok: true; user: SignedInUser; idToken: string | undefined; next: string }
  | { ok: false; reason: IdentityRefusal; detail: string };

/** How long a sign-in may wait at the provider before its answer is refused. */
const WAITING_MINUTES = 10;

const sha256 = (value: string): string => crypto.createHash('sha256').update(value).digest('hex');

function signedInUser(u: UserAccount): SignedInUser {
  if (!isRole(u.role)) throw new Error(`Account ${u.email} has an unknown role "${u.role}"`);
  return { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId };
}

/** The values of a groups claim: a list of strings, or one string. */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The first role in the map (in the order the authority wrote it) whose group the person is in. */
export function roleForGroups(map: OidcConfig['roleMap'], groups: readonly string[]): Role | undefined {
  return map.find((m) => groups.includes(m.value))?.role;
}

export class IdentityService {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly store: Store,
    readonly settings: OidcConfig | undefined,
  ) {}

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** Whether the e-mail and password form is offered (always, without an identity provider). */
  get localPasswords(): boolean {
    return this.settings?.localPasswords ?? true;
  }

  private oidcSettings(): OidcConfig {
    if (!this.settings) throw new Error('Signing in through an identity provider is not configured (OIDC_ISSUER)');
    return this.settings;
  }

  /** The provider's metadata and keys' address, discovered once; a failure is tried again next time. */
  private async discovered(): Promise<oidc.Configuration> {
    const s = this.oidcSettings();
    this.configuration ??= oidc
      .discovery(s.issuer, s.clientId, s.clientSecret, s.clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(s.clientSecret), {
        timeout: 10,
        // The ID token's signature is checked against the provider's JWKS too, not only trusted for
        // arriving over TLS from its token endpoint (openid-client's default).
        execute: [oidc.enableNonRepudiationChecks, ...(s.allowHttp ? [oidc.allowInsecureRequests] : [])],
      })
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw new IdentityProviderUnavailableError(`${s.providerName} could not be reached (${describe(err)})`, { cause: err });
      });
    return this.configuration;
  }

  /**
   * Starts a sign-in: a waiting row found by the hash of the browser's new cookie value, and the
   * provider's address to send the browser to.
   */
  async begin(next: string, redirectUri: string): Promise<{ cookie: string; url: string }> {
    const s = this.oidcSettings();
    const config = await this.discovered();
    const cookie = crypto.randomBytes(32).toString('base64url');
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await this.store.read.accounts.insertIdentitySignIn({ id: sha256(cookie), state, nonce, codeVerifier, next, minutes: WAITING_MINUTES });
    if (Math.random() < 0.05) await this.store.read.accounts.deleteExpiredIdentitySignIns();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: s.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { cookie, url: url.toString() };
  }

  /**
   * Finishes a sign-in from the provider's answer (the callback address with its query): the
   * waiting row is taken (used once), the code exchanged and the ID token checked, then the account
   * found or created and its role brought in line with the person's groups.
   */
  async finish(cookie: string | undefined, callback: URL): Promise<IdentitySignInResult> {
    const s = this.oidcSettings();
    const waiting = cookie ? await this.store.read.accounts.takeIdentitySignIn(sha256(cookie)) : undefined;
    if (!waiting) return { ok: false, reason: 'expired', detail: 'no waiting sign-in for this browser' };
    const error = callback.searchParams.get('error');
    if (error !== null) return { ok: false, reason: 'denied', detail: `${error}: ${callback.searchParams.get('error_description') ?? ''}` };
    const config = await this.discovered();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: waiting.codeVerifier, expectedState: waiting.state, expectedNonce: waiting.nonce });
    } catch (err) {
      if (isUnreachable(err)) throw new IdentityProviderUnavailableError(`${s.providerName} could not be reached (${describe(err)})`, { cause: err });
      return { ok: false, reason: 'invalid', detail: describe(err) };
    }
    const claims = tokens.claims();
    if (!claims) return { ok: false, reason: 'invalid', detail: 'the provider sent no ID token' };
    const result = await this.store.transaction((repos) => this.account(repos, s, claims));
    return result.ok ? { ok: true, user: result.user, idToken: tokens.id_token, next: waiting.next } : result;
  }

  private async account(repos: Repositories, s: OidcConfig, claims: oidc.IDToken): Promise<{ ok: true; user: SignedInUser } | { ok: false; reason: IdentityRefusal; detail: string }> {
    const issuer = claims.iss;
    const subject = claims.sub;
    const groups = claimValues(claims[s.groupsClaim]);
    const mapped = roleForGroups(s.roleMap, groups);
    const mapping = s.roleMap.length > 0;
    const found = await repos.accounts.findBySubject(issuer, subject);
    const actor = (name: string) => `${name} (through ${s.providerName})`;
    if (!found) {
      if (!s.justInTime) return { ok: false, reason: 'unknown', detail: `no account for subject ${subject}` };
      if (mapped === undefined) return { ok: false, reason: 'no-role', detail: `groups ${JSON.stringify(groups)} map to no role` };
      const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
      if (email === '') return { ok: false, reason: 'invalid', detail: 'the ID token has no e-mail address to create the account with' };
      if (await repos.accounts.findByEmail(email)) return { ok: false, reason: 'email-taken', detail: `an account for ${email} exists, not linked to subject ${subject}` };
      const organisation = (await repos.organisations.list())[0];
      if (!organisation) return { ok: false, reason: 'unknown', detail: 'no authority is set up yet' };
      const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : email;
      const user = await repos.accounts.insert({ organisationId: organisation.id, email, name, role: mapped, passwordHash: null, identityProvider: issuer, subject });
      await repos.audit.record({
        organisationId: organisation.id,
        actor: actor(name),
        event: 'user.added-from-provider',
        entityType: 'user_account',
        entityId: user.id,
        entityKey: user.email,
        before: null,
        after: { email, name, role: mapped, identityProvider: issuer, groups },
      });
      return { ok: true, user: signedInUser(user) };
    }
    if (found.disabledAt !== null) return { ok: false, reason: 'disabled', detail: `account ${found.email} is disabled` };
    if (!mapping) return { ok: true, user: signedInUser(found) };
    if (mapped === undefined) return { ok: false, reason: 'no-role', detail: `groups ${JSON.stringify(groups)} map to no role` };
    if (mapped === found.role) return { ok: true, user: signedInUser(found) };
    await repos.accounts.lockAccounts(found.organisationId);
    // The groups never take away the authority's last administrator: someone must be able to manage people.
    if (found.role === 'admin' && (await repos.accounts.countActiveAdmins(found.organisationId)) <= 1) return { ok: true, user: signedInUser(found) };
    const changed = await repos.accounts.update(found.id, { role: mapped });
    await repos.audit.record({
      organisationId: found.organisationId,
      actor: actor(found.name),
      event: 'user.role-from-provider',
      entityType: 'user_account',
      entityId: found.id,
      entityKey: found.email,
      before: { role: found.role },
      after: { role: mapped, groups },
    });
    return { ok: true, user: signedInUser(changed) };
  }

  /** The provider's end-session address for someone who signed in through it, or undefined when it has none or cannot be reached. */
  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | undefined> {
    if (!this.settings) return undefined;
    try {
      const config = await this.discovered();
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) }).toString();
    } catch {
      return undefined;
    }
  }
}

/** A network failure (refused, timed out, no such host) rather than an answer that failed a check. */
function isUnreachable(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.name === 'TypeError' && /fetch failed/i.test(e.message)) return true;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
    if ((e as { code?: unknown }).code === 'ECONNREFUSED') return true;
  }
  return false;
}

/** The error and its causes in one line, for the log. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
    if (e instanceof Error) parts.push(`${typeof code === 'string' ? code : e.name}: ${e.message}`);
    else {
      parts.push(JSON.stringify(e));
      break;
    }
  }
  return parts.join(' ← ');
}
