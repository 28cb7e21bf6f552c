// Programme status per reporting period: a programme (the top-level part of a plan) gets, each period,
// its delivery group, chair, BRAG status, trend and reason, entered by its lead. Entries are never
// overwritten: a correction is a newer entry, so every earlier one stays in the history.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table programme_status (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      node_id int not null references plan_node(id) on delete cascade,
      period text not null,
      period_start date not null,
      period_end date not null,
      status text not null check (status in ('B', 'R', 'A', 'G')),
      trend text not null check (trend in ('improving', 'stable', 'worsening')),
      reason text not null,
      delivery_group text,
      chair text,
      entered_by text not null,
      entered_at timestamptz not null default now()
    );
    create index programme_status_node on programme_status (node_id, period_end, id);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table programme_status;');
}
