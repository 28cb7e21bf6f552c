// The measure library page: every measure with its latest figure, target, RAG and benchmarks, searchable.
import { can } from '../../domain/capabilities.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { MeasureSummary } from '../../services/measure.service.ts';
import { errorsFromValidation, type FormError } from '../kit/forms.ts';
import { measuresPath } from '../kit/paths.ts';
import { queryText } from '../kit/query.ts';
import type { PageRoutes } from '../routes.ts';
import { COMPARATORS, measureRows } from './measures-list.view.ts';

const measuresListRoutes: PageRoutes = (server) => {
  server.get(measuresPath, async (request, reply) => {
    const q = queryText().parse((request.query as Record<string, unknown> | undefined)?.q) ?? '';
    let measures: MeasureSummary[] = [];
    let errors: FormError[] = [];
    try {
      measures = await server.services.measures.list(request.ctx(), { search: q });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = errorsFromValidation(err, { search: 'q' }, 'q');
    }
    const reader = await server.services.measures.reader(request.ctx());
    const rows = measureRows(measures, reader);
    return reply.page(
      'measures/measures-list.njk',
      { q, errors, rows, mayReviewReturns: can(request.ctx().role, 'ssda903.review'), comparators: COMPARATORS, threshold: reader.threshold, anySuppressed: rows.some((r) => r.value?.text === '[c]') },
      errors.length > 0 ? 400 : 200,
    );
  });
  return Promise.resolve();
};

export default measuresListRoutes;
