// GOV.UK Notify's delivery receipts: Notify calls back when a reminder it sent is delivered or has
// failed, naming it by the reference Parentis gave. A permanent failure (no such address, a refusing
// mailbox) is a bounce, shown on the chase list and in the audit trail like an SMTP bounce; a
// temporary or technical failure is a failure; a delivery is recorded as delivered. A receipt sent
// again changes nothing; one for a message Parentis does not know is ignored.
import type { AuditEvent } from '../../domain/audit-events.ts';
import { reminderIdOfReference } from '../../domain/round-messages.ts';
import { NOTIFY_CHANNEL } from '../../notify/notify.channel.ts';
import type { Store } from '../../repositories/store.ts';

/** Who the audit trail names for what a receipt records. */
export const RECEIPT_ACTOR = 'GOV.UK Notify';

export const DELIVERY_STATUSES = ['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery receipt as Notify posts it (the fields Parentis reads). */
export interface DeliveryReceipt {
  /** Notify's id for the message. */
  id: string;
  /** The reference Parentis sent with the message, if any. */
  reference: string | null;
  to: string;
  status: DeliveryStatus;
  /** When Notify last changed the message's status, if it says. */
  completedAt: Date | null;
}

export type ReceiptOutcome =
  | { result: 'recorded'; reminderId: number; status: 'delivered' | 'bounced' | 'failed' }
  | { result: 'unchanged'; reminderId: number }
  | { result: 'ignored'; reason: string };

/** What each of Notify's statuses makes of a reminder, with the words the chase list shows. */
const OUTCOMES: Record<DeliveryStatus, { status: 'delivered' | 'bounced' | 'failed'; event: AuditEvent; error: ((to: string) => string) | null }> = {
  delivered: { status: 'delivered', event: 'round.reminder.delivered', error: null },
  'permanent-failure': {
    status: 'bounced',
    event: 'round.reminder.bounced',
    error: (to) => `GOV.UK Notify could not deliver it to ${to}: the address does not exist or its mail server refused it (permanent failure)`,
  },
  'temporary-failure': {
    status: 'failed',
    event: 'round.reminder.failed',
    error: (to) => `GOV.UK Notify could not deliver it to ${to}: the inbox was full or the mail server turned it away for a while (temporary failure)`,
  },
  'technical-failure': {
    status: 'failed',
    event: 'round.reminder.failed',
    error: (to) => `GOV.UK Notify could not deliver it to ${to} because of a problem at Notify (technical failure)`,
  },
};

/** Statuses of a reminder that has been handed to the channel: only those can be delivered or not. */
const HANDED_OVER = new Set(['sent', 'delivered', 'failed', 'bounced']);

export class DeliveryReceiptService {
  constructor(private readonly store: Store) {}

  /** Records one receipt on the reminder its reference names, in one transaction with its audit event. */
  record(receipt: DeliveryReceipt, now: Date = new Date()): Promise<ReceiptOutcome> {
    const reminderId = reminderIdOfReference(receipt.reference);
    if (reminderId === undefined) return Promise.resolve({ result: 'ignored', reason: `the reference ${JSON.stringify(receipt.reference)} is not one Parentis sends` });
    return this.store.transaction(async (repos): Promise<ReceiptOutcome> => {
      const r = await repos.rounds.reminderForUpdate(reminderId);
      if (!r) return { result: 'ignored', reason: `there is no reminder ${reminderId}` };
      if (r.channel !== NOTIFY_CHANNEL || !HANDED_OVER.has(r.status)) return { result: 'ignored', reason: `reminder ${reminderId} was not sent through ${NOTIFY_CHANNEL}` };
      if (r.deliveryStatus === receipt.status) return { result: 'unchanged', reminderId };
      const outcome = OUTCOMES[receipt.status];
      const error = outcome.error?.(receipt.to) ?? null;
      await repos.rounds.recordDelivery(reminderId, { status: outcome.status, deliveryStatus: receipt.status, reportedAt: receipt.completedAt ?? now, error });
      await repos.audit.record({
        organisationId: r.organisationId,
        actor: RECEIPT_ACTOR,
        event: outcome.event,
        entityType: 'round',
        entityId: r.roundId,
        entityKey: r.period,
        before: { status: r.status },
        after: {
          owner: r.ownerName,
          kind: r.kind,
          channel: r.channel,
          address: r.address,
          reference: receipt.id,
          receipt: receipt.status,
          ...(error === null ? {} : { error }),
        },
      });
      return { result: 'recorded', reminderId, status: outcome.status };
    });
  }
}
