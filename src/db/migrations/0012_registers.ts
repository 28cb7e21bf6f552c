// The registers edited in the browser: a risk score's date, a risk's closing and its linked measures,
// the dated "we did" responses to the young people's priorities, and retired glossary terms.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    -- The day the risk was assessed at this score (recorded_at is when it was typed in); the reason is note.
    alter table risk_score add column assessed_on date;
    alter table risk add column closed_on date;
    alter table risk add column closed_reason text not null default '';

    create table risk_measure (
      risk_id int not null references risk(id) on delete cascade,
      measure_id int not null references measure(id) on delete cascade,
      primary key (risk_id, measure_id)
    );
    create index risk_measure_measure on risk_measure (measure_id);

    -- "We did": each response on its own date with its evidence; voice_item.we_did keeps an imported summary.
    create table voice_response (
      id serial primary key,
      voice_item_id int not null references voice_item(id) on delete cascade,
      responded_on date not null,
      we_did text not null,
      evidence text not null default '',
      recorded_by text not null,
      recorded_at timestamptz not null default now()
    );
    create index voice_response_item on voice_response (voice_item_id, responded_on, id);
    alter table voice_item add column answered_on date;

    -- A retired term stays (its definition is still read in old papers) but no longer expands acronyms.
    alter table glossary_term add column retired_on date;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table glossary_term drop column retired_on;
    alter table voice_item drop column answered_on;
    drop table voice_response;
    drop table risk_measure;
    alter table risk drop column closed_reason;
    alter table risk drop column closed_on;
    alter table risk_score drop column assessed_on;
  `);
}
