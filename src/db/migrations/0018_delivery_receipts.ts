// GOV.UK Notify's delivery receipts on reminders: a reminder Notify delivered is "delivered", and
// what Notify last said of it (its status word, and when) is kept, so a receipt sent twice changes nothing.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    alter table reminder drop constraint reminder_status_check;
    alter table reminder add constraint reminder_status_check check (status in ('scheduled', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'skipped'));
    alter table reminder add column delivery_status text, add column delivery_reported_at timestamptz;
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    update reminder set status = 'sent' where status = 'delivered';
    alter table reminder drop column delivery_status, drop column delivery_reported_at;
    alter table reminder drop constraint reminder_status_check;
    alter table reminder add constraint reminder_status_check check (status in ('scheduled', 'sending', 'sent', 'failed', 'bounced', 'skipped'));
  `);
}
