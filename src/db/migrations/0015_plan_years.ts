// Plans across years: a plan archived (kept, readable, closed to changes), a plan rolled into the next
// year's with its open actions carried over (each new action pointing to the one it came from), and
// an action closed as no longer needed, with its reason (kept, never deleted).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table plan add column archived_at timestamptz;
    alter table plan add column archived_by text;
    -- The plan this one was rolled over from: a plan is rolled into next year's once.
    alter table plan add column rolled_from_plan_id int references plan(id) on delete set null;
    create unique index plan_rolled_from on plan (rolled_from_plan_id);

    -- The action this one carries over; its history stays on the old action, read through this link.
    alter table action add column rolled_from_id int references action(id) on delete set null;
    create index action_rolled_from on action (rolled_from_id);
    alter table action add column closed_on date;
    alter table action add column closed_reason text not null default '';
    alter table action add column closed_by text;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table action drop column closed_by;
    alter table action drop column closed_reason;
    alter table action drop column closed_on;
    drop index action_rolled_from;
    alter table action drop column rolled_from_id;
    drop index plan_rolled_from;
    alter table plan drop column rolled_from_plan_id;
    alter table plan drop column archived_by;
    alter table plan drop column archived_at;
  `);
}
