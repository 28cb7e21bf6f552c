// Accounts and sign-in: user accounts (local passwords now, the authority's identity provider later),
// database sessions shared by every app server, sign-in attempts for throttling, and API tokens.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table user_account (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      email text not null check (email = lower(email)),
      name text not null,
      role text not null check (role in ('admin', 'manager', 'lead', 'owner', 'analyst', 'viewer')),
      password_hash text,
      identity_provider text,
      subject text,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      version int not null default 1,
      check ((identity_provider is null) = (subject is null))
    );
    create unique index user_account_email on user_account (email);
    create unique index user_account_subject on user_account (identity_provider, subject) where identity_provider is not null;

    create table user_session (
      id text primary key,
      user_id int not null references user_account(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      data jsonb not null default '{}'
    );
    create index user_session_user on user_session (user_id);
    create index user_session_expiry on user_session (expires_at);

    create table sign_in_attempt (
      id bigserial primary key,
      email text not null,
      ip text not null,
      at timestamptz not null default now(),
      succeeded boolean not null
    );
    create index sign_in_attempt_email on sign_in_attempt (email, at);
    create index sign_in_attempt_ip on sign_in_attempt (ip, at);

    create table api_token (
      id serial primary key,
      user_id int not null references user_account(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_token_user on api_token (user_id);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop table api_token, sign_in_attempt, user_session, user_account;`);
}
