// Cross-references as things of their own: what an inspection recommendation, a sufficiency challenge
// or a programme says, the document it comes from and its date, one row per authority, kind and number.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table cross_reference (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      kind text not null,
      value text not null,
      title text not null default '',
      body text not null default '',
      source text not null default '',
      issued_on date,
      version int not null default 1,
      created_at timestamptz not null default now(),
      unique (organisation_id, kind, value)
    );
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table cross_reference;
  `);
}
