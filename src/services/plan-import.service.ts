// The tracker import in the browser: a council's Word or Excel tracker uploaded and kept for the wizard's steps, its
// tables chosen, its columns mapped (guessed, or a mapping the authority saved), every problem located, then brought
// in as a new plan or into a plan already here — all or nothing, audited, through the same engine as the command line.
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { PLAN_KINDS, planActions, planDocumentSchema, slugFrom, type PlanKind } from '../domain/plan-document.ts';
import {
  buildPlan,
  describeProblem,
  FIELD_LABEL,
  FIELDS,
  guessMapping,
  LIMITS,
  mappingSchema,
  readTracker,
  type Field,
  type ImportProblem,
  type SourceFile,
  type SourceTable,
  type TrackerMapping,
} from '../plan-import/index.ts';
import { columnName, guessHeader } from '../plan-import/recognise.ts';
import type { TrackerUpload } from '../repositories/tracker-import.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { nowFor, requireCapability, type Ctx } from './context.ts';
import type { ImportResult, PlanService, TrackerDifferences } from './plan.service.ts';

export { FIELD_LABEL as TRACKER_FIELD_LABELS, FIELDS as TRACKER_FIELDS, type Field as TrackerField, type TrackerMapping };

/** How long an upload is kept for the wizard's steps. */
export const UPLOAD_HOURS = 24;

/** Actions shown in the preview: enough to see that the columns were read right. */
const PREVIEW_ACTIONS = 10;

export interface TableChoice {
  index: number;
  /** "sheet Tracker", "table 2". */
  name: string;
  /** The heading or line above a document's table. */
  heading: string | undefined;
  rows: number;
  /** The row Parentis takes as the header, and its cells that are not empty. */
  headerLine: number;
  header: string[];
  /** How many of the header's cells name a column Parentis knows. */
  recognised: number;
}

export interface ColumnChoice {
  /** What a mapping calls the column: its header as written, else its letter, else "column N". */
  value: string;
  /** "C: Action owner" in a spreadsheet, the header alone in a document. */
  text: string;
}

export interface UploadedTracker {
  id: string;
  fileName: string;
  kind: SourceFile['kind'];
  expiresAt: Date;
  tables: TableChoice[];
  /** The mapping chosen so far, else the one guessed, else null when no table has a header Parentis recognises. */
  mapping: TrackerMapping | null;
  /** Whether the person has chosen the tables yet (else `mapping` is only the guess). */
  tablesChosen: boolean;
  /** The columns of the header row of the first table mapped. */
  columns: ColumnChoice[];
}

/** One action as Parentis will store it, for the person to check before importing. */
export interface PreviewAction {
  theme: string;
  number: string;
  title: string;
  owners: string[];
  /** The deadline first set, then each revision. */
  deadlines: string[];
  status: { status: string; asAt: string } | null;
  updates: { date: string; body: string }[];
  subActions: number;
}

export interface LocatedProblem extends ImportProblem {
  /** The problem in one line: "sheet Plan, row 3, Timescales: 'Sprung 2018' is not a date". */
  text: string;
}

export interface TrackerCheck {
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
  preview: PreviewAction[];
  /** Actions and sub-actions the import would store. */
  actions: number;
  /** A title and slug for a new plan, from the file's name. */
  suggested: { title: string; slug: string };
}

export interface SavedMappingSummary {
  id: number;
  name: string;
  savedBy: string;
  savedAt: Date;
  /** The file name it is downloaded as. */
  fileName: string;
}

const detailsSchema = z.object({
  title: z.string().trim().min(1, { message: 'Enter a title for the plan' }).max(200, { message: 'The title must be 200 characters or fewer' }),
  slug: z
    .string()
    .trim()
    .min(1, { message: 'Enter a short name for the plan’s address' })
    .max(60, { message: 'The short name must be 60 characters or fewer' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'The short name can only hold lower-case letters, digits and single hyphens, like fostering-tracker-2018' }),
  kind: z.enum(PLAN_KINDS, { message: 'Choose what kind of plan it is' }),
});
export type NewPlanDetails = z.input<typeof detailsSchema>;

const mappingNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter a name for the mapping' })
  .max(100, { message: 'The mapping’s name must be 100 characters or fewer' });

const fileNameOf = (name: string): string => `${slugFrom(name)}.tracker-mapping.json`;

const titleFrom = (fileName: string): string => fileName.replace(/\.(docx|xlsx|csv)$/i, '').replace(/[_-]+/g, ' ').trim() || 'Imported plan';

const locate = (p: ImportProblem): LocatedProblem => ({ ...p, text: describeProblem(p) });

export class PlanImportService {
  /** Trackers already read, by upload: each step reads the same bytes again otherwise. An upload never changes. */
  private readonly parsed = new LRUCache<string, SourceFile>({ max: 4 });

  constructor(
    private readonly store: Store,
    private readonly plans: PlanService,
  ) {}

  /** Reads an uploaded tracker and keeps it for the wizard; a file Parentis cannot read is refused, naming it, and nothing is kept. */
  async upload(ctx: Ctx, file: { name: string; bytes: Uint8Array; truncated?: boolean }): Promise<{ id: string }> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    // The name as the browser sent it: its last part only, without control characters (PostgreSQL text holds no zero byte).
    // eslint-disable-next-line no-control-regex
    const name = file.name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
    if (name === '' && file.bytes.length === 0) throw new ValidationError('Choose a tracker to upload', 'file');
    if (file.bytes.length === 0) throw new ValidationError(`${name}: is empty`, 'file');
    if (file.truncated === true) throw new ValidationError(`${name}: is larger than ${LIMITS.fileBytes / 1024 / 1024} MB; a tracker can be at most ${LIMITS.fileBytes / 1024 / 1024} MB`, 'file');
    const source = await readTracker(name, file.bytes);
    const id = crypto.randomUUID();
    const now = nowFor(ctx);
    await this.store.transaction(async (repos) => {
      await repos.trackerImports.deleteExpired(now);
      await repos.trackerImports.insertUpload({
        id,
        organisationId: ctx.organisationId,
        userId: this.userOf(ctx),
        fileName: name,
        bytes: file.bytes,
        mapping: null,
        expiresAt: new Date(now.getTime() + UPLOAD_HOURS * 3600_000),
      });
    });
    this.parsed.set(id, source);
    return { id };
  }

  /** The upload as the wizard shows it: the tables found, the mapping so far (or the guess) and the columns to map. */
  async open(ctx: Ctx, id: string): Promise<UploadedTracker> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    const { upload, source } = await this.load(this.store.read, ctx, id);
    const chosen = this.storedMapping(upload);
    const mapping = chosen ?? guessMapping(source)?.mapping ?? null;
    return {
      id: upload.id,
      fileName: upload.fileName,
      kind: source.kind,
      expiresAt: upload.expiresAt,
      tables: source.tables.map((t) => {
        const g = guessHeader(t);
        return { index: t.index, name: t.name, heading: t.heading ?? t.caption, rows: t.rows.length, headerLine: g.headerLine, header: g.headers.filter((h) => h !== ''), recognised: g.score };
      }),
      mapping,
      tablesChosen: chosen !== null,
      columns: mapping ? columnsOf(source, mapping) : [],
    };
  }

  /** The tables to read (several when a document repeats its table page after page): the header and columns are guessed from them. */
  async chooseTables(ctx: Ctx, id: string, tables: number[]): Promise<TrackerMapping> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    return this.store.transaction(async (repos) => {
      const { upload, source } = await this.load(repos, ctx, id, true);
      if (tables.length === 0) throw new ValidationError('Choose the table that holds the plan', 'tables');
      const missing = tables.find((n) => !source.tables.some((t) => t.index === n));
      if (missing !== undefined) throw new ValidationError(`${upload.fileName} has no table ${missing}: choose one of those listed`, 'tables');
      const picked = { ...source, tables: source.tables.filter((t) => tables.includes(t.index)) };
      const guess = guessMapping(picked);
      const first = picked.tables[0]!;
      const mapping: TrackerMapping = guess
        ? { ...guess.mapping, tables }
        : { format: 'parentis.tracker-mapping', formatVersion: 1, tables, headerLine: guessHeader(first).headerLine, columns: {} };
      await repos.trackerImports.setMapping(upload.id, mapping);
      return mapping;
    });
  }

  /** The mapping as the person set it on the columns form (the same shape as the command line's --mapping file). */
  async setMapping(ctx: Ctx, id: string, raw: unknown): Promise<TrackerMapping> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    const mapping = parseMapping(raw);
    return this.store.transaction(async (repos) => {
      const { upload, source } = await this.load(repos, ctx, id, true);
      const missing = mapping.tables.find((n) => !source.tables.some((t) => t.index === n));
      if (missing !== undefined) throw new ValidationError(`${upload.fileName} has no table ${missing}`, 'tables');
      await repos.trackerImports.setMapping(upload.id, mapping);
      return mapping;
    });
  }

  /** Reads the tracker through its mapping: every problem located, and the first actions as Parentis will store them. */
  async check(ctx: Ctx, id: string, mapping?: TrackerMapping): Promise<TrackerCheck> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    const { upload, source } = await this.load(this.store.read, ctx, id);
    const use = mapping ?? this.storedMapping(upload) ?? guessMapping(source)?.mapping;
    const title = titleFrom(upload.fileName);
    const suggested = { title, slug: slugFrom(title) };
    if (!use) {
      const problem = locate({ severity: 'error', message: `${upload.fileName}: no table with a header Parentis recognises (Action, Owner, Deadline, BRAG …): choose the columns` });
      return { errors: [problem], warnings: [], preview: [], actions: 0, suggested };
    }
    const built = this.build(ctx, source, use, { ...suggested, kind: 'other' });
    const doc = planDocumentSchema.safeParse(built.document);
    const preview: PreviewAction[] = [];
    if (doc.success) {
      const themeOf = new Map<string, string>();
      const walk = (nodes: typeof doc.data.plan.nodes): void => {
        for (const n of nodes) {
          for (const a of n.actions) themeOf.set(a.number, n.title);
          walk(n.children);
        }
      };
      walk(doc.data.plan.nodes);
      for (const { action: a } of planActions(doc.data).slice(0, PREVIEW_ACTIONS)) {
        const status = a.statuses.at(-1);
        preview.push({
          theme: themeOf.get(a.number) ?? '',
          number: a.number,
          title: a.title,
          owners: a.owners.map((o) => [o.name, o.role].filter(Boolean).join(', ')),
          deadlines: a.deadlines.map((d) => d.date),
          status: status ? { status: status.status, asAt: status.asAt } : null,
          updates: a.updates.map((u) => ({ date: u.date, body: u.body })),
          subActions: a.subActions.length,
        });
      }
    }
    return {
      errors: built.problems.filter((p) => p.severity === 'error').map(locate),
      warnings: built.problems.filter((p) => p.severity === 'warning').map(locate),
      preview,
      actions: built.actions,
      suggested,
    };
  }

  /** Brings the tracker in as a new plan, all or nothing; the upload is gone once it has been imported. */
  async importNew(ctx: Ctx, id: string, raw: NewPlanDetails): Promise<ImportResult> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    const parsed = detailsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError(issue.message, String(issue.path[0] ?? 'title'));
    }
    const details = parsed.data;
    return this.store.transaction(async (repos) => {
      const { upload, source } = await this.load(repos, ctx, id, true);
      const mapping = this.mappingFor(upload, source);
      if (await repos.plans.findBySlug(ctx.organisationId, details.slug)) {
        throw new ValidationError(`There is already a plan with the short name ${details.slug}: choose another, or bring the tracker into that plan`, 'slug');
      }
      const built = this.build(ctx, source, mapping, { title: details.title, slug: details.slug, kind: details.kind });
      refuseProblems(upload.fileName, built.problems);
      const result = await this.plans.importInto(repos, ctx, planDocumentSchema.parse(built.document));
      await repos.trackerImports.deleteUpload(upload.id);
      this.parsed.delete(upload.id);
      return result;
    });
  }

  /** What the tracker would add to an existing plan's actions (matched by number); nothing is changed. */
  async differences(ctx: Ctx, id: string, slug: string): Promise<TrackerDifferences> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    const { upload, source } = await this.load(this.store.read, ctx, id);
    const doc = this.documentFor(ctx, upload, source, slug);
    return this.plans.updateInto(this.store.read, ctx, slug, doc, { apply: false, source: upload.fileName });
  }

  /** Adds the tracker's new updates, statuses and deadlines to the plan's history, all or nothing, and forgets the upload. */
  async applyUpdate(ctx: Ctx, id: string, slug: string): Promise<TrackerDifferences> {
    requireCapability(ctx, 'plans.import-trackers', 'bring in plans from trackers');
    return this.store.transaction(async (repos) => {
      const { upload, source } = await this.load(repos, ctx, id, true);
      const doc = this.documentFor(ctx, upload, source, slug);
      const d = await this.plans.updateInto(repos, ctx, slug, doc, { apply: true, source: upload.fileName });
      const plan = await repos.plans.findBySlug(ctx.organisationId, slug);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'plan.updated-from-tracker',
        entityType: 'plan',
        entityId: plan?.id ?? null,
        entityKey: slug,
        before: null,
        after: {
          source: upload.fileName,
          actionsChanged: d.changes.length,
          updates: d.changes.reduce((n, c) => n + c.updates.length, 0),
          statuses: d.changes.filter((c) => c.status).length,
          deadlines: d.changes.filter((c) => c.deadline).length,
          notInPlan: d.notInPlan.map((n) => n.number),
        },
      });
      await repos.trackerImports.deleteUpload(upload.id);
      this.parsed.delete(upload.id);
      return d;
    });
  }

  async listMappings(ctx: Ctx): Promise<SavedMappingSummary[]> {
    requireCapability(ctx, 'plans.import-trackers', 'use saved tracker mappings');
    const rows = await this.store.read.trackerImports.listMappings(ctx.organisationId);
    return rows.map((r) => ({ id: r.id, name: r.name, savedBy: r.savedBy, savedAt: r.savedAt, fileName: fileNameOf(r.name) }));
  }

  /** Saves the mapping under a name for the authority, replacing one of the same name; audited. */
  async saveMapping(ctx: Ctx, name: string, raw: unknown): Promise<SavedMappingSummary> {
    requireCapability(ctx, 'plans.import-trackers', 'save tracker mappings');
    const parsedName = mappingNameSchema.safeParse(name);
    if (!parsedName.success) throw new ValidationError(parsedName.error.issues[0]!.message, 'mappingName');
    const mapping = parseMapping(raw);
    return this.store.transaction(async (repos) => {
      const { saved, replaced } = await repos.trackerImports.saveMapping({ organisationId: ctx.organisationId, name: parsedName.data, mapping, savedBy: ctx.actor, savedAt: nowFor(ctx) });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'tracker-mapping.saved',
        entityType: 'tracker_mapping',
        entityId: saved.id,
        entityKey: saved.name,
        before: replaced ? replaced.mapping : null,
        after: mapping,
      });
      return { id: saved.id, name: saved.name, savedBy: saved.savedBy, savedAt: saved.savedAt, fileName: fileNameOf(saved.name) };
    });
  }

  /** A saved mapping as the JSON file the command line's --mapping reads. */
  async mappingFile(ctx: Ctx, mappingId: number): Promise<{ fileName: string; json: string }> {
    requireCapability(ctx, 'plans.import-trackers', 'use saved tracker mappings');
    const row = await this.store.read.trackerImports.findMapping(ctx.organisationId, mappingId);
    if (!row) throw new NotFoundError('There is no such saved mapping.');
    return { fileName: fileNameOf(row.name), json: `${JSON.stringify(parseMapping(row.mapping), null, 2)}\n` };
  }

  /** Reads this upload through a mapping the authority saved. */
  async useSavedMapping(ctx: Ctx, id: string, mappingId: number): Promise<TrackerMapping> {
    requireCapability(ctx, 'plans.import-trackers', 'use saved tracker mappings');
    const row = await this.store.read.trackerImports.findMapping(ctx.organisationId, mappingId);
    if (!row) throw new ValidationError('Choose one of the saved mappings', 'savedMapping');
    return this.setMapping(ctx, id, row.mapping);
  }

  // --- inside ---

  private userOf(ctx: Ctx): number {
    // Uploads belong to a person: the command line has files of its own and no use for them.
    if (ctx.userId === undefined) throw new ValidationError('Only a signed-in person can upload a tracker', 'file');
    return ctx.userId;
  }

  private async load(repos: Repositories, ctx: Ctx, id: string, lock = false): Promise<{ upload: TrackerUpload; source: SourceFile }> {
    const valid = /^[0-9a-f-]{36}$/.test(id);
    const upload = valid ? await repos.trackerImports.findUpload({ id, organisationId: ctx.organisationId, userId: this.userOf(ctx) }, nowFor(ctx), lock) : undefined;
    if (!upload) {
      this.parsed.delete(id);
      throw new NotFoundError(
        `This upload is no longer here: it has been imported already, or it was uploaded more than ${UPLOAD_HOURS} hours ago, or by someone else. Upload the tracker again.`,
      );
    }
    let source = this.parsed.get(id);
    if (!source) {
      source = await readTracker(upload.fileName, upload.bytes);
      this.parsed.set(id, source);
    }
    return { upload, source };
  }

  private storedMapping(upload: TrackerUpload): TrackerMapping | null {
    if (upload.mapping === null || upload.mapping === undefined) return null;
    const parsed = mappingSchema.safeParse(upload.mapping);
    return parsed.success ? parsed.data : null;
  }

  private mappingFor(upload: TrackerUpload, source: SourceFile): TrackerMapping {
    const mapping = this.storedMapping(upload) ?? guessMapping(source)?.mapping;
    if (!mapping) throw new ValidationError(`${upload.fileName}: no table with a header Parentis recognises: choose the table and its columns first`, 'file');
    return mapping;
  }

  private build(ctx: Ctx, source: SourceFile, mapping: TrackerMapping, details: { title: string; slug: string; kind: PlanKind }) {
    return buildPlan(source, mapping, details, { importedBy: ctx.actor, importedAt: nowFor(ctx).toISOString() });
  }

  private documentFor(ctx: Ctx, upload: TrackerUpload, source: SourceFile, slug: string) {
    const built = this.build(ctx, source, this.mappingFor(upload, source), { title: titleFrom(upload.fileName), slug, kind: 'other' });
    refuseProblems(upload.fileName, built.problems);
    return planDocumentSchema.parse(built.document);
  }
}

/** A mapping from a form or a saved row, checked with the command line's own schema; a failure names the field. */
function parseMapping(raw: unknown): TrackerMapping {
  const parsed = mappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ValidationError(issue.message, issue.path.map(String).join('.') || 'mapping');
}

function refuseProblems(fileName: string, problems: ImportProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new ValidationError(`${fileName}: nothing was imported: ${describeProblem(errors[0]!)}${more}`, 'file');
}

/** The columns of the first mapped table's header row, as a mapping names them. */
function columnsOf(source: SourceFile, mapping: TrackerMapping): ColumnChoice[] {
  const table: SourceTable | undefined = source.tables.find((t) => t.index === mapping.tables[0]);
  if (!table) return [];
  const header = table.rows.find((r) => r.line === mapping.headerLine);
  const width = Math.max(header?.cells.length ?? 0, ...table.rows.slice(0, 20).map((r) => r.cells.length));
  const headers = header?.cells.map((c) => c.text) ?? [];
  const hidden = new Set(table.hiddenColumns ?? []);
  const out: ColumnChoice[] = [];
  for (let i = 0; i < width; i++) {
    const value = columnName(table, headers, i);
    const letter = table.letters?.[i];
    const label = value === letter ? `Column ${letter}` : letter ? `${letter}: ${value}` : value;
    out.push({ value, text: hidden.has(i) ? `${label} (hidden)` : label });
  }
  return out;
}

/** The Parentis fields a mapping can fill, in the form's order, with their labels. */
export const trackerFields = (): { field: Field; label: string }[] => FIELDS.map((f) => ({ field: f, label: FIELD_LABEL[f] }));
