// Where an action sits and whether it is still needed: move it under another part of its plan,
// give it another number, or close it as no longer needed with the reason. Each form has a page of
// its own, linked from the action's page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ConflictError, ForbiddenError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import type { ActionChanged, ActionDetail } from '../../services/actions/index.ts';
import type { Done } from '../kit/done.ts';
import { readFormInOrder } from '../kit/form-fields.ts';
import { errorsFromValidation, formError, type FormError } from '../kit/forms.ts';
import { actionKeyOf, actionPath, withDone } from '../kit/paths.ts';
import { nodeChoices } from '../kit/plan-nodes.ts';
import { staleChangeView, type StaleChangeView } from '../kit/stale-change.ts';
import type { PageRoutes } from '../routes.ts';
import { closeForm, moveForm, renumberForm } from './action-place-forms.ts';

type Params = { slug: string; number: string };
type Values = Record<string, unknown>;

interface FormState {
  values: Values;
  errors?: FormError[];
  stale?: StaleChangeView | null;
}

/** One of the three forms: its page, the schema that reads it, the change it makes and the message after. */
interface PlaceForm<I> {
  suffix: 'move' | 'renumber' | 'close';
  template: string;
  schema: z.ZodType<I>;
  first: (action: ActionDetail) => Values;
  change: (request: FastifyRequest<{ Params: Params }>, action: ActionDetail, input: I) => Promise<ActionChanged>;
  done: Done;
  fields: Record<string, string>;
}

const actionPlaceRoutes: PageRoutes = (server) => {
  const actions = server.services.actions;

  const render = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, form: PlaceForm<never>, action: ActionDetail, state: FormState, status = 200) => {
    if (action.frozen !== null) throw new ConflictError(action.frozen);
    if (!action.may.edit) throw new ForbiddenError('Your role does not allow you to move, renumber or close this action.');
    let nodeOptions: { value: string; text: string }[] = [];
    let nowIn: string | null = null;
    if (form.suffix === 'move') {
      const choices = nodeChoices(await server.services.plans.tree(request.ctx(), action.plan));
      const here = choices.find((n) => n.id === action.nodeId);
      nowIn = here ? here.text.replace(/^(– )+/, '') : null;
      // A top-level action cannot move to the part it is in; a sub-action can, to stand on its own there.
      const offered = action.parentActionId === null ? choices.filter((n) => n.id !== action.nodeId) : choices.map((n) => (n.id === action.nodeId ? { ...n, text: `${n.text} (now here, under another action)` } : n));
      nodeOptions = [{ value: '', text: 'Choose' }, ...offered.map((n) => ({ value: String(n.id), text: n.text }))];
    }
    return reply.page(form.template, { action, href: actionPath(action.key), nodeOptions, nowIn, values: state.values, errors: state.errors ?? [], stale: state.stale ?? null }, status);
  };

  const register = <I>(form: PlaceForm<I>): void => {
    const path = `/plans/:slug/actions/:number/${form.suffix}`;
    const load = (request: FastifyRequest<{ Params: Params }>) => actions.show(request.ctx(), actionKeyOf(request.params));
    const draw = form as unknown as PlaceForm<never>;

    server.get<{ Params: Params }>(path, async (request, reply) => {
      const action = await load(request);
      return render(request, reply, draw, action, { values: { version: String(action.version), ...form.first(action) } });
    });

    server.post<{ Params: Params; Body: Values }>(path, async (request, reply) => {
      const action = await load(request);
      const read = readFormInOrder(form.schema, request.body);
      if (!read.ok) return render(request, reply, draw, action, { values: read.values, errors: read.errors }, 400);
      try {
        const changed = await form.change(request, action, read.value);
        return reply.code(303).redirect(withDone(actionPath(changed.key), form.done));
      } catch (err) {
        if (err instanceof StaleWriteError) {
          const current = await load(request);
          return render(request, reply, draw, current, { values: { ...request.body, version: String(current.version) }, stale: staleChangeView(err) }, 409);
        }
        if (err instanceof ValidationError) return render(request, reply, draw, action, { values: request.body, errors: errorsFromValidation(err, form.fields, Object.values(form.fields)[0]!) }, 400);
        if (err instanceof ConflictError) return render(request, reply, draw, action, { values: request.body, errors: [formError(Object.values(form.fields)[0]!, err.message)] }, 409);
        throw err;
      }
    });
  };

  register<{ version: number; nodeId: number; number?: string | undefined }>({
    suffix: 'move',
    template: 'actions/action-move.njk',
    schema: moveForm,
    first: () => ({ nodeId: '', number: '' }),
    change: (request, action, input) => actions.move(request.ctx(), action.key, { nodeId: input.nodeId, number: input.number, expectedVersion: input.version }),
    done: 'action-moved',
    fields: { nodeId: 'nodeId', number: 'number' },
  });

  register<{ version: number; number: string }>({
    suffix: 'renumber',
    template: 'actions/action-renumber.njk',
    schema: renumberForm,
    first: (action) => ({ number: action.number }),
    change: (request, action, input) => actions.renumber(request.ctx(), action.key, { number: input.number, expectedVersion: input.version }),
    done: 'action-renumbered',
    fields: { number: 'number' },
  });

  register<{ version: number; reason: string }>({
    suffix: 'close',
    template: 'actions/action-close.njk',
    schema: closeForm,
    first: () => ({ reason: '' }),
    change: (request, action, input) => actions.close(request.ctx(), action.key, { reason: input.reason, expectedVersion: input.version }),
    done: 'action-closed',
    fields: { reason: 'reason' },
  });

  return Promise.resolve();
};

export default actionPlaceRoutes;
