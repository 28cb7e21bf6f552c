// A round's approval page: every status proposal and deadline request waiting in the round's plans
// that the signed-in manager or programme lead may decide, approved or rejected together (one
// transaction: if any action changed since the page was drawn, none is decided) or one by one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.ts';
import { StaleItemsError, type AwaitingDecision, type PendingItem } from '../../services/actions/index.ts';
import { doneMessage } from '../kit/done.ts';
import { choiceList, textField } from '../kit/form-fields.ts';
import { errorsFromValidation, formValues, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { actionPath, roundPath, withDone } from '../kit/paths.ts';
import { staleChangeView } from '../kit/stale-change.ts';
import type { PageRoutes } from '../routes.ts';
import { roundId } from './round-params.ts';

// What a checkbox carries: the kind of item, the action's version when the page was drawn, its key.
const itemValue = (kind: PendingItem['kind'], version: number, key: string): string => `${kind}|${version}|${key}`;
const ITEM = /^(status|deadline)\|(\d{1,9})\|(.+)$/;

const decisionForm = z
  .object({
    items: choiceList(),
    decision: z.preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : (v ?? '')), z.enum(['approve', 'reject'], { message: 'Choose whether to approve or reject' })),
    reason: textField(),
  })
  .transform((v, ctx) => {
    const items: PendingItem[] = [];
    for (const text of v.items) {
      const m = ITEM.exec(text);
      if (m) items.push({ kind: m[1] as PendingItem['kind'], expectedVersion: Number(m[2]), key: m[3]! });
    }
    if (items.length === 0) ctx.addIssue({ code: 'custom', path: ['items'], message: 'Choose at least one proposal to approve or reject' });
    if (v.decision === 'reject' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for rejecting them' });
    return { items, decision: v.decision, reason: v.reason };
  });

/** An action as people name it: its plan's title and number, then its title. */
const actionName = (a: Pick<AwaitingDecision, 'planTitle' | 'number' | 'title'>): string => `${a.planTitle}, action ${a.number}: ${a.title}`;

interface Row {
  kind: PendingItem['kind'];
  value: string;
  name: string;
  href: string;
  decideHref: string;
  what: string;
  /** The thing proposed, as a sentence names it: 'BRAG status', 'new deadline'. */
  noun: string;
  current: string | null;
  proposed: string;
  reason: string;
  by: string;
  at: string;
}

function rowsOf(waiting: readonly AwaitingDecision[]): Row[] {
  return waiting.flatMap((a) => [
    ...(a.proposal
      ? [
          {
            kind: 'status' as const,
            value: itemValue('status', a.version, a.key),
            name: actionName(a),
            href: actionPath(a.key),
            decideHref: actionPath(a.key, 'decision'),
            what: 'BRAG status',
            noun: 'BRAG status',
            current: a.status,
            proposed: a.proposal.status,
            reason: a.proposal.reason,
            by: a.proposal.proposedBy,
            at: a.proposal.recordedAt,
          },
        ]
      : []),
    ...(a.pendingDeadlineRequest
      ? [
          {
            kind: 'deadline' as const,
            value: itemValue('deadline', a.version, a.key),
            name: actionName(a),
            href: actionPath(a.key),
            decideHref: actionPath(a.key, 'deadline-decision'),
            what: 'Deadline',
            noun: 'new deadline',
            current: a.deadline,
            proposed: a.pendingDeadlineRequest.dueDate,
            reason: a.pendingDeadlineRequest.reason,
            by: a.pendingDeadlineRequest.requestedBy,
            at: a.pendingDeadlineRequest.requestedAt,
          },
        ]
      : []),
  ]);
}

const roundApprovalsRoutes: PageRoutes = (server) => {
  const { rounds, actions } = server.services;

  interface PageState {
    values?: FormValues;
    errors?: FormError[];
    stale?: { name: string; change: ReturnType<typeof staleChangeView> }[];
  }

  const show = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, state: PageState = {}, status = 200) => {
    const ctx = request.ctx();
    const round = await rounds.summary(ctx, roundId(request.params));
    const slugs = new Set(round.plans.map((p) => p.slug));
    const waiting = (await actions.awaitingDecision(ctx)).filter((a) => slugs.has(a.plan)).sort((x, y) => x.planTitle.localeCompare(y.planTitle) || x.key.localeCompare(y.key, 'en', { numeric: true }));
    const chosen = new Set(choiceList().parse(state.values?.items ?? []));
    const rows = rowsOf(waiting).map((r, i) => ({ ...r, id: i === 0 ? 'items' : `items-${i + 1}`, checked: chosen.has(r.value) }));
    return reply.page(
      'rounds/approvals.njk',
      {
        round,
        rows,
        action: roundPath(round.id, 'approvals'),
        values: state.values ?? {},
        errors: state.errors ?? [],
        stale: state.stale ?? [],
        done: doneMessage(request.query),
      },
      status,
    );
  };

  server.get<{ Params: { id: string } }>('/rounds/:id/approvals', (request, reply) => show(request, reply));

  server.post<{ Params: { id: string } }>('/rounds/:id/approvals', async (request, reply) => {
    const id = roundId(request.params);
    const values = formValues(request.body);
    const form = readForm(decisionForm, request.body);
    // The round is read first, so a person who may not see it is refused before anything else.
    await rounds.summary(request.ctx(), id);
    if (!form.ok) return show(request, reply, { values, errors: form.errors.map((e) => (e.field === 'decision' ? { ...e, href: '#items' } : e)) }, 400);
    try {
      await actions.decideMany(request.ctx(), form.value.items, { decision: form.value.decision, reason: form.value.reason });
    } catch (err) {
      if (err instanceof StaleItemsError) {
        const stale = [];
        for (const s of err.stale) stale.push({ name: actionName(await actions.show(request.ctx(), s.key)), change: staleChangeView(s.error) });
        return show(request, reply, { values: { reason: values.reason }, stale }, 409);
      }
      if (err instanceof ValidationError) return show(request, reply, { values, errors: errorsFromValidation(err, { items: 'items', decision: 'items', reason: 'reason' }, 'items') }, 400);
      throw err;
    }
    return reply.code(303).redirect(withDone(roundPath(id, 'approvals'), form.value.decision === 'approve' ? 'approvals-approved' : 'approvals-rejected'));
  });

  return Promise.resolve();
};

export default roundApprovalsRoutes;
