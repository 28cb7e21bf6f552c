// The annual board report's own sections, written by the authors for a round (summary, recommendations
// to council, background, the year's achievements, areas for development) beside the executive
// summary's narrative and decisions, and a version for all of that text, so that two people editing
// it at once cannot silently overwrite each other.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table reporting_round add column annual_summary text not null default '';
    alter table reporting_round add column annual_recommendations text not null default '';
    alter table reporting_round add column annual_background text not null default '';
    alter table reporting_round add column annual_achievements text not null default '';
    alter table reporting_round add column annual_development text not null default '';
    alter table reporting_round add column text_version integer not null default 1;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table reporting_round drop column text_version;
    alter table reporting_round drop column annual_development;
    alter table reporting_round drop column annual_achievements;
    alter table reporting_round drop column annual_background;
    alter table reporting_round drop column annual_recommendations;
    alter table reporting_round drop column annual_summary;
  `);
}
