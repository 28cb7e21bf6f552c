// Chooses how owners' messages go out, from the configuration: GOV.UK Notify when NOTIFY_API_KEY is
// set, else SMTP when SMTP_URL is set, else none — and then they wait in the outbox for an administrator.
import type { MessageChannel } from './channel.ts';
import { notifyChannel } from './notify.channel.ts';
import { smtpChannel } from './smtp.channel.ts';

export interface MessagingConfig {
  smtpUrl?: string | undefined;
  smtpFrom?: string | undefined;
  notifyApiKey?: string | undefined;
  notifyBaseUrl?: string | undefined;
  notifyRequestTemplateId?: string | undefined;
  notifyReminderTemplateId?: string | undefined;
}

export function channelFor(config: MessagingConfig): MessageChannel | undefined {
  if (config.notifyApiKey !== undefined) {
    if (config.notifyRequestTemplateId === undefined || config.notifyReminderTemplateId === undefined) {
      throw new Error('Configuration error: NOTIFY_API_KEY needs NOTIFY_REQUEST_TEMPLATE_ID and NOTIFY_REMINDER_TEMPLATE_ID (the ids of the two e-mail templates)');
    }
    return notifyChannel({
      apiKey: config.notifyApiKey,
      baseUrl: config.notifyBaseUrl,
      templates: { request: config.notifyRequestTemplateId, reminder: config.notifyReminderTemplateId },
    });
  }
  if (config.smtpUrl !== undefined) return smtpChannel(config.smtpUrl, config.smtpFrom ?? 'Parentis <parentis@localhost>');
  return undefined;
}
