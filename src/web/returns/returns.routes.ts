// The 903 return in the browser, for analysts: the upload history, each upload's data-quality findings
// by check, file and row, the upload form (multipart, CSRF-checked) and the import's progress page.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { requireCapability } from '../../services/context.ts';
import { FindingsRefused, Ssda903FileError, type ProceedChoices } from '../../services/ssda903.service.ts';
import { errorsFromValidation, formError, type FormError } from '../kit/forms.ts';
import { returnJobPath, returnNewPath, returnsPath, returnUploadPath } from '../kit/paths.ts';
import { queryText } from '../kit/query.ts';
import type { PageRoutes } from '../routes.ts';
import { findingsView, importView, refusalView, UploadedFile, uploadRows } from './returns.view.ts';

/** A county's five-year return is a few tens of megabytes; the command line takes files up to 256 MB. */
export const MAX_UPLOAD_FILE_MB = 64;
const MAX_UPLOAD_FILES = 60;
/** How often the progress page asks for itself again while the import runs. */
const REFRESH_SECONDS = 5;

/** What the form's boxes are called, for the message refusing findings. */
const FORM_CHOICES: ProceedChoices = {
  errors: 'tick “Store them despite errors” to store them anyway',
  warnings: 'then tick “Store them despite warnings”',
  field: 'proceed',
};

const uploadForm = z.object({
  files: z.array(z.instanceof(UploadedFile, { message: 'Choose the 903 files to upload' })).min(1, 'Choose the 903 files to upload'),
  year: z
    .string()
    .trim()
    .transform((v, c) => {
      if (v === '') return undefined;
      const single = /^(20\d{2})$/.exec(v);
      if (single) return Number(single[1]);
      const span = /^(20\d{2})\s*[-/]\s*(\d{2})$/.exec(v);
      if (span && (Number(span[1]) + 1) % 100 === Number(span[2])) return Number(span[1]) + 1;
      c.addIssue({ code: 'custom', message: 'Enter the collection year as the year it ends, like 2026, or as 2025-26' });
      return z.NEVER;
    }),
  proceed: z.array(z.enum(['warnings', 'errors'])),
});

/** The posted multipart body: files (none chosen sends one empty part), the year and the boxes ticked. */
function readUpload(body: unknown): { ok: true; value: z.infer<typeof uploadForm> } | { ok: false; errors: FormError[] } {
  const b = (body ?? {}) as Record<string, unknown>;
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  // No file chosen arrives as one part with no name and nothing in it (or as an empty text field).
  const files = list(b.files).filter((f) => !(f === '' || (f instanceof UploadedFile && f.name === '' && f.size === 0)));
  const r = uploadForm.safeParse({ files, year: typeof b.year === 'string' ? b.year : '', proceed: list(b.proceed) });
  if (!r.success) {
    const errors: FormError[] = [];
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? 'files');
      if (!errors.some((e) => e.field === field)) errors.push(formError(field, issue.message));
    }
    return { ok: false, errors };
  }
  const wrong = r.data.files.find((f) => !/\.(csv|xml)$/i.test(f.name));
  if (wrong) return { ok: false, errors: [formError('files', `${wrong.name} is not a 903 file: choose .csv or .xml files`)] };
  return { ok: true, value: r.data };
}

const returnsRoutes: PageRoutes = async (server) => {
  const ssda903 = server.services.ssda903;
  await server.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // Files chosen as a folder keep their folder in the name ("2026/episodes.csv"): it names the collection year.
    preservePath: true,
    limits: { fileSize: MAX_UPLOAD_FILE_MB * 1024 * 1024, files: MAX_UPLOAD_FILES, fields: 20 },
    async onFile(part) {
      // The bytes are kept out of sight of the input guard, which reads every field's text.
      (part as unknown as { value: UploadedFile }).value = new UploadedFile(part.filename, await part.toBuffer());
    },
  });

  server.get(returnsPath, async (request, reply) => {
    const ctx = request.ctx();
    const [uploads, imports] = await Promise.all([ssda903.uploads(ctx), ssda903.recentImports(ctx)]);
    return reply.page('returns/returns.njk', { uploads: uploadRows(uploads), imports: imports.map(importView) });
  });

  server.get<{ Params: { id: string } }>(`${returnsPath}/uploads/:id`, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id)) throw new NotFoundError(`There is no 903 upload ${request.params.id}.`);
    const check = queryText().parse((request.query as Record<string, unknown> | undefined)?.check);
    const found = await ssda903.uploadFindings(request.ctx(), id, { check });
    return reply.page('returns/upload.njk', findingsView(found, check));
  });

  const showForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors: FormError[], extra: object = {}, status = 200) => {
    requireCapability(request.ctx(), 'ssda903.import', 'import 903 returns');
    return reply.page('returns/return-new.njk', { values, errors, maxFileMb: MAX_UPLOAD_FILE_MB, ...extra }, status);
  };

  server.get(returnNewPath, (request, reply) => showForm(request, reply, { proceed: [] }, []));

  server.post(returnNewPath, async (request, reply) => {
    // Refused before anything is read from the files for those who may not import.
    requireCapability(request.ctx(), 'ssda903.import', 'import 903 returns');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { year: typeof body.year === 'string' ? body.year : '', proceed: Array.isArray(body.proceed) ? body.proceed : body.proceed === undefined ? [] : [body.proceed] };
    const form = readUpload(body);
    if (!form.ok) return showForm(request, reply, values, form.errors, {}, 400);
    const { files, year, proceed } = form.value;
    try {
      const started = await ssda903.startImport(request.ctx(), files.map((f) => ({ name: f.name, data: f.data })), {
        ...(year === undefined ? {} : { year }),
        proceedWithWarnings: proceed.includes('warnings'),
        proceedWithErrors: proceed.includes('errors'),
        choices: FORM_CHOICES,
      });
      // The import goes on after the answer; its row says how far it got and how it ended.
      started.finished.catch((err: unknown) => request.log.error({ err }, 'the 903 import failed outside its own handling'));
      return reply.redirect(returnJobPath(started.importId), 303);
    } catch (err) {
      if (err instanceof FindingsRefused) return showForm(request, reply, values, errorsFromValidation(err, ['proceed'], 'proceed'), { refusal: refusalView(err.checked) }, 400);
      // A file that cannot be read: its message starts with the file's name, which stays in the summary.
      if (err instanceof Ssda903FileError) return showForm(request, reply, values, [formError('files', err.message)], {}, 400);
      if (err instanceof ValidationError) return showForm(request, reply, values, errorsFromValidation(err, ['year'], 'files'), {}, 400);
      throw err;
    }
  });

  server.get<{ Params: { id: string } }>(`${returnsPath}/imports/:id`, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id)) throw new NotFoundError(`There is no 903 import ${request.params.id}.`);
    const progress = await ssda903.importProgress(request.ctx(), id);
    // While it runs the page asks for itself again, with no JavaScript: the HTTP Refresh header (a
    // <meta> refresh is the same, but axe refuses any). Whoever finds the reloading in the way
    // (a screen reader starts the page again each time) turns it off with the page's link.
    const stopped = queryText().parse((request.query as Record<string, unknown> | undefined)?.refresh) === 'off';
    if (progress.state === 'storing' && !stopped) reply.header('Refresh', String(REFRESH_SECONDS));
    return reply.page('returns/import.njk', {
      job: importView(progress),
      refreshing: progress.state === 'storing' && !stopped,
      refreshSeconds: REFRESH_SECONDS,
      uploadHref: progress.uploadId === null ? null : returnUploadPath(progress.uploadId),
    });
  });
};

export default returnsRoutes;
