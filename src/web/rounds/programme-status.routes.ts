// A round's programme status: the programmes of its plans with their newest status at the period's
// end, and for each, its history and the form where its lead enters this period's delivery group,
// chair, BRAG status, trend and reason (a new entry each time; a stale form is refused).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BRAG } from '../../domain/brag.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { NODE_TRENDS } from '../../domain/plan-document.ts';
import { programmeTrendLabels, type ProgrammeView } from '../../services/reporting/programme-status.service.ts';
import { doneMessage } from '../kit/done.ts';
import { textField, versionField } from '../kit/form-fields.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { roundPath, withDone } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';
import { nodeIdOf, roundId } from './round-params.ts';

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : (v ?? ''));

const statusForm = z.object({
  version: versionField,
  deliveryGroup: textField(),
  chair: textField(),
  status: z.preprocess(first, z.enum(BRAG, { message: 'Choose the programme’s BRAG status' })),
  trend: z.preprocess(first, z.enum(NODE_TRENDS, { message: 'Choose whether the status is improving, steady or worsening' })),
  reason: z.preprocess(first, z.string().trim().min(1, { message: 'Give the reason for the status' })),
});

type Params = { id: string; node: string };

const programmePath = (round: number, node: number): string => roundPath(round, `programmes/${node}`);
const programmeName = (p: Pick<ProgrammeView, 'number' | 'title'>): string => `${p.number} ${p.title}`.trim();

const programmeStatusRoutes: PageRoutes = (server) => {
  const { programmes } = server.services;

  server.get<{ Params: { id: string } }>('/rounds/:id/programmes', async (request, reply) => {
    const { round, programmes: list } = await programmes.forRound(request.ctx(), roundId(request.params));
    return reply.page('rounds/programmes.njk', {
      round,
      trendLabels: programmeTrendLabels,
      rows: list.map((p) => ({ ...p, name: programmeName(p), href: programmePath(round.id, p.nodeId) })),
    });
  });

  const show = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state: FormState | null, status = 200) => {
    const { round, programme, history } = await programmes.show(request.ctx(), roundId(request.params), nodeIdOf(request.params));
    if (state !== null && !programme.mayEnter) throw new ForbiddenError(`Your role does not allow you to enter the status of programme ${programmeName(programme)}: it is not a programme you lead.`);
    const start = programme.thisPeriod ?? programme.latest;
    const values = state?.values ?? {
      version: String(programme.version),
      deliveryGroup: programme.deliveryGroup ?? '',
      chair: programme.chair ?? '',
      status: start?.status ?? '',
      trend: start?.trend ?? '',
      reason: programme.thisPeriod?.reason ?? '',
    };
    return reply.page(
      'rounds/programme.njk',
      {
        round,
        programme: { ...programme, name: programmeName(programme) },
        history,
        trendLabels: programmeTrendLabels,
        listHref: roundPath(round.id, 'programmes'),
        action: programmePath(round.id, programme.nodeId),
        values,
        errors: state?.errors ?? [],
        stale: state?.stale ?? null,
        done: doneMessage(request.query),
      },
      status,
    );
  };

  server.get<{ Params: Params }>('/rounds/:id/programmes/:node', (request, reply) => show(request, reply, null));

  server.post<{ Params: Params }>('/rounds/:id/programmes/:node', async (request, reply) => {
    const id = roundId(request.params);
    const node = nodeIdOf(request.params);
    // Refused before the form is read: a person who may not enter it learns nothing from its errors.
    const { programme } = await programmes.show(request.ctx(), id, node);
    if (!programme.mayEnter) throw new ForbiddenError(`Your role does not allow you to enter the status of programme ${programmeName(programme)}: it is not a programme you lead.`);
    return postForm(reply, {
      schema: statusForm,
      body: request.body,
      render: (state, status) => show(request, reply, state, status),
      save: async (v) => {
        await programmes.enter(request.ctx(), id, node, { ...v, expectedVersion: v.version });
        return withDone(programmePath(id, node), 'programme-status-entered');
      },
      fields: ['status', 'trend', 'reason', 'deliveryGroup', 'chair'],
      fallback: 'status',
    });
  });

  return Promise.resolve();
};

export default programmeStatusRoutes;
