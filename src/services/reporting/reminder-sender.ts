// Sends the reminders that are due: claims them in the database (one sender per reminder, however many
// Parentis servers share it), sends each through the configured channel or into the outbox, and records
// every send, failure and bounce on the reminder and in the audit trail. A claim whose sender stopped
// is taken over after a while, so a restart resumes where the schedule was left.
import crypto from 'node:crypto';
import { periodDescription, type ReportingFrequency } from '../../domain/reporting-periods.ts';
import { messageBody, messagePersonalisation, messageSubject, reminderReference, type MessageFacts, type ReminderKind } from '../../domain/round-messages.ts';
import type { AuditEvent } from '../../domain/audit-events.ts';
import type { Clock } from '../../domain/clock.ts';
import { systemClock } from '../../domain/clock.ts';
import { ChannelError, type MessageChannel } from '../../notify/channel.ts';
import type { Organisation } from '../../repositories/organisation.repository.ts';
import type { Reminder, RequestRow, Round } from '../../repositories/round.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { newPartnerToken } from './partner-tokens.ts';

/** Attempts before a reminder that keeps failing for a passing reason is given up as failed. */
export const MAX_ATTEMPTS = 5;
/** Days a partner link works, unless the manager says otherwise. */
export const PARTNER_LINK_DAYS = 14;
/** Who the audit trail names for what the sender does. */
export const SENDER_ACTOR = 'Parentis reminders';

export interface SenderOptions {
  /** No channel: messages go to the outbox page. */
  channel?: MessageChannel | undefined;
  /** Where links in messages point: PUBLIC_URL. */
  publicUrl: string;
  clock?: Clock | undefined;
  /** This sender's name on its claims: distinct per process. */
  worker?: string | undefined;
}

export interface SendTally {
  sent: number;
  failed: number;
  bounced: number;
  skipped: number;
  retrying: number;
}

const enc = encodeURIComponent;

interface RoundFacts {
  round: Round;
  org: Organisation;
  requests: RequestRow[];
}

export class ReminderSender {
  readonly worker: string;
  private readonly clock: Clock;
  constructor(
    private readonly store: Store,
    private readonly options: SenderOptions,
  ) {
    this.worker = options.worker ?? `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    this.clock = options.clock ?? systemClock;
  }

  /** The channel's name, or "outbox". */
  get channelName(): string {
    return this.options.channel?.name ?? 'outbox';
  }

  /** Sends everything due now, in batches, until nothing is left to claim. */
  async runOnce(batch = 20): Promise<SendTally> {
    const tally: SendTally = { sent: 0, failed: 0, bounced: 0, skipped: 0, retrying: 0 };
    for (;;) {
      const claimed = await this.store.read.rounds.claimDue(this.worker, this.clock.today(), batch);
      if (claimed.length === 0) return tally;
      const batchRounds = new Map<number, Promise<RoundFacts | null>>();
      for (const r of claimed) {
        let facts = batchRounds.get(r.roundId);
        if (facts === undefined) batchRounds.set(r.roundId, (facts = this.roundFacts(r.organisationId, r.roundId)));
        tally[await this.deliver(r, await facts)] += 1;
      }
    }
  }

  /** What every message of a round needs (the round, its authority and its requests), read once per batch. */
  private async roundFacts(organisationId: number, roundId: number): Promise<RoundFacts | null> {
    const repos = this.store.read;
    const round = await repos.rounds.find(organisationId, roundId);
    const org = (await repos.organisations.list()).find((o) => o.id === organisationId);
    if (!round || !org) return null;
    return { round, org, requests: await repos.rounds.requests(round.id) };
  }

  /** Runs the sender every `everyMs` until the returned function is called (which waits for a run in progress). */
  start(everyMs: number, onError: (err: unknown) => void): () => Promise<void> {
    let running: Promise<unknown> = Promise.resolve();
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      running = this.runOnce()
        .catch(onError)
        .finally(() => {
          busy = false;
        });
    }, everyMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  private async deliver(r: Reminder & { organisationId: number }, facts: RoundFacts | null): Promise<keyof SendTally> {
    if (facts === null) return this.finish(r, { status: 'skipped', error: 'the round no longer exists' }, null);
    const { round, org } = facts;
    const today = this.clock.today();
    const requests = facts.requests.filter((q) => q.ownerName.toLowerCase() === r.ownerName.toLowerCase());
    const outstanding = requests.filter((q) => q.receivedAt === null);
    if (outstanding.length === 0) return this.finish(r, { status: 'skipped', error: 'every update asked for has arrived' }, null);
    const address = requests.find((q) => q.email !== null)?.email ?? null;
    const hasAccount = requests.some((q) => q.hasAccount);
    const base = this.options.publicUrl.replace(/\/+$/, '');
    let partnerLink: MessageFacts['partnerLink'];
    if (!hasAccount && address !== null) {
      const expires = new Date(this.clock.now().getTime() + PARTNER_LINK_DAYS * 86_400_000);
      const token = newPartnerToken();
      await this.store.transaction(async (t) => {
        await t.rounds.revokeLinks(round.id, SENDER_ACTOR, { ownerName: r.ownerName });
        const link = await t.rounds.insertLink({ roundId: round.id, ownerName: r.ownerName, email: address, tokenHash: token.hash, expiresAt: expires, createdBy: SENDER_ACTOR });
        await audit(t, r.organisationId, 'round.link.created', round.id, round.period, { owner: r.ownerName, email: address, linkId: link.id, expiresAt: expires.toISOString() });
      });
      partnerLink = { url: `${base}/partner/${token.token}`, expires: expires.toISOString().slice(0, 10) };
    }
    const message: MessageFacts = {
      authority: org.name,
      ownerName: r.ownerName,
      period: periodDescription({ frequency: round.frequency as ReportingFrequency, label: round.period, start: round.periodStart, end: round.periodEnd }),
      dueDate: round.dueDate,
      today,
      kind: r.kind as ReminderKind,
      actions: outstanding.map((q) => ({ key: `${q.planSlug}:${q.number}`, title: q.title, url: `${base}/plans/${enc(q.planSlug)}/actions/${enc(q.number)}/update` })),
      partnerLink,
      homeUrl: `${base}/`,
    };
    const subject = messageSubject(message);
    const body = messageBody(message);
    const channel = this.options.channel;
    if (channel === undefined) {
      return this.finish(r, { status: 'sent', channel: 'outbox', address }, { round: round.period, org: r.organisationId, outbox: { toName: r.ownerName, toAddress: address, subject, body } });
    }
    if (address === null) {
      return this.finish(r, { status: 'failed', channel: channel.name, error: `no e-mail address is known for ${r.ownerName}: give one on the chase list` }, { round: round.period, org: r.organisationId });
    }
    try {
      const receipt = await channel.send({
        toName: r.ownerName,
        toAddress: address,
        subject,
        body,
        template: r.kind === 'request' ? 'request' : 'reminder',
        personalisation: messagePersonalisation(message),
        reference: reminderReference(r.id),
      });
      return this.finish(r, { status: 'sent', channel: channel.name, address, providerReference: receipt.providerReference }, { round: round.period, org: r.organisationId });
    } catch (err) {
      const e = err instanceof ChannelError ? err : new ChannelError((err as Error).message, false);
      if (e.permanent) return this.finish(r, { status: 'bounced', channel: channel.name, address, error: e.message }, { round: round.period, org: r.organisationId });
      if (r.attempts >= MAX_ATTEMPTS) return this.finish(r, { status: 'failed', channel: channel.name, address, error: `${e.message} (gave up after ${r.attempts} attempts)` }, { round: round.period, org: r.organisationId });
      // A passing failure: tried again later, waiting longer each time (2, 4, 8, 16 minutes).
      const retryAt = new Date(this.clock.now().getTime() + 2 ** r.attempts * 60_000);
      return this.finish(r, { status: 'scheduled', channel: channel.name, address, error: e.message, retryAt }, { round: round.period, org: r.organisationId });
    }
  }

  private async finish(
    r: Reminder & { organisationId: number },
    outcome: Parameters<Repositories['rounds']['finish']>[2],
    record: { round: string; org: number; outbox?: { toName: string; toAddress: string | null; subject: string; body: string } } | null,
  ): Promise<keyof SendTally> {
    await this.store.transaction(async (t) => {
      // Only the claim's holder records the outcome; a claim taken over meanwhile is left to its new holder.
      if (!(await t.rounds.finish(r.id, this.worker, outcome))) return;
      if (record === null) return;
      if (record.outbox) await t.rounds.addOutbox({ organisationId: record.org, reminderId: r.id, ...record.outbox });
      const event: AuditEvent | undefined =
        outcome.status === 'sent' ? 'round.reminder.sent' : outcome.status === 'bounced' ? 'round.reminder.bounced' : outcome.status === 'failed' || outcome.status === 'scheduled' ? 'round.reminder.failed' : undefined;
      if (event === undefined) return;
      await audit(t, record.org, event, r.roundId, record.round, {
        owner: r.ownerName,
        kind: r.kind,
        channel: outcome.channel ?? null,
        address: outcome.address ?? null,
        attempt: r.attempts,
        ...(outcome.providerReference ? { reference: outcome.providerReference } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
        ...(outcome.status === 'scheduled' ? { willRetry: true } : {}),
      });
    });
    return outcome.status === 'scheduled' ? 'retrying' : outcome.status === 'sent' ? 'sent' : outcome.status;
  }
}

function audit(t: Repositories, organisationId: number, event: AuditEvent, roundId: number, period: string, after: unknown): Promise<void> {
  return t.audit.record({ organisationId, actor: SENDER_ACTOR, event, entityType: 'round', entityId: roundId, entityKey: period, before: null, after });
}
