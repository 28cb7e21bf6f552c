// Measures kept in the browser: the reason for each target, the history of every change to a
// measure's targets, tolerance band and hand-entered figures (never overwritten), and the spread of
// every authority's published figure per year behind the DfE quartile band.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table measure_target add column reason text not null default '';

    -- One row per change, in the order made: what it was before and after, who, when and why.
    create table measure_change (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      measure_id int not null references measure(id) on delete cascade,
      kind text not null check (kind in ('target-added', 'target-ended', 'tolerance-changed', 'value-entered')),
      before jsonb,
      after jsonb not null,
      reason text not null default '',
      changed_by text not null,
      changed_at timestamptz not null default now()
    );
    create index measure_change_measure on measure_change (measure_id, id);

    -- The quartile points (R's default quantiles) of the authorities' published figures for a year.
    create table benchmark_quartile (
      organisation_id int not null references organisation(id) on delete cascade,
      measure_code text not null,
      time_period int not null,
      authorities int not null check (authorities > 0),
      q0 numeric not null,
      q1 numeric not null,
      q2 numeric not null,
      q3 numeric not null,
      q4 numeric not null,
      imported_at timestamptz not null default now(),
      imported_by text not null,
      primary key (organisation_id, measure_code, time_period)
    );
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table benchmark_quartile;
    drop table measure_change;
    alter table measure_target drop column reason;
  `);
}
