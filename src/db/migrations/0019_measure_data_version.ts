// A mark that moves whenever anything a measure's figures are read from changes (definitions, values,
// targets, tolerance, benchmarks, quartiles, commentary, the history of changes), so the figures a
// dashboard works out can be kept between requests and worked out again only after a change. Kept by
// triggers, not by the services, so an import, a form, the command line, another Parentis server on
// the same database and a hand-written statement all move it; a write that is rolled back does not.
// The mark is the writing transaction's id, never a count: ids are never used twice, so the mark
// never comes back to an earlier value, even when the tables are emptied and filled again.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

const TABLES = ['measure', 'measure_value', 'measure_target', 'measure_change', 'measure_commentary', 'benchmark', 'benchmark_quartile'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table measure_data_version (
      single boolean primary key default true check (single),
      version bigint not null
    );
    insert into measure_data_version (single, version) values (true, txid_current());

    -- Once per statement, not per row: an import of thousands of figures moves the mark once.
    create function measure_data_changed() returns trigger language plpgsql as $$ begin insert into measure_data_version (single, version) values (true, txid_current()) on conflict (single) do update set version = excluded.version; return null; end $$;

    ${TABLES.map((t) => `create trigger ${t}_data_changed after insert or update or delete or truncate on ${t} for each statement execute function measure_data_changed();`).join('\n    ')}
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    ${TABLES.map((t) => `drop trigger ${t}_data_changed on ${t};`).join('\n    ')}
    drop function measure_data_changed();
    drop table measure_data_version;
  `);
}
