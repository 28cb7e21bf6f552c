// The audit log page (administrators only): who changed what and when, filtered and fifty to a page.
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.ts';
import type { AuditPage } from '../../services/audit.service.ts';
import { checkDate, dateParts } from '../kit/form-fields.ts';
import { errorsFromValidation, readForm, type FormError } from '../kit/forms.ts';
import type { PageRoutes } from '../routes.ts';
import { queryText } from '../kit/query.ts';
import { actionLinker, actionName } from '../kit/action-links.ts';
import { auditRow, paginationOf } from './audit.view.ts';

const filterSchema = z
  .object({
    entity: queryText(),
    actor: queryText(),
    ...dateParts('from'),
    ...dateParts('to'),
    page: z.preprocess((v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v), z.coerce.number().int().min(1).catch(1)),
  })
  .transform((v, ctx) => ({
    entity: v.entity,
    actor: v.actor,
    from: checkDate(v, 'from', 'the from date', ctx, { required: false }),
    to: checkDate(v, 'to', 'the to date', ctx, { required: false }),
    page: v.page,
  }));

/** The filter fields people typed, to keep in the form and in the links to other pages. */
const FILTER_FIELDS = ['entity', 'actor', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'] as const;

// The service names the date it refuses; the form's error lands on that date's first box.
const FIELD_OF: Record<string, string> = { from: 'from-day', to: 'to-day', entity: 'entity', actor: 'actor' };

const auditRoutes: PageRoutes = (server) => {
  server.get('/audit', async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of FILTER_FIELDS) {
      const v = Array.isArray(raw[f]) ? (raw[f] as unknown[])[0] : raw[f];
      if (typeof v === 'string' && v.trim() !== '') values[f] = v.trim();
    }
    const form = readForm(filterSchema, raw);
    let errors: FormError[] = [];
    let result: AuditPage | null = null;
    if (form.ok) {
      try {
        result = await server.services.audit.page(request.ctx(), form.value);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        errors = errorsFromValidation(err, FIELD_OF, 'entity');
      }
    } else {
      errors = form.errors;
      // Bad filters still answer who may read the log: a viewer gets the 403 page, not a form.
      await server.services.audit.page(request.ctx(), { page: 1, pageSize: 1 });
    }
    // Actions are named by plan title and number, not by their key; only a page of events needs names.
    const linker = result && result.events.some((e) => e.entityType === 'action') ? await actionLinker(server.services.actions, request.ctx()) : null;
    const linkOf = (key: string, id: number | null): { name: string; href: string } | null => {
      const link = linker?.(key, { id });
      return link && link.title !== '' ? { name: actionName(link), href: link.href } : null;
    };
    const filtered = Object.keys(values).length > 0;
    const href = (page: number): string => {
      const params = new URLSearchParams(values);
      if (page > 1) params.set('page', String(page));
      const q = params.toString();
      return q === '' ? '/audit' : `/audit?${q}`;
    };
    const status = errors.length > 0 ? 400 : 200;
    return reply.page(
      'audit/audit.njk',
      {
        values,
        errors,
        filtered,
        result: result && {
          ...result,
          first: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
          last: Math.min(result.total, result.page * result.pageSize),
          rows: result.events.map((e) => auditRow(e, linkOf, result.names)),
        },
        pagination: result ? paginationOf(result.page, result.pages, href) : null,
      },
      status,
    );
  });
  return Promise.resolve();
};

export default auditRoutes;
