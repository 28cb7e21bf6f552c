// The stored 903 returns in the JSON API: the uploads with their counts, and one upload's data-quality findings
// row by row, as the returns pages show them. Findings name children: analysts only, as on the pages.
import { z } from 'zod';
import type { Services } from '../composition.ts';
import { FINDINGS_SHOWN, type UploadSummary } from '../services/ssda903.service.ts';
import { route, type ApiRoute } from './api.ts';

const severity = z.enum(['error', 'warning', 'note']);

const uploadSchema = z.object({
  id: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string().describe('ISO 8601.'),
  files: z.array(z.object({ name: z.string(), table: z.string(), collectionYear: z.number().int().describe('The year the collection ends (31 March).'), rows: z.number().int() })),
  collectionYears: z.array(z.number().int()),
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  current: z.boolean().describe('Its child-level rows are the ones the figures read; false once a later upload of the same years replaced them.'),
});

const uploadJson = (u: UploadSummary): z.infer<typeof uploadSchema> => ({ ...u, uploadedAt: u.uploadedAt.toISOString() });

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).describe('The upload number.') });
const checkQuery = z.object({ check: z.string().min(1).max(40).optional().describe('Only the findings of this check, e.g. 142 or row-date.') }).strict();

const findingsSchema = z.object({
  upload: uploadSchema,
  byCheck: z.array(z.object({ check: z.string(), severity, count: z.number().int() })).describe('Every finding counted by check, most serious first.'),
  findings: z
    .array(
      z.object({
        severity,
        check: z.string(),
        file: z.string(),
        line: z.number().int().describe("The row's line in its file (1 is the header)."),
        column: z.string().nullable(),
        child: z.string().describe("The child's identifier (CHILD)."),
        message: z.string().describe('Ends with the other rows the finding involves, when there are any: "(see also row 13)".'),
      }),
    )
    .describe(`In file and line order; at most ${FINDINGS_SHOWN}.`),
  total: z.number().int().describe('How many findings match: more than are listed when over the limit.'),
  kept: z.boolean().describe("False for a replaced upload: its findings went with its child-level rows."),
});

export function returnApiRoutes(s: Services): ApiRoute[] {
  return [
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
      params: idParams,
      query: checkQuery,
      response: findingsSchema,
      handler: async ({ ctx, params, query }) => {
        const found = await s.ssda903.uploadFindings(ctx, params.id, { check: query.check });
        return { ...found, upload: uploadJson(found.upload) };
      },
    }),
  ];
}
