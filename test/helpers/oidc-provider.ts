// A real OpenID Connect provider (the oidc-provider package) on a local port, with one client and a
// few people in groups, for the tests, the browser specs and `npm run dev:oidc`:
//   const idp = await startIdentityProvider();            // idp.issuer, idp.clientId, idp.clientSecret
//   const callback = await idp.signInThrough(authorisationUrl, 'alice');   // the provider's own login form
//   idp.misbehave('audience');                             // its next ID tokens are for another client
// Its login page (the package's development pages) takes any password: the people are the accounts.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestPerson {
  email: string;
  name: string;
  groups: string[];
}

/** The people the provider knows, by the login typed on its page (also their subject, `sub`). */
export const testPeople: Record<string, TestPerson> = {
  alice: { email: 'alice@testshire.example', name: 'Alice Admin', groups: ['Parentis-Admins', 'All-Staff'] },
  bob: { email: 'bob@testshire.example', name: 'Bob Board', groups: ['Parentis-Board'] },
  carol: { email: 'carol@testshire.example', name: 'Carol Owner', groups: ['Parentis-Owners'] },
  dave: { email: 'dave@testshire.example', name: 'Dave Nogroup', groups: ['All-Staff'] },
};

/** The OIDC_ROLE_MAP the test people are written for. */
export const testRoleMap = 'Parentis-Admins=admin,Parentis-Board=viewer,Parentis-Owners=owner';

/**
 * What the provider does wrong on purpose to its next ID tokens, each signed properly unless said:
 * for another client, expired an hour ago, from another issuer, or signed with a key not in its JWKS.
 */
export type Misbehaviour = 'audience' | 'expired' | 'issuer' | 'signature' | null;

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The redirect URIs registered for the client. */
  redirectUris: string[];
  misbehave(mode: Misbehaviour): void;
  /**
   * Follows an authorisation URL through the provider's own login page as `login` would in a
   * browser, and returns the address it sends them back to (the redirect URI with code and state).
   */
  signInThrough(authorisationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  /** Redirect URIs of the client; default the test server's http://parentis.test/sign-in/oidc/callback. */
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  port?: number;
  people?: Record<string, TestPerson>;
}

export const TEST_REDIRECT_URI = 'http://parentis.test/sign-in/oidc/callback';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a JWT with RS256: the provider's key for the misbehaviours that must verify, another for 'signature'. */
function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: crypto.KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export async function startIdentityProvider(options: IdentityProviderOptions = {}): Promise<IdentityProvider> {
  const people = options.people ?? testPeople;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const clientId = 'parentis';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  const redirectUris = options.redirectUris ?? [TEST_REDIRECT_URI];

  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const strangerKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? redirectUris.map((u) => new URL('/sign-in?signed-out', u).toString()),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [crypto.randomBytes(24).toString('base64url')] },
    // Groups travel in the ID token, as Entra ID's groups or roles claim does.
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 3600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const person = people[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: person.email, email_verified: true, name: person.name, groups: person.groups }) };
    },
    // The client is the authority's own service: no consent page, as an administrator grants it once.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  let mode: Misbehaviour = null;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    const route = (ctx as { oidc?: { route?: string } }).oidc?.route;
    if (mode === null || route !== 'token' || typeof body?.id_token !== 'string') return;
    const [header, payload] = body.id_token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    const now = Math.floor(Date.now() / 1000);
    const changed = { ...payload! };
    if (mode === 'audience') changed.aud = 'another-client';
    if (mode === 'expired') Object.assign(changed, { iat: now - 7200, exp: now - 3600 });
    if (mode === 'issuer') changed.iss = 'http://localhost:1/elsewhere';
    body.id_token = signJwt(header!, changed, mode === 'signature' ? strangerKey : privateKey);
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUris,
    misbehave: (m) => {
      mode = m;
    },
    async signInThrough(authorisationUrl, login) {
      const cookies = new Map<string, string>();
      const keep = (r: Response) => {
        for (const c of r.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const at = pair!.indexOf('=');
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
      };
      const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      let url = new URL(authorisationUrl);
      for (let step = 0; step < 10; step++) {
        const r = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
        keep(r);
        const location = r.headers.get('location');
        if (location !== null) {
          url = new URL(location, url);
          if (!url.toString().startsWith(issuer)) return url;
          continue;
        }
        const page = await r.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
        if (r.status !== 200 || action === undefined) throw new Error(`the provider answered ${r.status} without a form: ${page.slice(0, 400)}`);
        const posted = await fetch(new URL(action, url), {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
        });
        keep(posted);
        const next = posted.headers.get('location');
        if (next === null) throw new Error(`the provider's login form answered ${posted.status}: ${(await posted.text()).slice(0, 400)}`);
        url = new URL(next, url);
      }
      throw new Error('the provider never sent the browser back');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
