// Versioned migrations, listed here in order; Kysely's migrator records which have run.
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_accounts.ts';
import * as m0003 from './migrations/0003_measures.ts';
import * as m0004 from './migrations/0004_approvals.ts';
import * as m0005 from './migrations/0005_read_paths.ts';
import * as m0006 from './migrations/0006_deployment_mode.ts';
import * as m0007 from './migrations/0007_dashboards.ts';
import * as m0008 from './migrations/0008_return_uploads.ts';
import * as m0009 from './migrations/0009_reporting_cycle.ts';
import * as m0010 from './migrations/0010_identity.ts';
import * as m0011 from './migrations/0011_tracker_mappings.ts';
import * as m0012 from './migrations/0012_registers.ts';
import * as m0013 from './migrations/0013_snapshots.ts';
import * as m0014 from './migrations/0014_programme_status.ts';
import * as m0015 from './migrations/0015_plan_years.ts';
import * as m0016 from './migrations/0016_references.ts';
import * as m0017 from './migrations/0017_measure_targets.ts';
import * as m0018 from './migrations/0018_delivery_receipts.ts';
import * as m0019 from './migrations/0019_measure_data_version.ts';
import * as m0020 from './migrations/0020_report_narrative.ts';
import * as m0021 from './migrations/0021_annual_report_text.ts';
import * as m0022 from './migrations/0022_measure_value_note.ts';
import * as m0023 from './migrations/0023_finding_see_also.ts';

/** Every migration by name, in order (exported for tests that migrate part of the way). */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_accounts': m0002,
  '0003_measures': m0003,
  '0004_approvals': m0004,
  '0005_read_paths': m0005,
  '0006_deployment_mode': m0006,
  '0007_dashboards': m0007,
  '0008_return_uploads': m0008,
  '0009_reporting_cycle': m0009,
  '0010_identity': m0010,
  '0011_tracker_mappings': m0011,
  '0012_registers': m0012,
  '0013_snapshots': m0013,
  '0014_programme_status': m0014,
  '0015_plan_years': m0015,
  '0016_references': m0016,
  '0017_measure_targets': m0017,
  '0018_delivery_receipts': m0018,
  '0019_measure_data_version': m0019,
  '0020_report_narrative': m0020,
  '0021_annual_report_text': m0021,
  '0022_measure_value_note': m0022,
  '0023_finding_see_also': m0023,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
