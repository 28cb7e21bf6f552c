// Typed configuration from the environment: the only module that reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { isoDateSchema } from './domain/dates.ts';
import type { MessagingConfig } from './notify/channels.ts';
import { isRole, roles, type Role } from './domain/roles.ts';

/** Megabytes for the page cache when PAGE_CACHE_MB is not set. */
export const DEFAULT_PAGE_CACHE_MB = 64;

const schema = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  NODE_ENV: z.string().optional(),
  PARENTIS_DEMO: z.enum(['on', 'off'], { message: 'PARENTIS_DEMO must be on or off' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARENTIS_USER: z.string().min(1).optional(),
  SECURE_COOKIES: z.enum(['auto', 'always', 'never'], { message: 'SECURE_COOKIES must be auto, always or never' }).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false'], { message: 'TRUST_PROXY must be true or false' }).default('false'),
  PARENTIS_TODAY: isoDateSchema.optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  NOTIFY_API_KEY: z.string().min(74, { message: 'NOTIFY_API_KEY must be a GOV.UK Notify API key (name-service id-secret)' }).optional(),
  NOTIFY_BASE_URL: z.string().url({ message: 'NOTIFY_BASE_URL must be a URL' }).optional(),
  NOTIFY_REQUEST_TEMPLATE_ID: z.string().uuid({ message: 'NOTIFY_REQUEST_TEMPLATE_ID must be a template id (a UUID)' }).optional(),
  NOTIFY_REMINDER_TEMPLATE_ID: z.string().uuid({ message: 'NOTIFY_REMINDER_TEMPLATE_ID must be a template id (a UUID)' }).optional(),
  NOTIFY_CALLBACK_TOKEN: z
    .string()
    .min(10, { message: 'NOTIFY_CALLBACK_TOKEN must be at least 10 characters, as GOV.UK Notify asks of a callback’s bearer token (use a long random one)' })
    .regex(/^[A-Za-z0-9._~+/=-]+$/, { message: 'NOTIFY_CALLBACK_TOKEN must be letters, digits and . _ ~ + / = - only, so that it can be sent as a bearer token' })
    .optional(),
  PUBLIC_URL: z.string().url({ message: 'PUBLIC_URL must be the address people open Parentis at, like https://parentis.council.example' }).optional(),
  REMINDER_INTERVAL_SECONDS: z.coerce.number({ message: 'REMINDER_INTERVAL_SECONDS must be a number of seconds' }).int().min(0).default(300),
  OIDC_ISSUER: z.string().url({ message: 'OIDC_ISSUER must be the identity provider’s issuer URL, like https://login.microsoftonline.com/TENANT-ID/v2.0' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: z.string().optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).max(80).default('your organisation’s account'),
  OIDC_LOCAL_PASSWORDS: z.enum(['on', 'off'], { message: 'OIDC_LOCAL_PASSWORDS must be on or off' }).default('on'),
  OIDC_JIT: z.enum(['on', 'off'], { message: 'OIDC_JIT must be on or off' }).default('off'),
  OIDC_REDIRECT_URI: z.string().url({ message: 'OIDC_REDIRECT_URI must be a full https:// address ending /sign-in/oidc/callback' }).optional(),
  OIDC_ALLOW_HTTP: z.enum(['on', 'off'], { message: 'OIDC_ALLOW_HTTP must be on or off' }).default('off'),
  PAGE_CACHE_MB: z.coerce.number({ message: 'PAGE_CACHE_MB must be a number of megabytes' }).int({ message: 'PAGE_CACHE_MB must be a whole number of megabytes' }).min(0, { message: 'PAGE_CACHE_MB must be 0 or more' }).default(DEFAULT_PAGE_CACHE_MB),
});

/** Signing in through the authority's identity provider (OpenID Connect): OIDC_* in the environment. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** The ID token claim carrying the person's groups or app roles (Entra ID: `groups` or `roles`). */
  groupsClaim: string;
  /**
   * Group or app-role values and the Parentis role each gives, in the order written: a person in
   * several mapped groups gets the first. Empty: roles are kept as administrators set them.
   */
  roleMap: { value: string; role: Role }[];
  providerName: string;
  /** Whether the e-mail and password form stays beside the identity provider. */
  localPasswords: boolean;
  /** Just-in-time: a person unknown to Parentis whose groups map to a role gets an account at sign-in. */
  justInTime: boolean;
  /** The address the provider sends people back to; unset, this server's own /sign-in/oidc/callback. */
  redirectUri: string | undefined;
  /** Plain http to the provider: only for a provider on this computer (tests, `npm run dev:oidc`). */
  allowHttp: boolean;
}

/** `Parentis-Admins=admin, Parentis-Board=viewer` → the pairs, refusing an unknown role or a pair without `=`. */
export function parseRoleMap(text: string | undefined): { value: string; role: Role }[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((pair) => {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, Math.max(at, 0)).trim();
    const role = pair.slice(at + 1).trim().toLowerCase();
    if (at < 0 || value === '') throw new Error(`Configuration error in OIDC_ROLE_MAP: "${pair.trim()}" is not GROUP=ROLE`);
    if (!isRole(role)) throw new Error(`Configuration error in OIDC_ROLE_MAP: "${role}" is not a role; choose one of ${roles.join(', ')}`);
    return { value, role };
  });
}

export interface Config {
  /** Set: a PostgreSQL server. Unset: the embedded database under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** HOST as set; unset, the server listens on 127.0.0.1 in demonstration mode, else 0.0.0.0 (listenHost). */
  host: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Name recorded in the audit trail for command-line changes when --by is not given. */
  cliUser: string | undefined;
  /**
   * Demonstration mode asked for: an empty database gets the demonstration authority and its
   * sign-in accounts. PARENTIS_DEMO=on, or unset on the embedded database outside production.
   */
  demoMode: boolean;
  /**
   * Set when the demonstration is refused (NODE_ENV=production or PARENTIS_DEMO=off): the setting
   * that refuses it. Demonstration accounts are never created, and a start on a database holding
   * them or marked demo stops with a message.
   */
  demoRefusedBy: 'NODE_ENV=production' | 'PARENTIS_DEMO=off' | undefined;
  /** Cookies marked Secure: always, never, or when the request came over https (auto). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Behind a reverse proxy: believe its X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
  /** Memory for pages kept for the person who asked, until anything changes; 0 turns it off. */
  pageCacheMb: number;
  /** PARENTIS_TODAY: the date taken as today (yyyy-mm-dd), for tests and demonstrations; unset, the date in England. */
  today: string | undefined;
  /** How reminders go out: GOV.UK Notify, SMTP, or (neither set) the outbox page. */
  messaging: MessagingConfig;
  /** PUBLIC_URL: the address links in messages point to; unset, http://localhost:PORT. */
  publicUrl: string;
  /** Seconds between runs of the reminder sender inside the server; 0 turns it off. */
  reminderIntervalSeconds: number;
  /** NOTIFY_CALLBACK_TOKEN: the bearer token GOV.UK Notify sends with its delivery receipts; unset, receipts are refused. */
  notifyCallbackToken: string | undefined;
  /** Set when OIDC_ISSUER is: sign-in through the authority's identity provider. */
  oidc: OidcConfig | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error in ${String(issue?.path.join('.'))}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.PARENTIS_DEMO === 'on') {
    throw new Error('Configuration error in PARENTIS_DEMO: demonstration mode (PARENTIS_DEMO=on) is refused with NODE_ENV=production');
  }
  if (e.NOTIFY_API_KEY !== undefined && (e.NOTIFY_REQUEST_TEMPLATE_ID === undefined || e.NOTIFY_REMINDER_TEMPLATE_ID === undefined)) {
    throw new Error('Configuration error in NOTIFY_API_KEY: GOV.UK Notify also needs NOTIFY_REQUEST_TEMPLATE_ID and NOTIFY_REMINDER_TEMPLATE_ID, the ids of its two e-mail templates');
  }
  const demoRefusedBy = production ? 'NODE_ENV=production' : e.PARENTIS_DEMO === 'off' ? 'PARENTIS_DEMO=off' : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    cliUser: e.PARENTIS_USER,
    demoMode: demoRefusedBy === undefined && (e.PARENTIS_DEMO === 'on' || e.DATABASE_URL === undefined),
    demoRefusedBy,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY === 'true',
    pageCacheMb: e.PAGE_CACHE_MB,
    today: e.PARENTIS_TODAY,
    messaging: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      notifyApiKey: e.NOTIFY_API_KEY,
      notifyBaseUrl: e.NOTIFY_BASE_URL,
      notifyRequestTemplateId: e.NOTIFY_REQUEST_TEMPLATE_ID,
      notifyReminderTemplateId: e.NOTIFY_REMINDER_TEMPLATE_ID,
    },
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS,
    notifyCallbackToken: e.NOTIFY_CALLBACK_TOKEN,
    oidc: oidcConfig(e),
  };
}

function oidcConfig(e: z.infer<typeof schema>): OidcConfig | undefined {
  if (e.OIDC_ISSUER === undefined) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const).find((k) => e[k] !== undefined);
    if (stray !== undefined) throw new Error(`Configuration error in OIDC_ISSUER: ${stray} is set, so set OIDC_ISSUER to the identity provider's issuer URL too`);
    return undefined;
  }
  if (e.OIDC_CLIENT_ID === undefined) throw new Error('Configuration error in OIDC_CLIENT_ID: set it to the client (application) id the identity provider gave Parentis');
  const roleMap = parseRoleMap(e.OIDC_ROLE_MAP);
  if (e.OIDC_JIT === 'on' && roleMap.length === 0) {
    throw new Error('Configuration error in OIDC_ROLE_MAP: OIDC_JIT=on creates accounts from the groups people are in, so it needs OIDC_ROLE_MAP');
  }
  return {
    issuer: new URL(e.OIDC_ISSUER),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES,
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    roleMap,
    providerName: e.OIDC_PROVIDER_NAME,
    localPasswords: e.OIDC_LOCAL_PASSWORDS === 'on',
    justInTime: e.OIDC_JIT === 'on',
    redirectUri: e.OIDC_REDIRECT_URI,
    allowHttp: e.OIDC_ALLOW_HTTP === 'on',
  };
}

/**
 * The address the server listens on: HOST when set; otherwise only this computer (127.0.0.1) for
 * the demonstration, whose passwords are published, and every interface (0.0.0.0) for real data.
 */
export const listenHost = (host: string | undefined, demonstration: boolean): string => host ?? (demonstration ? '127.0.0.1' : '0.0.0.0');

/** The PostgreSQL server for the server-backed test run, when one is configured. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL && env.TEST_DATABASE_URL !== '' ? env.TEST_DATABASE_URL : undefined;
}

/** PARENTIS_PASSWORD: the password for `parentis user add` when nobody is there to type it. */
export const passwordFromEnv = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env.PARENTIS_PASSWORD && env.PARENTIS_PASSWORD !== '' ? env.PARENTIS_PASSWORD : undefined;

/** PARENTIS_DEBUG set: the command line prints stack traces after its one-line message. */
export const debugEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(env.PARENTIS_DEBUG);
