// The partner link's pages: an owner without an account opens the form for exactly the actions they
// were asked about and sends their updates; a used, expired, withdrawn or unknown link gets a page
// saying so, and changes nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BRAG_LABEL } from '../../domain/brag.ts';
import { ValidationError } from '../../domain/errors.ts';
import { todayFor } from '../../services/context.ts';
import { PartnerLinkRefused, type PartnerEntry, type PartnerForm } from '../../services/reporting/partner-link.service.ts';
import { checkDate, datePartsOf, str } from '../kit/form-fields.ts';
import { formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import type { PageRoutes } from '../routes.ts';

type Params = { token: string };

/** The statuses an owner may propose, in the order a board reads them, with what each means. */
const STATUS_CHOICES = ['B', 'G', 'A', 'R'] as const;
const STATUS_MEANING = { B: 'complete', G: 'on track', A: 'at risk', R: 'off track' } as const;

/** The form's date of the updates and each action's new deadline (optional), read from GOV.UK date inputs. */
const datesForm = (actions: number) =>
  z
    .looseObject({})
    .transform((v, ctx) => ({
      date: checkDate(v, 'date', 'the date of your updates', ctx, { required: true }) ?? '',
      deadlines: Array.from({ length: actions }, (_, i) => checkDate(v, `deadline${i + 1}`, 'the new deadline', ctx, { required: false }) ?? ''),
    }));

const partnerRoutes: PageRoutes = (server) => {
  const links = server.services.partnerLinks;
  const clock = { clock: server.services.clock };

  const refused = (reply: FastifyReply, err: PartnerLinkRefused) => reply.page('partner/refused.njk', { message: err.message, reason: err.reason }, err.reason === 'unknown' ? 404 : 410);

  const showForm = (reply: FastifyReply, token: string, form: PartnerForm, values: FormValues, errors: FormError[], status = 200) =>
    reply.page(
      'partner/partner.njk',
      {
        form,
        values,
        errors,
        action: `/partner/${encodeURIComponent(token)}`,
        actions: form.actions.map((a, i) => ({
          ...a,
          index: i + 1,
          statusItems: [
            { value: '', text: 'No change proposed', checked: str(values[`status${i + 1}`]) === '' },
            ...STATUS_CHOICES.map((s) => ({ value: s, text: `${BRAG_LABEL[s]}: ${STATUS_MEANING[s]}`, checked: str(values[`status${i + 1}`]) === s })),
          ],
        })),
      },
      status,
    );

  server.get<{ Params: Params }>('/partner/:token', async (request, reply) => {
    try {
      const form = await links.form(clock, request.params.token);
      return await showForm(reply, request.params.token, form, datePartsOf('date', todayFor({ organisationId: 0, actor: '', ...clock })), []);
    } catch (err) {
      if (err instanceof PartnerLinkRefused) return refused(reply, err);
      throw err;
    }
  });

  server.post<{ Params: Params }>('/partner/:token', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const token = request.params.token;
    let form: PartnerForm;
    try {
      form = await links.form(clock, token);
    } catch (err) {
      if (err instanceof PartnerLinkRefused) return refused(reply, err);
      throw err;
    }
    const values = formValues(request.body);
    const read = readForm(datesForm(form.actions.length), values);
    if (!read.ok) return showForm(reply, token, form, values, read.errors, 400);
    const { date, deadlines } = read.value;
    const entries: PartnerEntry[] = form.actions.map((a, i) => ({
      key: a.key,
      date,
      body: str(values[`body${i + 1}`]),
      status: str(values[`status${i + 1}`]) as PartnerEntry['status'],
      reason: str(values[`reason${i + 1}`]),
      deadline: deadlines[i],
      deadlineReason: str(values[`deadlineReason${i + 1}`]),
    }));
    try {
      const done = await links.submit(clock, token, entries);
      // Named as the form named them, by title, plan and number.
      const recorded = done.recorded.map((key) => form.actions.find((a) => a.key === key) ?? { key, title: key, planTitle: '', number: '' });
      return await reply.page('partner/done.njk', { form, recorded });
    } catch (err) {
      if (err instanceof PartnerLinkRefused) return refused(reply, err);
      if (err instanceof ValidationError) {
        // The service names fields by action key (body-plan:1.2); the form numbers its actions.
        const m = /^(body|date|status|deadline|deadlineReason)-(.*)$/.exec(err.field ?? '');
        const index = m ? form.actions.findIndex((a) => a.key === m[2]) + 1 : 0;
        const field = m === null ? 'date-day' : m[1] === 'date' ? 'date-day' : m[1] === 'deadline' ? `deadline${index}-day` : `${m[1]}${index}`;
        return showForm(reply, token, form, values, [{ field, href: `#${field}`, text: err.message }], 400);
      }
      throw err;
    }
  });

  return Promise.resolve();
};

export default partnerRoutes;
