// Frozen "as reported" snapshots: closing a reporting round stores what the board was told (actions,
// programmes, risks, the young people's priorities, measures) as a numbered, named header with one
// jsonb document per section. The database itself refuses to change or delete them.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table snapshot (
      id serial primary key,
      organisation_id int not null references organisation(id),
      number int not null,
      round_id int not null unique references reporting_round(id),
      name text not null,
      period text not null,
      period_start date not null,
      period_end date not null,
      taken_at timestamptz not null default now(),
      taken_by text not null,
      unique (organisation_id, number)
    );

    create table snapshot_section (
      snapshot_id int not null references snapshot(id),
      section text not null check (section in ('actions', 'programmes', 'risks', 'priorities', 'measures')),
      content jsonb not null,
      primary key (snapshot_id, section)
    );

    -- Row triggers: an UPDATE or DELETE of a stored snapshot fails whoever sends it (TRUNCATE, which
    -- only an operator emptying a whole database runs, fires no row trigger).
    create function snapshot_is_frozen() returns trigger language plpgsql as $$ begin raise exception 'a snapshot is frozen: it cannot be changed or deleted (table %)', tg_table_name using errcode = 'P0001'; end $$;

    create trigger snapshot_frozen before update or delete on snapshot for each row execute function snapshot_is_frozen();

    create trigger snapshot_section_frozen before update or delete on snapshot_section for each row execute function snapshot_is_frozen();
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table snapshot_section;
    drop table snapshot;
    drop function snapshot_is_frozen();
  `);
}
