// Decisions on proposals: a status proposal is approved or rejected (who, when, why), and an owner's
// request to move a deadline waits in deadline_request until a lead or manager decides it.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table action_status
      add column rejected_by text,
      add column decided_at timestamptz,
      add column decision_reason text not null default '';
    alter table action_status add constraint action_status_one_decision check (approved_by is null or rejected_by is null);

    create table deadline_request (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      due_date date not null,
      reason text not null,
      requested_by text not null,
      requested_at timestamptz not null default now(),
      decision text check (decision in ('approved', 'rejected', 'withdrawn')),
      decided_by text,
      decided_at timestamptz,
      decision_reason text not null default '',
      check ((decision is null) = (decided_by is null))
    );
    create index deadline_request_action on deadline_request (action_id, id);
    create index deadline_request_pending on deadline_request (action_id) where decision is null;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table deadline_request;
    alter table action_status drop constraint action_status_one_decision;
    alter table action_status drop column rejected_by, drop column decided_at, drop column decision_reason;
  `);
}
