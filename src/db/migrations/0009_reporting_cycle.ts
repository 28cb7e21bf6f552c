// The reporting cycle: a round asks every owner of an open action in its plans for an update by a due
// date (update_request); reminders are a schedule in the database, claimed by one sender at a time;
// messages without a channel wait in the outbox; partner links let an owner without an account reply.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table reporting_round (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      frequency text not null check (frequency in ('monthly', 'quarterly')),
      period text not null,
      period_start date not null,
      period_end date not null,
      due_date date not null,
      opened_by text not null,
      opened_at timestamptz not null default now(),
      unique (organisation_id, period)
    );

    create table reporting_round_plan (
      round_id int not null references reporting_round(id) on delete cascade,
      plan_id int not null references plan(id) on delete cascade,
      added_by text not null,
      added_at timestamptz not null default now(),
      primary key (round_id, plan_id)
    );

    create table update_request (
      id serial primary key,
      round_id int not null references reporting_round(id) on delete cascade,
      action_id int not null references action(id) on delete cascade,
      owner_name text not null,
      email text,
      asked_at timestamptz not null default now(),
      received_at timestamptz,
      received_via text check (received_via in ('account', 'link')),
      progress_update_id int references progress_update(id) on delete set null
    );
    create unique index update_request_once on update_request (round_id, action_id, lower(owner_name));
    create index update_request_action on update_request (action_id) where received_at is null;
    create index update_request_owner on update_request (lower(owner_name));

    create table reminder (
      id serial primary key,
      round_id int not null references reporting_round(id) on delete cascade,
      owner_name text not null,
      kind text not null check (kind in ('request', 'before', 'due', 'overdue', 'manual')),
      send_on date not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'sending', 'sent', 'failed', 'bounced', 'skipped')),
      attempts int not null default 0,
      next_attempt_at timestamptz,
      claimed_by text,
      claimed_at timestamptz,
      channel text,
      address text,
      provider_reference text,
      last_error text,
      sent_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create unique index reminder_once on reminder (round_id, lower(owner_name), kind, send_on) where kind <> 'manual';
    create index reminder_due on reminder (send_on, id) where status in ('scheduled', 'sending');
    create index reminder_round on reminder (round_id, lower(owner_name));

    create table outbox_message (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      reminder_id int references reminder(id) on delete set null,
      to_name text not null,
      to_address text,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index outbox_message_org on outbox_message (organisation_id, id desc);

    create table partner_link (
      id serial primary key,
      round_id int not null references reporting_round(id) on delete cascade,
      owner_name text not null,
      email text not null,
      token_hash text not null unique,
      expires_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      used_at timestamptz,
      revoked_at timestamptz,
      revoked_by text
    );
    create index partner_link_round on partner_link (round_id, lower(owner_name));
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table partner_link, outbox_message, reminder, update_request, reporting_round_plan, reporting_round;');
}
