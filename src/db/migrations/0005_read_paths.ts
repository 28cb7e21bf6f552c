// Indexes for the action page's lookups by action: the risks and young people's voice items an
// action answers, and its sub-actions (each was a whole-table scan; EXPLAIN on a large authority).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create index risk_action_action on risk_action (action_id);
    create index voice_item_action_action on voice_item_action (action_id);
    create index action_parent on action (parent_action_id) where parent_action_id is not null;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop index action_parent;
    drop index voice_item_action_action;
    drop index risk_action_action;
  `);
}
