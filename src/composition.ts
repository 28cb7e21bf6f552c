// Wires the database to repositories and services; shared by the server, the command line and tests.
import type { Config, OidcConfig } from './config.ts';
import { clockWithToday, systemClock, type Clock } from './domain/clock.ts';
import { openEmbedded, openServer, type DatabaseHandle, type DatabaseLoad } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
// The embedded database's one-process rule, for the server and the command line to speak of.
export { DataDirInUseError, noteServerAddress, serverAddressOf } from './db/database.ts';
import { Store } from './repositories/store.ts';
import { AccountService } from './services/account.service.ts';
import { ActionService } from './services/actions/index.ts';
import { AuditService } from './services/audit.service.ts';
import { BenchmarkService } from './services/benchmark.service.ts';
import { DashboardService } from './services/dashboard.service.ts';
import { DemoService } from './services/demo.service.ts';
import { DeploymentService } from './services/deployment.service.ts';
import { GlossaryService } from './services/glossary.service.ts';
import { ReferenceService } from './services/reference.service.ts';
import { IdentityService } from './services/identity.service.ts';
import { MeasureService } from './services/measure.service.ts';
import { OrganisationService } from './services/organisation.service.ts';
import { PlanImportService } from './services/plan-import.service.ts';
import { PlanService } from './services/plan.service.ts';
import { RiskService } from './services/risk.service.ts';
import { Ssda903Service } from './services/ssda903.service.ts';
import { VoiceService } from './services/voice.service.ts';
import { SearchRepository } from './repositories/search.repository.ts';
import { SearchService } from './services/search.service.ts';
import { channelFor } from './notify/channels.ts';
import type { MessageChannel } from './notify/channel.ts';
import { RoundService } from './services/reporting/round.service.ts';
import { ProgrammeStatusService } from './services/reporting/programme-status.service.ts';
import { PartnerLinkService } from './services/reporting/partner-link.service.ts';
import { ReminderSender } from './services/reporting/reminder-sender.ts';
import { SnapshotService } from './services/reporting/snapshot.service.ts';
import { ReportService } from './services/reporting/report.service.ts';
import { DeliveryReceiptService } from './services/reporting/delivery-receipts.ts';

export interface Services {
  organisations: OrganisationService;
  plans: PlanService;
  planImports: PlanImportService;
  actions: ActionService;
  risks: RiskService;
  voice: VoiceService;
  glossary: GlossaryService;
  references: ReferenceService;
  audit: AuditService;
  demo: DemoService;
  deployment: DeploymentService;
  measures: MeasureService;
  dashboards: DashboardService;
  benchmarks: BenchmarkService;
  ssda903: Ssda903Service;
  accounts: AccountService;
  /** Signing in through the authority's identity provider (OpenID Connect), when configured. */
  identity: IdentityService;
  search: SearchService;
  rounds: RoundService;
  /** Each programme's status per reporting period, entered by its lead. */
  programmes: ProgrammeStatusService;
  partnerLinks: PartnerLinkService;
  /** Sends the reminders due: on an interval inside the server, once from `parentis round remind`. */
  reminders: ReminderSender;
  /** Frozen "as reported" copies taken when a round closes, and what changed between two. */
  snapshots: SnapshotService;
  reports: ReportService;
  /** GOV.UK Notify's delivery receipts on the reminders it sent. */
  deliveryReceipts: DeliveryReceiptService;
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

/** How messages to owners go out: a channel (SMTP, GOV.UK Notify) or none (the outbox), and the address links point to. */
export interface Messaging {
  channel?: MessageChannel | undefined;
  publicUrl: string;
}

export function createServices(handle: DatabaseHandle, clock: Clock = systemClock, messaging: Messaging = { publicUrl: 'http://localhost:3000' }, oidc?: OidcConfig): Services {
  const store = new Store(handle.db);
  const plans = new PlanService(store);
  const actions = new ActionService(store);
  const measures = new MeasureService(store);
  const snapshots = new SnapshotService(store);
  return {
    organisations: new OrganisationService(store),
    plans,
    planImports: new PlanImportService(store, plans),
    actions,
    risks: new RiskService(store),
    voice: new VoiceService(store),
    glossary: new GlossaryService(store),
    references: new ReferenceService(store, actions),
    audit: new AuditService(store),
    demo: new DemoService(store, clock, messaging.publicUrl),
    deployment: new DeploymentService(store),
    measures,
    dashboards: new DashboardService(store, measures),
    benchmarks: new BenchmarkService(store),
    ssda903: new Ssda903Service(store),
    accounts: new AccountService(store, oidc?.localPasswords ?? true),
    identity: new IdentityService(store, oidc),
    search: new SearchService(store, new SearchRepository(handle.db)),
    rounds: new RoundService(store),
    programmes: new ProgrammeStatusService(store),
    snapshots,
    reports: new ReportService(store, snapshots),
    deliveryReceipts: new DeliveryReceiptService(store),
    partnerLinks: new PartnerLinkService(store, actions),
    reminders: new ReminderSender(store, { channel: messaging.channel, publicUrl: messaging.publicUrl, clock }),
    clock,
    databaseLoad: () => handle.load(),
  };
}

export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  return config.databaseUrl !== undefined ? openServer(config.databaseUrl) : openEmbedded(config.dataDir);
}

/** How a database is opened: openDatabase, unless a caller (a test running many commands in one process) gives its own. */
export type OpenDatabase = typeof openDatabase;

/** Opens the configured database, brings its schema up to date and builds the services. */
export async function compose(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'today' | 'messaging' | 'publicUrl' | 'oidc'>>,
  open: OpenDatabase = openDatabase,
): Promise<App> {
  const handle = await open(config);
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const channel = config.messaging === undefined ? undefined : channelFor(config.messaging);
  const services = createServices(handle, clockWithToday(config.today), { channel, publicUrl: config.publicUrl ?? 'http://localhost:3000' }, config.oidc);
  return {
    handle,
    services,
    close: async () => {
      await channel?.close?.();
      await handle.close();
    },
  };
}

/** Opens the database only to migrate it; returns the migrations applied. */
export async function migrateDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, open: OpenDatabase = openDatabase): Promise<string[]> {
  const handle = await open(config);
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}
