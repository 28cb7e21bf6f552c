// A real SMTP server in the test process (smtp-server) that keeps every message it is sent, each read
// with mailparser as a mail program would read it; it can refuse chosen recipients with a 550 reply.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope: who the message came from and whom the server was told to deliver it to. */
  from: string;
  to: string[];
  /** The To header's addresses. */
  toHeader: string[];
  subject: string;
  text: string;
  /** The message as it came over the wire, headers and all. */
  raw: string;
}

export interface Mailbox {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The messages sent to this address, oldest first. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a === undefined ? [] : [a]).flatMap((o) => o.value.map((v) => v.address ?? ''));

/** `refuse` picks the recipients answered "550 No such user here", as a real server refuses an unknown one. */
export async function startMailbox(options: { refuse?: (address: string) => boolean } = {}): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        // Accepted only once read: the sender is told the message is delivered after it is in the list.
        simpleParser(raw)
          .then((mail) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              toHeader: addresses(mail.to),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              raw: raw.toString('utf8'),
            });
            callback();
          })
          .catch((err: unknown) => callback(err as Error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
