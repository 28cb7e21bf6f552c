// Reporting rounds: their plans, the update requests to owners, the reminder schedule (claimed by one
// sender at a time with FOR UPDATE SKIP LOCKED), the outbox and partner links.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ReportText } from '../domain/report-text.ts';
import type { Database, OutboxMessageTable, PartnerLinkTable, ReminderTable, ReportingRoundTable, UpdateRequestTable } from '../db/types.ts';

export type Round = Selectable<ReportingRoundTable>;
export type UpdateRequest = Selectable<UpdateRequestTable>;
export type Reminder = Selectable<ReminderTable>;
export type OutboxMessage = Selectable<OutboxMessageTable>;
export type PartnerLink = Selectable<PartnerLinkTable>;

/** An owner (named person) of an open action in a plan, with the e-mail address of their account when they have one. */
export interface OwnerOfOpenAction {
  actionId: number;
  ownerName: string;
  email: string | null;
}

/** A request as the chase list shows it: the action, its plan and node, and the owner. */
export interface RequestRow extends UpdateRequest {
  planId: number;
  planSlug: string;
  planTitle: string;
  nodeId: number;
  number: string;
  title: string;
  hasAccount: boolean;
}

/** A person's name compared as isSamePerson compares it: trimmed, single-spaced, lower case. */
const personKey = (column: string) => sql.raw(`lower(regexp_replace(trim(${column}), '\\s+', ' ', 'g'))`);

/** How long a claimed reminder may stay "sending" before another sender takes it over (its sender stopped). */
export const CLAIM_TIMEOUT_MINUTES = 10;

export class RoundRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(organisationId: number): Promise<Round[]> {
    return this.db.selectFrom('reportingRound').selectAll().where('organisationId', '=', organisationId).orderBy('periodStart', 'desc').orderBy('id', 'desc').execute();
  }

  find(organisationId: number, id: number): Promise<Round | undefined> {
    return this.db.selectFrom('reportingRound').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  /** A round by id, whatever its authority: for a partner link, which carries no authority of its own. */
  roundById(id: number): Promise<Round | undefined> {
    return this.db.selectFrom('reportingRound').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Gives an owner's requests in a round an e-mail address; returns how many requests the owner has there. */
  async setOwnerEmail(roundId: number, ownerName: string, email: string): Promise<number> {
    const r = await this.db.updateTable('updateRequest').set({ email }).where('roundId', '=', roundId).where(sql<boolean>`lower(owner_name) = lower(${ownerName})`).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Opens a used link again (its updates could not be recorded). */
  async unuseLink(id: number): Promise<void> {
    await this.db.updateTable('partnerLink').set({ usedAt: null }).where('id', '=', id).execute();
  }

  /** The round of a period, locked: two managers opening the same period at once wait for each other. */
  findByPeriodForUpdate(organisationId: number, period: string): Promise<Round | undefined> {
    return this.db.selectFrom('reportingRound').selectAll().where('organisationId', '=', organisationId).where('period', '=', period).forUpdate().executeTakeFirst();
  }

  /** Inserts the round unless the period has one (another opening got there first); then returns the period's round. */
  async insertOrFind(row: Insertable<ReportingRoundTable>): Promise<{ round: Round; created: boolean }> {
    const inserted = await this.db.insertInto('reportingRound').values(row).onConflict((oc) => oc.columns(['organisationId', 'period']).doNothing()).returningAll().executeTakeFirst();
    if (inserted) return { round: inserted, created: true };
    const found = await this.findByPeriodForUpdate(row.organisationId, row.period);
    if (!found) throw new Error(`reporting round ${row.period} vanished while opening it`);
    return { round: found, created: false };
  }

  /** A round by id, locked until the transaction ends: its report text is written, or it is closed, one at a time. */
  lock(organisationId: number, id: number): Promise<Round | undefined> {
    return this.db.selectFrom('reportingRound').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Stores the round's report text and moves its version on; returns the new version. */
  async setReportText(roundId: number, text: ReportText): Promise<number> {
    const row = await this.db
      .updateTable('reportingRound')
      .set((eb) => ({ ...text, textVersion: eb('textVersion', '+', 1) }))
      .where('id', '=', roundId)
      .returning('textVersion')
      .executeTakeFirstOrThrow();
    return row.textVersion;
  }

  async planIds(roundId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('reportingRoundPlan').select('planId').where('roundId', '=', roundId).orderBy('planId').execute();
    return rows.map((r) => r.planId);
  }

  async plansOfRounds(roundIds: readonly number[]): Promise<{ roundId: number; planId: number; slug: string; title: string }[]> {
    if (roundIds.length === 0) return [];
    return this.db
      .selectFrom('reportingRoundPlan as rp')
      .innerJoin('plan as p', 'p.id', 'rp.planId')
      .select(['rp.roundId', 'rp.planId', 'p.slug', 'p.title'])
      .where('rp.roundId', 'in', roundIds)
      .orderBy('p.title')
      .execute();
  }

  /** Adds plans to a round; returns the ids of those not already in it. */
  async addPlans(roundId: number, planIds: readonly number[], addedBy: string): Promise<number[]> {
    if (planIds.length === 0) return [];
    const rows = await this.db
      .insertInto('reportingRoundPlan')
      .values(planIds.map((planId) => ({ roundId, planId, addedBy })))
      .onConflict((oc) => oc.columns(['roundId', 'planId']).doNothing())
      .returning('planId')
      .execute();
    return rows.map((r) => r.planId);
  }

  /**
   * The named owners of every open action (current approved status not Blue, not closed) in the plans, with the
   * e-mail address of the authority's account of the same name, when there is one. Owners given only
   * as a role title are nobody to ask.
   */
  async ownersOfOpenActions(organisationId: number, planIds: readonly number[]): Promise<OwnerOfOpenAction[]> {
    if (planIds.length === 0) return [];
    const { rows } = await sql<OwnerOfOpenAction>`
      select a.id as action_id, trim(o.name) as owner_name, acc.email
      from action a
      join action_owner o on o.action_id = a.id and o.name is not null and trim(o.name) <> ''
      left join lateral (
        select s.status from action_status s
        where s.action_id = a.id and s.kind = 'current' and s.approved_by is not null
        order by s.as_at desc, s.recorded_at desc, s.id desc limit 1
      ) st on true
      left join lateral (
        select u.email from user_account u
        where u.organisation_id = ${organisationId} and u.disabled_at is null and ${personKey('u.name')} = ${personKey('o.name')}
        order by u.id limit 1
      ) acc on true
      where a.plan_id in (${sql.join(planIds)}) and st.status is distinct from 'B' and a.closed_on is null
      order by a.plan_id, a.position, a.id, o.position
    `.execute(this.db);
    return rows;
  }

  /**
   * Asks owners for updates; a request already made (same round, action and owner) is left as it is.
   * Returns the owners of the new ones, one per request. The rows go as one JSON parameter, however
   * many (a round of 1,500 actions asks over a thousand), not as a parameter per value.
   */
  async insertRequests(rows: Insertable<UpdateRequestTable>[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const json = JSON.stringify(rows.map((x) => ({ round_id: x.roundId, action_id: x.actionId, owner_name: x.ownerName, email: x.email ?? null })));
    const r = await sql<{ ownerName: string }>`
      insert into update_request (round_id, action_id, owner_name, email)
      select x.round_id, x.action_id, x.owner_name, x.email
      from json_to_recordset(cast(${json} as json)) as x(round_id int, action_id int, owner_name text, email text)
      on conflict (round_id, action_id, lower(owner_name)) do nothing
      returning owner_name
    `.execute(this.db);
    return r.rows.map((x) => x.ownerName);
  }

  /** Marks every open request for the action received by this update; returns the rounds and owners marked. */
  async markReceived(actionId: number, progressUpdateId: number, via: 'account' | 'link', at: Date): Promise<{ roundId: number; ownerName: string }[]> {
    return this.db
      .updateTable('updateRequest')
      .set({ receivedAt: at, receivedVia: via, progressUpdateId })
      .where('actionId', '=', actionId)
      .where('receivedAt', 'is', null)
      // A closed round (one with its snapshot) keeps its chase list as it was when it closed.
      .where('roundId', 'not in', (eb) => eb.selectFrom('snapshot').select('snapshot.roundId'))
      .returning(['roundId', 'ownerName'])
      .execute();
  }

  /**
   * Records requests of one round as received on the given moments (with the update that answered
   * each, when known), as a loader bringing in a past round does; a request already received stays.
   */
  async receiveRequests(rows: readonly { id: number; at: Date; via: 'account' | 'link'; progressUpdateId: number | null }[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((x) => ({ id: x.id, at: x.at.toISOString(), via: x.via, update_id: x.progressUpdateId })));
    await sql`
      update update_request r set received_at = x.at, received_via = x.via, progress_update_id = x.update_id
      from json_to_recordset(cast(${json} as json)) as x(id int, at timestamptz, via text, update_id int)
      where r.id = x.id and r.received_at is null
    `.execute(this.db);
  }

  /** Requests (r) with their round (rr), action (a) and plan (p); an action closed as no longer needed is asked nothing. */
  private requestsWithActions() {
    return this.db
      .selectFrom('updateRequest as r')
      .innerJoin('reportingRound as rr', 'rr.id', 'r.roundId')
      .innerJoin('action as a', 'a.id', 'r.actionId')
      .innerJoin('plan as p', 'p.id', 'a.planId')
      .where('a.closedOn', 'is', null);
  }

  /** A round's requests with their actions, in plan and action order. */
  requests(roundId: number): Promise<RequestRow[]> {
    return this.requestsWithActions()
      .selectAll('r')
      .select(['p.id as planId', 'p.slug as planSlug', 'p.title as planTitle', 'a.nodeId', 'a.number', 'a.title'])
      .select(
        sql<boolean>`exists (select 1 from user_account u where u.organisation_id = rr.organisation_id and u.disabled_at is null and ${personKey('u.name')} = ${personKey('r.owner_name')})`.as(
          'hasAccount',
        ),
      )
      .where('r.roundId', '=', roundId)
      .orderBy('p.title')
      .orderBy('a.position')
      .orderBy('a.id')
      .orderBy('r.ownerName')
      .execute();
  }

  /** The open requests of one person (by name) in an authority's rounds, oldest due first. */
  openRequestsOf(organisationId: number, personName: string): Promise<(UpdateRequest & { planSlug: string; number: string; title: string; period: string; dueDate: string })[]> {
    return this.requestsWithActions()
      .selectAll('r')
      .select(['p.slug as planSlug', 'a.number', 'a.title', 'rr.period', 'rr.dueDate'])
      .where('rr.organisationId', '=', organisationId)
      .where('r.receivedAt', 'is', null)
      .where(sql<boolean>`${personKey('r.owner_name')} = lower(regexp_replace(trim(cast(${personName} as text)), '\\s+', ' ', 'g'))`)
      .orderBy('rr.dueDate')
      .orderBy('p.slug')
      .orderBy('a.position')
      .execute();
  }

  /** Counts per round: requests, received, outstanding. */
  async counts(roundIds: readonly number[]): Promise<Map<number, { requests: number; received: number }>> {
    const out = new Map<number, { requests: number; received: number }>();
    if (roundIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('updateRequest')
      .innerJoin('action', 'action.id', 'updateRequest.actionId')
      .select(['roundId', sql<string>`count(*)`.as('requests'), sql<string>`count(received_at)`.as('received')])
      .where('roundId', 'in', roundIds)
      .where('action.closedOn', 'is', null)
      .groupBy('roundId')
      .execute();
    for (const r of rows) out.set(r.roundId, { requests: Number(r.requests), received: Number(r.received) });
    return out;
  }

  /** Adds reminders to the schedule (as one JSON parameter); one already scheduled for the same owner, kind and day is kept, not doubled. */
  async schedule(rows: Insertable<ReminderTable>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const json = JSON.stringify(rows.map((x) => ({ round_id: x.roundId, owner_name: x.ownerName, kind: x.kind, send_on: x.sendOn, created_by: x.createdBy })));
    const r = await sql<{ id: number }>`
      insert into reminder (round_id, owner_name, kind, send_on, created_by)
      select x.round_id, x.owner_name, x.kind, x.send_on, x.created_by
      from json_to_recordset(cast(${json} as json)) as x(round_id int, owner_name text, kind text, send_on date, created_by text)
      on conflict (round_id, lower(owner_name), kind, send_on) where kind <> 'manual' do nothing
      returning id
    `.execute(this.db);
    return r.rows.length;
  }

  /** Marks a closed round's reminders not yet sent as no longer needed; returns how many. */
  async skipScheduled(roundId: number): Promise<number> {
    const r = await this.db.updateTable('reminder').set({ status: 'skipped' }).where('roundId', '=', roundId).where('status', '=', 'scheduled').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  reminders(roundId: number): Promise<Reminder[]> {
    return this.db.selectFrom('reminder').selectAll().where('roundId', '=', roundId).orderBy('sendOn').orderBy('id').execute();
  }

  /**
   * Claims up to `limit` reminders due by `today` for this sender, committing the claim at once: rows
   * another sender holds are skipped (SKIP LOCKED), so each is claimed by one sender. A claim left
   * "sending" longer than CLAIM_TIMEOUT_MINUTES (its sender stopped) is taken over.
   */
  async claimDue(worker: string, today: string, limit: number): Promise<(Reminder & { organisationId: number })[]> {
    const { rows } = await sql<Reminder>`
      update reminder set status = 'sending', claimed_by = ${worker}, claimed_at = now(), attempts = attempts + 1
      where id in (
        select id from reminder
        where (status = 'scheduled' and send_on <= cast(${today} as date) and (next_attempt_at is null or next_attempt_at <= now()))
           or (status = 'sending' and claimed_at < now() - make_interval(mins => ${CLAIM_TIMEOUT_MINUTES}))
        order by send_on, id
        limit ${limit}
        for update skip locked
      )
      returning *
    `.execute(this.db);
    if (rows.length === 0) return [];
    const orgs = await this.db.selectFrom('reportingRound').select(['id', 'organisationId']).where('id', 'in', [...new Set(rows.map((r) => r.roundId))]).execute();
    const orgOf = new Map(orgs.map((o) => [o.id, o.organisationId]));
    return rows.map((r) => ({ ...r, organisationId: orgOf.get(r.roundId) ?? 0 })).sort((a, b) => a.sendOn.localeCompare(b.sendOn) || a.id - b.id);
  }

  /** Records what became of a claimed reminder; only the sender holding the claim may. */
  async finish(
    id: number,
    worker: string,
    outcome: { status: 'sent' | 'failed' | 'bounced' | 'skipped' | 'scheduled'; channel?: string | null; address?: string | null; providerReference?: string | null; error?: string | null; retryAt?: Date | null },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('reminder')
      .set({
        status: outcome.status,
        channel: outcome.channel ?? null,
        address: outcome.address ?? null,
        providerReference: outcome.providerReference ?? null,
        lastError: outcome.error ?? null,
        nextAttemptAt: outcome.retryAt ?? null,
        sentAt: outcome.status === 'sent' ? sql<Date>`now()` : null,
        claimedBy: null,
        claimedAt: null,
      })
      .where('id', '=', id)
      .where('claimedBy', '=', worker)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A reminder with its round's authority and period, locked: two receipts for it are recorded one after the other. */
  reminderForUpdate(id: number): Promise<(Reminder & { organisationId: number; period: string }) | undefined> {
    return this.db
      .selectFrom('reminder as r')
      .innerJoin('reportingRound as rr', 'rr.id', 'r.roundId')
      .selectAll('r')
      .select(['rr.organisationId', 'rr.period'])
      .where('r.id', '=', id)
      .forUpdate('r')
      .executeTakeFirst();
  }

  /** Records what the sending service reported of a sent reminder: delivered, bounced or failed, with its own word for it. */
  async recordDelivery(id: number, outcome: { status: 'delivered' | 'bounced' | 'failed'; deliveryStatus: string; reportedAt: Date; error: string | null }): Promise<void> {
    await this.db
      .updateTable('reminder')
      .set({ status: outcome.status, deliveryStatus: outcome.deliveryStatus, deliveryReportedAt: outcome.reportedAt, lastError: outcome.error })
      .where('id', '=', id)
      .execute();
  }

  async addOutbox(row: Insertable<OutboxMessageTable>): Promise<number> {
    const r = await this.db.insertInto('outboxMessage').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  outbox(organisationId: number, limit: number): Promise<OutboxMessage[]> {
    return this.db.selectFrom('outboxMessage').selectAll().where('organisationId', '=', organisationId).orderBy('id', 'desc').limit(limit).execute();
  }

  async insertLink(row: Insertable<PartnerLinkTable>): Promise<PartnerLink> {
    return this.db.insertInto('partnerLink').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** A link by its token's hash, locked so that two submissions of one link cannot both be recorded. */
  linkByHashForUpdate(tokenHash: string): Promise<PartnerLink | undefined> {
    return this.db.selectFrom('partnerLink').selectAll().where('tokenHash', '=', tokenHash).forUpdate().executeTakeFirst();
  }

  linkByHash(tokenHash: string): Promise<PartnerLink | undefined> {
    return this.db.selectFrom('partnerLink').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  links(roundId: number): Promise<PartnerLink[]> {
    return this.db.selectFrom('partnerLink').selectAll().where('roundId', '=', roundId).orderBy('id').execute();
  }

  async markLinkUsed(id: number): Promise<boolean> {
    const r = await this.db.updateTable('partnerLink').set({ usedAt: sql<Date>`now()` }).where('id', '=', id).where('usedAt', 'is', null).where('revokedAt', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Revokes the owner's unused links in a round (all of them, or one by id); returns those revoked. */
  revokeLinks(roundId: number, by: string, match: { ownerName?: string; id?: number }): Promise<PartnerLink[]> {
    let q = this.db
      .updateTable('partnerLink')
      .set({ revokedAt: sql<Date>`now()`, revokedBy: by })
      .where('roundId', '=', roundId)
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null);
    if (match.id !== undefined) q = q.where('id', '=', match.id);
    if (match.ownerName !== undefined) q = q.where(sql<boolean>`lower(owner_name) = lower(${match.ownerName})`);
    return q.returningAll().execute();
  }
}
