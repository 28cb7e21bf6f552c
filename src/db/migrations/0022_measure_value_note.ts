// A note stored with a figure, shown beside it: e.g. long-term stability with fewer than three collection
// years of Episodes, or adoption averages leaving out children whose care began before the files.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table measure_value add column note text;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table measure_value drop column note;`);
}
