// Cross-reference pages: every reference in use, and one reference ("Inspection recommendation 11") with the actions citing it.
import { NotFoundError } from '../../domain/errors.ts';
import { actionPath } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';
import { isRefKind, refGroups, refHeading, refKindLabels } from './refs.view.ts';

const refsRoutes: PageRoutes = (server) => {
  server.get('/refs', async (request, reply) => {
    const counts = await server.services.actions.refs(request.ctx());
    return reply.page('refs/refs.njk', { groups: refGroups(counts) });
  });

  server.get<{ Params: { kind: string; value: string } }>('/refs/:kind/:value', async (request, reply) => {
    const { kind, value } = request.params;
    if (!isRefKind(kind)) throw new NotFoundError(`There is no kind of reference called "${kind}".`);
    const actions = await server.services.actions.byRef(request.ctx(), kind, value);
    const heading = refHeading(kind, value);
    if (actions.length === 0) throw new NotFoundError(`No action cites ${heading.toLowerCase()}.`);
    return reply.page('refs/ref.njk', {
      heading,
      kindLabel: refKindLabels[kind].many,
      kind,
      actions: actions.map((a) => ({ ...a, href: actionPath(a.key), ownerLabels: a.owners.map((o) => o.label) })),
    });
  });
  return Promise.resolve();
};

export default refsRoutes;
