// A measure's page: the figure at today's date with its target, RAG and reason, direction of travel
// and benchmarks; the trend chart with the table behind it; year to date beside rolling 12 months;
// breakdowns; the definition; the analyst's commentary per period (a form, kept with its history);
// the actions that aim to move it; and the figures as CSV or .xlsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { yearEndingLabel } from '../../domain/reporting-periods.ts';
import { toCsv } from '../../exports/csv.ts';
import { formatValue } from '../../services/measure-reading.ts';
import type { PageRoutes } from '../routes.ts';
import { todayFor } from '../../services/context.ts';
import { asAtView, readAsAt, withAsAt } from '../kit/as-at.ts';
import { errorsFromValidation, readForm, type FormError, type FormValues } from '../kit/forms.ts';
import { figureText, measurePath, tileView } from '../kit/measure-figures.ts';
import { doneMessage } from '../kit/done.ts';
import { actionPath, measureFormPath } from '../kit/paths.ts';
import { staleChangeView } from '../kit/stale-change.ts';
import { formatCount, formatDate } from '../view.ts';
import { bandText, changeLines } from './measure-changes.view.ts';
import { downloadRows, seriesRows, trendChart } from './measure-page.view.ts';

const codeParams = z.object({ code: z.string().min(1).max(100) });
const commentaryForm = z.object({
  periodEnd: z.string().trim().min(1, { message: 'Choose the period the commentary is about' }),
  body: z.string(),
  expectedId: z.coerce.number().int().min(0).default(0),
});

const measurePageRoutes: PageRoutes = (server) => {
  const { measures, actions } = server.services;

  async function show(request: FastifyRequest, reply: FastifyReply, form: { values?: FormValues; errors?: FormError[]; stale?: StaleWriteError } = {}, status = 200) {
    const ctx = request.ctx();
    const { code } = codeParams.parse(request.params);
    // The figures at another date, asked for on the page's own form (GET), or today's.
    const choice = readAsAt(request.method === 'GET' ? request.query : {}, todayFor(ctx));
    const page = await measures.page(ctx, code, { asAt: choice.asAt });
    const [aiming, tile, chart] = await Promise.all([actions.list(ctx, { aimsAt: code }), tileView(page.reading), trendChart(page)]);
    const unit = page.reading.measure.unit;
    const m = page.reading.measure;
    const rows = seriesRows(page);
    const latestPeriod = page.reading.current?.periodEnd ?? '';
    const posted = form.values?.periodEnd;
    const periodFor = typeof posted === 'string' ? posted : latestPeriod;
    const newest = page.commentary.find((c) => c.periodEnd === periodFor);
    return reply.page(
      'measures/measure-page.njk',
      {
        m,
        tile,
        chart,
        rows,
        anyHidden: rows.some((r) => r.hidden) || tile.hidden || page.breakdowns.some((b) => b.rows.some((x) => x.figure.symbol === 'c')),
        anyMarked: rows.some((r) => r.markedSmall) || tile.markedSmall,
        threshold: page.threshold,
        windows: page.windows.slice(-13).map((w) => ({ period: formatDate(w.periodEnd), ytd: figureText(unit, w.ytd), rolling12: figureText(unit, w.rolling12) })),
        breakdowns: page.breakdowns.map((b) => ({
          dimension: b.dimension,
          rows: b.rows.map((x) => ({ category: x.category, value: figureText(unit, x.figure), parts: x.figure.symbol === 'c' ? 'c' : x.figure.numerator === null ? '' : formatCount(x.figure.numerator), markedSmall: x.figure.suppressed && x.figure.symbol !== 'c' })),
        })),
        breakdownAt: formatDate(latestPeriod),
        benchmarks: page.benchmarkHistory.map((b) => ({ name: b.name, year: yearEndingLabel(b.timePeriod), value: b.value === null ? (b.symbol ?? '') : formatValue(unit, b.value), authorities: b.authorities })),
        definition: { description: m.description, numerator: m.numerator, denominator: m.denominator, unit: m.unit, polarity: m.polarity, frequency: m.frequency, source: m.source === 'ssda903' ? 'Worked out by Parentis from the SSDA903 return' : m.source === 'import' ? 'Imported from a file' : 'Entered by the authority' },
        commentary: page.commentary.map((c) => ({ ...c, period: formatDate(c.periodEnd) })).reverse(),
        commentaryHistory: page.commentaryHistory.map((c) => ({ ...c, period: formatDate(c.periodEnd) })).reverse(),
        canComment: can(ctx.role, 'measures.comment'),
        periodItems: [...rows].reverse().slice(0, 24).map((r) => ({ value: r.periodEnd, text: r.period, selected: r.periodEnd === periodFor })),
        commentForm: { body: form.values?.body ?? '', expectedId: String(form.stale ? form.stale.currentVersion : (newest?.id ?? 0)) },
        errors: [...choice.errors, ...(form.errors ?? [])],
        asAt: asAtView(choice, measurePath(code)),
        stale: form.stale ? staleChangeView(form.stale) : null,
        actions: aiming.map((a) => ({ key: a.key, number: a.number, title: a.title, href: actionPath(a.key), status: a.status, planTitle: a.planTitle })),
        downloads: { csv: withAsAt(`${measurePath(code)}/figures.csv`, choice.asAt), xlsx: withAsAt(`${measurePath(code)}/figures.xlsx`, choice.asAt) },
        done: doneMessage(request.query),
        manage: {
          targets: can(ctx.role, 'measures.set-targets') ? measureFormPath(code, 'targets') : null,
          tolerance: can(ctx.role, 'measures.set-targets') ? measureFormPath(code, 'tolerance') : null,
          values: can(ctx.role, 'measures.enter-values') && m.source !== 'ssda903' ? measureFormPath(code, 'values') : null,
        },
        band: bandText(unit, m.amberBand),
        changes: changeLines(unit, page.changes),
      },
      choice.errors.length > 0 ? 400 : status,
    );
  }

  server.get('/measures/:code', (request, reply) => show(request, reply));

  server.post('/measures/:code/commentary', async (request, reply) => {
    const { code } = codeParams.parse(request.params);
    const form = readForm(commentaryForm, request.body);
    if (!form.ok) return show(request, reply, { values: form.values, errors: form.errors }, 400);
    try {
      await measures.addCommentary(request.ctx(), code, form.value);
    } catch (err) {
      if (err instanceof ValidationError) return show(request, reply, { values: form.value, errors: errorsFromValidation(err, ['periodEnd', 'body'], 'body') }, 400);
      if (err instanceof StaleWriteError) return show(request, reply, { values: form.value, stale: err }, 409);
      throw err;
    }
    return reply.code(303).redirect(`${measurePath(code)}?done=commentary#commentary`);
  });

  /** The measure's figures for a download, up to the date its link carries (the page's own), or today. */
  function downloadPage(request: FastifyRequest) {
    const { code } = codeParams.parse(request.params);
    return measures.page(request.ctx(), code, { asAt: readAsAt(request.query, todayFor(request.ctx())).asAt });
  }

  server.get('/measures/:code/figures.csv', async (request, reply) => {
    const { code } = codeParams.parse(request.params);
    const page = await downloadPage(request);
    const rows = downloadRows(page);
    const note = rows.some((r) => r.includes('c')) ? [[`c: a small number (fewer than ${page.threshold}) or a figure that would reveal one, not shown`]] : [];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${code}.csv"`)
      .header('cache-control', 'no-store')
      .send(toCsv([...rows, ...note], { forExcel: true }));
  });

  server.get('/measures/:code/figures.xlsx', async (request, reply) => {
    const { code } = codeParams.parse(request.params);
    const page = await downloadPage(request);
    // exceljs is large: loaded only when a workbook is asked for.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    wb.creator = 'Parentis';
    const ws = wb.addWorksheet('Figures');
    const rows = downloadRows(page);
    ws.addRows(rows);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 14));
    if (rows.some((r) => r.includes('c'))) ws.addRow([`c: a small number (fewer than ${page.threshold}) or a figure that would reveal one, not shown`]);
    const bench = wb.addWorksheet('Benchmarks');
    bench.addRow(['comparator', 'year_ending_31_march', 'value', 'authorities']);
    bench.getRow(1).font = { bold: true };
    for (const b of page.benchmarkHistory) bench.addRow([b.name, b.timePeriod, b.value ?? b.symbol, b.authorities]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${code}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(data);
  });

  return Promise.resolve();
};

export default measurePageRoutes;
