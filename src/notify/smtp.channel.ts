// Sends owners' messages over SMTP with nodemailer (SMTP_URL), in plain text. A recipient the server
// refuses with a 5xx reply is a bounce; anything else (no connection, a 4xx reply) is tried again later.
import nodemailer from 'nodemailer';
import { ChannelError, type MessageChannel, type OutgoingMessage, type SendReceipt } from './channel.ts';

interface SmtpFailure {
  message?: string;
  responseCode?: number;
  response?: string;
}

export function smtpChannel(url: string, from: string): MessageChannel {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'SMTP',
    async send(m: OutgoingMessage): Promise<SendReceipt> {
      try {
        const info = await transport.sendMail({
          from,
          to: { name: m.toName, address: m.toAddress },
          subject: m.subject,
          text: m.body,
          headers: { 'X-Parentis-Reference': m.reference },
        });
        if (info.rejected.length > 0) throw new ChannelError(`the mail server refused ${m.toAddress}`, true);
        return { providerReference: info.messageId };
      } catch (err) {
        if (err instanceof ChannelError) throw err;
        const e = err as SmtpFailure;
        const code = e.responseCode;
        const permanent = code !== undefined && code >= 500 && code < 600;
        throw new ChannelError(`${permanent ? 'refused by the mail server' : 'not sent'}: ${e.response ?? e.message ?? String(err)}`, permanent);
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
