// Sends owners' messages through GOV.UK Notify with its official client: an e-mail template by id,
// filled from the message's personalisation, with our reference. Notify's 400 answers (a bad address,
// a missing personalisation field) are permanent; 403, 429 and 5xx are tried again later.
import type { NotifyClient } from 'notifications-node-client';
import { ChannelError, type MessageChannel, type OutgoingMessage, type SendReceipt } from './channel.ts';

/** The channel's name on reminders, the chase list and the audit trail; delivery receipts are taken only for reminders it sent. */
export const NOTIFY_CHANNEL = 'GOV.UK Notify';

export interface NotifySettings {
  apiKey: string;
  /** The API's address; unset, Notify's own (https://api.notifications.service.gov.uk). */
  baseUrl?: string | undefined;
  templates: { request: string; reminder: string };
}

interface NotifyFailure {
  message?: string;
  response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } };
}

export function notifyChannel(settings: NotifySettings): MessageChannel {
  // The client (and the HTTP library under it) is loaded at the first send, not with every process.
  let client: Promise<NotifyClient> | undefined;
  const connect = (): Promise<NotifyClient> =>
    (client ??= import('notifications-node-client').then(({ NotifyClient: Client }) =>
      settings.baseUrl === undefined ? new Client(settings.apiKey) : new Client(settings.baseUrl, settings.apiKey),
    ));
  return {
    name: NOTIFY_CHANNEL,
    async send(m: OutgoingMessage): Promise<SendReceipt> {
      try {
        const response = await (await connect()).sendEmail(settings.templates[m.template], m.toAddress, { personalisation: m.personalisation, reference: m.reference });
        return { providerReference: response.data.id };
      } catch (err) {
        const e = err as NotifyFailure;
        const status = e.response?.status;
        const words = e.response?.data?.errors?.map((x) => `${x.error ?? ''}: ${x.message ?? ''}`).join('; ');
        throw new ChannelError(`GOV.UK Notify answered ${status ?? 'nothing'}${words ? ` (${words})` : e.message ? ` (${e.message})` : ''}`, status === 400);
      }
    },
  };
}
