// The repositories bound to one connection or transaction, and the unit of work services use.
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/types.ts';
import { AccountRepository } from './account.repository.ts';
import { ActionRepository } from './action.repository.ts';
import { AuditRepository } from './audit.repository.ts';
import { DashboardRepository } from './dashboard.repository.ts';
import { DeploymentRepository } from './deployment.repository.ts';
import { GlossaryRepository } from './glossary.repository.ts';
import { MeasureRepository } from './measure.repository.ts';
import { OrganisationRepository } from './organisation.repository.ts';
import { PlanRepository } from './plan.repository.ts';
import { ReferenceRepository } from './reference.repository.ts';
import { ProgrammeRepository } from './programme.repository.ts';
import { RiskRepository } from './risk.repository.ts';
import { RoundRepository } from './round.repository.ts';
import { SnapshotRepository } from './snapshot.repository.ts';
import { Ssda903Repository } from './ssda903.repository.ts';
import { TrackerImportRepository } from './tracker-import.repository.ts';
import { VoiceRepository } from './voice.repository.ts';

export interface Repositories {
  organisations: OrganisationRepository;
  plans: PlanRepository;
  actions: ActionRepository;
  risks: RiskRepository;
  voice: VoiceRepository;
  glossary: GlossaryRepository;
  references: ReferenceRepository;
  audit: AuditRepository;
  measures: MeasureRepository;
  ssda903: Ssda903Repository;
  accounts: AccountRepository;
  deployment: DeploymentRepository;
  rounds: RoundRepository;
  trackerImports: TrackerImportRepository;
  dashboards: DashboardRepository;
  programmes: ProgrammeRepository;
  snapshots: SnapshotRepository;
}

function bind(db: Kysely<Database>): Repositories {
  return {
    organisations: new OrganisationRepository(db),
    plans: new PlanRepository(db),
    actions: new ActionRepository(db),
    risks: new RiskRepository(db),
    voice: new VoiceRepository(db),
    glossary: new GlossaryRepository(db),
    references: new ReferenceRepository(db),
    audit: new AuditRepository(db),
    measures: new MeasureRepository(db),
    ssda903: new Ssda903Repository(db),
    accounts: new AccountRepository(db),
    deployment: new DeploymentRepository(db),
    rounds: new RoundRepository(db),
    trackerImports: new TrackerImportRepository(db),
    dashboards: new DashboardRepository(db),
    programmes: new ProgrammeRepository(db),
    snapshots: new SnapshotRepository(db),
  };
}

export class Store {
  readonly read: Repositories;
  constructor(private readonly db: Db) {
    this.read = bind(db);
  }

  /** Runs fn in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(bind(trx)));
  }
}
