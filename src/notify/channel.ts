// What every way of sending a message to an owner shares: the message, the answer, and the error that
// says whether trying again could help (a full mailbox server might; an address that does not exist will not).

/** A message to one owner: the plain-English subject and body (SMTP), and the fields a GOV.UK Notify template fills. */
export interface OutgoingMessage {
  toName: string;
  toAddress: string;
  subject: string;
  body: string;
  /** Which template: the first request, or a reminder. */
  template: 'request' | 'reminder';
  /** Notify's personalisation: the names in ((double brackets)) in the template. */
  personalisation: Record<string, string>;
  /** Our reference for this message (the reminder's id), given to the service to find it again. */
  reference: string;
}

export interface SendReceipt {
  /** The service's own id for the message, when it gives one. */
  providerReference: string | null;
}

export interface MessageChannel {
  /** "SMTP" or "GOV.UK Notify", for the chase list and the audit trail. */
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendReceipt>;
  close?(): Promise<void>;
}

/** Sending failed. `permanent`: the address or message was refused (a bounce), so trying again would not help. */
export class ChannelError extends Error {
  override name = 'ChannelError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
