// The voice of the child page: what the young people's councils said and what was done about it.
import type { PageRoutes } from '../routes.ts';
import { actionLinker } from '../refs/action-links.ts';
import { councilGroups, statusCounts } from './voice.view.ts';

const voiceRoutes: PageRoutes = (server, { app }) => {
  server.get('/voice', async (request, reply) => {
    const ctx = request.ctx();
    const [items, link] = await Promise.all([app.services.voice.list(ctx), actionLinker(app, ctx)]);
    return reply.page('voice/voice.njk', { groups: councilGroups(items, link), counts: statusCounts(items), total: items.length });
  });
  return Promise.resolve();
};

export default voiceRoutes;
