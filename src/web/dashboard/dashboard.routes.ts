// The performance dashboard: every measure in its group, or a named dashboard's tiles in their order,
// each tile with its figure, target and RAG in words, direction of travel, benchmarks and sparkline;
// and the forms (no JavaScript needed) that create a named dashboard and choose and order its tiles.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { groupOf, MEASURE_GROUPS } from '../../services/measure-reading.ts';
import { todayFor } from '../../services/context.ts';
import type { PageRoutes } from '../routes.ts';
import { errorsFromValidation, formError, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { asAtView, readAsAt, withAsAt } from '../kit/as-at.ts';
import { tileView, type TileView } from '../kit/measure-figures.ts';
import { staleChangeView } from '../kit/stale-change.ts';

const dashboardPath = (id: number | null): string => (id === null ? '/dashboard' : `/dashboard/${id}`);
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const newForm = z.object({ name: z.string() });

/** A posted field as text: forms post strings; anything else counts as empty. */
const field = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function requireManage(request: FastifyRequest): void {
  if (!can(request.ctx().role, 'dashboards.manage')) throw new ForbiddenError('Your role does not allow you to create or change dashboards.');
}

const dashboardRoutes: PageRoutes = (server) => {
  const { dashboards, measures } = server.services;

  async function showDashboard(request: FastifyRequest, reply: FastifyReply, id: number | null): Promise<FastifyReply> {
    const ctx = request.ctx();
    // The figures at another date, asked for on the page's own form (GET), or today's.
    const choice = readAsAt(request.query, todayFor(ctx));
    const [{ view, named }, threshold] = await Promise.all([dashboards.page(ctx, id, { asAt: choice.asAt }), measures.threshold(ctx)]);
    // A tile at another date leads to its measure's page at that date (the tile itself is shared, so it is copied).
    const atDate = (t: TileView): TileView => (choice.asAt === undefined ? t : { ...t, href: withAsAt(t.href, choice.asAt) });
    const groups = await Promise.all(view.groups.map(async (g) => ({ key: g.key, title: g.title, tiles: (await Promise.all(g.tiles.map(tileView))).map(atDate) })));
    const tiles = groups.flatMap((g) => g.tiles);
    return reply.page('dashboard/dashboard.njk', {
      dashboard: { id: view.id, name: view.name, version: view.version },
      groups,
      counts: { red: tiles.filter((t) => t.rag?.code === 'R').length, amber: tiles.filter((t) => t.rag?.code === 'A').length, green: tiles.filter((t) => t.rag?.code === 'G').length, all: tiles.length },
      anyHidden: tiles.some((t) => t.hidden),
      anyMarked: tiles.some((t) => t.markedSmall),
      threshold,
      named: named.map((d) => ({ ...d, href: dashboardPath(d.id), current: d.id === view.id })),
      canManage: can(ctx.role, 'dashboards.manage'),
      done: (request.query as { done?: string }).done === 'saved' ? 'The dashboard has been saved' : null,
      asAt: asAtView(choice, dashboardPath(view.id)),
      errors: choice.errors,
    }, choice.errors.length > 0 ? 400 : 200);
  }

  server.get('/dashboard', (request, reply) => showDashboard(request, reply, null));

  const showNew = (reply: FastifyReply, values: FormValues, errors: FormError[], status = 200) => reply.page('dashboard/dashboard-new.njk', { values, errors }, status);

  server.get('/dashboard/new', (request, reply) => {
    requireManage(request);
    return showNew(reply, {}, []);
  });

  server.post('/dashboard/new', async (request, reply) => {
    requireManage(request);
    const form = readForm(newForm, request.body);
    if (!form.ok) return showNew(reply, form.values, form.errors, 400);
    try {
      const d = await dashboards.create(request.ctx(), form.value);
      return reply.code(303).redirect(`${dashboardPath(d.id)}/edit`);
    } catch (err) {
      if (err instanceof ValidationError) return showNew(reply, form.value, errorsFromValidation(err, ['name'], 'name'), 400);
      throw err;
    }
  });

  server.get('/dashboard/:id', (request, reply) => showDashboard(request, reply, idParams.parse(request.params).id));

  async function showEdit(request: FastifyRequest, reply: FastifyReply, id: number, form: { values?: FormValues; errors?: FormError[]; stale?: StaleWriteError }, status = 200) {
    const ctx = request.ctx();
    const [d, library] = await Promise.all([dashboards.find(ctx, id), measures.list(ctx)]);
    const values = form.values;
    const chosen = (code: string): boolean => (values ? [values.tiles].flat().includes(code) : d.tiles.includes(code));
    const order = (code: string): string => {
      if (values) return field(values[`order-${code}`]);
      const at = d.tiles.indexOf(code);
      return at < 0 ? '' : String(at + 1);
    };
    const groups = MEASURE_GROUPS.map((g) => ({
      title: g.title,
      measures: library.filter((m) => groupOf(m.code).key === g.key).map((m) => ({ code: m.code, title: m.title, chosen: chosen(m.code), order: order(m.code) })),
    })).filter((g) => g.measures.length > 0);
    return reply.page(
      'dashboard/dashboard-edit.njk',
      {
        dashboard: d,
        name: values ? field(values.name) : d.name,
        version: values ? field(values.version) || String(d.version) : String(d.version),
        groups,
        errors: form.errors ?? [],
        stale: form.stale ? staleChangeView(form.stale) : null,
      },
      status,
    );
  }

  server.get('/dashboard/:id/edit', (request, reply) => {
    requireManage(request);
    return showEdit(request, reply, idParams.parse(request.params).id, {});
  });

  server.post('/dashboard/:id/edit', async (request, reply) => {
    requireManage(request);
    const { id } = idParams.parse(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormValues = { ...body };
    delete values._csrf;
    const picked = [body.tiles].flat().filter((x): x is string => typeof x === 'string');
    // Tiles in the order typed; those without a number after the numbered ones, in the library's order.
    const errors: FormError[] = [];
    const ranked = picked.map((code, i) => {
      const raw = field(body[`order-${code}`]).trim();
      if (raw !== '' && !/^\d{1,3}$/.test(raw)) errors.push(formError(`order-${code}`, `The order of "${code}" must be a whole number, for example 3`));
      return { code, rank: raw === '' ? Number.MAX_SAFE_INTEGER : Number(raw), i };
    });
    if (errors.length > 0) return showEdit(request, reply, id, { values, errors }, 400);
    const tiles = ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((r) => r.code);
    const version = Number(body.version);
    try {
      await dashboards.setTiles(request.ctx(), id, { name: field(body.name), tiles, ...(Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}) });
    } catch (err) {
      if (err instanceof ValidationError) return showEdit(request, reply, id, { values, errors: errorsFromValidation(err, ['name', 'tiles'], 'name') }, 400);
      if (err instanceof StaleWriteError) return showEdit(request, reply, id, { values: { ...values, version: String(err.currentVersion) }, stale: err }, 409);
      throw err;
    }
    return reply.code(303).redirect(`${dashboardPath(id)}?done=saved`);
  });

  return Promise.resolve();
};

export default dashboardRoutes;
