// The real web app on a test database with one account per role, and signed-in cookies for them:
//   const web = useWebTest();                     // in a test file (before/after/beforeEach hooks)
//   const s = await web.signIn('owner');          // { cookie, csrfToken, user }
//   await web.server.inject({ method: 'GET', url: '/plans', headers: { cookie: s.cookie } });
//   await web.post('/sign-out', {}, s);           // form post with the session's CSRF token
import { after, before, beforeEach, describe } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServices, type Messaging } from '../../src/composition.ts';
import type { OidcConfig } from '../../src/config.ts';
import type { Role } from '../../src/domain/roles.ts';
import { roles } from '../../src/domain/roles.ts';
import { hashPassword, type SignedInUser } from '../../src/services/account.service.ts';
import type { Ctx } from '../../src/services/context.ts';
import { buildServer, type ServerConfig } from '../../src/web/server.ts';
import { authority, openTestDatabase, type SavedState, type TestDatabase } from './database.ts';
import { html } from './html.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Default names; override with `names` so an owner or lead matches the names in your fixture. */
export const defaultNames: Record<Role, string> = {
  admin: 'Ada Admin',
  manager: 'Morgan Manager',
  lead: 'Lee Lead',
  owner: 'Olive Owner',
  analyst: 'Ana Analyst',
  viewer: 'Vic Viewer',
};

export const emailFor = (role: Role): string => `${role}@testshire.example`;

export interface SignedIn {
  /** The Cookie header value to send. */
  cookie: string;
  /** The token to send as _csrf with every form post. */
  csrfToken: string;
  user: SignedInUser;
}

export interface WebTest {
  db: TestDatabase;
  server: FastifyInstance;
  /** The authority's context, acting as the test itself (no role: as the command line does). */
  ctx: Ctx;
  users: Record<Role, SignedInUser>;
  /** Signs in through the sign-in form, as a browser would; a new session each call. */
  signIn(role: Role): Promise<SignedIn>;
  /** Posts a form (url-encoded) as the signed-in person, with their CSRF token unless `_csrf` is given. */
  post(url: string, form: Record<string, string | string[]>, as: SignedIn | null): Promise<LightMyRequestResponse>;
  get(url: string, as: SignedIn | null): Promise<LightMyRequestResponse>;
  /** Empties the database and creates the authority and the accounts again. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

export function cookieHeader(r: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const));
  for (const c of r.cookies) {
    if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires !== undefined && c.expires.getTime() < Date.now())) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The CSRF token a page's forms carry. */
export const csrfTokenIn = (body: string): string | undefined => html(body).find('input[name="_csrf"]')?.getAttribute('value') || undefined;

export function encodeForm(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

export interface WebTestOptions {
  /** Names for the accounts, e.g. { owner: 'Kirsty Pengelly' } to match an owner in a fixture. */
  names?: Partial<Record<Role, string>>;
  config?: Partial<ServerConfig>;
  /** Signing in through an identity provider, as OIDC_* would configure it (the services are made with it). */
  oidc?: OidcConfig;
  /** How the server's services send owners' messages (e.g. SMTP to a test mail server); unset, the outbox. */
  messaging?: Messaging;
  /** Adds routes of the test's own before the server starts. */
  routes?: (server: FastifyInstance) => void;
}

export async function openWebTest(options: WebTestOptions = {}): Promise<WebTest> {
  const db = await openTestDatabase();
  const services = options.oidc || options.messaging ? createServices(db.handle, db.services.clock, options.messaging, options.oidc) : db.services;
  const server = buildServer({ services }, { logLevel: 'silent', ...options.config });
  // Registered as a plugin, like a feature's routes, so the shell's hooks (CSRF on posts) apply to them.
  const { routes } = options;
  if (routes) {
    void server.register((scope) => {
      routes(scope);
      return Promise.resolve();
    });
  }
  const state = { ctx: undefined as unknown as Ctx, users: {} as Record<Role, SignedInUser> };

  async function createAccounts(): Promise<void> {
    state.ctx = await authority(db);
    // A cheap cost (checked with the cost kept in the hash): the suite signs in thousands of times.
    passwordHash ??= hashPassword(TEST_PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
    const hash = await passwordHash;
    for (const role of roles) {
      const name = options.names?.[role] ?? defaultNames[role];
      const row = await db.handle.db
        .insertInto('userAccount')
        .values({ organisationId: state.ctx.organisationId, email: emailFor(role), name, role, passwordHash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      state.users[role] = { id: row.id, email: emailFor(role), name, role, organisationId: state.ctx.organisationId };
    }
  }

  const web: WebTest = {
    db,
    server,
    get ctx() {
      return state.ctx;
    },
    get users() {
      return state.users;
    },
    async signIn(role) {
      const form = await server.inject({ method: 'GET', url: '/sign-in' });
      let cookie = cookieHeader(form);
      const signIn = await server.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: encodeForm({ email: emailFor(role), password: TEST_PASSWORD, _csrf: csrfTokenIn(form.body) ?? '' }),
      });
      if (signIn.statusCode !== 303) throw new Error(`signing in as ${role} answered ${signIn.statusCode}: ${signIn.body.slice(0, 500)}`);
      cookie = cookieHeader(signIn, cookie);
      // Any page carries the session's CSRF token in its sign-out form; a missing page is the cheapest.
      const page = await server.inject({ method: 'GET', url: '/no-such-page-for-the-csrf-token', headers: { cookie } });
      const csrfToken = csrfTokenIn(page.body);
      if (csrfToken === undefined) throw new Error(`no CSRF token on the page after signing in as ${role}`);
      return { cookie, csrfToken, user: state.users[role] };
    },
    post(url, form, as) {
      return server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(as ? { cookie: as.cookie } : {}) },
        payload: encodeForm(as && form._csrf === undefined ? { ...form, _csrf: as.csrfToken } : form),
      });
    },
    get(url, as) {
      return server.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
    },
    async reset() {
      await db.reset();
      await createAccounts();
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
  await web.reset();
  return web;
}

/**
 * One app for the test file; before each test the database is emptied and the authority and the
 * accounts created again. Read the returned object's fields inside tests.
 */
export function useWebTest(options: WebTestOptions = {}): WebTest {
  const holder = {} as { web: WebTest };
  before(async () => {
    holder.web = await openWebTest(options);
  });
  after(async () => {
    await holder.web.close();
  });
  beforeEach(async (t) => {
    // The suites the test is in: in a test worker the file's own suite comes first.
    const suites = ('fullName' in t ? t.fullName : t.name).split(' > ').slice(0, -1);
    if (suites.some((name) => sharingSuites.has(name))) return;
    if (fresh) fresh = false;
    else await holder.web.reset();
  });
  return new Proxy({} as WebTest, {
    get: (_t, key: keyof WebTest) => {
      const value = Reflect.get(holder.web, key) as unknown;
      return typeof value === 'function' ? (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(holder.web, args) : value;
    },
  });
}

/** The suites whose tests share one state or put back a saved one (describeSharing, describeRestoring): useWebTest does not empty the database before each of them. */
const sharingSuites = new Set<string>();
/** True while the database is as openWebTest left it: the first test needs no emptying. */
let fresh = true;

/**
 * A suite of tests that only read: the database is emptied and `setup` run once before the first of
 * them, instead of before each (a role matrix of pages reads the same plan many times over). Tests
 * after the suite start from an empty database again, as every other test does.
 */
export function describeSharing(web: WebTest, name: string, setup: () => Promise<void>, body: () => void): void {
  sharingSuites.add(name);
  void describe(name, () => {
    before(async () => {
      await web.reset();
      await setup();
      fresh = false;
    });
    body();
  });
}

/**
 * A suite of tests that may write, each starting from the same state: the database is emptied,
 * `setup` run and every role signed in once, and that state saved; before each test every row and
 * sequence is put back as saved (the sessions too), instead of emptying the database and running
 * `setup` and the sign-ins again for each test. `body` gets the signed-in session of each role.
 */
export function describeRestoring(web: WebTest, name: string, setup: () => Promise<void>, body: (as: (role: Role) => SignedIn) => void): void {
  sharingSuites.add(name);
  const sessions = new Map<Role, SignedIn>();
  let saved: SavedState | undefined;
  void describe(name, () => {
    before(async () => {
      await web.reset();
      await setup();
      for (const role of roles) sessions.set(role, await web.signIn(role));
      saved = await web.db.save();
      fresh = false;
    });
    beforeEach(async () => {
      await web.db.restore(saved!);
    });
    body((role) => sessions.get(role)!);
  });
}
