// The plans: the list with BRAG counts, a plan's tree with filters and sorting, and the forms that
// create a plan, edit its details, add, edit, move and delete its parts (programmes, priorities,
// themes …) and add actions.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, NotFoundError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { can } from '../../domain/capabilities.ts';
import { NODE_KINDS, NODE_TRENDS, PLAN_KIND_LABELS, PLAN_KINDS } from '../../domain/plan-document.ts';
import type { ActionSummary } from '../../services/actions/index.ts';
import type { PlanTree } from '../../services/plan.service.ts';
import { doneMessage } from '../kit/done.ts';
import { datePartsOf, ownerRowCount, readFormInOrder } from '../kit/form-fields.ts';
import { errorsFromValidation, readForm, type FormError } from '../kit/forms.ts';
import { actionPath, nodeAnchor, planPath, plansPath, withDone } from '../kit/paths.ts';
import { staleChangeView, type StaleChangeView } from '../kit/stale-change.ts';
import { textBlocks } from '../../domain/text-blocks.ts';
import type { PageRoutes } from '../routes.ts';
import { editNodeForm, editPlanForm, newActionForm, newNodeForm, newPlanForm, versionOnlyForm } from './plan-forms.ts';
import { findNode, isFiltered, KIND_LABELS, nodeChoices, planQuery, planRefs, planSections, queryString, SORTS, type PlanQuery } from './plan-view.ts';

type Values = Record<string, unknown>;

/** Who changes a plan's structure and adds actions; the services refuse anyone else. */
const mayBuild = (request: FastifyRequest): boolean => request.user !== null && can(request.user.role, 'plans.edit');

/** An archived plan's forms say so at once, rather than after the form has been filled in. */
function refuseArchived(tree: PlanTree): void {
  if (tree.archived !== null) {
    throw new ConflictError(`"${tree.title}" is archived: it is kept for the record and takes no new parts, actions or changes. Take it out of the archive first.`);
  }
}

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  number: 'Plan order',
  deadline: 'Deadline, soonest first',
  status: 'BRAG status, red first',
  lastUpdate: 'Last update, oldest first',
};



const PLAN_STATUS_LABELS: Record<string, string> = { draft: 'Draft', active: 'In use', closed: 'Closed (kept for the record)' };

const TREND_LABELS: Record<string, string> = { improving: 'Improving', stable: 'Stable', worsening: 'Worsening' };

/** The keys a service names in a ValidationError, as the form fields they belong to. */
const NODE_FIELDS: Record<string, string> = { kind: 'kind', title: 'title', parentId: 'parentId', 'status.asAt': 'statusAsAt-day', status: 'status' };
const ACTION_FIELDS: Record<string, string> = {
  number: 'number',
  title: 'title',
  nodeId: 'nodeId',
  parentNumber: 'parentNumber',
  owners: 'ownerName1',
  deadline: 'deadline-day',
  refs: 'refs',
};

const PLAN_FIELDS: Record<string, string> = {
  slug: 'slug',
  title: 'title',
  kind: 'kind',
  status: 'status',
  periodStart: 'periodStart-day',
  periodEnd: 'periodEnd-day',
  description: 'description',
};

interface NodeFormState {
  values: Values;
  errors?: FormError[];
  stale?: StaleChangeView | null;
}

const plansRoutes: PageRoutes = (server) => {
  const plans = server.services.plans;

  // Archived plans are listed only when asked for (?archived=show).
  server.get<{ Querystring: Values }>('/plans', async (request, reply) => {
    const list = await plans.list(request.ctx());
    const showArchived = request.query.archived === 'show';
    return reply.page('plans/plans.njk', {
      plans: list.filter((p) => showArchived || p.archived === null).map((p) => ({ ...p, href: planPath(p.slug) })),
      showArchived,
      archivedCount: list.filter((p) => p.archived !== null).length,
      mayBuild: mayBuild(request),
      mayImport: request.user !== null && can(request.user.role, 'plans.import-trackers'),
    });
  });

  // A plan's details: create one, and edit them.
  const renderPlanForm = (reply: FastifyReply, plan: PlanTree | null, state: NodeFormState, status = 200) => {
    if (!mayBuild(reply.request)) throw new ForbiddenError(plan ? 'Your role does not allow you to change the details of a plan.' : 'Your role does not allow you to create plans.');
    if (plan) refuseArchived(plan);
    return reply.page(
      'plans/plan-form.njk',
      {
        plan,
        href: plan ? planPath(plan.slug) : plansPath,
        kinds: PLAN_KINDS.map((k) => ({ value: k, text: PLAN_KIND_LABELS[k] })),
        statuses: Object.entries(PLAN_STATUS_LABELS).map(([value, text]) => ({ value, text })),
        values: state.values,
        errors: state.errors ?? [],
        stale: state.stale ?? null,
      },
      status,
    );
  };

  server.get('/plans/new', (_request, reply) => renderPlanForm(reply, null, { values: { status: 'active', kind: 'improvement' } }));

  server.post<{ Body: Values }>('/plans', async (request, reply) => {
    const form = readFormInOrder(newPlanForm, request.body);
    if (!form.ok) return renderPlanForm(reply, null, { values: form.values, errors: form.errors }, 400);
    let slug: string;
    try {
      slug = (await plans.create(request.ctx(), form.value)).slug;
    } catch (err) {
      if (err instanceof ValidationError) return renderPlanForm(reply, null, { values: request.body, errors: errorsFromValidation(err, PLAN_FIELDS, 'title') }, 400);
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'plan-created'));
  });

  server.get<{ Params: { slug: string } }>('/plans/:slug/edit', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    return renderPlanForm(reply, tree, {
      values: {
        version: String(tree.version),
        title: tree.title,
        kind: tree.kind,
        status: tree.status,
        description: tree.description,
        ...datePartsOf('periodStart', tree.periodStart),
        ...datePartsOf('periodEnd', tree.periodEnd),
      },
    });
  });

  server.post<{ Params: { slug: string }; Body: Values }>('/plans/:slug/edit', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const form = readFormInOrder(editPlanForm, request.body);
    if (!form.ok) return renderPlanForm(reply, await plans.tree(ctx, slug), { values: form.values, errors: form.errors }, 400);
    const { version, ...fields } = form.value;
    try {
      await plans.editDetails(ctx, slug, version, fields);
    } catch (err) {
      if (err instanceof StaleWriteError) {
        const values = { ...request.body, version: String(err.currentVersion) };
        return renderPlanForm(reply, await plans.tree(ctx, slug), { values, stale: staleChangeView(err) }, 409);
      }
      if (err instanceof ValidationError) {
        return renderPlanForm(reply, await plans.tree(ctx, slug), { values: request.body, errors: errorsFromValidation(err, PLAN_FIELDS, 'title') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'plan-edited'));
  });

  server.get<{ Params: { slug: string }; Querystring: Values }>('/plans/:slug', async (request, reply) => {
    const ctx = request.ctx();
    const tree = await plans.tree(ctx, request.params.slug);
    const parsed = readForm(planQuery, request.query);
    const errors: FormError[] = parsed.ok ? [] : parsed.errors;
    const query: PlanQuery = parsed.ok ? parsed.value : { status: [], owner: '', overdue: false, ref: '', sort: 'number', done: undefined };
    const filtered = isFiltered(query);

    // Owner and cross-reference need the database's search; status and overdue are read off the rows.
    let matching: Set<number> | null = null;
    if (query.owner !== '' || query.ref !== '') {
      const [kind, ...rest] = query.ref.split(':');
      const found = await server.services.actions.list(ctx, {
        plan: tree.slug,
        owner: query.owner === '' ? undefined : query.owner,
        ref: query.ref === '' ? undefined : { kind: kind!, value: rest.join(':') },
      });
      matching = new Set(found.map((a) => a.id));
    }
    const statuses = new Set<string>(query.status);
    const keep = (a: ActionSummary): boolean =>
      (matching === null || matching.has(a.id)) &&
      (statuses.size === 0 || statuses.has(a.status ?? 'none')) &&
      (!query.overdue || a.overdue);
    const sections = planSections(tree, keep, query.sort, filtered);
    const shown = sections.reduce((n, s) => n + s.rows.length, 0);

    return reply.page(
      'plans/plan.njk',
      {
        plan: tree,
        href: planPath(tree.slug),
        done: doneMessage(query),
        sections: sections.map((s) => ({ ...s, descriptionBlocks: textBlocks(s.description) })),
        descriptionBlocks: textBlocks(tree.description),
        shown,
        filtered,
        query,
        errors,
        refChoices: [{ value: '', text: 'Any' }, ...planRefs(tree)],
        sortChoices: SORTS.map((s) => ({ value: s, text: SORT_LABELS[s] })),
        clearHref: planPath(tree.slug) + queryString({ ...query, status: [], owner: '', overdue: false, ref: '' }, {}),
        kindLabels: KIND_LABELS,
        trendLabels: TREND_LABELS,
        mayBuild: mayBuild(request),
        // An archived plan's structure and actions stay as they are; it can only be taken out of the archive (or rolled over).
        mayChange: mayBuild(request) && tree.archived === null,
        mayAddRisk: request.user !== null && can(request.user.role, 'risks.manage') && tree.archived === null,
      },
      errors.length > 0 ? 400 : 200,
    );
  });

  // Parts of the plan: add one (at the top or under another) and edit one.
  const nodeLocals = (tree: PlanTree) => ({
    plan: tree,
    href: planPath(tree.slug),
    kinds: NODE_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k] ?? k })),
    trends: NODE_TRENDS.map((t) => ({ value: t, text: TREND_LABELS[t] ?? t })),
    parentOptions: [{ value: '', text: 'At the top of the plan' }, ...nodeChoices(tree).map((n) => ({ value: String(n.id), text: `Under ${n.text}` }))],
    nodeOptions: [{ value: '', text: 'Choose' }, ...nodeChoices(tree).map((n) => ({ value: String(n.id), text: n.text }))],
  });

  const renderNodeForm = (reply: FastifyReply, tree: PlanTree, nodeId: number | null, state: NodeFormState, status = 200) => {
    if (!mayBuild(reply.request)) throw new ForbiddenError('Your role does not allow you to change the structure of a plan.');
    refuseArchived(tree);
    const node = nodeId === null ? null : findNode(tree, nodeId);
    return reply.page(
      'plans/node-form.njk',
      { ...nodeLocals(tree), node: node ?? null, values: state.values, errors: state.errors ?? [], stale: state.stale ?? null },
      status,
    );
  };

  server.get<{ Params: { slug: string }; Querystring: { parent?: string } }>('/plans/:slug/nodes/new', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    const parent = Number(request.query.parent);
    const parentNode = Number.isInteger(parent) ? findNode(tree, parent) : undefined;
    return renderNodeForm(reply, tree, null, { values: { parentId: parentNode ? String(parentNode.id) : '', kind: parentNode ? 'theme' : 'programme' } });
  });

  server.post<{ Params: { slug: string }; Body: Values }>('/plans/:slug/nodes', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const form = readFormInOrder(newNodeForm, request.body);
    if (!form.ok) return renderNodeForm(reply, await plans.tree(ctx, slug), null, { values: form.values, errors: form.errors }, 400);
    try {
      await plans.addNode(ctx, slug, form.value);
    } catch (err) {
      if (err instanceof ValidationError) {
        return renderNodeForm(reply, await plans.tree(ctx, slug), null, { values: request.body, errors: errorsFromValidation(err, NODE_FIELDS, 'title') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'node-added'));
  });

  const nodeId = (raw: string): number => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError('There is no such part of the plan.');
    return id;
  };

  server.get<{ Params: { slug: string; id: string } }>('/plans/:slug/nodes/:id/edit', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    const node = findNode(tree, nodeId(request.params.id));
    if (!node) throw new NotFoundError(`Plan "${tree.slug}" has no part ${request.params.id}.`);
    return renderNodeForm(reply, tree, node.id, {
      values: {
        version: String(node.version),
        kind: node.kind,
        number: node.number,
        title: node.title,
        description: node.description,
        lead: node.lead ?? '',
        seniorResponsibleOwner: node.seniorResponsibleOwner ?? '',
        deliveryGroup: node.deliveryGroup ?? '',
        chair: node.chair ?? '',
        status: node.status?.status ?? '',
        trend: node.status?.trend ?? '',
        statusReason: node.status?.reason ?? '',
        ...datePartsOf('statusAsAt', node.status?.asAt),
      },
    });
  });

  server.post<{ Params: { slug: string; id: string }; Body: Values }>('/plans/:slug/nodes/:id/edit', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const id = nodeId(request.params.id);
    const form = readFormInOrder(editNodeForm, request.body);
    if (!form.ok) return renderNodeForm(reply, await plans.tree(ctx, slug), id, { values: form.values, errors: form.errors }, 400);
    const { version, ...fields } = form.value;
    try {
      await plans.editNode(ctx, slug, id, version, fields);
    } catch (err) {
      if (err instanceof StaleWriteError) {
        const tree = await plans.tree(ctx, slug);
        const values = { ...request.body, version: String(err.currentVersion) };
        return renderNodeForm(reply, tree, id, { values, stale: staleChangeView(err) }, 409);
      }
      if (err instanceof ValidationError) {
        return renderNodeForm(reply, await plans.tree(ctx, slug), id, { values: request.body, errors: errorsFromValidation(err, NODE_FIELDS, 'title') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'node-edited', nodeAnchor(id)));
  });

  server.post<{ Params: { slug: string; id: string }; Body: Values }>('/plans/:slug/nodes/:id/move', async (request, reply) => {
    const slug = request.params.slug;
    const id = nodeId(request.params.id);
    const direction = request.body.direction;
    if (direction !== 'up' && direction !== 'down') throw new ValidationError('Choose to move the part up or down', 'direction');
    const beside = direction === 'up' ? request.body.before : request.body.after;
    await plans.moveNode(request.ctx(), slug, id, direction, typeof beside === 'string' && beside !== '' ? nodeId(beside) : null);
    return reply.code(303).redirect(withDone(planPath(slug), 'node-moved', nodeAnchor(id)));
  });

  const renderDeleteNode = async (reply: FastifyReply, slug: string, id: number, state: { version?: string; problem?: string; stale?: StaleChangeView | null }, status = 200) => {
    if (!mayBuild(reply.request)) throw new ForbiddenError('Your role does not allow you to change the structure of a plan.');
    const tree = await plans.tree(reply.request.ctx(), slug);
    refuseArchived(tree);
    const node = findNode(tree, id);
    if (!node) throw new NotFoundError(`Plan "${tree.slug}" has no part ${id}.`);
    return reply.page(
      'plans/node-delete.njk',
      {
        plan: tree,
        node,
        href: planPath(tree.slug),
        kindLabel: KIND_LABELS[node.kind] ?? node.kind,
        version: state.version ?? String(node.version),
        errors: state.problem ? [{ href: '#delete', text: state.problem }] : [],
        stale: state.stale ?? null,
      },
      status,
    );
  };

  server.get<{ Params: { slug: string; id: string } }>('/plans/:slug/nodes/:id/delete', (request, reply) =>
    renderDeleteNode(reply, request.params.slug, nodeId(request.params.id), {}),
  );

  server.post<{ Params: { slug: string; id: string }; Body: Values }>('/plans/:slug/nodes/:id/delete', async (request, reply) => {
    const slug = request.params.slug;
    const id = nodeId(request.params.id);
    const version = readFormInOrder(versionOnlyForm, request.body);
    if (!version.ok) throw new ValidationError('The form was missing its version: open the part of the plan again', 'version');
    try {
      await plans.deleteNode(request.ctx(), slug, id, version.value.version);
    } catch (err) {
      if (err instanceof StaleWriteError) return renderDeleteNode(reply, slug, id, { version: String(err.currentVersion), stale: staleChangeView(err) }, 409);
      if (err instanceof ConflictError) return renderDeleteNode(reply, slug, id, { problem: err.message }, 409);
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'node-deleted'));
  });

  // A new action under a part of the plan, or a sub-action of another action.
  const renderActionForm = (reply: FastifyReply, tree: PlanTree, values: Values, errors: FormError[] = [], status = 200) => {
    if (!mayBuild(reply.request)) throw new ForbiddenError('Your role does not allow you to add actions.');
    refuseArchived(tree);
    return reply.page('plans/action-new.njk', { ...nodeLocals(tree), values, errors, ownerRowTotal: ownerRowCount(values) }, status);
  };

  server.get<{ Params: { slug: string }; Querystring: { node?: string; parent?: string } }>('/plans/:slug/actions/new', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    const node = Number(request.query.node);
    return renderActionForm(reply, tree, {
      nodeId: Number.isInteger(node) && findNode(tree, node) ? String(node) : '',
      parentNumber: typeof request.query.parent === 'string' ? request.query.parent : '',
    });
  });

  server.post<{ Params: { slug: string }; Body: Values }>('/plans/:slug/actions', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const form = readFormInOrder(newActionForm, request.body);
    if (!form.ok) return renderActionForm(reply, await plans.tree(ctx, slug), form.values, form.errors, 400);
    let key: string;
    try {
      key = (await server.services.actions.create(ctx, slug, form.value)).key;
    } catch (err) {
      if (err instanceof ValidationError) {
        return renderActionForm(reply, await plans.tree(ctx, slug), request.body, errorsFromValidation(err, ACTION_FIELDS, 'title'), 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(actionPath(key), 'action-added'));
  });

  return Promise.resolve();
};

export default plansRoutes;
