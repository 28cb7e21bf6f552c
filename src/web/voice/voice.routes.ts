// The voice of the child page (what the young people's councils said and what was done about it,
// in plain words a young person can read) and its forms: a new priority, a dated "we did"
// response with its evidence, the actions answering it, and marking it answered.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { VoiceView } from '../../services/voice.service.ts';
import type { PageRoutes } from '../routes.ts';
import { actionLinker } from '../kit/action-links.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { actionKeyList } from '../kit/form-fields.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { voiceAnchor, voicePath, withDone } from '../kit/paths.ts';
import { actionsForm, answerForm, newVoiceForm, respondForm, VOICE_FIELDS } from './voice-forms.ts';
import { councilGroups, statusCounts, voiceItemRow } from './voice.view.ts';

type Values = Record<string, unknown>;
type VoiceForm = 'respond' | 'actions' | 'answer';

const mayRespond = (request: FastifyRequest): boolean => request.user !== null && can(request.user.role, 'voice.respond');

const TEMPLATES: Record<VoiceForm | 'new', string> = {
  new: 'voice/voice-new.njk',
  respond: 'voice/voice-respond.njk',
  actions: 'voice/voice-actions.njk',
  answer: 'voice/voice-answer.njk',
};

const voiceRoutes: PageRoutes = (server) => {
  const voice = server.services.voice;

  server.get('/voice', async (request, reply) => {
    const ctx = request.ctx();
    const [items, link] = await Promise.all([voice.list(ctx), actionLinker(server.services.actions, ctx)]);
    return reply.page('voice/voice.njk', {
      groups: councilGroups(items, link),
      counts: statusCounts(items),
      total: items.length,
      mayRespond: mayRespond(request),
      done: doneMessage(request.query),
    });
  });

  const itemId = (raw: string): number => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(`There is no young people's priority ${raw}.`);
    return id;
  };

  const render = async (reply: FastifyReply, form: VoiceForm | 'new', item: VoiceView | null, state: FormState, status = 200) => {
    if (!mayRespond(reply.request)) throw new ForbiddenError("Your role does not allow you to change the young people's priorities.");
    const councils = form === 'new' ? [...new Set((await voice.list(reply.request.ctx())).map((v) => v.council))] : [];
    // Marking it answered: what was said and what has been done so far, above the form.
    const shown = form === 'answer' && item !== null ? voiceItemRow(item, await actionLinker(server.services.actions, reply.request.ctx())) : null;
    return reply.page(
      TEMPLATES[form],
      {
        item,
        shown,
        values: state.values,
        errors: state.errors ?? [],
        stale: state.stale ?? null,
        councils,
        cancelHref: item === null ? voicePath : `${voicePath}#${voiceAnchor(item.id)}`,
      },
      status,
    );
  };

  const handle = <T>(request: FastifyRequest<{ Body: Values }>, reply: FastifyReply, form: VoiceForm | 'new', item: VoiceView | null, schema: z.ZodType<T>, save: (value: T) => Promise<number>, done: Done) =>
    postForm(reply, {
      schema,
      body: request.body,
      render: async (state, status) => render(reply, form, state.stale && item ? await voice.get(request.ctx(), item.id) : item, state, status),
      save: async (value) => withDone(voicePath, done, voiceAnchor(await save(value))),
      fields: VOICE_FIELDS,
      fallback: { new: 'council', respond: 'respondedOn-day', actions: 'actions', answer: 'answeredOn-day' }[form],
    });

  server.get('/voice/new', async (_request, reply) => render(reply, 'new', null, { values: {} }));

  server.post<{ Body: Values }>('/voice', async (request, reply) => {
    if (!mayRespond(request)) throw new ForbiddenError("Your role does not allow you to record the young people's priorities.");
    return handle(request, reply, 'new', null, newVoiceForm, async (v) => (await voice.add(request.ctx(), v)).id, 'voice-added');
  });

  for (const form of ['respond', 'actions', 'answer'] as const) {
    server.get<{ Params: { id: string } }>(`/voice/:id/${form}`, async (request, reply) => {
      const item = await voice.get(request.ctx(), itemId(request.params.id));
      const values: Values = { version: String(item.version) };
      if (form === 'actions') values.actions = item.actions.join('\n');
      return render(reply, form, item, { values });
    });
  }

  const item = async (request: FastifyRequest<{ Params: { id: string } }>): Promise<VoiceView> => {
    const found = await voice.get(request.ctx(), itemId(request.params.id));
    if (!mayRespond(request)) throw new ForbiddenError("Your role does not allow you to change the young people's priorities.");
    return found;
  };

  server.post<{ Params: { id: string }; Body: Values }>('/voice/:id/respond', async (request, reply) => {
    const v = await item(request);
    return handle(request, reply, 'respond', v, respondForm, async ({ version, ...input }) => {
      await voice.addResponse(request.ctx(), v.id, version, input);
      return v.id;
    }, 'voice-responded');
  });

  server.post<{ Params: { id: string }; Body: Values }>('/voice/:id/actions', async (request, reply) => {
    const v = await item(request);
    return handle(request, reply, 'actions', v, actionsForm, async ({ version, actions }) => {
      await voice.setActions(request.ctx(), v.id, version, actionKeyList(actions));
      return v.id;
    }, 'voice-actions-set');
  });

  server.post<{ Params: { id: string }; Body: Values }>('/voice/:id/answer', async (request, reply) => {
    const v = await item(request);
    return handle(request, reply, 'answer', v, answerForm, async ({ version, answeredOn }) => {
      await voice.markAnswered(request.ctx(), v.id, version, { answeredOn });
      return v.id;
    }, 'voice-answered');
  });

  return Promise.resolve();
};

export default voiceRoutes;
