// The 903 return in the browser: each upload's data-quality findings kept row by row (child-level, so
// read by analysts only), and an import job whose row moves as the import goes, for its progress page.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table ssda903_finding (
      id bigserial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      upload_id int not null references ssda903_upload(id) on delete cascade,
      severity text not null check (severity in ('error', 'warning', 'note')),
      check_code text not null,
      file text not null,
      line int not null,
      column_name text,
      child text not null,
      message text not null
    );
    create index ssda903_finding_upload on ssda903_finding (upload_id, check_code, file, line);

    create table ssda903_import (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      started_by text not null,
      started_at timestamptz not null default now(),
      files jsonb not null,
      rows int not null,
      state text not null check (state in ('storing', 'done', 'failed')),
      phase text not null default 'records' check (phase in ('records', 'indicators')),
      done int not null default 0,
      total int not null default 0,
      message text not null default '',
      upload_id int references ssda903_upload(id) on delete set null,
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index ssda903_import_org on ssda903_import (organisation_id, id desc);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table ssda903_import;\ndrop table ssda903_finding;');
}
