// The 903 return in the JSON API: files sent to be checked and stored (in the background, as the upload form does),
// the import's progress, the uploads with their counts, and one upload's data-quality findings row by row, as the
// returns pages show them. Findings name children: analysts only, as on the pages.
import { z } from 'zod';
import type { Services } from '../composition.ts';
import { ValidationError } from '../domain/errors.ts';
import {
  checkedFindings,
  FINDINGS_SHOWN,
  type ImportProgress,
  type ProceedChoices,
  type UploadSummary,
} from '../services/ssda903.service.ts';
import { route, type ApiRoute } from './api.ts';

/** The body of files sent as JSON: a county's five-year return is a few tens of megabytes of text. */
export const RETURN_BODY_MB = 128;
const MAX_FILES = 60;

/** What the caller sends to store despite findings, for the message refusing them. */
const API_CHOICES: ProceedChoices = { errors: 'send "proceedWithErrors": true to store them anyway', warnings: 'then send "proceedWithWarnings": true', field: 'files' };

const severity = z.enum(['error', 'warning', 'note']);

const uploadSchema = z.object({
  id: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string().describe('ISO 8601.'),
  files: z.array(z.object({ name: z.string(), table: z.string(), collectionYear: z.number().int().describe('The year the collection ends (31 March); 0 for the postcode directory, which has none.'), rows: z.number().int() })),
  collectionYears: z.array(z.number().int()),
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  current: z.boolean().describe('Its child-level rows are the ones the figures read; false once a later upload of the same years replaced them.'),
});

const uploadJson = (u: UploadSummary): z.infer<typeof uploadSchema> => ({ ...u, uploadedAt: u.uploadedAt.toISOString() });

const idParams = (what: string) => z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).describe(`The ${what} number.`) });
const checkQuery = z.object({ check: z.string().min(1).max(40).optional().describe('Only the findings of this check, e.g. 142 or row-date.') }).strict();

const finding = z.object({
  severity,
  check: z.string(),
  file: z.string(),
  line: z.number().int().describe("The row's line in its file (1 is the header)."),
  column: z.string().nullable(),
  child: z.string().describe("The child's identifier (CHILD)."),
  message: z.string().describe('Ends with the other rows the finding involves, when there are any: "(see also row 13)".'),
});

const findingsSchema = z.object({
  upload: uploadSchema,
  byCheck: z.array(z.object({ check: z.string(), severity, count: z.number().int() })).describe('Every finding counted by check, most serious first.'),
  findings: z
    .array(finding)
    .describe(`In file and line order; at most ${FINDINGS_SHOWN}.`),
  total: z.number().int().describe('How many findings match: more than are listed when over the limit.'),
  kept: z.boolean().describe("False for a replaced upload: its findings went with its child-level rows."),
});

const checkedSchema = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  byCheck: z.array(z.object({ check: z.string(), severity, count: z.number().int() })),
  byFile: z.array(z.object({ file: z.string(), errors: z.number().int(), warnings: z.number().int() })),
  examples: z.array(finding).describe('The first three findings of each check, errors first.'),
  notes: z.array(z.string()).describe('About the whole set: names and dates disagreeing, a year not found, checks not run.'),
});

const postBody = z
  .object({
    files: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(300).describe('The file name, with its folder when that names the year: "2026/episodes.csv".'),
            text: z.string().describe("The file's contents, CSV or XML, as text."),
          })
          .strict(),
      )
      .min(1, 'Send the 903 files')
      .max(MAX_FILES, `Send at most ${MAX_FILES} files at once`),
    year: z.number().int().min(2000).max(2100).optional().describe('The collection year of the files, the year it ends (2026 = April 2025 to March 2026), whatever their names and dates say.'),
    proceedWithWarnings: z.boolean().optional().describe('Store despite data-quality warnings.'),
    proceedWithErrors: z.boolean().optional().describe('Store despite data-quality errors (and warnings): the figures then carry them.'),
  })
  .strict();

const progressSchema = z.object({
  id: z.number().int(),
  startedBy: z.string(),
  startedAt: z.string().describe('ISO 8601.'),
  files: uploadSchema.shape.files,
  rows: z.number().int(),
  state: z.enum(['storing', 'done', 'failed']),
  phase: z.enum(['records', 'indicators']),
  percent: z.number().int().describe('How far through, 0 to 100: storing the rows is the first half, the indicators the second.'),
  message: z.string().describe('How it ended, when it has.'),
  uploadId: z.number().int().nullable().describe('The stored upload, once done.'),
  finishedAt: z.string().nullable(),
});

const progressJson = (p: ImportProgress): z.infer<typeof progressSchema> => ({
  id: p.id,
  startedBy: p.startedBy,
  startedAt: p.startedAt.toISOString(),
  files: p.files,
  rows: p.rows,
  state: p.state,
  phase: p.phase,
  percent: p.percent,
  message: p.message,
  uploadId: p.uploadId,
  finishedAt: p.finishedAt?.toISOString() ?? null,
});

export function returnApiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'POST',
      url: '/returns',
      summary: 'Send 903 files to be checked and stored, replacing the stored return, as the upload form does',
      description: `Analysts only. The files are read and checked at once: one that cannot be read, or findings not chosen to store despite, answer 400 with nothing stored (the findings' counts and first examples in \`findings\`). Otherwise the answer is 202 and the return is stored in the background, all or nothing: follow \`progress\`. At most ${MAX_FILES} files and ${RETURN_BODY_MB} MB in all.`,
      body: postBody,
      response: z.object({
        importId: z.number().int(),
        progress: z.string().describe("The import's progress in this API."),
        rows: z.number().int(),
        collectionYears: z.array(z.number().int()),
        findings: checkedSchema,
      }),
      status: 202,
      bodyLimit: RETURN_BODY_MB * 1024 * 1024,
      capability: { name: 'ssda903.import', what: 'import 903 returns' },
      handler: async ({ ctx, body }) => {
        const wrong = body.files.find((f) => !/\.(csv|xml)$/i.test(f.name));
        if (wrong) throw new ValidationError(`${wrong.name} is not a 903 file: send .csv or .xml files`, 'files');
        const started = await s.ssda903.startImport(
          ctx,
          body.files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') })),
          { ...(body.year === undefined ? {} : { year: body.year }), proceedWithWarnings: body.proceedWithWarnings, proceedWithErrors: body.proceedWithErrors, choices: API_CHOICES },
        );
        // The import goes on after the answer and never rejects: how it ended is written to its row.
        started.finished.catch(() => undefined);
        return {
          importId: started.importId,
          progress: `/api/v1/returns/imports/${started.importId}`,
          rows: started.checked.rows,
          collectionYears: started.checked.collectionYears,
          findings: checkedFindings(started.checked),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/returns/imports/:id',
      summary: "An import's progress: storing (how far through), done (with its upload) or failed (with why)",
      description: 'Analysts only.',
      params: idParams('import'),
      response: progressSchema,
      handler: async ({ ctx, params }) => progressJson(await s.ssda903.importProgress(ctx, params.id)),
    }),
    route({
      method: 'GET',
      url: '/returns',
      summary: 'The uploads of the 903 return, newest first, with their files and counts of findings',
      description: 'Analysts only, as the returns pages. No child-level data.',
      response: z.object({ uploads: z.array(uploadSchema) }),
      handler: async ({ ctx }) => ({ uploads: (await s.ssda903.uploads(ctx)).map(uploadJson) }),
    }),
    route({
      method: 'GET',
      url: '/returns/:id/findings',
      summary: "One upload's data-quality findings row by row, of every check or of one",
      description: 'Analysts only: the findings name children. Example: /api/v1/returns/3/findings?check=142.',
      params: idParams('upload'),
      query: checkQuery,
      response: findingsSchema,
      handler: async ({ ctx, params, query }) => {
        const found = await s.ssda903.uploadFindings(ctx, params.id, { check: query.check });
        return { ...found, upload: uploadJson(found.upload) };
      },
    }),
  ];
}
