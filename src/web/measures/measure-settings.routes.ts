// The analyst's pages for a measure, linked from its page: its targets (in force, coming and past)
// with the forms to add an annual or a staged target and to end one, its amber tolerance band, and
// the figures of a measure kept by hand. Every change is kept in the measure's history.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Capability } from '../../domain/capabilities.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { financialYearLabel, financialYearOf } from '../../domain/reporting-periods.ts';
import { MAX_INTEGER } from '../../domain/validation.ts';
import { PERIOD_END_WORDS } from '../../services/measure-changes.ts';
import { formatValue } from '../../services/measure-reading.ts';
import type { MeasureSettings } from '../../services/measure.service.ts';
import type { PageRoutes } from '../routes.ts';
import { doneMessage, type Done } from '../kit/done.ts';
import { postForm, type FormState } from '../kit/form-post.ts';
import { measureFormPath, measurePath, withDone } from '../kit/paths.ts';
import { formatDate } from '../view.ts';
import { annualTargetForm, endTargetForm, figureForm, MEASURE_FORM_FIELDS, stagedTargetForm, toleranceForm } from './measure-forms.ts';
import { bandText, bandUnitWords, changeLines, targetGroups } from './measure-changes.view.ts';

const codeParams = z.object({ code: z.string().min(1).max(100) });
const targetParams = codeParams.extend({ id: z.string() });

/** A target's number from the address; one no target can have is a page that does not exist. */
function targetId(params: unknown): number {
  const { id } = targetParams.parse(params);
  const n = Number(id);
  if (!/^[1-9]\d*$/.test(id) || n > MAX_INTEGER) throw new NotFoundError(`There is no target ${id}.`);
  return n;
}

type Form = 'targets' | 'annual' | 'staged' | 'end' | 'tolerance' | 'values';

const TEMPLATES: Record<Form, string> = {
  targets: 'measures/measure-targets.njk',
  annual: 'measures/target-annual.njk',
  staged: 'measures/target-staged.njk',
  end: 'measures/target-end.njk',
  tolerance: 'measures/measure-tolerance.njk',
  values: 'measures/measure-values.njk',
};

const CAPABILITY: Record<Form, Capability> = {
  targets: 'measures.set-targets',
  annual: 'measures.set-targets',
  staged: 'measures.set-targets',
  end: 'measures.set-targets',
  tolerance: 'measures.set-targets',
  values: 'measures.enter-values',
};

const WHAT: Record<Form, string> = {
  targets: 'set targets',
  annual: 'set targets',
  staged: 'set targets',
  end: 'end targets',
  tolerance: 'change tolerance bands',
  values: 'enter figures',
};

type Values = Record<string, unknown>;

const measureSettingsRoutes: PageRoutes = (server) => {
  const { measures } = server.services;

  /** Refused before anything is read or checked: only analysts see and send these forms. */
  const allow = (request: FastifyRequest, form: Form): void => {
    if (!can(request.ctx().role, CAPABILITY[form])) throw new ForbiddenError(`Your role does not allow you to ${WHAT[form]}.`);
  };

  const render = async (request: FastifyRequest, reply: FastifyReply, form: Form, state: FormState, status = 200, targetId?: number) => {
    const ctx = request.ctx();
    const { code } = codeParams.parse(request.params);
    const s: MeasureSettings = await measures.settings(ctx, code);
    const m = s.measure;
    const target = targetId === undefined ? undefined : s.targets.find((t) => t.id === targetId);
    if (targetId !== undefined && target === undefined) throw new NotFoundError(`The measure "${m.title}" has no target ${targetId}.`);
    const thisYear = financialYearOf(s.today);
    const chosenYear = typeof state.values.yearEnding === 'string' ? state.values.yearEnding : String(thisYear + 2);
    const manual = m.source !== 'ssda903';
    const figures = [...s.figures].filter((f) => f.window === (m.frequency === 'annual' ? 'year' : 'month')).reverse().slice(0, 24);
    return reply.page(
      TEMPLATES[form],
      {
        m,
        form,
        values: { version: String(m.version), ...state.values },
        errors: state.errors ?? [],
        stale: state.stale ?? null,
        done: doneMessage(request.query),
        measureHref: measurePath(code),
        targetsHref: measureFormPath(code, 'targets'),
        groups: targetGroups(m.unit, s.targets, s.today),
        target: target ? { ...target, value: formatValue(m.unit, target.value), from: formatDate(target.effectiveFrom), to: target.effectiveTo === null ? null : formatDate(target.effectiveTo) } : null,
        // The financial years a target may be set for: two back (a target agreed late) to five ahead.
        yearItems: Array.from({ length: 8 }, (_, i) => thisYear - 2 + i).map((start) => ({ value: String(start + 1), text: financialYearLabel(start), selected: String(start + 1) === chosenYear })),
        unitWord: m.unit === 'percent' ? 'per cent' : m.unit,
        band: bandText(m.unit, m.amberBand),
        bandUnit: bandUnitWords(m.unit),
        periodWords: PERIOD_END_WORDS[m.frequency] ?? 'the last day of the period',
        manual,
        figures: figures.map((f) => ({
          period: formatDate(f.periodEnd),
          value: f.value === null ? (f.symbol ?? '') : formatValue(m.unit, f.value),
          numerator: f.numerator === null ? '' : f.numerator.toLocaleString('en-GB'),
          denominator: f.denominator === null ? '' : f.denominator.toLocaleString('en-GB'),
          source: f.source === 'manual' ? 'Entered by hand' : f.source === 'import' ? 'Imported from a file' : 'The 903 return',
        })),
        history: changeLines(m.unit, s.changes, form === 'values' ? ['value-entered'] : form === 'tolerance' ? ['tolerance-changed'] : ['target-added', 'target-ended']),
        steps: Array.from({ length: 6 }, (_, i) => i + 1),
      },
      status,
    );
  };

  const handle = <T extends { version: number; input: unknown }>(
    request: FastifyRequest<{ Body: Values }>,
    reply: FastifyReply,
    form: Form,
    schema: z.ZodType<T>,
    save: (code: string, value: T) => Promise<unknown>,
    done: Done,
    next: (code: string) => string,
    targetId?: number,
  ) => {
    allow(request, form);
    const { code } = codeParams.parse(request.params);
    return postForm(reply, {
      schema,
      body: request.body,
      render: (state, status) => render(request, reply, form, state, status, targetId),
      save: async (value) => {
        await save(code, value);
        return withDone(next(code), done);
      },
      fields: MEASURE_FORM_FIELDS,
      fallback: form === 'annual' ? 'yearEnding' : form === 'staged' ? 'step1From-day' : form === 'end' ? 'lastDay-day' : form === 'tolerance' ? 'amberBand' : 'periodEnd-day',
    });
  };

  const page = (form: Form) => async (request: FastifyRequest, reply: FastifyReply) => {
    allow(request, form);
    return render(request, reply, form, { values: {} });
  };

  server.get('/measures/:code/targets', page('targets'));
  server.get('/measures/:code/targets/annual', page('annual'));
  server.get('/measures/:code/targets/staged', page('staged'));
  server.get('/measures/:code/tolerance', async (request, reply) => {
    allow(request, 'tolerance');
    const { code } = codeParams.parse(request.params);
    const m = (await measures.settings(request.ctx(), code)).measure;
    return render(request, reply, 'tolerance', { values: { amberBand: m.amberBand === null ? '' : String(m.amberBand) } });
  });
  server.get('/measures/:code/values', page('values'));
  server.get('/measures/:code/targets/:id/end', async (request, reply) => {
    allow(request, 'end');
    return render(request, reply, 'end', { values: {} }, 200, targetId(request.params));
  });

  const targets = (code: string): string => measureFormPath(code, 'targets');

  server.post<{ Body: Values }>('/measures/:code/targets/annual', (request, reply) =>
    handle(request, reply, 'annual', annualTargetForm, (code, v) => measures.addAnnualTarget(request.ctx(), code, v.version, v.input), 'target-added', targets),
  );
  server.post<{ Body: Values }>('/measures/:code/targets/staged', (request, reply) =>
    handle(request, reply, 'staged', stagedTargetForm, (code, v) => measures.addStagedTargets(request.ctx(), code, v.version, v.input), 'target-added', targets),
  );
  server.post<{ Body: Values }>('/measures/:code/targets/:id/end', (request, reply) => {
    allow(request, 'end');
    const id = targetId(request.params);
    return handle(request, reply, 'end', endTargetForm, (code, v) => measures.endTarget(request.ctx(), code, v.version, { targetId: id, ...v.input }), 'target-ended', targets, id);
  });
  server.post<{ Body: Values }>('/measures/:code/tolerance', (request, reply) =>
    handle(request, reply, 'tolerance', toleranceForm, (code, v) => measures.setTolerance(request.ctx(), code, v.version, v.input), 'tolerance-changed', measurePath),
  );
  server.post<{ Body: Values }>('/measures/:code/values', (request, reply) =>
    handle(request, reply, 'values', figureForm, (code, v) => measures.enterFigure(request.ctx(), code, v.version, v.input), 'figure-entered', (code) => measureFormPath(code, 'values')),
  );

  return Promise.resolve();
};

export default measureSettingsRoutes;
