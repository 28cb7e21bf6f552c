// The search page: actions and progress updates containing a word or phrase, with the match in context.
import { ValidationError } from '../../domain/errors.ts';
import type { SearchResults } from '../../services/search.service.ts';
import { formError, type FormError } from '../forms.ts';
import { actionHref } from '../refs/action-links.ts';
import type { PageRoutes } from '../routes.ts';

const searchRoutes: PageRoutes = (server, { app }) => {
  server.get('/search', async (request, reply) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.q;
    const q = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
    let results: SearchResults | null = null;
    let errors: FormError[] = [];
    try {
      results = await app.services.search.find(request.ctx(), q);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = [formError('q', err.message)];
    }
    return reply.page(
      'search/search.njk',
      {
        q,
        errors,
        searched: results !== null && results.query !== '',
        results: results && {
          ...results,
          actions: results.actions.map((a) => ({ ...a, href: actionHref(a.key) })),
          updates: results.updates.map((u) => ({ ...u, href: actionHref(u.key) })),
        },
      },
      errors.length > 0 ? 400 : 200,
    );
  });
  return Promise.resolve();
};

export default searchRoutes;
