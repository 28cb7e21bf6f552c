// The search page: cross-references (by number or words), actions and progress updates containing a
// word or phrase, with the match in context.
import { ValidationError } from '../../domain/errors.ts';
import type { SearchResults } from '../../services/search.service.ts';
import { errorsFromValidation, type FormError } from '../kit/forms.ts';
import { actionPath, refPath } from '../kit/paths.ts';
import { refHeading } from '../kit/references.ts';
import type { PageRoutes } from '../routes.ts';

const searchRoutes: PageRoutes = (server) => {
  server.get('/search', async (request, reply) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.q;
    const q = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
    let results: SearchResults | null = null;
    let errors: FormError[] = [];
    try {
      results = await server.services.search.find(request.ctx(), q);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = errorsFromValidation(err, ['q'], 'q');
    }
    return reply.page(
      'search/search.njk',
      {
        q,
        errors,
        searched: results !== null && results.query !== '',
        results: results && {
          ...results,
          references: results.references.map((r) => ({ ...r, heading: refHeading(r.kind, r.value), href: refPath(r.kind, r.value) })),
          actions: results.actions.map((a) => ({ ...a, href: actionPath(a.key) })),
          updates: results.updates.map((u) => ({ ...u, href: actionPath(u.key) })),
        },
      },
      errors.length > 0 ? 400 : 200,
    );
  });
  return Promise.resolve();
};

export default searchRoutes;
