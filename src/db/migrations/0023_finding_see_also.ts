// The other rows a stored 903 finding involves, as the analyst reads them ("see also row 13"): the previous
// episode of an overlap, the second copy of a repeated row. Findings stored before it have none.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table ssda903_finding add column see_also text not null default '';`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table ssda903_finding drop column see_also;`);
}
