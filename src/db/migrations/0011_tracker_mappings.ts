// The tracker import in the browser: a file uploaded for the wizard's steps (its bytes, owned by the person who
// uploaded it, expiring), and the column mappings an authority saves to reuse on next quarter's tracker.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table tracker_upload (
      id text primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      user_id int not null references user_account(id) on delete cascade,
      file_name text not null,
      bytes bytea not null,
      mapping jsonb,
      uploaded_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index tracker_upload_expiry on tracker_upload (expires_at);

    create table tracker_mapping (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      name text not null,
      mapping jsonb not null,
      saved_by text not null,
      saved_at timestamptz not null default now(),
      version int not null default 1
    );
    create unique index tracker_mapping_name on tracker_mapping (organisation_id, lower(name));
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table tracker_mapping, tracker_upload;');
}
