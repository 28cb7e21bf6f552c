// Performance measures: the measure library, values, targets, benchmarks, population, statistical
// neighbours and DfE authorities; the imported SSDA903 uploads and their child-level records.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table measure (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      code text not null,
      title text not null,
      description text not null default '',
      numerator text not null default '',
      denominator text not null default '',
      unit text not null,
      polarity text not null check (polarity in ('higher is better', 'lower is better', 'neither')),
      frequency text not null check (frequency in ('monthly', 'quarterly', 'annual')),
      source text not null check (source in ('ssda903', 'manual', 'import')),
      amber_band numeric check (amber_band is null or amber_band >= 0),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, code)
    );

    create table measure_value (
      id bigserial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      measure_id int not null references measure(id) on delete cascade,
      period_end date not null,
      period_window text not null check (period_window in ('month', 'ytd', 'rolling12', 'year')),
      breakdown_dimension text not null default '',
      breakdown_category text not null default '',
      numerator numeric,
      denominator numeric,
      value numeric,
      symbol text check (symbol in ('c', 'k', 'x', 'z', 'low')),
      source text not null,
      imported_at timestamptz not null default now(),
      imported_by text not null,
      unique (measure_id, period_end, period_window, breakdown_dimension, breakdown_category)
    );
    create index measure_value_org on measure_value (organisation_id, source);

    create table measure_target (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      measure_id int not null references measure(id) on delete cascade,
      effective_from date not null,
      effective_to date,
      value numeric not null,
      staged boolean not null default false,
      label text not null default '',
      created_by text not null,
      created_at timestamptz not null default now(),
      check (effective_to is null or effective_to >= effective_from)
    );
    create index measure_target_measure on measure_target (measure_id, effective_from);

    create table benchmark (
      id bigserial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      measure_code text not null,
      indicator_key text not null,
      comparator text not null check (comparator in ('england', 'region', 'sn-mean', 'sn-median', 'judged-good')),
      comparator_name text not null default '',
      time_period int not null,
      breakdown_dimension text not null default '',
      breakdown_category text not null default '',
      value numeric,
      symbol text check (symbol in ('c', 'k', 'x', 'z', 'low')),
      authorities int,
      imported_at timestamptz not null default now(),
      imported_by text not null,
      unique (organisation_id, measure_code, comparator, time_period, breakdown_dimension, breakdown_category)
    );

    create table population (
      organisation_id int not null references organisation(id) on delete cascade,
      la_code text not null,
      year int not null,
      count int not null check (count >= 0),
      primary key (organisation_id, la_code, year)
    );

    create table statistical_neighbour (
      organisation_id int not null references organisation(id) on delete cascade,
      model text not null check (model in ('2021', '2025')),
      la_code text not null,
      neighbour_la_code text not null,
      rank int not null check (rank between 1 and 10),
      closeness text not null default '',
      primary key (organisation_id, model, la_code, rank)
    );

    create table dfe_authority (
      organisation_id int not null references organisation(id) on delete cascade,
      old_la_code text not null,
      new_la_code text not null default '',
      name text not null,
      region_code text not null default '',
      region_name text not null default '',
      primary key (organisation_id, old_la_code)
    );

    create table ssda903_upload (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      uploaded_by text not null,
      uploaded_at timestamptz not null default now(),
      files jsonb not null,
      collection_years int[] not null,
      row_count int not null,
      errors int not null,
      warnings int not null,
      issue_summary jsonb not null,
      replaced_at timestamptz
    );
    create index ssda903_upload_org on ssda903_upload (organisation_id, id desc);

    create table ssda903_record (
      id bigserial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      upload_id int not null references ssda903_upload(id) on delete cascade,
      table_name text not null,
      collection_year int not null,
      file text not null,
      line int not null,
      child text not null,
      fields jsonb not null
    );
    create index ssda903_record_org on ssda903_record (organisation_id, upload_id, file, line);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table ssda903_record, ssda903_upload, dfe_authority, statistical_neighbour, population, benchmark,
      measure_target, measure_value, measure;
  `);
}
