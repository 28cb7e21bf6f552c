// The risk register page (a 5×5 likelihood × impact heat map of open risks and the register with
// each risk's score history) and its forms: add, edit and link, re-score, close.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { RiskView } from '../../services/risk.service.ts';
import type { PageRoutes } from '../routes.ts';
import { actionLinker } from '../kit/action-links.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { datePartsOf } from '../kit/form-fields.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { newPlanRiskPath, newRiskPath, riskAnchors, risksPath, withDone } from '../kit/paths.ts';
import { queryText } from '../kit/query.ts';
import { closeForm, editRiskForm, newRiskForm, RISK_FIELDS, scoreForm } from './risk-forms.ts';
import { heatMap, impactLabels, likelihoodLabels, riskRow } from './risks.view.ts';

const querySchema = z.object({ plan: queryText() });

type Values = Record<string, unknown>;
type RiskForm = 'edit' | 'score' | 'close';

const mayManage = (request: FastifyRequest): boolean => request.user !== null && can(request.user.role, 'risks.manage');

const TEMPLATES: Record<RiskForm | 'new', string> = { new: 'risks/risk-form.njk', edit: 'risks/risk-form.njk', score: 'risks/risk-score.njk', close: 'risks/risk-close.njk' };

const scale = (labels: readonly string[]) => labels.map((label, i) => ({ value: String(i + 1), text: `${i + 1} – ${label}` }));

const risksRoutes: PageRoutes = (server) => {
  const risks = server.services.risks;

  server.get('/risks', async (request, reply) => {
    const ctx = request.ctx();
    const query = querySchema.parse(request.query);
    const [list, link, plans] = await Promise.all([
      risks.list(ctx, query.plan !== undefined ? { plan: query.plan } : {}),
      actionLinker(server.services.actions, ctx),
      server.services.plans.list(ctx),
    ]);
    const planTitle = new Map(plans.map((p) => [p.slug, p.title]));
    const anchors = riskAnchors(list);
    const manage = mayManage(request);
    const rows = await Promise.all(
      list.map(async (r) => ({ ...riskRow(r, anchors.get(r.id)!, link), mayManage: manage, mayRescore: r.status !== 'closed' && (await risks.mayRescore(ctx, r)) })),
    );
    const groups: { plan: string | null; title: string; rows: typeof rows }[] = [];
    for (const row of rows) {
      let group = groups.find((g) => g.plan === row.plan);
      if (!group) {
        group = { plan: row.plan, title: row.plan === null ? 'Risks to the whole authority' : (planTitle.get(row.plan) ?? row.plan), rows: [] };
        groups.push(group);
      }
      group.rows.push(row);
    }
    // Offer the plans to choose between only when risks come from more than one.
    const allRisks = query.plan === undefined ? list : await risks.list(ctx);
    const planSlugs = [...new Set(allRisks.map((r) => r.plan).filter((p): p is string => p !== null))];
    return reply.page('risks/risks.njk', {
      selectedPlan: query.plan ?? null,
      selectedPlanTitle: query.plan !== undefined ? (planTitle.get(query.plan) ?? query.plan) : null,
      planFilters: planSlugs.length > 1 || query.plan !== undefined ? planSlugs.map((slug) => ({ slug, title: planTitle.get(slug) ?? slug })) : [],
      heatMap: heatMap(list),
      groups,
      total: list.length,
      open: list.filter((r) => r.status !== 'closed').length,
      done: doneMessage(request.query),
      mayManage: manage,
      newRiskHref: query.plan !== undefined ? newPlanRiskPath(query.plan) : newRiskPath,
    });
  });

  /** A risk's row on the register, as the address's #anchor. */
  const anchorOf = async (request: FastifyRequest, id: number): Promise<string> => riskAnchors(await risks.list(request.ctx())).get(id) ?? '';
  /** Where a changed risk is shown: its row on the register, with the success banner. */
  const back = async (request: FastifyRequest, id: number, done: Done): Promise<string> => withDone(risksPath, done, await anchorOf(request, id));

  const riskId = (raw: string): number => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(`There is no risk ${raw}.`);
    return id;
  };

  const render = async (reply: FastifyReply, form: RiskForm | 'new', risk: RiskView | null, state: FormState, status = 200) => {
    const ctx = reply.request.ctx();
    if (form === 'score') {
      if (risk === null || !(await risks.mayRescore(ctx, risk))) throw new ForbiddenError('Your role does not allow you to re-score this risk.');
    } else if (!mayManage(reply.request)) {
      throw new ForbiddenError(`Your role does not allow you to ${form === 'new' ? 'add' : form} risks.`);
    }
    const [plans, measures] = form === 'new' || form === 'edit' ? await Promise.all([server.services.plans.list(ctx), risks.measureChoices(ctx)]) : [[], []];
    const chosen = new Set((Array.isArray(state.values.measures) ? state.values.measures : [state.values.measures]).map(String));
    return reply.page(
      TEMPLATES[form],
      {
        risk,
        form,
        values: state.values,
        errors: state.errors ?? [],
        stale: state.stale ?? null,
        // An archived plan takes no new risks, so its register is not offered.
        planOptions: [{ value: '', text: 'The whole authority (no plan)' }, ...plans.filter((p) => p.archived === null).map((p) => ({ value: p.slug, text: p.title }))],
        measureItems: measures.map((m) => ({ value: String(m.id), text: `${m.code}: ${m.title}`, checked: chosen.has(String(m.id)) })),
        likelihoodItems: scale(likelihoodLabels),
        impactItems: scale(impactLabels),
        cancelHref: risk === null ? risksPath : `${risksPath}#${await anchorOf(reply.request, risk.id)}`,
      },
      status,
    );
  };

  /** A form sent about a risk (or a new one): on to its row on the register, or the form again. */
  const handle = <T>(request: FastifyRequest<{ Body: Values }>, reply: FastifyReply, form: RiskForm | 'new', risk: RiskView | null, schema: z.ZodType<T>, save: (value: T) => Promise<number>, done: Done) =>
    postForm(reply, {
      schema,
      body: request.body,
      // After a stale edit the risk is read again, so the page shows what it is now.
      render: async (state, status) => render(reply, form, state.stale && risk ? await risks.get(request.ctx(), risk.id) : risk, state, status),
      save: async (value) => back(request, await save(value), done),
      fields: RISK_FIELDS,
      fallback: form === 'close' ? 'closedOn-day' : form === 'score' ? 'likelihood' : form === 'new' ? 'reference' : 'title',
    });

  const fieldValues = (r: RiskView): Values => ({
    version: String(r.version),
    title: r.title,
    impact: r.impact,
    mitigation: r.mitigation,
    owner: r.owner,
    ...datePartsOf('reviewDate', r.reviewDate),
    actions: r.actions.join('\n'),
    measures: r.measures.map((m) => String(m.id)),
  });

  // From a plan's page the plan's register is chosen already (?plan=slug).
  server.get('/risks/new', async (request, reply) => render(reply, 'new', null, { values: { plan: querySchema.parse(request.query).plan ?? '' } }));

  server.post<{ Body: Values }>('/risks', async (request, reply) =>
    handle(request, reply, 'new', null, newRiskForm, async (v) => (await risks.add(request.ctx(), v)).id, 'risk-added'),
  );

  for (const form of ['edit', 'score', 'close'] as const) {
    server.get<{ Params: { id: string } }>(`/risks/:id/${form}`, async (request, reply) => {
      const risk = await risks.get(request.ctx(), riskId(request.params.id));
      const values: Values = form === 'edit' ? fieldValues(risk) : { version: String(risk.version) };
      if (form === 'score' && risk.score > 0) Object.assign(values, { likelihood: String(risk.likelihood), impactScore: String(risk.impactScore) });
      return render(reply, form, risk, { values });
    });
  }

  server.post<{ Params: { id: string }; Body: Values }>('/risks/:id/edit', async (request, reply) => {
    const risk = await risks.get(request.ctx(), riskId(request.params.id));
    if (!mayManage(request)) throw new ForbiddenError('Your role does not allow you to edit risks.');
    return handle(request, reply, 'edit', risk, editRiskForm, async ({ version, ...fields }) => {
      await risks.edit(request.ctx(), risk.id, version, fields);
      return risk.id;
    }, 'risk-edited');
  });

  server.post<{ Params: { id: string }; Body: Values }>('/risks/:id/score', async (request, reply) => {
    const risk = await risks.get(request.ctx(), riskId(request.params.id));
    if (!(await risks.mayRescore(request.ctx(), risk))) throw new ForbiddenError('Your role does not allow you to re-score this risk.');
    return handle(request, reply, 'score', risk, scoreForm, async ({ version, ...score }) => {
      await risks.rescoreById(request.ctx(), risk.id, version, score);
      return risk.id;
    }, 'risk-rescored');
  });

  server.post<{ Params: { id: string }; Body: Values }>('/risks/:id/close', async (request, reply) => {
    const risk = await risks.get(request.ctx(), riskId(request.params.id));
    if (!mayManage(request)) throw new ForbiddenError('Your role does not allow you to close risks.');
    return handle(request, reply, 'close', risk, closeForm, async ({ version, ...input }) => {
      await risks.close(request.ctx(), risk.id, version, input);
      return risk.id;
    }, 'risk-closed');
  });

  return Promise.resolve();
};

export default risksRoutes;
