// Named dashboards of measure tiles, in the order their makers chose, and the analyst's commentary on
// a measure's period, kept as a history (each entry a new row; the newest for a period is shown).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table dashboard (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      name text not null,
      version int not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, name)
    );
    create table dashboard_tile (
      dashboard_id int not null references dashboard(id) on delete cascade,
      measure_code text not null,
      position int not null,
      primary key (dashboard_id, measure_code)
    );
    create table measure_commentary (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      measure_code text not null,
      period_end date not null,
      body text not null,
      author text not null,
      created_at timestamptz not null default now()
    );
    create index measure_commentary_lookup on measure_commentary (organisation_id, measure_code, period_end, id);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table measure_commentary, dashboard_tile, dashboard;');
}
