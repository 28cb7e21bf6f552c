// A plan across years: archive it (or take it out of the archive), roll it into next year's plan
// with its open actions carried over, and move one of its parts under another part.
import type { FastifyReply } from 'fastify';
import { ConflictError, ForbiddenError, NotFoundError, StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { can } from '../../domain/capabilities.ts';
import { nextYearOf } from '../../domain/plan-years.ts';
import { todayFor } from '../../services/context.ts';
import type { PlanTree } from '../../services/plan.service.ts';
import { datePartsOf, readFormInOrder } from '../kit/form-fields.ts';
import { errorsFromValidation, formError, type FormError } from '../kit/forms.ts';
import { nodeAnchor, planPath, withDone } from '../kit/paths.ts';
import { staleChangeView, type StaleChangeView } from '../kit/stale-change.ts';
import type { PageRoutes } from '../routes.ts';
import { archiveForm, nodePlaceForm, rollOverForm } from './plan-forms.ts';
import { findNode, KIND_LABELS, openActionCount, placeChoices } from './plan-view.ts';

type Values = Record<string, unknown>;

interface FormState {
  values: Values;
  errors?: FormError[];
  stale?: StaleChangeView | null;
}

const ROLL_OVER_FIELDS = { title: 'title', slug: 'slug', periodStart: 'periodStart-day', periodEnd: 'periodEnd-day' };

const planYearsRoutes: PageRoutes = (server) => {
  const plans = server.services.plans;

  /** Only those who build plans see these forms; the services refuse anyone else all the same. */
  const refuseUnlessBuilder = (reply: FastifyReply, what: string): void => {
    const user = reply.request.user;
    if (user === null || !can(user.role, 'plans.edit')) throw new ForbiddenError(`Your role does not allow you to ${what}.`);
  };

  /**
   * Renders a form page with what was typed, the errors and, after a stale edit, the other person's
   * change; a service's refusal (archived, already done) is shown at the top of the form.
   */
  const page = (reply: FastifyReply, template: string, tree: PlanTree, state: FormState, status: number, more: object = {}) =>
    reply.page(template, { plan: tree, href: planPath(tree.slug), values: state.values, errors: state.errors ?? [], stale: state.stale ?? null, ...more }, status);

  const refusal = (err: unknown, anchor: string): FormError[] | null => (err instanceof ConflictError ? [formError(anchor, err.message)] : null);

  // Archive, or take out of the archive.
  const renderArchive = (reply: FastifyReply, tree: PlanTree, state: FormState, status = 200) => {
    refuseUnlessBuilder(reply, tree.archived ? 'take plans out of the archive' : 'archive plans');
    return page(reply, 'plans/plan-archive.njk', tree, state, status, { openActions: openActionCount(tree) });
  };

  server.get<{ Params: { slug: string } }>('/plans/:slug/archive', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    return renderArchive(reply, tree, { values: { version: String(tree.version), archive: tree.archived ? 'no' : 'yes' } });
  });

  server.post<{ Params: { slug: string }; Body: Values }>('/plans/:slug/archive', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const form = readFormInOrder(archiveForm, request.body);
    if (!form.ok) return renderArchive(reply, await plans.tree(ctx, slug), { values: form.values, errors: form.errors }, 400);
    const archive = form.value.archive === 'yes';
    try {
      await plans.setArchived(ctx, slug, form.value.version, archive);
    } catch (err) {
      if (err instanceof StaleWriteError) {
        const tree = await plans.tree(ctx, slug);
        return renderArchive(reply, tree, { values: { version: String(err.currentVersion), archive: tree.archived ? 'no' : 'yes' }, stale: staleChangeView(err) }, 409);
      }
      const errors = refusal(err, 'confirm');
      if (errors) return renderArchive(reply, await plans.tree(ctx, slug), { values: request.body, errors }, 409);
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), archive ? 'plan-archived' : 'plan-unarchived'));
  });

  // Roll into next year's plan.
  const renderRollOver = (reply: FastifyReply, tree: PlanTree, state: FormState, status = 200) => {
    refuseUnlessBuilder(reply, "roll plans into next year's");
    return page(reply, 'plans/plan-roll-over.njk', tree, state, status, { openActions: openActionCount(tree) });
  };

  server.get<{ Params: { slug: string } }>('/plans/:slug/roll-over', async (request, reply) => {
    const ctx = request.ctx();
    const tree = await plans.tree(ctx, request.params.slug);
    const next = nextYearOf(tree, todayFor(ctx));
    return renderRollOver(reply, tree, {
      values: { version: String(tree.version), title: next.title, slug: next.slug, ...datePartsOf('periodStart', next.periodStart), ...datePartsOf('periodEnd', next.periodEnd) },
    });
  });

  server.post<{ Params: { slug: string }; Body: Values }>('/plans/:slug/roll-over', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const form = readFormInOrder(rollOverForm, request.body);
    if (!form.ok) return renderRollOver(reply, await plans.tree(ctx, slug), { values: form.values, errors: form.errors }, 400);
    const { version, ...input } = form.value;
    let made: string;
    try {
      made = (await plans.rollOver(ctx, slug, version, input)).slug;
    } catch (err) {
      if (err instanceof StaleWriteError) {
        return renderRollOver(reply, await plans.tree(ctx, slug), { values: { ...request.body, version: String(err.currentVersion) }, stale: staleChangeView(err) }, 409);
      }
      if (err instanceof ValidationError) {
        return renderRollOver(reply, await plans.tree(ctx, slug), { values: request.body, errors: errorsFromValidation(err, ROLL_OVER_FIELDS, 'title') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(made), 'plan-rolled-over'));
  });

  // Move a part of the plan under another part, or to the top.
  const nodeOf = (tree: PlanTree, raw: string) => {
    const id = Number(raw);
    const node = Number.isInteger(id) && id > 0 ? findNode(tree, id) : undefined;
    if (!node) throw new NotFoundError(`Plan "${tree.slug}" has no part ${raw}.`);
    return node;
  };

  const renderPlace = (reply: FastifyReply, tree: PlanTree, nodeId: number, state: FormState, status = 200) => {
    refuseUnlessBuilder(reply, 'change the structure of a plan');
    const node = nodeOf(tree, String(nodeId));
    return page(reply, 'plans/node-place.njk', tree, state, status, { node, kindLabel: KIND_LABELS[node.kind] ?? node.kind, parentOptions: placeChoices(tree, node.id) });
  };

  const parentOf = (tree: PlanTree, nodeId: number): string => {
    const walk = (nodes: PlanTree['nodes'], parent: number | null): number | null | undefined => {
      for (const n of nodes) {
        if (n.id === nodeId) return parent;
        const found = walk(n.children, n.id);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    const parent = walk(tree.nodes, null);
    return parent === null || parent === undefined ? '' : String(parent);
  };

  server.get<{ Params: { slug: string; id: string } }>('/plans/:slug/nodes/:id/place', async (request, reply) => {
    const tree = await plans.tree(request.ctx(), request.params.slug);
    const node = nodeOf(tree, request.params.id);
    return renderPlace(reply, tree, node.id, { values: { version: String(node.version), parentId: parentOf(tree, node.id) } });
  });

  server.post<{ Params: { slug: string; id: string }; Body: Values }>('/plans/:slug/nodes/:id/place', async (request, reply) => {
    const ctx = request.ctx();
    const slug = request.params.slug;
    const node = nodeOf(await plans.tree(ctx, slug), request.params.id);
    const form = readFormInOrder(nodePlaceForm, request.body);
    if (!form.ok) return renderPlace(reply, await plans.tree(ctx, slug), node.id, { values: form.values, errors: form.errors }, 400);
    try {
      await plans.moveNodeTo(ctx, slug, node.id, form.value.version, form.value.parentId);
    } catch (err) {
      if (err instanceof StaleWriteError) {
        return renderPlace(reply, await plans.tree(ctx, slug), node.id, { values: { ...request.body, version: String(err.currentVersion) }, stale: staleChangeView(err) }, 409);
      }
      if (err instanceof ValidationError) {
        return renderPlace(reply, await plans.tree(ctx, slug), node.id, { values: request.body, errors: errorsFromValidation(err, { parentId: 'parentId' }, 'parentId') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(withDone(planPath(slug), 'node-placed', nodeAnchor(node.id)));
  });

  return Promise.resolve();
};

export default planYearsRoutes;
