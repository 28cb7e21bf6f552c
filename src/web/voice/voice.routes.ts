// The voice of the child page: what the young people's councils said and what was done about it.
import type { PageRoutes } from '../routes.ts';
import { actionLinker } from '../kit/action-links.ts';
import { councilGroups, statusCounts } from './voice.view.ts';

const voiceRoutes: PageRoutes = (server) => {
  server.get('/voice', async (request, reply) => {
    const ctx = request.ctx();
    const [items, link] = await Promise.all([server.services.voice.list(ctx), actionLinker(server.services.actions, ctx)]);
    return reply.page('voice/voice.njk', { groups: councilGroups(items, link), counts: statusCounts(items), total: items.length });
  });
  return Promise.resolve();
};

export default voiceRoutes;
