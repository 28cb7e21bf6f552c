// The tracker import wizard, for partnership managers: upload a Word or Excel tracker, choose its table, map its
// columns (with a preview), see every problem, then import it as a new plan or into one already here. Plain forms
// and links throughout, so every step works without JavaScript.
import type { Readable } from 'node:stream';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/capabilities.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { PLAN_KIND_LABELS, PLAN_KINDS, REF_KINDS } from '../../domain/plan-document.ts';
import { TRACKER_FIELD_LABELS, TRACKER_FIELDS, type TableChoice, type TrackerField, type TrackerMapping } from '../../services/plan-import.service.ts';
import { doneMessage } from '../kit/done.ts';
import { checkDate, datePartsOf, dateParts, readFormInOrder, str, textField } from '../kit/form-fields.ts';
import { errorsFromValidation, formError, type FormError } from '../kit/forms.ts';
import { planPath, trackerDonePath, trackerImportPath, trackerStepPath, withDone } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';

type Values = Record<string, unknown>;

/** The file as the upload form sent it: read whole (up to the cap), never written to disk. */
interface UploadedFile {
  name: string;
  bytes: Buffer;
  truncated: boolean;
}

/** The size cap of a tracker, plus one byte, so that a file over the cap is known to be over it. */
const FILE_CAP = 20 * 1024 * 1024 + 1;

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const isUploadedFile = (v: unknown): v is UploadedFile => v !== null && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).bytes);

const REF_KIND_LABELS: Record<(typeof REF_KINDS)[number], string> = {
  challenge: 'Challenges in a sufficiency statement',
  inspection: 'Inspection recommendations',
  programme: 'Programmes',
  measure: 'Measures',
  tag: 'Tags',
};

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a person needs to tell the tables apart: size, heading, the header Parentis found. */
function tableHint(t: TableChoice): string {
  const parts = [`${t.rows} ${t.rows === 1 ? 'row' : 'rows'}${t.heading ? `, under “${clip(t.heading, 100)}”` : ''}.`];
  if (t.header.length > 0) parts.push(`Headings in row ${t.headerLine}: ${clip(t.header.join(', '), 200)}.`);
  if (t.recognised < 2) parts.push('Parentis does not recognise its columns.');
  return parts.join(' ');
}

const columnField = (f: TrackerField): string => `column-${f}`;

/** The columns form: the header's row, a column per Parentis field, and the optional settings. */
const columnsForm = z
  .object({
    headerLine: textField().pipe(z.string().regex(/^[1-9]\d{0,5}$/, { message: 'Enter the number of the row that holds the column headings, like 3' })),
    ...Object.fromEntries(TRACKER_FIELDS.map((f) => [columnField(f), textField()])),
    ...dateParts('statusAsAt'),
    ...dateParts('undatedUpdatesOn'),
    defaultOwner: textField(),
    refKind: textField(),
    mappingName: textField(),
    intent: textField(),
  })
  .transform((v, ctx) => {
    const values = v as Record<string, string>;
    const statusAsAt = checkDate(values, 'statusAsAt', 'the date of the statuses', ctx, { required: false });
    const undatedUpdatesOn = checkDate(values, 'undatedUpdatesOn', 'the date for undated progress', ctx, { required: false });
    const columns: Partial<Record<TrackerField, string>> = {};
    for (const f of TRACKER_FIELDS) if (values[columnField(f)]) columns[f] = values[columnField(f)]!;
    if (!columns.action) ctx.addIssue({ code: 'custom', path: [columnField('action')], message: 'Choose the column that holds the actions' });
    const refKind = (REF_KINDS as readonly string[]).includes(v.refKind) ? (v.refKind as (typeof REF_KINDS)[number]) : undefined;
    return {
      mapping: {
        headerLine: Number(v.headerLine),
        columns,
        ...(statusAsAt ? { statusAsAt } : {}),
        ...(undatedUpdatesOn ? { undatedUpdatesOn } : {}),
        ...(v.defaultOwner ? { defaultOwner: v.defaultOwner } : {}),
        ...(refKind ? { refKind } : {}),
      },
      mappingName: v.mappingName,
      intent: v.intent === 'preview' ? ('preview' as const) : ('continue' as const),
    };
  });

/** Where a mapping's fields (as the service names them) land on the columns form. */
const MAPPING_FIELDS: Record<string, string> = {
  headerLine: 'headerLine',
  statusAsAt: 'statusAsAt-day',
  undatedUpdatesOn: 'undatedUpdatesOn-day',
  defaultOwner: 'defaultOwner',
  refKind: 'refKind',
  mappingName: 'mappingName',
  columns: columnField('action'),
  ...Object.fromEntries(TRACKER_FIELDS.map((f) => [`columns.${f}`, columnField(f)])),
};

/** The columns form's values for a mapping. */
function mappingValues(mapping: TrackerMapping | null): Values {
  if (!mapping) return {};
  return {
    headerLine: String(mapping.headerLine),
    ...Object.fromEntries(TRACKER_FIELDS.map((f) => [columnField(f), mapping.columns[f] ?? ''])),
    ...datePartsOf('statusAsAt', mapping.statusAsAt),
    ...datePartsOf('undatedUpdatesOn', mapping.undatedUpdatesOn),
    defaultOwner: mapping.defaultOwner ?? '',
    refKind: mapping.refKind ?? '',
  };
}

const planImportRoutes: PageRoutes = async (server) => {
  const imports = server.services.planImports;

  // Only partnership managers get this far: anyone else is refused before a byte of a file is read.
  server.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    if (request.user && !can(request.user.role, 'plans.import-trackers')) {
      done(new ForbiddenError('Your role does not allow you to bring in plans from trackers.'));
      return;
    }
    done();
  });

  // Multipart for the upload form only (this feature's routes); the CSRF token is read from the parsed fields.
  await server.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: FILE_CAP, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    async onFile(part: MultipartFile) {
      const bytes = await readWhole(part.file);
      (part as MultipartFile & { value: UploadedFile }).value = { name: part.filename, bytes, truncated: part.file.truncated };
    },
  });

  const renderUpload = async (reply: FastifyReply, errors: FormError[] = [], status = 200) => {
    const saved = await imports.listMappings(reply.request.ctx());
    return reply.page('plan-import/upload.njk', { errors, saved, done: doneMessage(reply.request.query) }, status);
  };

  server.get(trackerImportPath, async (_request, reply) => renderUpload(reply));

  server.post<{ Body: Values }>(trackerImportPath, async (request, reply) => {
    const file = request.body?.file;
    try {
      const { id } = await imports.upload(request.ctx(), isUploadedFile(file) ? file : { name: '', bytes: new Uint8Array() });
      return await reply.code(303).redirect(trackerStepPath(id, 'tables'));
    } catch (err) {
      if (err instanceof ValidationError) return renderUpload(reply, [formError('file', err.message)], 400);
      throw err;
    }
  });

  // Step 2: the tables found.
  const renderTables = async (reply: FastifyReply, id: string, errors: FormError[] = [], chosen?: string[], status = 200) => {
    const upload = await imports.open(reply.request.ctx(), id);
    const checked = chosen ?? (upload.mapping ? upload.mapping.tables.map(String) : []);
    const tableItems = upload.tables.map((t) => ({
      value: String(t.index),
      text: t.name === 'the file' ? 'The file' : t.name.charAt(0).toUpperCase() + t.name.slice(1),
      hint: { text: tableHint(t) },
      checked: checked.includes(String(t.index)),
    }));
    return reply.page('plan-import/tables.njk', { upload, errors, tableItems }, status);
  };

  server.get<{ Params: { id: string } }>(`${trackerImportPath}/:id/tables`, async (request, reply) => renderTables(reply, request.params.id));

  server.post<{ Params: { id: string }; Body: Values }>(`${trackerImportPath}/:id/tables`, async (request, reply) => {
    const raw = request.body?.tables;
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(str);
    const numbers = chosen.map(Number);
    try {
      if (numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new ValidationError('Choose one of the tables listed', 'tables');
      await imports.chooseTables(request.ctx(), request.params.id, numbers);
    } catch (err) {
      if (err instanceof ValidationError) return renderTables(reply, request.params.id, [formError('tables', err.message)], chosen, 400);
      throw err;
    }
    return reply.code(303).redirect(trackerStepPath(request.params.id, 'columns'));
  });

  // Step 3: the columns, with the guesses (or a saved mapping) filled in and a preview of the first actions.
  const renderColumns = async (reply: FastifyReply, id: string, state: { values?: Values; errors?: FormError[] } = {}, status = 200) => {
    const ctx = reply.request.ctx();
    const upload = await imports.open(ctx, id);
    if (!upload.tablesChosen) return reply.code(303).redirect(trackerStepPath(id, 'tables'));
    const [check, saved] = await Promise.all([imports.check(ctx, id), imports.listMappings(ctx)]);
    const columnItems = [{ value: '', text: 'Not in this tracker' }, ...upload.columns];
    return reply.page(
      'plan-import/columns.njk',
      {
        upload,
        check,
        saved: saved.map((m) => ({ value: String(m.id), text: m.name })),
        fields: TRACKER_FIELDS.map((f) => ({ name: columnField(f), label: TRACKER_FIELD_LABELS[f], required: f === 'action' })),
        columnItems,
        refKinds: [{ value: '', text: 'Tags (the default)' }, ...REF_KINDS.filter((k) => k !== 'tag').map((k) => ({ value: k, text: REF_KIND_LABELS[k] }))],
        values: state.values ?? mappingValues(upload.mapping),
        errors: state.errors ?? [],
        done: doneMessage(reply.request.query),
      },
      status,
    );
  };

  server.get<{ Params: { id: string } }>(`${trackerImportPath}/:id/columns`, async (request, reply) => renderColumns(reply, request.params.id));

  server.post<{ Params: { id: string }; Body: Values }>(`${trackerImportPath}/:id/columns`, async (request, reply) => {
    const ctx = request.ctx();
    const id = request.params.id;
    const form = readFormInOrder(columnsForm, request.body);
    if (!form.ok) return renderColumns(reply, id, { values: form.values, errors: form.errors }, 400);
    const upload = await imports.open(ctx, id);
    const mapping = { tables: upload.mapping?.tables ?? [1], ...form.value.mapping };
    let saved = false;
    try {
      const stored = await imports.setMapping(ctx, id, mapping);
      if (form.value.intent === 'continue' && form.value.mappingName !== '') {
        await imports.saveMapping(ctx, form.value.mappingName, stored);
        saved = true;
      }
    } catch (err) {
      if (err instanceof ValidationError) return renderColumns(reply, id, { values: request.body, errors: errorsFromValidation(err, MAPPING_FIELDS, 'headerLine') }, 400);
      throw err;
    }
    if (form.value.intent === 'preview') return reply.code(303).redirect(`${trackerStepPath(id, 'columns')}#preview`);
    return reply.code(303).redirect(saved ? withDone(trackerStepPath(id, 'check'), 'mapping-saved') : trackerStepPath(id, 'check'));
  });

  server.post<{ Params: { id: string }; Body: Values }>(`${trackerImportPath}/:id/saved-mapping`, async (request, reply) => {
    const id = request.params.id;
    const chosen = Number(str(request.body?.savedMapping));
    try {
      if (!Number.isInteger(chosen) || chosen < 1) throw new ValidationError('Choose one of the saved mappings', 'savedMapping');
      await imports.useSavedMapping(request.ctx(), id, chosen);
    } catch (err) {
      if (err instanceof ValidationError) return renderColumns(reply, id, { errors: [formError('savedMapping', err.message)] }, 400);
      throw err;
    }
    return reply.code(303).redirect(trackerStepPath(id, 'columns'));
  });

  // The mapping so far, and a saved one, as the JSON the command line's --mapping reads.
  server.get<{ Params: { id: string } }>(`${trackerImportPath}/:id/mapping.json`, async (request, reply) => {
    const upload = await imports.open(request.ctx(), request.params.id);
    if (!upload.mapping) throw new NotFoundError('No table in this tracker has a header Parentis recognises: choose the table first.');
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="tracker-mapping.json"')
      .header('cache-control', 'no-store')
      .send(`${JSON.stringify(upload.mapping, null, 2)}\n`);
  });

  server.get<{ Params: { mappingId: string } }>(`${trackerImportPath}/mappings/:mappingId`, async (request, reply) => {
    const mappingId = Number(request.params.mappingId);
    if (!Number.isInteger(mappingId) || mappingId < 1) throw new NotFoundError('There is no such saved mapping.');
    const file = await imports.mappingFile(request.ctx(), mappingId);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.json);
  });

  // Step 4: every problem, located; step 5: import as a new plan, or into a plan already here.
  const renderCheck = async (reply: FastifyReply, id: string, state: { values?: Values; errors?: FormError[] } = {}, status = 200) => {
    const ctx = reply.request.ctx();
    const upload = await imports.open(ctx, id);
    if (!upload.tablesChosen) return reply.code(303).redirect(trackerStepPath(id, 'tables'));
    const [check, plans] = await Promise.all([imports.check(ctx, id), server.services.plans.list(ctx)]);
    const problems = check.errors.map((p, i) => ({ ...p, anchor: `problem-${i + 1}` }));
    return reply.page(
      'plan-import/check.njk',
      {
        upload,
        check,
        problems,
        // An archived plan takes nothing from a tracker, so it is not offered.
        plans: [{ value: '', text: 'Choose a plan' }, ...plans.filter((p) => p.archived === null).map((p) => ({ value: p.slug, text: p.title }))],
        kinds: PLAN_KINDS.map((k) => ({ value: k, text: PLAN_KIND_LABELS[k] })),
        values: state.values ?? { title: check.suggested.title, slug: check.suggested.slug, kind: 'other' },
        // The tracker's problems are the page's errors: the summary links to each one's row in the table.
        errors: state.errors ?? problems.map((p) => ({ field: p.anchor, href: `#${p.anchor}`, text: p.text })),
        done: doneMessage(reply.request.query),
      },
      status,
    );
  };

  server.get<{ Params: { id: string } }>(`${trackerImportPath}/:id/check`, async (request, reply) => renderCheck(reply, request.params.id));

  server.post<{ Params: { id: string }; Body: Values }>(`${trackerImportPath}/:id/new`, async (request, reply) => {
    const id = request.params.id;
    const details = { title: str(request.body?.title), slug: str(request.body?.slug), kind: str(request.body?.kind) };
    let slug: string;
    try {
      slug = (await imports.importNew(request.ctx(), id, details as Parameters<typeof imports.importNew>[2])).slug;
    } catch (err) {
      if (err instanceof ValidationError) {
        return renderCheck(reply, id, { values: details, errors: errorsFromValidation(err, ['title', 'slug', 'kind'], 'title') }, 400);
      }
      throw err;
    }
    return reply.code(303).redirect(trackerDonePath(slug, 'new'));
  });

  // Into a plan already here: the differences first (nothing changed), then applied.
  const chosenPlan = async (request: FastifyRequest, slug: string): Promise<string | null> => {
    const plans = await server.services.plans.list(request.ctx());
    return plans.some((p) => p.slug === slug) ? slug : null;
  };

  server.get<{ Params: { id: string }; Querystring: Values }>(`${trackerImportPath}/:id/into`, async (request, reply) => {
    const id = request.params.id;
    const slug = await chosenPlan(request, str(request.query.plan));
    if (slug === null) return renderCheck(reply, id, { errors: [formError('plan', 'Choose the plan to bring the tracker into')] }, 400);
    let differences;
    try {
      differences = await imports.differences(request.ctx(), id, slug);
    } catch (err) {
      if (err instanceof ValidationError) return renderCheck(reply, id, { errors: [formError('plan', err.message)] }, 400);
      if (err instanceof ConflictError) return renderCheck(reply, id, { errors: [formError('plan', err.message)] }, 409);
      throw err;
    }
    const plan = (await server.services.plans.list(request.ctx())).find((p) => p.slug === slug)!;
    return reply.page('plan-import/into.njk', { upload: await imports.open(request.ctx(), id), plan, planHref: planPath(slug), differences });
  });

  server.post<{ Params: { id: string }; Body: Values }>(`${trackerImportPath}/:id/into`, async (request, reply) => {
    const id = request.params.id;
    const slug = await chosenPlan(request, str(request.body?.plan));
    if (slug === null) return renderCheck(reply, id, { errors: [formError('plan', 'Choose the plan to bring the tracker into')] }, 400);
    try {
      await imports.applyUpdate(request.ctx(), id, slug);
    } catch (err) {
      if (err instanceof ValidationError) return renderCheck(reply, id, { errors: [formError('plan', err.message)] }, 400);
      if (err instanceof ConflictError) return renderCheck(reply, id, { errors: [formError('plan', err.message)] }, 409);
      throw err;
    }
    return reply.code(303).redirect(trackerDonePath(slug, 'updated'));
  });

  server.get<{ Querystring: Values }>(`${trackerImportPath}/done`, async (request, reply) => {
    const slug = str(request.query.plan);
    const plan = (await server.services.plans.list(request.ctx())).find((p) => p.slug === slug);
    if (!plan) throw new NotFoundError(`There is no plan "${slug}".`);
    return reply.page('plan-import/done.njk', { plan, planHref: planPath(plan.slug), updated: str(request.query.result) === 'updated' });
  });
};

export default planImportRoutes;
