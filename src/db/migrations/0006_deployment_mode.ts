// Whether the database holds the demonstration or a real authority: one row, written once, in the
// same transaction as the first authority. A known demo password must never guard real data.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table deployment (
      only_row boolean primary key default true check (only_row),
      mode text not null check (mode in ('demo', 'real')),
      marked_at timestamptz not null default now()
    );
    -- Databases from before the mark: the demonstration loader left its 'demo' setting on its authority.
    insert into deployment (mode)
      select case when exists (select 1 from setting where key = 'demo') then 'demo' else 'real' end
      where exists (select 1 from organisation);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table deployment;');
}
