// Signing in through the authority's identity provider and the account lifecycle: sign-ins waiting
// for the provider's answer (state, nonce, PKCE verifier), and one-time links to set a password.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    -- One row per sign-in sent to the identity provider, found by the hash of the browser's cookie,
    -- deleted when the provider's answer comes back (used once) or when it expires.
    create table identity_sign_in (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      next text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index identity_sign_in_expiry on identity_sign_in (expires_at);

    -- A link an administrator gives a person to set their own password: only its hash is kept.
    create table password_link (
      id serial primary key,
      user_id int not null references user_account(id) on delete cascade,
      token_hash text not null unique,
      created_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_link_user on password_link (user_id);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop table password_link, identity_sign_in;`);
}
