// Board reports from a snapshot: the overall narrative and the decisions the board is asked for, written
// by the manager for each reporting round, and what a snapshot freezes beyond the register itself (the
// cover's authority name with that narrative, the inspection references with the actions answering them
// and their measures' before and after figures, and the glossary), so a report built from a snapshot
// reads the same whatever is edited later. Snapshots taken before this hold none of the new sections.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table reporting_round add column narrative text not null default '';
    alter table reporting_round add column decisions text not null default '';

    alter table snapshot_section drop constraint snapshot_section_section_check;
    alter table snapshot_section add constraint snapshot_section_section_check
      check (section in ('actions', 'programmes', 'risks', 'priorities', 'measures', 'report', 'references', 'glossary'));
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table snapshot_section drop constraint snapshot_section_section_check;
    alter table snapshot_section add constraint snapshot_section_section_check
      check (section in ('actions', 'programmes', 'risks', 'priorities', 'measures'));
    alter table reporting_round drop column decisions;
    alter table reporting_round drop column narrative;
  `);
}
