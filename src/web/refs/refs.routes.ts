// Cross-reference pages: every reference recorded or in use; one reference ("Inspection recommendation
// 11") with what it says, its source and date, the actions answering it with their BRAG and the
// measures they aim to move; and the forms that record and edit what a reference says.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { isRecordedRefKind, RECORDED_REF_KINDS } from '../../domain/references.ts';
import type { ReferenceView } from '../../services/reference.service.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { datePartsOf } from '../kit/form-fields.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { aimViews } from '../kit/measure-figures.ts';
import { actionPath, newRefPath, refEditPath, refPath, refsPath, withDone } from '../kit/paths.ts';
import { textBlocks } from '../../domain/text-blocks.ts';
import type { PageRoutes } from '../routes.ts';
import { editRefForm, newRefForm, REF_FIELDS } from './refs-forms.ts';
import { refGroups, refHeading, refKindLabels } from './refs.view.ts';

type Values = Record<string, unknown>;

const mayEdit = (request: FastifyRequest): boolean => request.user !== null && can(request.user.role, 'references.edit');
const refuse = (): never => {
  throw new ForbiddenError('Your role does not allow you to record or edit cross-references.');
};

const kindItems = (chosen: unknown) => RECORDED_REF_KINDS.map((k) => ({ value: k, text: refKindLabels[k].one, checked: chosen === k }));

const refsRoutes: PageRoutes = (server) => {
  const { references, measures } = server.services;

  server.get('/refs', async (request, reply) => {
    const { recorded, inUse } = await references.list(request.ctx());
    return reply.page('refs/refs.njk', { groups: refGroups(inUse, recorded), mayEdit: mayEdit(request), newHref: newRefPath(), done: doneMessage(request.query) });
  });

  // The form recording what a reference says; kind and number come filled in from a reference's page.
  const renderForm = (reply: FastifyReply, ref: ReferenceView | null, state: FormState, status = 200) => {
    if (!mayEdit(reply.request)) refuse();
    return reply.page(
      'refs/ref-form.njk',
      {
        ref,
        heading: ref ? refHeading(ref.kind, ref.value) : null,
        kinds: kindItems(state.values.kind),
        action: ref ? refEditPath(ref.kind, ref.value) : refsPath,
        cancelHref: ref ? refPath(ref.kind, ref.value) : refsPath,
        values: state.values,
        errors: state.errors ?? [],
        stale: state.stale ?? null,
      },
      status,
    );
  };

  const save = <T>(request: FastifyRequest<{ Body: Values }>, reply: FastifyReply, ref: ReferenceView | null, schema: z.ZodType<T>, write: (v: T) => Promise<ReferenceView>, done: Done) => {
    if (!mayEdit(request)) refuse();
    return postForm(reply, {
      schema,
      body: request.body,
      render: async (state, status) => renderForm(reply, state.stale && ref ? await references.get(request.ctx(), ref.kind, ref.value) : ref, state, status),
      save: async (value) => {
        const saved = await write(value);
        return withDone(refPath(saved.kind, saved.value), done);
      },
      fields: REF_FIELDS,
      fallback: ref ? 'body' : 'kind',
    });
  };

  server.get<{ Querystring: { kind?: string; value?: string } }>('/refs/new', async (request, reply) => {
    const kind = typeof request.query.kind === 'string' && isRecordedRefKind(request.query.kind) ? request.query.kind : '';
    const value = typeof request.query.value === 'string' ? request.query.value.slice(0, 20) : '';
    return renderForm(reply, null, { values: { kind, value } });
  });

  server.post<{ Body: Values }>('/refs', async (request, reply) => save(request, reply, null, newRefForm, (v) => references.add(request.ctx(), v), 'reference-added'));

  server.get<{ Params: { kind: string; value: string } }>('/refs/:kind/:value/edit', async (request, reply) => {
    const ref = await references.get(request.ctx(), request.params.kind, request.params.value);
    return renderForm(reply, ref, { values: { version: String(ref.version), title: ref.title, body: ref.body, source: ref.source, ...datePartsOf('issuedOn', ref.issuedOn) } });
  });

  server.post<{ Params: { kind: string; value: string }; Body: Values }>('/refs/:kind/:value/edit', async (request, reply) => {
    const ref = await references.get(request.ctx(), request.params.kind, request.params.value);
    return save(request, reply, ref, editRefForm, ({ version, ...text }) => references.edit(request.ctx(), ref.id, version, text), 'reference-edited');
  });

  server.get<{ Params: { kind: string; value: string } }>('/refs/:kind/:value', async (request, reply) => {
    const ctx = request.ctx();
    const page = await references.page(ctx, request.params.kind, request.params.value);
    const heading = refHeading(page.kind, page.value);
    const readings = page.measureCodes.length > 0 ? await measures.readings(ctx, { codes: page.measureCodes }) : [];
    const editable = mayEdit(request);
    return reply.page('refs/ref.njk', {
      heading,
      kindLabel: refKindLabels[page.kind].many,
      kind: page.kind,
      reference: page.reference && { ...page.reference, blocks: textBlocks(page.reference.body) },
      recordable: isRecordedRefKind(page.kind),
      mayEdit: editable,
      addHref: newRefPath(page.kind, page.value),
      editHref: refEditPath(page.kind, page.value),
      done: doneMessage(request.query),
      actions: page.actions.map((a) => ({ ...a, href: actionPath(a.key), ownerLabels: a.owners.map((o) => o.label) })),
      aims: aimViews(page.measureCodes, readings),
    });
  });
  return Promise.resolve();
};

export default refsRoutes;
