// Wires the database to repositories and services; shared by the server, the command line and tests.
import type { Config } from './config.ts';
import { clockWithToday, systemClock, type Clock } from './domain/clock.ts';
import { openEmbedded, openServer, type DatabaseHandle, type DatabaseLoad } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { Store } from './repositories/store.ts';
import { AccountService } from './services/account.service.ts';
import { ActionService } from './services/actions/index.ts';
import { AuditService } from './services/audit.service.ts';
import { BenchmarkService } from './services/benchmark.service.ts';
import { DashboardService } from './services/dashboard.service.ts';
import { DemoService } from './services/demo.service.ts';
import { DeploymentService } from './services/deployment.service.ts';
import { GlossaryService } from './services/glossary.service.ts';
import { MeasureService } from './services/measure.service.ts';
import { OrganisationService } from './services/organisation.service.ts';
import { PlanService } from './services/plan.service.ts';
import { RiskService } from './services/risk.service.ts';
import { Ssda903Service } from './services/ssda903.service.ts';
import { VoiceService } from './services/voice.service.ts';
import { SearchRepository } from './repositories/search.repository.ts';
import { SearchService } from './services/search.service.ts';

export interface Services {
  organisations: OrganisationService;
  plans: PlanService;
  actions: ActionService;
  risks: RiskService;
  voice: VoiceService;
  glossary: GlossaryService;
  audit: AuditService;
  demo: DemoService;
  deployment: DeploymentService;
  measures: MeasureService;
  dashboards: DashboardService;
  benchmarks: BenchmarkService;
  ssda903: Ssda903Service;
  accounts: AccountService;
  search: SearchService;
  /** Today's date and the time for every caller: pages, API and command line put it in their context. */
  clock: Clock;
  /** The database's queue for connections, for shedding load before it grows long. */
  databaseLoad(): DatabaseLoad;
}

export interface App {
  handle: DatabaseHandle;
  services: Services;
  close(): Promise<void>;
}

export function createServices(handle: DatabaseHandle, clock: Clock = systemClock): Services {
  const store = new Store(handle.db);
  const measures = new MeasureService(store);
  return {
    organisations: new OrganisationService(store),
    plans: new PlanService(store),
    actions: new ActionService(store),
    risks: new RiskService(store),
    voice: new VoiceService(store),
    glossary: new GlossaryService(store),
    audit: new AuditService(store),
    demo: new DemoService(store),
    deployment: new DeploymentService(store),
    measures,
    dashboards: new DashboardService(store, measures),
    benchmarks: new BenchmarkService(store),
    ssda903: new Ssda903Service(store),
    accounts: new AccountService(store),
    search: new SearchService(store, new SearchRepository(handle.db)),
    clock,
    databaseLoad: () => handle.load(),
  };
}

export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  return config.databaseUrl !== undefined ? openServer(config.databaseUrl) : openEmbedded(config.dataDir);
}

/** Opens the configured database, brings its schema up to date and builds the services. */
export async function compose(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'today'>>): Promise<App> {
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return { handle, services: createServices(handle, clockWithToday(config.today)), close: () => handle.close() };
}

/** Opens the database only to migrate it; returns the migrations applied. */
export async function migrateDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<string[]> {
  const handle = await openDatabase(config);
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}
