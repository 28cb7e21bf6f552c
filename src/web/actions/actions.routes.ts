// The action page and its forms: progress update (with a proposed BRAG), decision on a proposal,
// deadline revision or request, decision on a deadline request, and editing the action.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import type { ActionDetail } from '../../services/actions/index.ts';
import { todayFor, type Ctx } from '../../services/context.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { datePartsOf, ownerRowCount, ownerValues, readFormInOrder } from '../kit/form-fields.ts';
import { errorsFromValidation, type FieldMap, type FormError } from '../kit/forms.ts';
import { actionKeyOf, actionPath, planPath, refPath, riskAnchor, riskAnchors, riskPath, withDone } from '../kit/paths.ts';
import { aimViews } from '../kit/measure-figures.ts';
import { refHeading, refSummary } from '../kit/references.ts';
import { aimedMeasureCodes } from '../../services/reference.service.ts';
import { staleChangeView, type StaleChangeView } from '../kit/stale-change.ts';
import { textBlocks } from '../../domain/text-blocks.ts';
import type { PageRoutes } from '../routes.ts';
import { decisionForm, deadlineForm, editForm, updateForm } from './action-forms.ts';
import { linkGroups, mayOf, measureItems, statusTimeline, tickedOf } from './action-view.ts';

type Params = { slug: string; number: string };

/** The action's key (plan-slug:number) from the page address. */
const keyOf = actionKeyOf;
type Values = Record<string, unknown>;

/** Common data for every action page: the action, its addresses and what this person may do. */
function actionLocals(action: ActionDetail) {
  const may = mayOf(action);
  return {
    action,
    may,
    href: actionPath(action.key),
    planHref: planPath(action.plan),
    pendingProposal: action.proposal,
    pendingDeadlineRequest: action.pendingDeadlineRequest,
  };
}

const FLAG_WORDS: Record<string, string> = {
  'rolled-over': 'Rolled over from an earlier plan',
  'business-as-usual': 'Business as usual',
  'dashboard-measure': 'Success measure shown on the dashboard',
};


/** Renders a form page with what was typed, the errors and, after a stale edit, the other person's change. */
const show = (reply: FastifyReply, state: FormState, status: number, template: string, data: object): Promise<unknown> =>
  reply.page(template, { ...data, values: state.values, errors: state.errors ?? [], stale: state.stale ?? null }, status);

interface FormState {
  values: Values;
  errors?: FormError[];
  stale?: StaleChangeView | null;
}

const actionsRoutes: PageRoutes = (server) => {
  const actions = server.services.actions;

  /** The register's anchors for this action's risks, worked out as the risk register page does. */
  // A risk's row id depends only on the risks sharing its reference, so only those are read.
  const riskAnchorsFor = async (ctx: Ctx, action: ActionDetail): Promise<Map<string, string>> => {
    const all = await actions.risksWithReferences(
      ctx,
      action.risks.map((r) => r.reference),
    );
    const anchors = riskAnchors(all);
    return new Map(all.filter((r) => r.plan === action.plan).map((r) => [r.reference, anchors.get(r.id) ?? riskAnchor(r.reference)]));
  };

  const load = (request: FastifyRequest<{ Params: Params }>): Promise<ActionDetail> => actions.show(request.ctx(), keyOf(request.params));

  /**
   * Runs a form's change. A stale edit re-renders the form with the other person's change, the
   * action as it is now and everything this person typed (with the new version, so sending it again
   * applies it); a service's validation error shows against its field; anything else propagates.
   */
  async function attempt(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    render: (reply: FastifyReply, action: ActionDetail, state: FormState, status: number) => Promise<unknown>,
    values: Values,
    fields: FieldMap,
    fallback: string,
    change: () => Promise<Done>,
  ): Promise<unknown> {
    try {
      const done = await change();
      return reply.code(303).redirect(withDone(actionPath(keyOf(request.params)), done));
    } catch (err) {
      if (err instanceof StaleWriteError) {
        const current = await load(request);
        return render(reply, current, { values: { ...values, version: String(current.version) }, stale: staleChangeView(err) }, 409);
      }
      if (err instanceof ValidationError) {
        return render(reply, await load(request), { values, errors: errorsFromValidation(err, fields, fallback) }, 400);
      }
      throw err;
    }
  }

  // The command line's key works as an address too: /actions/cypp-2016-19:6.7.
  server.get<{ Params: { key: string } }>('/actions/:key', async (request, reply) => {
    const action = await actions.show(request.ctx(), request.params.key);
    return reply.code(303).redirect(actionPath(action.key));
  });

  server.get<{ Params: Params; Querystring: { done?: string } }>('/plans/:slug/actions/:number', async (request, reply) => {
    const ctx = request.ctx();
    const action = await load(request);
    // The library measures the action aims to move: its measure cross-references and the success measures tied to a library code.
    const aimed = aimedMeasureCodes(action.refs, action.kpis);
    const [anchors, readings, recorded] = await Promise.all([
      action.risks.length > 0 ? riskAnchorsFor(ctx, action) : Promise.resolve(new Map<string, string>()),
      aimed.length > 0 ? server.services.measures.readings(ctx, { codes: aimed }) : Promise.resolve([]),
      action.refs.some((r) => r.kind !== 'measure' && r.kind !== 'tag') ? server.services.references.recorded(ctx) : Promise.resolve([]),
    ]);
    const said = new Map(recorded.map((r) => [`${r.kind}:${r.value.toLowerCase()}`, r]));
    return reply.page('actions/action.njk', {
      ...actionLocals(action),
      done: doneMessage(request.query),
      owners: action.owners,
      timeline: statusTimeline(action),
      deadlines: [...action.deadlines].sort((a, b) => b.setAt.localeCompare(a.setAt)),
      flags: action.flags.map((f) => FLAG_WORDS[f] ?? f).join('; '),
      updates: [...action.updates]
        .sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)))
        .map((u) => ({ ...u, blocks: textBlocks(u.body) })),
      refs: action.refs
        .filter((r) => r.kind !== 'measure')
        .map((r) => ({ ...r, heading: refHeading(r.kind, r.value), summary: refSummary(said.get(`${r.kind}:${r.value.toLowerCase()}`)), href: refPath(r.kind, r.value) })),
      aims: aimViews(aimed, readings),
      risks: action.risks.map((r) => ({ ...r, href: riskPath(anchors.get(r.reference) ?? riskAnchor(r.reference)) })),
      subActions: action.subActions.map((s) => ({ ...s, href: actionPath(s.key) })),
      descriptionBlocks: textBlocks(action.description),
      successBlocks: textBlocks(action.successMeasures),
      outcomeBlocks: textBlocks(action.outcome),
    });
  });

  // Progress update, with an optional BRAG status: set at once by those who may, else proposed.
  const renderUpdate = async (reply: FastifyReply, action: ActionDetail, state: FormState, status = 200) => {
    const locals = actionLocals(action);
    if (!locals.may.addUpdate) throw new ForbiddenError('Your role does not allow you to add progress updates to this action.');
    return show(reply, state, status, 'actions/update.njk', { ...locals });
  };
  server.get<{ Params: Params }>('/plans/:slug/actions/:number/update', async (request, reply) => {
    const action = await load(request);
    return renderUpdate(reply, action, { values: { version: String(action.version), ...datePartsOf('date', todayFor(request.ctx())), status: '' } });
  });

  server.post<{ Params: Params; Body: Values }>('/plans/:slug/actions/:number/update', async (request, reply) => {
    const form = readFormInOrder(updateForm(todayFor(request.ctx())), request.body);
    if (!form.ok) return renderUpdate(reply, await load(request), { values: form.values, errors: form.errors }, 400);
    const input = form.value;
    const ctx = request.ctx();
    const key = keyOf(request.params);
    return attempt(request, reply, renderUpdate, request.body, { date: 'date-day', body: 'body', reason: 'reason', status: 'status' }, 'body', async () => {
      // One change: the update and its status, set or (when this person may not set it) proposed.
      const done = await actions.recordProgress(ctx, key, {
        date: input.date,
        body: input.body,
        expectedVersion: input.version,
        status: input.status === null ? undefined : { status: input.status, reason: input.reason },
      });
      return done.status === null ? 'update-added' : done.status === 'proposed' ? 'update-and-proposal' : 'update-and-status';
    });
  });

  // Approve or reject the proposed BRAG status.
  const renderDecision = async (reply: FastifyReply, action: ActionDetail, state: FormState, status = 200) => {
    const locals = actionLocals(action);
    if (action.proposal !== null && !locals.may.decideProposal) throw new ForbiddenError('Your role does not allow you to decide proposals for this action.');
    return show(reply, state, status, 'actions/decision.njk', { ...locals });
  };

  server.get<{ Params: Params }>('/plans/:slug/actions/:number/decision', async (request, reply) => {
    const action = await load(request);
    return renderDecision(reply, action, { values: { version: String(action.version) } });
  });

  server.post<{ Params: Params; Body: Values }>('/plans/:slug/actions/:number/decision', async (request, reply) => {
    const form = readFormInOrder(decisionForm, request.body);
    if (!form.ok) return renderDecision(reply, await load(request), { values: form.values, errors: form.errors }, 400);
    const input = form.value;
    return attempt(request, reply, renderDecision, request.body, { decision: 'decision', reason: 'reason' }, 'decision', async () => {
      await actions.decideProposal(request.ctx(), keyOf(request.params), { decision: input.decision, reason: input.reason, expectedVersion: input.version });
      return input.decision === 'approve' ? 'proposal-approved' : 'proposal-rejected';
    });
  });

  // Revise the deadline (managers, leads) or ask for a new one (owners).
  const renderDeadline = async (reply: FastifyReply, action: ActionDetail, state: FormState, status = 200) => {
    const locals = actionLocals(action);
    if (!locals.may.reviseDeadline && !locals.may.requestDeadline) {
      throw new ForbiddenError('Your role does not allow you to change the deadline of this action.');
    }
    return show(reply, state, status, 'actions/deadline.njk', { ...locals });
  };

  server.get<{ Params: Params }>('/plans/:slug/actions/:number/deadline', async (request, reply) => {
    const action = await load(request);
    return renderDeadline(reply, action, { values: { version: String(action.version) } });
  });

  server.post<{ Params: Params; Body: Values }>('/plans/:slug/actions/:number/deadline', async (request, reply) => {
    const form = readFormInOrder(deadlineForm, request.body);
    if (!form.ok) return renderDeadline(reply, await load(request), { values: form.values, errors: form.errors }, 400);
    const input = form.value;
    const ctx = request.ctx();
    const key = keyOf(request.params);
    return attempt(request, reply, renderDeadline, request.body, { date: 'deadline-day', dueDate: 'deadline-day', reason: 'reason' }, 'deadline-day', async () => {
      const action = await actions.show(ctx, key);
      if (!mayOf(action).reviseDeadline && mayOf(action).requestDeadline) {
        await actions.requestDeadline(ctx, key, { dueDate: input.date, reason: input.reason, expectedVersion: input.version });
        return 'deadline-requested';
      }
      await actions.reviseDeadline(ctx, key, { date: input.date, reason: input.reason, expectedVersion: input.version });
      return 'deadline-revised';
    });
  });

  // Approve or turn down an owner's request for a new deadline.
  const renderDeadlineDecision = async (reply: FastifyReply, action: ActionDetail, state: FormState, status = 200) => {
    const locals = actionLocals(action);
    if (action.pendingDeadlineRequest !== null && !locals.may.decideDeadlineRequest) throw new ForbiddenError('Your role does not allow you to decide deadline requests for this action.');
    return show(reply, state, status, 'actions/deadline-decision.njk', { ...locals });
  };

  server.get<{ Params: Params }>('/plans/:slug/actions/:number/deadline-decision', async (request, reply) => {
    const action = await load(request);
    return renderDeadlineDecision(reply, action, { values: { version: String(action.version) } });
  });

  server.post<{ Params: Params; Body: Values }>('/plans/:slug/actions/:number/deadline-decision', async (request, reply) => {
    const form = readFormInOrder(decisionForm, request.body);
    if (!form.ok) return renderDeadlineDecision(reply, await load(request), { values: form.values, errors: form.errors }, 400);
    const input = form.value;
    return attempt(request, reply, renderDeadlineDecision, request.body, { decision: 'decision', reason: 'reason' }, 'decision', async () => {
      await actions.decideDeadlineRequest(request.ctx(), keyOf(request.params), { decision: input.decision, reason: input.reason, expectedVersion: input.version });
      return input.decision === 'approve' ? 'deadline-approved' : 'deadline-rejected';
    });
  });

  // Edit the action's words, owners, cross-references and the library measures it aims to move.
  const renderEdit = async (reply: FastifyReply, action: ActionDetail, state: FormState, status = 200) => {
    const locals = actionLocals(action);
    if (!locals.may.edit) throw new ForbiddenError('Your role does not allow you to edit this action.');
    const ctx = reply.request.ctx();
    const [recorded, library] = await Promise.all([server.services.references.recorded(ctx), server.services.measures.titles(ctx)]);
    const titleOf = new Map(library.map((m) => [m.code, m.title]));
    return show(reply, state, status, 'actions/edit.njk', {
      ...locals,
      ownerRowTotal: ownerRowCount(state.values),
      linkGroups: linkGroups(recorded, action.refs, tickedOf(state.values.refs)),
      measureItems: measureItems(library, action.refs, tickedOf(state.values.measures)),
      citedNow: action.refs.filter((r) => r.kind !== 'measure' && r.kind !== 'tag').map((r) => refHeading(r.kind, r.value)),
      measuresNow: action.refs.filter((r) => r.kind === 'measure').map((r) => titleOf.get(r.value) ?? r.value),
    });
  };

  server.get<{ Params: Params }>('/plans/:slug/actions/:number/edit', async (request, reply) => {
    const action = await load(request);
    return renderEdit(reply, action, {
      values: {
        version: String(action.version),
        title: action.title,
        description: action.description,
        successMeasures: action.successMeasures,
        outcome: action.outcome,
        ...ownerValues(action.owners),
        refsOffered: 'yes',
        refs: action.refs.filter((r) => r.kind !== 'measure' && r.kind !== 'tag').map((r) => `${r.kind}:${r.value}`),
        measures: action.refs.filter((r) => r.kind === 'measure').map((r) => r.value),
      },
    });
  });

  server.post<{ Params: Params; Body: Values }>('/plans/:slug/actions/:number/edit', async (request, reply) => {
    const form = readFormInOrder(editForm, request.body);
    if (!form.ok) return renderEdit(reply, await load(request), { values: form.values, errors: form.errors }, 400);
    const input = form.value;
    return attempt(request, reply, renderEdit, request.body, { title: 'title', owners: 'ownerName1', links: 'refs', measures: 'measures' }, 'title', async () => {
      const saved = await actions.edit(request.ctx(), keyOf(request.params), {
        expectedVersion: input.version,
        title: input.title,
        description: input.description,
        successMeasures: input.successMeasures,
        outcome: input.outcome,
        owners: input.owners,
        ...(input.links !== undefined ? { links: input.links } : {}),
      });
      // A save that changed nothing leaves the version where it was, and says so.
      return saved.version === input.version ? 'action-unchanged' : 'action-edited';
    });
  });

  return Promise.resolve();
};

export default actionsRoutes;
