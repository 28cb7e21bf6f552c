// `npm run bench:web`: the web pages under load on a large authority (20 plans, 1,500 actions,
// 20,000 progress updates, 40 measures with 60 months of figures and a target each), on the embedded database (PGlite) and on the PostgreSQL server. Prints
// requests per second and p50/p95/p99 response times per page, of the requests answered 200 (those
// turned away or failed are counted apart); it measures, it never asserts.
//   PARENTIS_BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres   the server to create a database on
//   PARENTIS_BENCH_SECONDS=10   seconds of load per page      PARENTIS_BENCH_ONLY=pglite|postgres
//   PARENTIS_BENCH_PAGES=dashboard,measure   only the pages whose names contain one of these words
//   PAGE_CACHE_MB=0   without the page cache: every request reads and draws its page anew, as the
//                     first request after any change does (default: the server's own default)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { compose, type App } from '../src/composition.ts';
import { DEFAULT_PAGE_CACHE_MB } from '../src/config.ts';
import type { Role } from '../src/domain/roles.ts';
import type { Ctx } from '../src/services/context.ts';
import { buildServer } from '../src/web/server.ts';
import { LEAD, OWNER, largeAuthority, planSlug, ACTION_COUNT, PLAN_COUNT, UPDATE_COUNT } from './large-authority.ts';
import type { LoadResult } from './web-load.ts';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.PARENTIS_BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const TARGET_P95_MS = 50;
const PG_URL = process.env.PARENTIS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.PARENTIS_BENCH_ONLY;
const PAGE_WORDS = process.env.PARENTIS_BENCH_PAGES?.split(',').map((w) => w.trim()).filter((w) => w !== '');
const PAGE_CACHE_MB = Number(process.env.PAGE_CACHE_MB ?? DEFAULT_PAGE_CACHE_MB);
// Nothing like the benchmark people's names or e-mail addresses, which the password rules refuse.
const PASSWORD = 'quiet-harbour-lantern-71';
const LARGE_PLAN = planSlug(0);
/** The first action of the large plan: owned by the benchmark owner, 14 updates, 3 deadlines, a pending proposal. */
const ACTION = `/plans/${LARGE_PLAN}/actions/1.1`;

const people: Record<Role, { name: string; email: string }> = {
  admin: { name: 'Bench Administrator', email: 'admin@largeshire.example' },
  manager: { name: 'Bench Partnership Manager', email: 'manager@largeshire.example' },
  lead: { name: LEAD.name, email: 'lead@largeshire.example' },
  owner: { name: OWNER.name, email: 'owner@largeshire.example' },
  analyst: { name: 'Bench Analyst', email: 'analyst@largeshire.example' },
  viewer: { name: 'Bench Board Member', email: 'viewer@largeshire.example' },
};

interface PageSpec {
  name: string;
  path: string;
  as: Role;
  /** The service call behind the page, timed alone to tell database time from rendering. */
  service: (app: App, ctx: Ctx) => Promise<unknown>;
}

const MEASURE_COUNT = 40;
const MONTHS = 60;
const UNITS = ['percent', 'percent', 'count', 'rate per 10,000', 'days'] as const;

/** 40 measures with 60 monthly figures each (April 2013 to March 2018), imported as a values file, and a target each. */
async function seedMeasures(app: App, ctx: Ctx): Promise<void> {
  const lines = ['code,period,numerator,denominator'];
  for (let i = 1; i <= MEASURE_COUNT; i++) {
    const code = `bench-${String(i).padStart(2, '0')}`;
    const unit = UNITS[i % UNITS.length]!;
    await app.services.measures.define(ctx, { code, title: `Benchmark measure ${i}`, unit, polarity: i % 3 === 0 ? 'lower is better' : 'higher is better', frequency: 'monthly', amberBand: 2 });
    await app.services.measures.addTarget(ctx, code, { effectiveFrom: '2013-04-01', value: unit === 'percent' ? 70 : 100 });
    for (let m = 0; m < MONTHS; m++) {
      const month = new Date(Date.UTC(2013, 3 + m, 1)).toISOString().slice(0, 7);
      const denominator = unit === 'rate per 10,000' ? 72_000 : 400 + ((i * 7 + m * 3) % 60);
      const numerator = unit === 'count' ? 300 + ((i + m * 5) % 80) : Math.round(denominator * (0.6 + ((i * 13 + m * 7) % 25) / 100) * (unit === 'rate per 10,000' ? 0.01 : 1));
      lines.push(`${code},${month},${numerator},${unit === 'count' ? '' : denominator}`);
    }
  }
  await app.services.measures.importValues(ctx, { name: 'bench-values.csv', data: Buffer.from(lines.join('\n')) });
}

const ALL_PAGES: PageSpec[] = [
  { name: 'home', path: '/', as: 'owner', service: (app, ctx) => Promise.all([app.services.actions.mine(ctx), app.services.actions.awaitingDecision(ctx)]) },
  { name: 'plan list', path: '/plans', as: 'manager', service: (app, ctx) => app.services.plans.list(ctx) },
  { name: `plan page (${LARGE_PLAN}, 300 actions)`, path: `/plans/${LARGE_PLAN}`, as: 'manager', service: (app, ctx) => app.services.plans.tree(ctx, LARGE_PLAN) },
  { name: 'action page (14 updates)', path: ACTION, as: 'owner', service: (app, ctx) => app.services.actions.show(ctx, `${LARGE_PLAN}:1.1`) },
  { name: `dashboard (${MEASURE_COUNT} measures × ${MONTHS} months)`, path: '/dashboard', as: 'viewer', service: (app, ctx) => app.services.dashboards.show(ctx, null) },
  { name: 'measure page (60 months)', path: '/measures/bench-01', as: 'viewer', service: (app, ctx) => app.services.measures.page(ctx, 'bench-01') },
  // Not a target: the cost of the signed-in page frame (session, authority, glossary, layout) alone.
  { name: 'baseline: empty glossary page', path: '/glossary', as: 'owner', service: (app, ctx) => app.services.glossary.list(ctx) },
];
const PAGES = ALL_PAGES.filter((p) => PAGE_WORDS === undefined || PAGE_WORDS.some((w) => p.name.includes(w)));

interface Row {
  database: string;
  page: string;
  result: LoadResult;
  serviceMs: number;
  aloneMs: number;
  cpuMs: number;
  queries: number;
}

/**
 * Statements sent to either database, counted by wrapping the drivers' query methods: the figure
 * that shows whether a page makes a handful of queries or one per row.
 */
let queries = 0;
function countQueries(): void {
  for (const proto of [PGlite.prototype, pg.Client.prototype] as unknown as { query: (...args: unknown[]) => unknown }[]) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      queries++;
      return original.apply(this, args);
    };
  }
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');

async function seed(app: App): Promise<{ ctx: Ctx; users: Record<Role, number> }> {
  const org = await app.handle.db
    .insertInto('organisation')
    .values({ name: 'Largeshire County Council', shortName: 'Largeshire', laCode: null, region: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ctx: Ctx = { organisationId: org.id, actor: 'Parentis benchmark' };
  const docs = largeAuthority();
  const started = performance.now();
  for (const doc of docs) await app.services.plans.importDocument(ctx, doc);
  say(`  imported ${PLAN_COUNT} plans, ${ACTION_COUNT} actions, ${UPDATE_COUNT} updates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await seedMeasures(app, ctx);
  say(`  imported ${MEASURE_COUNT} measures × ${MONTHS} months`);
  const users = {} as Record<Role, number>;
  for (const [role, p] of Object.entries(people) as [Role, { name: string; email: string }][]) {
    users[role] = (await app.services.accounts.addUser(ctx, { email: p.email, name: p.name, role, password: PASSWORD })).id;
  }
  return { ctx, users };
}

/** Signs in through the sign-in form, as a browser does, and returns the session cookie. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`);
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (csrf === undefined) throw new Error('The sign-in page has no CSRF token');
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: '/' }).toString(),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('parentis_session='));
  if (response.status !== 303 || session === undefined) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return session;
}

function load(url: string, cookie: string, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'web-load.ts'), JSON.stringify({ url, cookie, connections: CONNECTIONS, seconds })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`the load generator exited with code ${String(code)}`))));
  });
}

/**
 * Median time of one request with nobody else asking (the server's own cost for the page), its
 * statements, and the processor time this process spent per request (the server and, embedded, the
 * database; on a busy shared machine the figure that waiting for a processor does not inflate).
 */
async function alone(url: string, cookie: string): Promise<{ ms: number; queries: number; cpuMs: number }> {
  const times: number[] = [];
  const before = queries;
  const cpu = process.cpuUsage();
  for (let i = 0; i < 21; i++) {
    const started = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  return { ms: times.sort((a, b) => a - b)[10]!, queries: (queries - before) / times.length, cpuMs: (used.user + used.system) / 1000 / times.length };
}

async function timeService(page: PageSpec, app: App, ctx: Ctx): Promise<number> {
  await page.service(app, ctx);
  const started = performance.now();
  const runs = 10;
  for (let i = 0; i < runs; i++) await page.service(app, ctx);
  return (performance.now() - started) / runs;
}

async function benchDatabase(label: string, config: { databaseUrl: string | undefined; dataDir: string }): Promise<Row[]> {
  say(`\n== ${label}`);
  const app = await compose(config);
  const rows: Row[] = [];
  try {
    const { ctx, users } = await seed(app);
    const server = buildServer(app, { logLevel: 'warn', secureCookies: 'never', pageCacheMb: PAGE_CACHE_MB });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    try {
      // Everyone signs in before any load: just after one, a busy server may still turn the sign-in page away.
      const cookies = new Map<Role, string>();
      for (const page of PAGES) if (!cookies.has(page.as)) cookies.set(page.as, await signIn(baseUrl, people[page.as].email));
      for (const page of PAGES) {
        const cookie = cookies.get(page.as)!;
        // The queue the page before left behind drains first: a busy server turns requests away (503).
        let check = await fetch(`${baseUrl}${page.path}`, { headers: { cookie }, redirect: 'manual' });
        for (let wait = 0; check.status === 503 && wait < 60; wait++) {
          await check.arrayBuffer();
          await new Promise((resolve) => setTimeout(resolve, 500));
          check = await fetch(`${baseUrl}${page.path}`, { headers: { cookie }, redirect: 'manual' });
        }
        const bytes = (await check.arrayBuffer()).byteLength;
        if (check.status !== 200) {
          say(`  ${page.name}: ${page.path} answered ${check.status}; not measured`);
          continue;
        }
        const serviceCtx: Ctx = { ...ctx, actor: people[page.as].name, role: page.as, userId: users[page.as] };
        const serviceMs = await timeService(page, app, serviceCtx);
        const single = await alone(`${baseUrl}${page.path}`, cookie);
        await load(`${baseUrl}${page.path}`, cookie, WARM_UP_SECONDS);
        const result = await load(`${baseUrl}${page.path}`, cookie, SECONDS);
        rows.push({ database: label, page: page.name, result, serviceMs, aloneMs: single.ms, cpuMs: single.cpuMs, queries: single.queries });
        say(
          `  ${page.name.padEnd(38)} ${(bytes / 1024).toFixed(0).padStart(5)} KiB  ${result.perSecond.toFixed(1).padStart(7)} req/s  ` +
            `p50 ${ms(result.p50).padStart(7)} ms  p95 ${ms(result.p95).padStart(7)} ms  p99 ${ms(result.p99).padStart(7)} ms  ` +
            `alone ${ms(single.ms).padStart(6)} ms (processor ${ms(single.cpuMs)} ms), ${single.queries.toFixed(0)} queries  service ${ms(serviceMs).padStart(6)} ms  ${result.p95 < TARGET_P95_MS ? 'p95 under 50 ms' : 'p95 OVER 50 ms'}` +
            (result.non200 + result.errors > 0 ? `  (${result.non200} not 200, ${result.errors} errors: not in the times)` : ''),
        );
      }
    } finally {
      await server.close();
    }
  } finally {
    await app.close();
  }
  return rows;
}

async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const name = `parentis_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (err) {
    say(`\n== PostgreSQL server: cannot reach ${PG_URL} (${(err as Error).message}); skipped`);
    return undefined;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main(): Promise<void> {
  say(`Parentis web benchmark: ${PLAN_COUNT} plans, ${ACTION_COUNT} actions, ${UPDATE_COUNT} updates; ${CONNECTIONS} connections, ${SECONDS} s per page after ${WARM_UP_SECONDS} s warm-up; ${os.cpus().length} CPUs, Node ${process.version}; page cache ${PAGE_CACHE_MB > 0 ? `${PAGE_CACHE_MB} MB` : 'off'}`);
  countQueries();
  const rows: Row[] = [];
  if (ONLY === undefined || ONLY === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-bench-'));
    try {
      rows.push(...(await benchDatabase('PGlite (embedded)', { databaseUrl: undefined, dataDir })));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (ONLY === undefined || ONLY === 'postgres') {
    const database = await createBenchDatabase();
    if (database) {
      try {
        rows.push(...(await benchDatabase('PostgreSQL server', { databaseUrl: database.url, dataDir: os.tmpdir() })));
      } finally {
        await database.drop();
      }
    }
  }
  say('\n| database | page | req/s (200) | p50 ms | p95 ms | p99 ms | p95 < 50 ms | not 200 | one request alone, ms | processor ms per request alone | queries per request | service calls, ms |');
  say('|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    say(`| ${r.database} | ${r.page} | ${r.result.perSecond.toFixed(0)} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${ms(r.result.p99)} | ${r.result.p95 < TARGET_P95_MS ? 'yes' : 'no'} | ${r.result.non200 + r.result.errors} | ${ms(r.aloneMs)} | ${ms(r.cpuMs)} | ${r.queries.toFixed(0)} | ${ms(r.serviceMs)} |`);
  }
}

await main();
