// Organisation, plans and their tree, actions with owners, deadlines, BRAG history, updates and
// cross-references; risks, voice of the child, glossary; the audit trail.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table organisation (
      id serial primary key,
      name text not null,
      short_name text not null,
      la_code text,
      region text,
      created_at timestamptz not null default now()
    );

    create table setting (
      organisation_id int not null references organisation(id) on delete cascade,
      key text not null,
      value jsonb not null,
      primary key (organisation_id, key)
    );

    create table plan (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      slug text not null,
      title text not null,
      kind text not null,
      period_start date,
      period_end date,
      status text not null default 'active' check (status in ('draft', 'active', 'closed')),
      description text not null default '',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, slug)
    );

    create table plan_node (
      id serial primary key,
      plan_id int not null references plan(id) on delete cascade,
      parent_id int references plan_node(id) on delete cascade,
      position int not null,
      kind text not null,
      number text not null default '',
      title text not null,
      description text not null default '',
      lead text,
      senior_responsible_owner text,
      delivery_group text,
      chair text,
      status char(1) check (status in ('B', 'R', 'A', 'G')),
      status_trend text check (status_trend in ('improving', 'stable', 'worsening')),
      status_reason text not null default '',
      status_as_at date,
      version int not null default 1
    );
    create index plan_node_plan on plan_node (plan_id, position);

    create table action (
      id serial primary key,
      plan_id int not null references plan(id) on delete cascade,
      node_id int not null references plan_node(id) on delete cascade,
      parent_action_id int references action(id) on delete cascade,
      position int not null,
      number text not null,
      title text not null,
      description text not null default '',
      success_measures text not null default '',
      outcome text not null default '',
      flags text[] not null default '{}',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (plan_id, number)
    );
    create index action_node on action (node_id, position);

    create table action_owner (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      position int not null,
      name text,
      role text,
      check (name is not null or role is not null)
    );
    create index action_owner_action on action_owner (action_id);
    create index action_owner_name on action_owner (lower(coalesce(name, '') || ' ' || coalesce(role, '')));

    create table action_deadline (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      due_date date not null,
      reason text not null default '',
      set_by text not null,
      set_at timestamptz not null default now()
    );
    create index action_deadline_action on action_deadline (action_id, set_at, id);

    create table action_status (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      kind text not null default 'current' check (kind in ('current', 'forecast')),
      status char(1) not null check (status in ('B', 'R', 'A', 'G')),
      as_at date not null,
      reason text not null default '',
      proposed_by text not null,
      approved_by text,
      recorded_at timestamptz not null default now()
    );
    create index action_status_action on action_status (action_id, kind, as_at, recorded_at, id);

    create table progress_update (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      update_date date not null,
      author text not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index progress_update_action on progress_update (action_id, update_date, id);

    create table action_ref (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      kind text not null check (kind in ('challenge', 'inspection', 'programme', 'measure', 'tag')),
      value text not null,
      unique (action_id, kind, value)
    );
    create index action_ref_lookup on action_ref (kind, lower(value));

    create table action_kpi (
      id serial primary key,
      action_id int not null references action(id) on delete cascade,
      position int not null,
      title text not null,
      measure_code text,
      unit text not null default '%',
      targets jsonb not null default '[]'
    );
    create index action_kpi_action on action_kpi (action_id);

    create table risk (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      plan_id int references plan(id) on delete cascade,
      node_id int references plan_node(id) on delete set null,
      reference text not null,
      title text not null,
      impact text not null default '',
      mitigation text not null default '',
      owner text not null,
      review_date date,
      status text not null default 'open' check (status in ('open', 'closed')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index risk_reference on risk (organisation_id, coalesce(plan_id, 0), reference);

    create table risk_score (
      id serial primary key,
      risk_id int not null references risk(id) on delete cascade,
      likelihood int not null check (likelihood between 1 and 5),
      impact int not null check (impact between 1 and 5),
      recorded_at timestamptz not null default now(),
      recorded_by text not null,
      note text not null default ''
    );
    create index risk_score_risk on risk_score (risk_id, recorded_at, id);

    create table risk_action (
      risk_id int not null references risk(id) on delete cascade,
      action_id int not null references action(id) on delete cascade,
      primary key (risk_id, action_id)
    );

    create table voice_item (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      council text not null,
      priority text not null,
      you_said text not null,
      we_did text not null default '',
      raised_by text not null,
      raised_on date not null,
      status text not null default 'open' check (status in ('open', 'in-progress', 'done')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table voice_item_action (
      voice_item_id int not null references voice_item(id) on delete cascade,
      action_id int not null references action(id) on delete cascade,
      primary key (voice_item_id, action_id)
    );

    create table glossary_term (
      id serial primary key,
      organisation_id int not null references organisation(id) on delete cascade,
      term text not null,
      expansion text not null,
      definition text not null default '',
      version int not null default 1,
      unique (organisation_id, term)
    );

    create table audit_event (
      id bigserial primary key,
      organisation_id int references organisation(id) on delete cascade,
      occurred_at timestamptz not null default now(),
      actor text not null,
      event text not null,
      entity_type text not null,
      entity_id int,
      entity_key text,
      before jsonb,
      after jsonb
    );
    create index audit_event_entity on audit_event (entity_type, entity_id, id);
    create index audit_event_time on audit_event (organisation_id, id desc);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table audit_event, glossary_term, voice_item_action, voice_item, risk_action, risk_score, risk,
      action_kpi, action_ref, progress_update, action_status, action_deadline, action_owner, action,
      plan_node, plan, setting, organisation;
  `);
}
