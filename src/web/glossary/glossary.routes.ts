// The glossary page: the sector's acronyms and terms, A to Z.
import type { PageRoutes } from '../routes.ts';
import { glossaryLetters } from './glossary.view.ts';

const glossaryRoutes: PageRoutes = (server) => {
  server.get('/glossary', async (request, reply) => {
    const terms = await server.services.glossary.list(request.ctx());
    return reply.page('glossary/glossary.njk', { ...glossaryLetters(terms), total: terms.length });
  });
  return Promise.resolve();
};

export default glossaryRoutes;
