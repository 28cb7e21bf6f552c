// The glossary page (the sector's acronyms and terms, A to Z) and its forms: add, edit and retire a term.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { GlossaryTerm } from '../../services/glossary.service.ts';
import type { PageRoutes } from '../routes.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { glossaryPath, withDone } from '../kit/paths.ts';
import { editTermForm, newTermForm, retireTermForm, TERM_FIELDS } from './glossary-forms.ts';
import { glossaryLetters, termAnchor } from './glossary.view.ts';

type Values = Record<string, unknown>;
type TermForm = 'new' | 'edit' | 'retire';

const mayEdit = (request: FastifyRequest): boolean => request.user !== null && can(request.user.role, 'glossary.edit');

const glossaryRoutes: PageRoutes = (server) => {
  const glossary = server.services.glossary;

  server.get('/glossary', async (request, reply) => {
    const terms = await glossary.listAll(request.ctx());
    const inUse = terms.filter((t) => t.retiredOn === null);
    const editable = mayEdit(request);
    return reply.page('glossary/glossary.njk', {
      ...glossaryLetters(inUse),
      retired: editable ? terms.filter((t) => t.retiredOn !== null) : [],
      total: inUse.length,
      mayEdit: editable,
      done: doneMessage(request.query),
      // Every term is listed here with what it stands for, so none is expanded again in the definitions.
      abbrExplained: new Set(inUse.map((t) => t.term)),
    });
  });

  const termId = (raw: string): number => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(`There is no glossary term ${raw}.`);
    return id;
  };

  const render = (reply: FastifyReply, form: TermForm, term: GlossaryTerm | null, state: FormState, status = 200) => {
    if (!mayEdit(reply.request)) throw new ForbiddenError('Your role does not allow you to change the glossary.');
    return reply.page(
      form === 'retire' ? 'glossary/term-retire.njk' : 'glossary/term-form.njk',
      {
        term,
        values: state.values,
        errors: state.errors ?? [],
        stale: state.stale ?? null,
        cancelHref: term === null ? glossaryPath : `${glossaryPath}#${termAnchor(term.term)}`,
      },
      status,
    );
  };

  const handle = <T>(request: FastifyRequest<{ Body: Values }>, reply: FastifyReply, form: TermForm, term: GlossaryTerm | null, schema: z.ZodType<T>, save: (value: T) => Promise<string>, done: Done) => {
    if (!mayEdit(request)) throw new ForbiddenError('Your role does not allow you to change the glossary.');
    return postForm(reply, {
      schema,
      body: request.body,
      render: async (state, status) => render(reply, form, state.stale && term ? await glossary.get(request.ctx(), term.id) : term, state, status),
      save: async (value) => {
        const name = await save(value);
        return withDone(glossaryPath, done, form === 'retire' ? 'retired-terms' : termAnchor(name));
      },
      fields: TERM_FIELDS,
      fallback: 'term',
    });
  };

  server.get('/glossary/new', async (_request, reply) => render(reply, 'new', null, { values: {} }));

  server.post<{ Body: Values }>('/glossary', async (request, reply) =>
    handle(request, reply, 'new', null, newTermForm, async (v) => {
      await glossary.add(request.ctx(), v);
      return v.term;
    }, 'term-added'),
  );

  for (const form of ['edit', 'retire'] as const) {
    server.get<{ Params: { id: string } }>(`/glossary/:id/${form}`, async (request, reply) => {
      const term = await glossary.get(request.ctx(), termId(request.params.id));
      const values: Values = { version: String(term.version), term: term.term, expansion: term.expansion, definition: term.definition };
      return render(reply, form, term, { values });
    });
  }

  server.post<{ Params: { id: string }; Body: Values }>('/glossary/:id/edit', async (request, reply) => {
    const term = await glossary.get(request.ctx(), termId(request.params.id));
    return handle(request, reply, 'edit', term, editTermForm, async ({ version, ...fields }) => {
      await glossary.edit(request.ctx(), term.id, version, fields);
      return fields.term;
    }, 'term-edited');
  });

  server.post<{ Params: { id: string }; Body: Values }>('/glossary/:id/retire', async (request, reply) => {
    const term = await glossary.get(request.ctx(), termId(request.params.id));
    return handle(request, reply, 'retire', term, retireTermForm, async ({ version }) => {
      await glossary.retire(request.ctx(), term.id, version);
      return term.term;
    }, 'term-retired');
  });

  return Promise.resolve();
};

export default glossaryRoutes;
