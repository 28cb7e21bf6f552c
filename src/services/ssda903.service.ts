// Use cases for the SSDA903 return: check a set of files, store them (replacing the authority's
// previous child-level data) and recompute the indicators month by month, in one transaction; and
// work the indicators out again from what is stored. Child-level rows are read by analysts only.
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { yearsEndingText } from '../domain/reporting-periods.ts';
import { monthEnd } from '../measures/index.ts';
import type { Ssda903ImportRow, Ssda903RecordRow, Ssda903UploadRow } from '../repositories/ssda903.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import {
  buildAndCheck,
  buildReturn,
  checkReturn,
  computeIndicators,
  FIGURES_COLUMNAR,
  indicatorDefinitions,
  monthEndsBetween,
  readReturn,
  readReturnStreamed,
  rowCount,
  seeAlso,
  withSeeAlso,
  type DataQualityIssue,
  type InputFile,
  type RowsChecked,
  type IndicatorValue,
  type ParsedFile,
  type Ssda903Return,
  type StreamedFile,
  type TableName,
  type YearOptions,
} from '../ssda903/index.ts';
import { ownPopulation } from './benchmark.service.ts';
import { readForFigures } from './ssda903-aside.ts';
import { requireCapability, type Ctx } from './context.ts';
import { defineMeasure } from './measure.service.ts';

export type { DataQualityIssue, IndicatorValue, InputFile, StreamedFile };
export { Ssda903FileError } from '../ssda903/index.ts';
export { indicatorDefinitions, monthEndsBetween, seeAlso, withSeeAlso };

export interface IssueSummary {
  errors: number;
  warnings: number;
  byCheck: { check: string; severity: DataQualityIssue['severity']; count: number }[];
  /** Findings of each file, errors and warnings apart. */
  byFile: { file: string; errors: number; warnings: number }[];
}

const SEVERITY_ORDER: Record<DataQualityIssue['severity'], number> = { error: 0, warning: 1, note: 2 };

/** Located examples shown of each check, so that one frequent check does not hide the others. */
export const EXAMPLES_PER_CHECK = 3;

/**
 * The first findings of each check (errors and warnings; notes are said apart), in the summary's order of checks,
 * errors first: what the command line, the upload form and the API show of files refused or checked.
 */
export function findingExamples(checked: Pick<CheckedReturn, 'issues' | 'summary'>, perCheck = EXAMPLES_PER_CHECK): DataQualityIssue[] {
  const byCheck = new Map<string, DataQualityIssue[]>();
  for (const i of checked.issues) {
    if (i.severity === 'note') continue;
    const key = `${i.severity}|${i.check}`;
    let list = byCheck.get(key);
    if (!list) byCheck.set(key, (list = []));
    if (list.length < perCheck) list.push(i);
  }
  return checked.summary.byCheck.flatMap((c) => byCheck.get(`${c.severity}|${c.check}`) ?? []);
}

/** A finding as a row a person reads: the columns it points at together, its message with the other rows it involves. */
export interface FindingRow {
  severity: DataQualityIssue['severity'];
  check: string;
  file: string;
  line: number;
  column: string | null;
  child: string;
  message: string;
}

/** The columns a finding points at, as one cell ("IN_TOUCH, ACTIV, ACCOM"); null for a finding about a whole row. */
export const findingColumn = (i: Pick<DataQualityIssue, 'fields' | 'column'>): string | null => (i.fields && i.fields.length > 1 ? i.fields.join(', ') : (i.column ?? null));

export const findingRow = (i: DataQualityIssue): FindingRow => ({
  severity: i.severity,
  check: i.check,
  file: i.file,
  line: i.line,
  column: findingColumn(i),
  child: i.child,
  message: withSeeAlso(i.message, seeAlso(i)),
});

/** What checking a return found, for a caller that sends it on (the API): counts, the first examples of each check, the notes. */
export function checkedFindings(checked: CheckedReturn): {
  errors: number;
  warnings: number;
  byCheck: IssueSummary['byCheck'];
  byFile: IssueSummary['byFile'];
  examples: FindingRow[];
  notes: string[];
} {
  const notes = new Set([...checked.notes, ...checked.issues.filter((i) => i.severity === 'note').map((i) => i.message)]);
  return {
    errors: checked.summary.errors,
    warnings: checked.summary.warnings,
    byCheck: checked.summary.byCheck.filter((c) => c.severity !== 'note'),
    byFile: checked.summary.byFile,
    examples: findingExamples(checked).map(findingRow),
    notes: [...notes],
  };
}

export interface CheckedReturn {
  files: ParsedFile[];
  ret: Ssda903Return;
  issues: DataQualityIssue[];
  summary: IssueSummary;
  collectionYears: number[];
  rows: number;
  /** About the whole set, one line each: names and dates disagreeing, a year not found, too little history. */
  notes: string[];
}

/** The stages of reading a return, each said as it starts to a caller that shows progress (a terminal's). */
export type ReturnStage = 'reading' | 'checking' | 'figures';

/**
 * How to read a set of files: `year` is the analyst's collection year for a one-year set (the year it ends);
 * `onStage` hears each stage as it starts.
 */
export interface ReadOptions {
  year?: number;
  onStage?: (stage: ReturnStage) => void;
}

/** The collection year asked for, alone: what the reader takes of the options. */
const yearOf = (options: ReadOptions): YearOptions => (options.year === undefined ? {} : { year: options.year });

/** How long an import on a shared PostgreSQL server may go unheard of before a starting server calls it interrupted. */
const INTERRUPTED_AFTER_MS = 60 * 60 * 1000;

export interface StoreOptions {
  /** Store despite warnings (the analyst has read them). */
  proceedWithWarnings?: boolean;
  /** Store despite errors: the figures then carry them. Implies proceeding with warnings. */
  proceedWithErrors?: boolean;
  /** Progress while storing: the phase, and how far through it. */
  onProgress?: (phase: 'records' | 'indicators', done: number, total: number) => void;
}

export interface StoreResult {
  uploadId: number;
  rows: number;
  collectionYears: number[];
  monthEnds: number;
  values: number;
  replacedRows: number;
}

export interface UploadSummary {
  id: number;
  uploadedBy: string;
  uploadedAt: Date;
  files: { name: string; table: string; collectionYear: number; rows: number }[];
  collectionYears: number[];
  rows: number;
  errors: number;
  warnings: number;
  current: boolean;
}

/** How the person says to store despite findings: the command line's flags, or the upload form's boxes. */
export interface ProceedChoices {
  errors: string;
  warnings: string;
  field: string;
}

const COMMAND_LINE_CHOICES: ProceedChoices = { errors: 'store them anyway with --proceed-with-errors', warnings: 'then store with --proceed-with-warnings', field: 'files' };

/** Refuses a checked return with errors (or warnings) the person has not chosen to store despite. */
export function refuseUnlessProceeding(summary: IssueSummary, options: StoreOptions, choices: ProceedChoices): void {
  if (summary.errors > 0 && options.proceedWithErrors !== true) {
    throw new ValidationError(`The files have ${summary.errors} data-quality error${summary.errors === 1 ? '' : 's'}: nothing was stored. Correct them, or ${choices.errors}.`, choices.field);
  }
  if (summary.warnings > 0 && options.proceedWithWarnings !== true && options.proceedWithErrors !== true) {
    throw new ValidationError(`The files have ${summary.warnings} data-quality warning${summary.warnings === 1 ? '' : 's'}: nothing was stored. Read them, ${choices.warnings}.`, choices.field);
  }
}

/** Files refused for their data-quality findings, carrying them so the person can read them. */
export class FindingsRefused extends ValidationError {
  override name = 'FindingsRefused';
  constructor(
    message: string,
    field: string,
    readonly checked: CheckedReturn,
  ) {
    super(message, field);
  }
}

/** Findings listed on an upload's page at most (the counts by check and file cover them all). */
export const FINDINGS_SHOWN = 500;
const PROGRESS_EVERY_MS = 250;

export interface UploadFindings {
  upload: UploadSummary;
  byCheck: IssueSummary['byCheck'];
  /** Each `message` ends with the other rows the finding involves, when there are any ("… (see also row 13)"). */
  findings: FindingRow[];
  /** How many findings match (more than are listed when over FINDINGS_SHOWN). */
  total: number;
  /** False for a replaced upload: its findings went with its child-level rows. */
  kept: boolean;
}

export interface ImportProgress {
  id: number;
  startedBy: string;
  startedAt: Date;
  files: { name: string; table: string; collectionYear: number; rows: number }[];
  rows: number;
  state: 'storing' | 'done' | 'failed';
  phase: 'records' | 'indicators';
  done: number;
  total: number;
  /** How far through the whole import, 0 to 100: storing rows is the first half, the indicators the second. */
  percent: number;
  message: string;
  uploadId: number | null;
  finishedAt: Date | null;
}

function toImportProgress(r: Ssda903ImportRow): ImportProgress {
  const state = r.state as ImportProgress['state'];
  const phase = r.phase as ImportProgress['phase'];
  const part = r.total > 0 ? Math.min(1, r.done / r.total) : 0;
  const percent = state === 'done' ? 100 : Math.floor((phase === 'records' ? part / 2 : 0.5 + part / 2) * 100);
  return {
    id: r.id,
    startedBy: r.startedBy,
    startedAt: r.startedAt,
    files: r.files as ImportProgress['files'],
    rows: r.rows,
    state,
    phase,
    done: r.done,
    total: r.total,
    percent,
    message: r.message,
    uploadId: r.uploadId,
    finishedAt: r.finishedAt,
  };
}

function toUploadSummary(u: Ssda903UploadRow): UploadSummary {
  return {
    id: u.id,
    uploadedBy: u.uploadedBy,
    uploadedAt: u.uploadedAt,
    files: u.files as StoredFile[],
    collectionYears: u.collectionYears,
    rows: u.rowCount,
    errors: u.errors,
    warnings: u.warnings,
    current: u.replacedAt === null,
  };
}

// eslint-disable-next-line @typescript-eslint/require-await
async function* oneChunk(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}

export function summariseIssues(issues: DataQualityIssue[]): IssueSummary {
  const counts = new Map<string, { check: string; severity: DataQualityIssue['severity']; count: number }>();
  const files = new Map<string, { file: string; errors: number; warnings: number }>();
  for (const i of issues) {
    const k = `${i.severity}|${i.check}`;
    const c = counts.get(k);
    if (c) c.count += 1;
    else counts.set(k, { check: i.check, severity: i.severity, count: 1 });
    if (i.severity === 'note') continue;
    let f = files.get(i.file);
    if (!f) files.set(i.file, (f = { file: i.file, errors: 0, warnings: 0 }));
    if (i.severity === 'error') f.errors += 1;
    else f.warnings += 1;
  }
  const byCheck = [...counts.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.check.localeCompare(b.check));
  const byFile = [...files.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file));
  return { errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length, byCheck, byFile };
}

/** Parses and checks a set of files; a file with a missing column or of an unknown table is refused whole (Ssda903FileError). */
export function checkFiles(input: InputFile[], options: ReadOptions = {}): CheckedReturn {
  if (input.length === 0) throw new ValidationError('No 903 files were given.', 'files');
  const { files, notes } = readReturn(input, options);
  return checked(files, notes);
}

/** As checkFiles, reading each CSV as it streams in: a file with a bad header or a broken row stops at it. */
export async function checkStreamedFiles(input: StreamedFile[], options: ReadOptions = {}): Promise<CheckedReturn> {
  if (input.length === 0) throw new ValidationError('No 903 files were given.', 'files');
  options.onStage?.('reading');
  const { files, notes } = await readReturnStreamed(input, yearOf(options));
  options.onStage?.('checking');
  return checked(files, notes);
}

/**
 * As checkStreamedFiles for a caller that wants the history, the findings and the figures but not the rows: the
 * files come back with no rows (`rows` still counts them), each table's let go once nothing further reads it.
 */
async function checkStreamedForFigures(input: StreamedFile[], options: ReadOptions = {}, asideFromBytes?: number): Promise<CheckedReturn> {
  if (input.length === 0) throw new ValidationError('No 903 files were given.', 'files');
  options.onStage?.('reading');
  // A national return is read by two threads: the tables no rule reads in the other.
  const twoThreads = await readForFigures(input, yearOf(options), asideFromBytes);
  if (twoThreads) {
    const { files, notes, rowsChecked, rows } = twoThreads;
    options.onStage?.('checking');
    return checked(files, notes, false, { rowsChecked, rows });
  }
  const { files, notes } = await readReturnStreamed(input, yearOf(options), FIGURES_COLUMNAR);
  options.onStage?.('checking');
  return checked(files, notes, false);
}

function checked(files: ParsedFile[], notes: string[], keepRows = true, readAside?: { rowsChecked: RowsChecked; rows: number }): CheckedReturn {
  const rows = readAside ? readAside.rows : files.reduce((n, f) => n + rowCount(f), 0);
  const { ret, issues } = keepRows ? withRows(files) : buildAndCheck(files, readAside?.rowsChecked);
  return {
    files,
    ret,
    issues,
    summary: summariseIssues(issues),
    // Postcodes belong to no collection year.
    collectionYears: [...new Set(files.filter((f) => f.table !== 'Postcodes' && f.collectionYear > 0).map((f) => f.collectionYear))].sort(),
    rows,
    notes,
  };
}

function withRows(files: ParsedFile[]): { ret: Ssda903Return; issues: DataQualityIssue[] } {
  const ret = buildReturn(files);
  return { ret, issues: checkReturn(ret) };
}

/**
 * The indicators straight from files, with no database at all: an analyst checking a return before
 * sending it. Rates need a population (children aged 0 to 17), given here when wanted.
 */
export async function indicatorsFromFiles(
  files: StreamedFile[],
  asAts: string[],
  options: ReadOptions & {
    population?: number;
    laCode?: string;
    onChecked?: (checked: CheckedReturn) => void;
    /** Files on disk this many bytes or more are read by two threads (ssda903-aside.ts); for tests. */
    asideFromBytes?: number;
  } = {},
): Promise<IndicatorValue[]> {
  const checked = await checkStreamedForFigures(files, options, options.asideFromBytes);
  options.onChecked?.(checked);
  const { ret } = checked;
  // One figure for every date: the engine takes the latest estimate on or before each year's own.
  const population = options.population === undefined ? [] : [{ year: 1900, count: options.population }];
  options.onStage?.('figures');
  return computeIndicators(ret, asAts, { population, ...(options.laCode ? { laCode: options.laCode } : {}) });
}

/** Every month end the collection years cover: 30 April of the first to 31 March of the last. */
export function monthEndsCovered(collectionYears: number[]): string[] {
  if (collectionYears.length === 0) return [];
  const first = Math.min(...collectionYears);
  const last = Math.max(...collectionYears);
  return monthEndsBetween(monthEnd(`${first - 1}-04-01`), `${last}-03-31`);
}

/** Setting: the LA code the authority's own postcodes carry in the 903 Postcodes table, when it has no DfE code of its own. */
export const OWN_LA_CODE_SETTING = 'ssda903.la-code';

/** The code that tells a placement in the authority from one outside it. */
async function ownLaCode(repos: Repositories, ctx: Ctx): Promise<string | undefined> {
  const org = (await repos.organisations.list()).find((o) => o.id === ctx.organisationId);
  if (org?.laCode) return org.laCode;
  const setting = (await repos.organisations.getSetting(ctx.organisationId, OWN_LA_CODE_SETTING)) as { laCode?: string } | undefined;
  return setting?.laCode;
}

const annual = new Set(indicatorDefinitions.filter((d) => d.frequency === 'annual').map((d) => d.code));

/** The file list kept on the upload, so a file with no rows is rebuilt too. */
interface StoredFile {
  name: string;
  table: TableName;
  collectionYear: number;
  rows: number;
}

function rebuild(files: StoredFile[], records: Ssda903RecordRow[]): ParsedFile[] {
  const byName = new Map<string, ParsedFile>(files.map((f) => [f.name, { name: f.name, table: f.table, collectionYear: f.collectionYear, rows: [] }]));
  for (const r of records) {
    let f = byName.get(r.file);
    if (!f) {
      f = { name: r.file, table: r.tableName as TableName, collectionYear: r.collectionYear, rows: [] };
      byName.set(r.file, f);
    }
    f.rows.push({ line: r.line, fields: r.fields });
  }
  return [...byName.values()];
}

/** Ensures the library holds a measure for every 903 indicator (new ones only; definitions an analyst edited stay). */
export async function ensureIndicatorMeasures(repos: Repositories, ctx: Ctx): Promise<number> {
  const existing = new Set((await repos.measures.list(ctx.organisationId)).map((m) => m.code));
  let added = 0;
  for (const d of indicatorDefinitions) {
    if (existing.has(d.code)) continue;
    await defineMeasure(repos, ctx, {
      code: d.code,
      title: d.title,
      description: d.description,
      numerator: d.numerator,
      denominator: d.denominator,
      unit: d.unit,
      polarity: d.polarity,
      frequency: d.frequency,
      source: 'ssda903',
    });
    added += 1;
  }
  return added;
}

export class Ssda903Service {
  constructor(private readonly store: Store) {}

  /** Parses and checks files without storing anything. */
  check(files: InputFile[], options: ReadOptions = {}): CheckedReturn {
    return checkFiles(files, options);
  }

  /** Parses and checks files read as they stream in, without storing anything. */
  checkStreamed(files: StreamedFile[], options: ReadOptions = {}): Promise<CheckedReturn> {
    return checkStreamedFiles(files, options);
  }

  /**
   * Stores a checked return: replaces the authority's child-level rows, then recomputes the 903
   * measure values for every month end the return covers, all in one transaction. Refused when the
   * checks found errors (or warnings) the caller has not chosen to proceed with.
   */
  async storeReturn(ctx: Ctx, checked: CheckedReturn, options: StoreOptions = {}): Promise<StoreResult> {
    requireCapability(ctx, 'ssda903.import', 'import child-level data');
    const { summary } = checked;
    refuseUnlessProceeding(summary, options, COMMAND_LINE_CHOICES);
    const progress = options.onProgress ?? ((): void => undefined);
    const stored = await this.store.transaction(async (repos) => {
      const replacedRows = await repos.ssda903.clear(ctx.organisationId);
      const storedFiles: StoredFile[] = checked.files.map((f) => ({ name: f.name, table: f.table, collectionYear: f.collectionYear, rows: f.rows.length }));
      const upload = await repos.ssda903.insertUpload({
        organisationId: ctx.organisationId,
        uploadedBy: ctx.actor,
        files: JSON.stringify(storedFiles),
        collectionYears: checked.collectionYears,
        rowCount: checked.rows,
        errors: summary.errors,
        warnings: summary.warnings,
        issueSummary: JSON.stringify(summary.byCheck),
      });
      await repos.ssda903.insertFindings(
        ctx.organisationId,
        upload.id,
        checked.issues.map((i) => ({ severity: i.severity, checkCode: i.check, file: i.file, line: i.line, columnName: findingColumn(i), child: i.child, message: i.message, seeAlso: seeAlso(i) })),
      );
      const records = checked.files.flatMap((f) =>
        f.rows.map((r) => ({ tableName: f.table, collectionYear: f.collectionYear, file: f.name, line: r.line, child: r.fields.CHILD ?? '', fields: r.fields })),
      );
      progress('records', 0, records.length);
      await repos.ssda903.insertRecords(ctx.organisationId, upload.id, records, (done) => progress('records', done, records.length));

      await ensureIndicatorMeasures(repos, ctx);
      const measures = new Map((await repos.measures.list(ctx.organisationId)).map((m) => [m.code, m]));
      await repos.measures.deleteValuesBySource(ctx.organisationId, 'ssda903');
      const ends = monthEndsCovered(checked.collectionYears);
      const population = await ownPopulation(repos, ctx);
      const laCode = await ownLaCode(repos, ctx);
      let values = 0;
      progress('indicators', 0, ends.length);
      // A year at a time keeps memory flat and the progress moving.
      for (let i = 0; i < ends.length; i += 12) {
        const batch = ends.slice(i, i + 12);
        const computed = computeIndicators(checked.ret, batch, { population, ...(laCode ? { laCode } : {}) });
        const rows = computed.flatMap((v) => {
          const m = measures.get(v.code);
          if (!m) return [];
          const isAnnual = annual.has(v.code);
          if (isAnnual && !v.asAt.endsWith('-03-31')) return [];
          return [
            {
              organisationId: ctx.organisationId,
              measureId: m.id,
              periodEnd: v.asAt,
              periodWindow: isAnnual ? 'year' : 'month',
              breakdownDimension: v.breakdown?.dimension ?? '',
              breakdownCategory: v.breakdown?.category ?? '',
              numerator: v.numerator,
              denominator: v.denominator,
              value: v.value,
              symbol: null,
              note: v.note ?? null,
              source: 'ssda903',
              importedBy: ctx.actor,
            },
          ];
        });
        await repos.measures.upsertValues(rows);
        values += rows.length;
        progress('indicators', Math.min(i + 12, ends.length), ends.length);
      }
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'ssda903.imported',
        entityType: 'ssda903-upload',
        entityId: upload.id,
        entityKey: null,
        before: replacedRows > 0 ? { rows: replacedRows } : null,
        // Counts only: the audit trail is read more widely than child-level data may be.
        after: { files: storedFiles, collectionYears: checked.collectionYears, rows: checked.rows, errors: summary.errors, warnings: summary.warnings, monthEnds: ends.length, values },
      });
      return { uploadId: upload.id, rows: checked.rows, collectionYears: checked.collectionYears, monthEnds: ends.length, values, replacedRows };
    });
    // After the commit: the replaced rows are dead only once it is visible, and VACUUM runs outside a transaction.
    await this.store.read.ssda903.reclaimSpace();
    return stored;
  }

  /** Checks and stores in one call (the demonstration load and scripts). */
  async importFiles(ctx: Ctx, files: InputFile[], options: StoreOptions = {}): Promise<StoreResult & { summary: IssueSummary }> {
    requireCapability(ctx, 'ssda903.import', 'import child-level data');
    const checked = checkFiles(files);
    return { ...(await this.storeReturn(ctx, checked, options)), summary: checked.summary };
  }

  /** The uploads, newest first: who loaded what and when, with counts (no child-level data). */
  async uploads(ctx: Ctx): Promise<UploadSummary[]> {
    requireCapability(ctx, 'ssda903.review', "see the 903 return's uploads");
    const rows = await this.store.read.ssda903.uploads(ctx.organisationId);
    return rows.map(toUploadSummary);
  }

  /**
   * One upload with its data-quality findings: counts by check and by file, and the findings row by
   * row (of one check when given; at most FINDINGS_SHOWN). Findings name children: analysts only.
   */
  async uploadFindings(ctx: Ctx, uploadId: number, options: { check?: string | undefined } = {}): Promise<UploadFindings> {
    requireCapability(ctx, 'ssda903.review', "see the 903 return's data-quality findings");
    requireCapability(ctx, 'ssda903.read-child-level', 'see child-level data');
    const repos = this.store.read;
    const upload = await repos.ssda903.upload(ctx.organisationId, uploadId);
    if (!upload) throw new NotFoundError(`There is no 903 upload ${uploadId}.`);
    const byCheck = upload.issueSummary as IssueSummary['byCheck'];
    if (options.check !== undefined && !byCheck.some((c) => c.check === options.check)) {
      throw new NotFoundError(`Upload ${uploadId} has no findings of the check "${options.check}".`);
    }
    const { rows, total } = await repos.ssda903.findings(ctx.organisationId, uploadId, { check: options.check, limit: FINDINGS_SHOWN });
    return {
      upload: toUploadSummary(upload),
      byCheck,
      findings: rows.map((r) => ({ severity: r.severity as DataQualityIssue['severity'], check: r.checkCode, file: r.file, line: r.line, column: r.columnName, child: r.child, message: withSeeAlso(r.message, r.seeAlso) })),
      total,
      kept: upload.replacedAt === null,
    };
  }

  /**
   * Checks uploaded files at once (a file that cannot be read, or findings not chosen to store
   * despite, refuse them here with nothing stored), then stores them in the background with the
   * import's row moving as it goes: its phase, how far through, and at the end the upload or why
   * it failed. All or nothing, as the command line's import. `finished` settles when it ends.
   */
  async startImport(ctx: Ctx, files: { name: string; data: Uint8Array }[], options: StoreOptions & ReadOptions & { choices: ProceedChoices }): Promise<{ importId: number; checked: CheckedReturn; finished: Promise<void> }> {
    requireCapability(ctx, 'ssda903.import', 'import child-level data');
    const checked = await checkStreamedFiles(
      files.map((f) => ({ name: f.name, chunks: () => oneChunk(f.data) })),
      options.year === undefined ? {} : { year: options.year },
    );
    try {
      refuseUnlessProceeding(checked.summary, options, options.choices);
    } catch (err) {
      if (err instanceof ValidationError) throw new FindingsRefused(err.message, options.choices.field, checked);
      throw err;
    }
    const job = await this.store.transaction(async (repos) => {
      const row = await repos.ssda903.insertImport({
        organisationId: ctx.organisationId,
        startedBy: ctx.actor,
        files: JSON.stringify(checked.files.map((f) => ({ name: f.name, table: f.table, collectionYear: f.collectionYear, rows: f.rows.length }))),
        rows: checked.rows,
        state: 'storing',
        total: checked.rows,
      });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'ssda903.import-started',
        entityType: 'ssda903-import',
        entityId: row.id,
        entityKey: null,
        before: null,
        after: { files: files.length, rows: checked.rows, collectionYears: checked.collectionYears, errors: checked.summary.errors, warnings: checked.summary.warnings },
      });
      return row;
    });
    const finished = this.runImport(ctx, job.id, checked, options);
    return { importId: job.id, checked, finished };
  }

  /** Stores a checked return for an import, moving its row as it goes; never rejects (a failure is written to the row). */
  private async runImport(ctx: Ctx, importId: number, checked: CheckedReturn, options: StoreOptions): Promise<void> {
    const jobs = this.store.read.ssda903;
    // Progress is written outside the import's transaction, in order, at most every PROGRESS_EVERY_MS.
    let written = Promise.resolve();
    let last = 0;
    let lastPhase = '';
    const write = (patch: Parameters<typeof jobs.updateImport>[2]): void => {
      written = written.then(() => jobs.updateImport(ctx.organisationId, importId, patch)).catch(() => undefined);
    };
    try {
      const r = await this.storeReturn(ctx, checked, {
        proceedWithWarnings: true,
        proceedWithErrors: options.proceedWithErrors === true,
        onProgress: (phase, done, total) => {
          const now = Date.now();
          if (phase === lastPhase && now - last < PROGRESS_EVERY_MS && done < total) return;
          last = now;
          lastPhase = phase;
          write({ phase, done, total });
        },
      });
      await written;
      await jobs.updateImport(ctx.organisationId, importId, {
        state: 'done',
        uploadId: r.uploadId,
        message: `Stored ${r.rows.toLocaleString('en-GB')} rows for collection years ${yearsEndingText(r.collectionYears)} and ${r.values.toLocaleString('en-GB')} indicator values at ${r.monthEnds} month ends.`,
        finishedAt: new Date(),
      });
    } catch (err) {
      await written;
      await jobs
        .updateImport(ctx.organisationId, importId, { state: 'failed', message: `Nothing was stored: ${err instanceof Error ? err.message : String(err)}`, finishedAt: new Date() })
        .catch(() => undefined);
    }
  }

  /**
   * At start-up: an import still "storing" whose server has stopped will never finish, and its
   * transaction was rolled back with the process, so it is marked failed saying so. On the embedded
   * database this server is the only one, so every such import is; on a PostgreSQL server shared by
   * several Parentis servers, only those not heard of for an hour (progress is written as it goes).
   */
  async failInterruptedImports(onlyServer: boolean): Promise<number> {
    const before = new Date(Date.now() - (onlyServer ? 0 : INTERRUPTED_AFTER_MS));
    return this.store.read.ssda903.failInterruptedImports(before, 'Parentis stopped while storing this return, so none of it was stored. Upload it again.');
  }

  /** One import's progress. */
  async importProgress(ctx: Ctx, importId: number): Promise<ImportProgress> {
    requireCapability(ctx, 'ssda903.review', "see a 903 import's progress");
    const row = await this.store.read.ssda903.findImport(ctx.organisationId, importId);
    if (!row) throw new NotFoundError(`There is no 903 import ${importId}.`);
    return toImportProgress(row);
  }

  /** The latest imports started in the browser or through the API, newest first. */
  async recentImports(ctx: Ctx): Promise<ImportProgress[]> {
    requireCapability(ctx, 'ssda903.review', 'see the 903 imports');
    return (await this.store.read.ssda903.imports(ctx.organisationId, 10)).map(toImportProgress);
  }

  /** The stored child-level rows, file by file in line order: analysts only. */
  async records(ctx: Ctx): Promise<ParsedFile[]> {
    requireCapability(ctx, 'ssda903.read-child-level', 'see child-level data');
    const repos = this.store.read;
    const upload = await repos.ssda903.current(ctx.organisationId);
    if (!upload) return [];
    return rebuild(upload.files as StoredFile[], await repos.ssda903.records(ctx.organisationId, upload.id));
  }

  /**
   * The indicators at each as-at date: from the stored return (analysts only: it reads child-level
   * rows), or from files given here, which are not stored.
   */
  async indicators(ctx: Ctx, asAts: string[], options: { files?: InputFile[] } = {}): Promise<IndicatorValue[]> {
    let ret: Ssda903Return;
    if (options.files !== undefined) ret = checkFiles(options.files).ret;
    else {
      const files = await this.records(ctx);
      if (files.length === 0) throw new ValidationError('No 903 data is stored for this authority: run "parentis import 903 <dir>" first, or give --files.', 'files');
      ret = buildReturn(files);
    }
    const repos = this.store.read;
    const population = await ownPopulation(repos, ctx);
    const laCode = await ownLaCode(repos, ctx);
    return computeIndicators(ret, asAts, { population, ...(laCode ? { laCode } : {}) });
  }
}
