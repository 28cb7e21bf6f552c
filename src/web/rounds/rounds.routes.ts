// The reporting cycle's pages for managers: the rounds, the form that opens one, a round's chase list
// (with its CSV) where they remind owners and send partner links, and the administrators' outbox.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { parseActionKey } from '../../domain/action-key.ts';
import { NotFoundError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { REPORT_TEXT_FIELDS, REPORT_TEXT_KEYS, type ReportTextKey } from '../../domain/report-text.ts';
import { periodContaining, previousPeriod, defaultDueDate, parsePeriod } from '../../domain/reporting-periods.ts';
import { requireCapability, todayFor } from '../../services/context.ts';
import { lastDelivered, requestStateLabels } from '../../services/reporting/round.service.ts';
import { doneMessage, donePartly } from '../kit/done.ts';
import { checkDate, choiceList, dateParts, requiredText, str, textField, versionField } from '../kit/form-fields.ts';
import { errorsFromValidation, formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { actionPath, newRoundPath, outboxPath, roundPath, roundsPath, snapshotPath, withDone } from '../kit/paths.ts';
import { staleChangeView, type StaleChangeView } from '../kit/stale-change.ts';
import type { PageRoutes } from '../routes.ts';
import { roundId } from './round-params.ts';

// Every field is checked, so the error summary lists each problem at once.
const newRoundForm = z
  .object({
    period: textField(),
    plans: choiceList(),
    ...dateParts('dueDate'),
  })
  .transform((v, ctx) => {
    if (v.period === '') ctx.addIssue({ code: 'custom', path: ['period'], message: 'Enter the reporting period, like 2026/27 Q3' });
    if (v.plans.length === 0) ctx.addIssue({ code: 'custom', path: ['plans'], message: 'Choose at least one plan' });
    return { period: v.period, plans: v.plans, dueDate: checkDate(v, 'dueDate', 'the due date', ctx, { required: false }) };
  });

const remindForm = z.object({ owner: textField() });
const linkForm = z.object({
  owner: requiredText('Say whose link it is'),
  email: requiredText('Enter the e-mail address to send the link to'),
});

const closeForm = z.object({ name: requiredText('Enter the name the snapshot is kept under, like "as reported to the Corporate Parenting Board on 14 January 2027"') });

const narrativeForm = z.object({
  narrative: textField(),
  decisions: textField(),
  annualSummary: textField(),
  annualRecommendations: textField(),
  annualBackground: textField(),
  annualAchievements: textField(),
  annualDevelopment: textField(),
  version: versionField,
} satisfies Record<ReportTextKey | 'version', z.ZodType>);

const ROUND_FIELDS = { period: 'period', plans: 'plans', dueDate: 'dueDate-day' };

const stateClasses: Record<string, string> = {
  received: 'govuk-tag--green',
  'received-late': 'govuk-tag--yellow',
  missing: 'govuk-tag--grey',
  late: 'govuk-tag--red',
};


const roundsRoutes: PageRoutes = (server) => {
  const { rounds, partnerLinks, reminders, snapshots } = server.services;
  // What the manager asked for is stored already; sending it now is a courtesy the interval repeats.
  const sendNow = (request: FastifyRequest): Promise<unknown> =>
    reminders.runOnce().catch((err: unknown) => request.log.error({ err }, 'sending reminders failed; the next run tries again'));

  server.get(roundsPath, async (request, reply) => {
    const ctx = request.ctx();
    const list = await rounds.list(ctx);
    // A programme lead sees the rounds to decide what they bring in; the chase list is the managers'.
    const manages = can(ctx.role, 'rounds.manage');
    return reply.page('rounds/rounds.njk', {
      manages,
      rounds: list.map((r) => ({ ...r, href: manages ? roundPath(r.id) : roundPath(r.id, 'approvals'), approvalsHref: roundPath(r.id, 'approvals'), programmesHref: roundPath(r.id, 'programmes') })),
      done: doneMessage(request.query),
    });
  });

  const showNew = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) => {
    const ctx = request.ctx();
    requireCapability(ctx, 'rounds.manage', 'open reporting rounds');
    const plans = await server.services.plans.list(ctx);
    const chosen = new Set(Array.isArray(values.plans) ? values.plans.map(String) : typeof values.plans === 'string' ? [values.plans] : []);
    let dueHint = 'Leave empty for ten working days after the period ends (weekends and bank holidays in England are skipped).';
    try {
      dueHint += ` For ${parsePeriod(str(values.period)).label} that is ${defaultDueDate(parsePeriod(str(values.period)))}.`;
    } catch {
      // No period yet, or not one: the hint stays general.
    }
    return reply.page(
      'rounds/round-new.njk',
      // An archived plan takes no updates, so it is not offered.
      { values, errors, dueHint, planItems: plans.filter((p) => p.archived === null).map((p) => ({ value: p.slug, text: p.title, hint: { text: p.slug }, checked: chosen.has(p.slug) })) },
      status,
    );
  };

  server.get(newRoundPath, (request, reply) => {
    const quarter = previousPeriod(periodContaining(todayFor(request.ctx()), 'quarterly'));
    return showNew(request, reply, { period: quarter.label }, []);
  });

  server.post(newRoundPath, async (request, reply) => {
    const form = readForm(newRoundForm, request.body);
    const values = formValues(request.body);
    if (!form.ok) return showNew(request, reply, values, form.errors.map((e) => (e.field === 'plans' ? { ...e, href: '#plans' } : e)), 400);
    try {
      const opened = await rounds.open(request.ctx(), form.value);
      // Owners asked today hear at once, not at the sender's next run.
      await sendNow(request);
      return reply.code(303).redirect(withDone(roundPath(opened.round.id), opened.created || opened.asked > 0 ? 'round-opened' : 'round-unchanged'));
    } catch (err) {
      if (err instanceof ValidationError) return showNew(request, reply, values, errorsFromValidation(err, ROUND_FIELDS, 'period'), 400);
      throw err;
    }
  });

  const showRound = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, errors: FormError[] = [], values: FormValues = {}, status = 200) => {
    const list = await rounds.chaseList(request.ctx(), roundId(request.params));
    const programmes = new Map<string, typeof rows>();
    const rows = list.rows.map((r) => ({ ...r, number: parseActionKey(r.actionKey).number, href: actionPath(r.actionKey), stateText: requestStateLabels[r.state], stateClasses: stateClasses[r.state] }));
    for (const r of rows) {
      const key = `${r.planTitle} — ${r.programme}`;
      programmes.set(key, [...(programmes.get(key) ?? []), r]);
    }
    return reply.page(
      'rounds/round.njk',
      {
        list,
        owners: list.owners.map((o, i) => ({ ...o, index: i + 1, delivered: lastDelivered(o.reminders) })),
        groups: [...programmes].map(([heading, items]) => ({ heading, items })),
        lateCount: list.owners.filter((o) => o.late > 0).length,
        channel: reminders.channelName,
        csvHref: roundPath(list.round.id, 'chase.csv'),
        approvalsHref: roundPath(list.round.id, 'approvals'),
        programmesHref: roundPath(list.round.id, 'programmes'),
        remindHref: roundPath(list.round.id, 'remind'),
        linkHref: roundPath(list.round.id, 'links'),
        closeHref: roundPath(list.round.id, 'close'),
        narrativeHref: roundPath(list.round.id, 'narrative'),
        snapshotHref: list.round.closed ? snapshotPath(list.round.closed.snapshot) : null,
        revokeHref: (id: number) => roundPath(list.round.id, `links/${id}/revoke`),
        done: doneMessage(request.query),
        donePartly: donePartly(request.query),
        errors,
        values,
      },
      status,
    );
  };

  server.get<{ Params: { id: string } }>('/rounds/:id', (request, reply) => showRound(request, reply));

  server.get<{ Params: { id: string } }>('/rounds/:id/chase.csv', async (request, reply) => {
    const id = roundId(request.params);
    const csv = await rounds.chaseCsv(request.ctx(), id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="chase-list-${id}.csv"`)
      .send(csv);
  });

  server.post<{ Params: { id: string } }>('/rounds/:id/remind', async (request, reply) => {
    const id = roundId(request.params);
    const form = readForm(remindForm, request.body);
    const owner = form.ok ? form.value.owner : '';
    let reminded: string[];
    try {
      ({ owners: reminded } = await rounds.remindNow(request.ctx(), id, owner === '' ? 'late' : { owner }));
    } catch (err) {
      if (err instanceof ValidationError) return showRound(request, reply, [{ field: 'remind', href: '#remind', text: err.message }], {}, 400);
      throw err;
    }
    await sendNow(request);
    // Told "sent" only when it is: an owner with no address or a refused one is not reached.
    const unreached = await rounds.unreached(request.ctx(), id, reminded);
    return reply.code(303).redirect(withDone(roundPath(id), unreached.length === 0 ? 'reminders-sent' : 'reminders-not-all-sent', 'owners'));
  });

  server.post<{ Params: { id: string } }>('/rounds/:id/links', async (request, reply) => {
    const id = roundId(request.params);
    const form = readForm(linkForm, request.body);
    const values = formValues(request.body);
    const index = str(values.index);
    const field = `email${index}`;
    if (!form.ok) return showRound(request, reply, form.errors.map((e) => ({ ...e, field, href: `#${field}` })), values, 400);
    try {
      await partnerLinks.sendLink(request.ctx(), id, form.value.owner, form.value.email);
    } catch (err) {
      if (err instanceof ValidationError) return showRound(request, reply, [{ field, href: `#${field}`, text: err.message }], values, 400);
      throw err;
    }
    await sendNow(request);
    const unreached = await rounds.unreached(request.ctx(), id, [form.value.owner]);
    return reply.code(303).redirect(withDone(roundPath(id), unreached.length === 0 ? 'link-sent' : 'link-not-sent', 'owners'));
  });

  server.post<{ Params: { id: string; link: string } }>('/rounds/:id/links/:link/revoke', async (request, reply) => {
    const id = roundId(request.params);
    if (!/^\d{1,9}$/.test(request.params.link)) throw new NotFoundError('There is no such link.');
    try {
      await partnerLinks.revoke(request.ctx(), id, Number(request.params.link));
    } catch (err) {
      if (err instanceof ValidationError) return showRound(request, reply, [{ field: 'owners', href: '#owners', text: err.message }], {}, 400);
      throw err;
    }
    return reply.code(303).redirect(withDone(roundPath(id), 'link-revoked', 'owners'));
  });

  // Closing asks first: the snapshot taken is kept for good, and the round's reminders stop.
  const showClose = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) => {
    const ctx = request.ctx();
    requireCapability(ctx, 'rounds.manage', 'close reporting rounds');
    const list = await rounds.chaseList(ctx, roundId(request.params));
    return reply.page('rounds/round-close.njk', { round: list.round, values, errors, action: roundPath(list.round.id, 'close'), back: roundPath(list.round.id) }, status);
  };

  server.get<{ Params: { id: string } }>('/rounds/:id/close', (request, reply) => showClose(request, reply, { name: snapshots.defaultName(request.ctx()) }, []));

  server.post<{ Params: { id: string } }>('/rounds/:id/close', async (request, reply) => {
    const id = roundId(request.params);
    const form = readForm(closeForm, request.body);
    const values = formValues(request.body);
    if (!form.ok) return showClose(request, reply, values, form.errors, 400);
    try {
      const taken = await snapshots.close(request.ctx(), id, { name: form.value.name });
      return reply.code(303).redirect(withDone(snapshotPath(taken.number), 'round-closed'));
    } catch (err) {
      if (err instanceof ValidationError) return showClose(request, reply, values, errorsFromValidation(err, ['name'], 'name'), 400);
      throw err;
    }
  });

  // What the authors write for the round's board reports (the executive summary's narrative and
  // decisions, the annual report's sections), until the round closes; a stale save shows what changed.
  const showNarrative = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: { values?: FormValues; errors?: FormError[]; stale?: StaleChangeView } = {},
    status = 200,
  ) => {
    const ctx = request.ctx();
    const id = roundId(request.params);
    const [round, saved] = await Promise.all([rounds.summary(ctx, id), rounds.narrative(ctx, id)]);
    const values = form.values ?? { ...saved, version: String(saved.version) };
    return reply.page('rounds/round-narrative.njk', { round, fields: REPORT_TEXT_FIELDS, values, errors: form.errors ?? [], stale: form.stale, action: roundPath(id, 'narrative'), back: roundPath(id) }, status);
  };

  server.get<{ Params: { id: string } }>('/rounds/:id/narrative', (request, reply) => showNarrative(request, reply));

  server.post<{ Params: { id: string } }>('/rounds/:id/narrative', async (request, reply) => {
    const id = roundId(request.params);
    const form = readForm(narrativeForm, request.body);
    const values = formValues(request.body);
    if (!form.ok) return showNarrative(request, reply, { values, errors: form.errors }, 400);
    const { version, ...text } = form.value;
    try {
      const saved = await rounds.writeNarrative(request.ctx(), id, { ...text, expectedVersion: version });
      return reply.code(303).redirect(withDone(roundPath(id), saved.changed ? 'narrative-written' : 'narrative-unchanged'));
    } catch (err) {
      if (err instanceof StaleWriteError) return showNarrative(request, reply, { values: { ...values, version: String(err.currentVersion) }, stale: staleChangeView(err) }, 409);
      if (err instanceof ValidationError) return showNarrative(request, reply, { values, errors: errorsFromValidation(err, REPORT_TEXT_KEYS, 'narrative') }, 400);
      throw err;
    }
  });

  server.get(outboxPath, async (request, reply) => {
    const messages = await rounds.outbox(request.ctx());
    return reply.page('rounds/outbox.njk', { messages, channel: reminders.channelName });
  });

  return Promise.resolve();
};

export default roundsRoutes;
