// GOV.UK Notify's delivery receipts (its "callback" for delivery status): Notify posts one JSON object
// per message it delivered or failed to deliver, with the bearer token set in its admin pages, which
// must equal NOTIFY_CALLBACK_TOKEN (compared in constant time). Without that setting every receipt is
// refused. A receipt for a message Parentis does not know is answered 200 and ignored, so Notify
// does not send it again; a receipt that is not as Notify documents it is answered 400.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../domain/validation.ts';
import { DELIVERY_STATUSES } from '../services/reporting/delivery-receipts.ts';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

const timestamp = z.iso.datetime({ offset: true, message: 'must be a date and time like 2017-05-14T12:15:30.000000Z' });

/** The receipt as Notify documents it; fields Parentis does not read (template_id, template_version …) are allowed. */
const receiptSchema = z.object({
  id: z.uuid({ message: 'must be GOV.UK Notify’s id for the message (a UUID)' }),
  reference: z.string().nullable().default(null),
  to: z.string({ message: 'must be the address the message was sent to' }).min(1, { message: 'must be the address the message was sent to' }),
  status: z.enum(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` }),
  created_at: timestamp,
  completed_at: timestamp.nullable().default(null),
  sent_at: timestamp.nullable().default(null),
  notification_type: z.enum(['email', 'sms', 'letter'], { message: 'must be email, sms or letter' }),
});

/** Equal tokens, compared without the time taken saying how much of the token was right. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => crypto.createHash('sha256').update(s, 'utf8').digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** POST /delivery-receipts, registered under /api/notify; `token` is NOTIFY_CALLBACK_TOKEN. */
export function notifyReceiptRoutes(token: string | undefined) {
  return (server: FastifyInstance): Promise<void> => {
    server.post('/delivery-receipts', async (request, reply) => {
      if (token === undefined) {
        return reply.code(403).send({ error: 'GOV.UK Notify delivery receipts are not taken here: set NOTIFY_CALLBACK_TOKEN to the bearer token given to Notify.' });
      }
      const given = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (given === undefined || !sameToken(given, token)) {
        return reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer realm="Parentis"')
          .send({ error: 'Send the bearer token set as NOTIFY_CALLBACK_TOKEN in the Authorization header: "Authorization: Bearer <token>".' });
      }
      const receipt = parseInput(receiptSchema, request.body ?? {});
      const outcome = await server.services.deliveryReceipts.record({
        id: receipt.id,
        reference: receipt.reference,
        to: receipt.to,
        status: receipt.status,
        completedAt: receipt.completed_at === null ? null : new Date(receipt.completed_at),
      });
      if (outcome.result === 'ignored') request.log.info({ notification: receipt.id, reference: receipt.reference }, `GOV.UK Notify delivery receipt ignored: ${outcome.reason}`);
      return reply.code(200).send(outcome);
    });
    return Promise.resolve();
  };
}
