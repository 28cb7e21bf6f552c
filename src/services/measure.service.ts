// Use cases for performance measures: the measure library, values (imported from a CSV or .xlsx file
// or computed from the SSDA903 return), targets and tolerances, and the RAG and benchmarks beside the
// latest value. Reading is open to every role; changing figures is the analyst's.
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { groupBy } from '../domain/collections.ts';
import { compareCategories } from '../measures/breakdowns.ts';
import { isIsoDate, isoDateSchema, parseDateInput } from '../domain/dates.ts';
import { NotFoundError, StaleWriteError, ValidationError } from '../domain/errors.ts';
import { parseInput } from '../domain/validation.ts';
import {
  POLARITIES,
  UNITS,
  monthEnd,
  ragFor,
  readCsv,
  targetOn,
  valueOf,
  WINDOWS,
  monthIndex,
  windowFigure,
  windowSeries,
  type CsvRow,
  type Polarity,
  type Rag,
  type Unit,
  type Window,
  type WindowFigure,
  type YearQuartiles,
} from '../measures/index.ts';
import type { BenchmarkQuartileRow, MeasureRow, MeasureTargetRow, MeasureValueRow, PlainValueRow } from '../repositories/measure.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import type { Capability } from '../domain/capabilities.ts';
import { requireCapability, todayFor, type Ctx } from './context.ts';
import { addAnnualTargetIn, addStagedTargetsIn, endTargetIn, enterFigureIn, setToleranceIn, toChange, type MeasureChange } from './measure-changes.ts';
import { readerFor, readMeasure, shown, SUPPRESSION_SETTING, type MeasureReading, type Reader, type ShownFigure, type StoredValue } from './measure-reading.ts';

export const MEASURE_SOURCES = ['ssda903', 'manual', 'import'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;

const text = z.string().trim();

export const measureDefinitionSchema = z
  .object({
    code: text.regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a code is lower-case letters, digits and hyphens, e.g. placements-3plus' }),
    title: text.min(1, { message: 'title is required' }),
    description: text.default(''),
    numerator: text.default(''),
    denominator: text.default(''),
    unit: z.enum(UNITS),
    polarity: z.enum(POLARITIES),
    frequency: z.enum(FREQUENCIES),
    source: z.enum(MEASURE_SOURCES).default('manual'),
    amberBand: z.number().min(0).nullable().default(null),
  })
  .strict();
export type MeasureDefinitionInput = z.input<typeof measureDefinitionSchema>;
export type MeasureDefinition = z.infer<typeof measureDefinitionSchema>;

export const targetSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable().default(null),
    value: z.number(),
    staged: z.boolean().default(false),
    label: text.default(''),
  })
  .strict()
  .refine((t) => t.effectiveTo === null || t.effectiveTo >= t.effectiveFrom, { message: 'effectiveTo must not be before effectiveFrom', path: ['effectiveTo'] });
export type TargetInput = z.input<typeof targetSchema>;

export interface Measure {
  code: string;
  title: string;
  description: string;
  numerator: string;
  denominator: string;
  unit: Unit;
  polarity: Polarity;
  frequency: string;
  source: string;
  amberBand: number | null;
  version: number;
}

export interface MeasureValue {
  periodEnd: string;
  window: Window;
  breakdown: { dimension: string; category: string } | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  symbol: string | null;
  source: string;
}

export interface TargetView {
  id: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  value: number;
  staged: boolean;
  label: string;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface BenchmarkView {
  comparator: string;
  name: string;
  timePeriod: number;
  breakdown: { dimension: string; category: string } | null;
  value: number | null;
  symbol: string | null;
  authorities: number | null;
  indicatorKey: string;
}

export interface MeasureSummary extends Measure {
  latest: MeasureValue | null;
  target: TargetView | null;
  rag: Rag | null;
  /** The latest year's figure for each comparator (no breakdown). */
  benchmarks: BenchmarkView[];
}

export interface MeasureDetail extends MeasureSummary {
  values: MeasureValue[];
  targets: TargetView[];
  allBenchmarks: BenchmarkView[];
}

export interface MeasureSettings {
  measure: Measure;
  today: string;
  /** Every target, in force, coming or past, by the date it takes effect. */
  targets: TargetView[];
  /** Every figure without a breakdown, oldest first. */
  figures: MeasureValue[];
  /** Every change to targets, tolerance band and hand-entered figures, oldest first. */
  changes: MeasureChange[];
}

/** One figure of a list sent to importValueList: a values file's columns as fields. */
export interface ValueInput {
  code: string;
  period: string;
  numerator: number;
  denominator?: number | null | undefined;
  breakdown?: string | undefined;
  window?: string | undefined;
}

export interface ValuesImportResult {
  file: string;
  rows: number;
  measures: string[];
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export function toMeasure(r: MeasureRow): Measure {
  return {
    code: r.code,
    title: r.title,
    description: r.description,
    numerator: r.numerator,
    denominator: r.denominator,
    unit: r.unit as Unit,
    polarity: r.polarity as Polarity,
    frequency: r.frequency,
    source: r.source,
    amberBand: num(r.amberBand),
    version: r.version,
  };
}

function toValue(r: MeasureValueRow): MeasureValue {
  return {
    periodEnd: r.periodEnd,
    window: r.periodWindow as Window,
    breakdown: r.breakdownDimension === '' ? null : { dimension: r.breakdownDimension, category: r.breakdownCategory },
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    value: num(r.value),
    symbol: r.symbol,
    source: r.source,
  };
}

function toTarget(r: MeasureTargetRow): TargetView {
  return { id: r.id, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, value: Number(r.value), staged: r.staged, label: r.label, reason: r.reason, setBy: r.createdBy, setAt: r.createdAt.toISOString() };
}

function toQuartiles(r: BenchmarkQuartileRow): YearQuartiles {
  return { measureCode: r.measureCode, timePeriod: r.timePeriod, authorities: r.authorities, q0: Number(r.q0), q1: Number(r.q1), q2: Number(r.q2), q3: Number(r.q3), q4: Number(r.q4) };
}

/** The figure a comparison shows: the unrounded value for tables, never a symbol turned into zero. */
export const comparatorLabels: Record<string, string> = {
  england: 'England',
  region: 'Region',
  'sn-mean': 'Statistical neighbours (mean)',
  'sn-median': 'Statistical neighbours (median)',
  'judged-good': 'Authorities judged good',
};

/** Creates the measure or, when the code exists, updates its definition; inside the caller's transaction. */
export async function defineMeasure(repos: Repositories, ctx: Ctx, raw: unknown, options: { expectedVersion?: number } = {}): Promise<Measure> {
  const d = parseInput(measureDefinitionSchema, raw);
  const existing = await repos.measures.findByCode(ctx.organisationId, d.code);
  if (!existing) {
    const row = await repos.measures.insert({ ...d, organisationId: ctx.organisationId });
    await repos.audit.record({
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      event: 'measure.defined',
      entityType: 'measure',
      entityId: row.id,
      entityKey: row.code,
      before: null,
      after: d,
    });
    return toMeasure(row);
  }
  const expected = options.expectedVersion ?? existing.version;
  const row = await repos.measures.update(existing.id, expected, d);
  if (!row) throw new StaleWriteError(`The measure ${d.code} has changed since version ${expected}; read it again before changing it.`, existing.version);
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.updated',
    entityType: 'measure',
    entityId: row.id,
    entityKey: row.code,
    before: toMeasure(existing),
    after: d,
  });
  return toMeasure(row);
}

/** Adds a target (annual or one step of a staged target) inside the caller's transaction. */
export async function addTarget(repos: Repositories, ctx: Ctx, code: string, raw: unknown): Promise<TargetView> {
  const t = parseInput(targetSchema, raw);
  const measure = await repos.measures.findByCode(ctx.organisationId, code);
  if (!measure) throw new NotFoundError(`There is no measure "${code}". Run "parentis measures" to see the measures.`);
  const row = await repos.measures.insertTarget({ ...t, organisationId: ctx.organisationId, measureId: measure.id, createdBy: ctx.actor });
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.target-added',
    entityType: 'measure',
    entityId: measure.id,
    entityKey: code,
    before: null,
    after: t,
  });
  return toTarget(row);
}

const VALUE_COLUMNS = ['code', 'period', 'numerator', 'denominator'];

/** Reads the rows of a values file: CSV (text) or the first worksheet of an .xlsx workbook. */
async function readValuesFile(name: string, data: Uint8Array): Promise<{ header: string[]; rows: CsvRow[] }> {
  if (/\.xlsx$/i.test(name)) {
    // exceljs is large: load it only when a workbook is read.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(new Uint8Array(data).buffer);
    } catch (err) {
      throw new ValidationError(`${name}: not a readable .xlsx workbook (${(err as Error).message})`, 'file');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ValidationError(`${name}: the workbook has no worksheet`, 'file');
    const cellText = (v: unknown): string => {
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (typeof v === 'object' && 'result' in v) return cellText(v.result);
      if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v).trim() : '';
    };
    const header: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value).toLowerCase()));
    const rows: CsvRow[] = [];
    ws.eachRow((row, line) => {
      if (line === 1) return;
      const fields: Record<string, string> = {};
      header.forEach((h, i) => (fields[h] = cellText(row.getCell(i + 1).value)));
      if (Object.values(fields).some((v) => v !== '')) rows.push({ line, fields });
    });
    return { header, rows };
  }
  const parsed = readCsv(name, Buffer.from(data).toString('utf8'));
  const header = parsed.header.map((h) => h.toLowerCase());
  return {
    header,
    rows: parsed.rows.map((r) => ({ line: r.line, fields: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k.toLowerCase(), v])) })),
  };
}

function parseNumberCell(name: string, row: CsvRow, column: string, required: boolean): number | null {
  const raw = (row.fields[column] ?? '').trim();
  if (raw === '') {
    if (required) throw new ValidationError(`${name}: row ${row.line}, column ${column}: a number is required`, column);
    return null;
  }
  const n = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new ValidationError(`${name}: row ${row.line}, column ${column}: "${raw}" is not a number`, column);
  return n;
}

/** A period written yyyy-mm-dd, dd/mm/yyyy or yyyy-mm; monthly measures keep the month end. */
function parsePeriod(name: string, row: CsvRow, frequency: string): string {
  const raw = (row.fields.period ?? '').trim();
  let date: string;
  if (/^\d{4}-\d{2}$/.test(raw)) {
    if (!isIsoDate(`${raw}-01`)) throw new ValidationError(`${name}: row ${row.line}, column period: "${raw}" is not a month (write yyyy-mm, the month 01 to 12)`, 'period');
    date = monthEnd(`${raw}-01`);
  } else {
    try {
      date = parseDateInput(raw);
    } catch {
      throw new ValidationError(`${name}: row ${row.line}, column period: "${raw}" is not a date (write yyyy-mm-dd, dd/mm/yyyy or yyyy-mm)`, 'period');
    }
  }
  return frequency === 'monthly' ? monthEnd(date) : date;
}

/** The longest search of the measure library: a title is well under it. */
const SEARCH_MAX = 100;

export interface CommentaryEntry {
  id: number;
  periodEnd: string;
  body: string;
  author: string;
  at: string;
}

export interface BreakdownTable {
  dimension: string;
  rows: { category: string; figure: ShownFigure }[];
}

export interface MeasurePage {
  reading: MeasureReading;
  /** Every period of the value's window up to the date, oldest first, for the trend chart and its table. */
  series: ShownFigure[];
  /** The note said beside each figure of the series that has one, by period end (fewer years loaded than it needs …). */
  seriesNotes: Map<string, string>;
  /** Year to date and rolling 12 months at every month end, for monthly figures kept month by month. */
  windows: { periodEnd: string; ytd: ShownFigure | null; rolling12: ShownFigure | null }[];
  targets: TargetView[];
  breakdowns: BreakdownTable[];
  /** Every benchmark year without a breakdown, for the chart's lines and the comparison table. */
  benchmarkHistory: BenchmarkView[];
  /** The newest commentary of each period, and the whole history, oldest first. */
  commentary: CommentaryEntry[];
  commentaryHistory: CommentaryEntry[];
  /** Every change to targets, tolerance band and hand-entered figures, oldest first. */
  changes: MeasureChange[];
  threshold: number;
}

const commentarySchema = z
  .object({
    periodEnd: isoDateSchema,
    body: text.min(1, { message: 'Enter the commentary' }).max(4000, { message: 'Commentary must be 4,000 characters or fewer' }),
    /** The newest entry for the period the writer saw (0: none), so a newer one is never silently replaced. */
    expectedId: z.number().int().min(0).default(0),
  })
  .strict();

export const thresholdSchema = z.object({ threshold: z.number().int().min(1, { message: 'the threshold is a whole number from 1 to 100' }).max(100, { message: 'the threshold is a whole number from 1 to 100' }) }).strict();

function storedOf(r: PlainValueRow): StoredValue {
  return { periodEnd: r.periodEnd, window: r.periodWindow, numerator: num(r.numerator), denominator: num(r.denominator), value: num(r.value), symbol: r.symbol, note: r.note ?? null };
}

const toEntry = (r: { id: number; periodEnd: string; body: string; author: string; createdAt: Date }): CommentaryEntry => ({
  id: r.id,
  periodEnd: r.periodEnd,
  body: r.body,
  author: r.author,
  at: r.createdAt.toISOString(),
});

/** The authority's small-number threshold (5 unless it has set its own). */
export async function suppressionThreshold(repos: Repositories, organisationId: number): Promise<number> {
  return thresholdOf(await repos.organisations.getSetting(organisationId, SUPPRESSION_SETTING));
}

/** The threshold a stored setting gives: 5 unless the authority has set its own. */
const thresholdOf = (setting: unknown): number => (setting as { threshold?: number } | undefined)?.threshold ?? 5;

/** Every measure (or those named, in that order) read at a date for a reader, from one read of the values, targets and benchmarks. */
export async function readMeasures(
  repos: Repositories,
  organisationId: number,
  reader: Reader,
  options: { codes?: readonly string[] | undefined; asAt: string },
): Promise<MeasureReading[]> {
  const [measures, values, targets, benchmarks, quartiles] = await Promise.all([
    repos.measures.list(organisationId),
    repos.measures.plainValues(organisationId, ['month', 'year']),
    repos.measures.targetsFor(organisationId),
    repos.measures.plainBenchmarks(organisationId),
    repos.measures.quartiles(organisationId),
  ]);
  const byCode = new Map(measures.map((m) => [m.code, m]));
  const chosen = options.codes === undefined ? measures : options.codes.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
  const valuesOf = groupBy(values, (v) => v.measureId);
  const targetsOf = groupBy(targets, (t) => t.measureId);
  const benchmarksOf = groupBy(benchmarks, (b) => b.measureCode);
  const quartilesOf = groupBy(quartiles.map(toQuartiles), (q) => q.measureCode);
  return chosen.map((m) =>
    readMeasure(
      toMeasure(m),
      (valuesOf.get(m.id) ?? []).map(storedOf),
      (targetsOf.get(m.id) ?? []).map(toTarget),
      (benchmarksOf.get(m.code) ?? []).map(toBenchmark),
      options.asAt,
      reader,
      quartilesOf.get(m.code) ?? [],
    ),
  );
}

/** One period's breakdown values as tables, a dimension each in the order first met, categories in reading order (compareCategories), small numbers suppressed for the reader. */
function breakdownTables(rows: readonly MeasureValueRow[], unit: Unit, reader: Reader): BreakdownTable[] {
  const tables: BreakdownTable[] = [];
  for (const v of rows) {
    let table = tables.find((b) => b.dimension === v.breakdownDimension);
    if (!table) tables.push((table = { dimension: v.breakdownDimension, rows: [] }));
    table.rows.push({ category: v.breakdownCategory, figure: shown(unit, storedOf(v), reader) });
  }
  for (const table of tables) table.rows.sort((a, b) => compareCategories(a.category, b.category));
  return tables;
}

/** Each reading's breakdowns for the period and window of its figure (see breakdownTables), by measure code. */
export async function readBreakdowns(repos: Repositories, organisationId: number, reader: Reader, readings: readonly MeasureReading[]): Promise<Map<string, BreakdownTable[]>> {
  const atPeriod = readings.filter((r) => r.current !== null);
  const rows = await repos.measures.breakdownsAt(organisationId, atPeriod.map((r) => r.current!.periodEnd));
  const rowsOf = groupBy(rows, (v) => `${v.measureCode}|${v.periodEnd}|${v.periodWindow}`);
  const out = new Map<string, BreakdownTable[]>();
  for (const r of atPeriod) {
    const found = rowsOf.get(`${r.measure.code}|${r.current!.periodEnd}|${r.window}`);
    if (found !== undefined) out.set(r.measure.code, breakdownTables(found, r.measure.unit, reader));
  }
  return out;
}

export class MeasureService {
  /**
   * Readings and measure pages already worked out, by the database's measure data mark, the date and
   * the reader: a dashboard reads every measure's every figure, and the figures change only when a
   * return, a file, a form or the command line changes them. Any such change moves the mark (see
   * migration 0019), so the next request works its figures out again; nothing kept is ever older
   * than a fresh read. The mark is read before the figures, so figures read just after a change are
   * at worst kept under the mark before it, which no later request asks for.
   */
  private readonly worked = new LRUCache<string, Promise<unknown>>({ max: 200 });

  constructor(private readonly store: Store) {}

  /** What `work` gives for `key`, worked out once; a failure is not kept; no key, nothing kept. */
  private kept<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    const known = this.worked.get(key) as Promise<T> | undefined;
    if (known !== undefined) return known;
    const promise = work();
    this.worked.set(key, promise);
    promise.catch(() => {
      if (this.worked.get(key) === promise) this.worked.delete(key);
    });
    return promise;
  }

  /**
   * The reader and the key its figures are kept under at a date: read before any figure, in one
   * statement, or none when the request read them with its session (Ctx.measureMark).
   */
  private async readerAndKey(ctx: Ctx, asAt: string): Promise<{ reader: Reader; key: string | undefined }> {
    const { measureDataVersion: version, thresholdSetting } = ctx.measureMark ?? (await this.store.read.measures.mark(ctx.organisationId));
    const reader = readerFor(ctx.role, thresholdOf(thresholdSetting));
    return { reader, key: version === undefined ? undefined : `${ctx.organisationId}|${version}|${asAt}|${reader.seesSmallNumbers ? 'all' : 'public'}|${reader.threshold}` };
  }

  /** Who is reading, with the authority's small-number threshold. */
  async reader(ctx: Ctx): Promise<Reader> {
    return readerFor(ctx.role, await this.threshold(ctx));
  }

  /** The authority's small-number threshold (5 unless it has set its own). */
  async threshold(ctx: Ctx): Promise<number> {
    return ctx.measureMark ? thresholdOf(ctx.measureMark.thresholdSetting) : suppressionThreshold(this.store.read, ctx.organisationId);
  }

  async setThreshold(ctx: Ctx, raw: unknown): Promise<number> {
    requireCapability(ctx, 'measures.define', 'change the small-number threshold');
    const { threshold } = parseInput(thresholdSchema, raw);
    return this.store.transaction(async (repos) => {
      const before = (await repos.organisations.getSetting(ctx.organisationId, SUPPRESSION_SETTING)) ?? null;
      await repos.organisations.putSetting(ctx.organisationId, SUPPRESSION_SETTING, { threshold });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'measure.threshold-set',
        entityType: 'organisation',
        entityId: ctx.organisationId,
        entityKey: null,
        before,
        after: { threshold },
      });
      return threshold;
    });
  }

  /**
   * Every measure (or those named, in that order) read at a date (today unless given): the read model
   * a dashboard's tiles show, from one read of the values, targets and benchmarks.
   */
  async readings(ctx: Ctx, options: { codes?: readonly string[] | undefined; asAt?: string | undefined } = {}): Promise<MeasureReading[]> {
    const asAt = options.asAt ?? todayFor(ctx);
    const { reader, key } = await this.readerAndKey(ctx, asAt);
    // Each measure is read on its own, so those named are the same as picked from all of them.
    const all = await this.kept(key === undefined ? undefined : `readings|${key}`, async () => {
      const readings = await readMeasures(this.store.read, ctx.organisationId, reader, { asAt });
      return { readings, byCode: new Map(readings.map((r) => [r.measure.code, r])) };
    });
    if (options.codes === undefined) return [...all.readings];
    return options.codes.flatMap((c) => (all.byCode.has(c) ? [all.byCode.get(c)!] : []));
  }

  /** Everything a measure's page shows at a date: the reading, the whole series, breakdowns, benchmarks and commentary. */
  async page(ctx: Ctx, code: string, options: { asAt?: string | undefined } = {}): Promise<MeasurePage> {
    const asAt = options.asAt ?? todayFor(ctx);
    const { reader, key } = await this.readerAndKey(ctx, asAt);
    return this.kept(key === undefined ? undefined : `page|${key}|${code}`, () => this.readPage(ctx, code, asAt, reader));
  }

  private async readPage(ctx: Ctx, code: string, asAt: string, reader: Reader): Promise<MeasurePage> {
    const repos = this.store.read;
    const m = await repos.measures.findByCode(ctx.organisationId, code);
    if (!m) throw new NotFoundError(`There is no measure "${code}".`);
    const [values, targets, benchmarks, commentary, quartiles, changes] = await Promise.all([
      repos.measures.values(m.id),
      repos.measures.targets(m.id),
      repos.measures.benchmarks(ctx.organisationId, code),
      repos.measures.commentary(ctx.organisationId, code),
      repos.measures.quartiles(ctx.organisationId, code),
      repos.measures.changes(m.id),
    ]);
    const measure = toMeasure(m);
    const plain = values.filter((v) => v.breakdownDimension === '').map(storedOf);
    const tv = targets.map(toTarget);
    const bv = benchmarks.map(toBenchmark);
    const reading = readMeasure(measure, plain, tv, bv, asAt, reader, quartiles.map(toQuartiles));
    const own = plain.filter((v) => v.window === reading.window && v.periodEnd <= asAt);
    const series = own.map((v) => shown(measure.unit, v, reader));
    const seriesNotes = new Map(own.flatMap((v) => (v.note ? [[v.periodEnd, v.note] as const] : [])));
    const monthly = monthIndex(own.map((v) => ({ periodEnd: v.periodEnd, numerator: v.numerator, denominator: v.denominator })));
    const inWindow = (kind: 'ytd' | 'rolling12', end: string): ShownFigure | null => {
      const f = windowFigure(measure.unit, monthly, kind, end);
      return f.value === null ? null : shown(measure.unit, { ...f, symbol: null }, reader);
    };
    const windows = reading.ytd === null ? [] : own.map((v) => ({ periodEnd: v.periodEnd, ytd: inWindow('ytd', v.periodEnd), rolling12: inWindow('rolling12', v.periodEnd) }));
    const at = reading.current?.periodEnd;
    const breakdowns = breakdownTables(
      values.filter((v) => v.breakdownDimension !== '' && v.periodEnd === at && v.periodWindow === reading.window),
      measure.unit,
      reader,
    );
    const history = commentary.map(toEntry);
    const latestOf = new Map<string, CommentaryEntry>();
    for (const c of history) latestOf.set(c.periodEnd, c);
    return {
      reading,
      series,
      seriesNotes,
      windows,
      targets: tv,
      breakdowns,
      benchmarkHistory: bv.filter((b) => b.breakdown === null),
      commentary: [...latestOf.values()].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)),
      commentaryHistory: history,
      changes: changes.map(toChange),
      threshold: reader.threshold,
    };
  }

  /**
   * Adds the analyst's commentary on a period (a new entry: the earlier ones stay in the history).
   * Refused when someone wrote on the same period since the writer read it.
   */
  async addCommentary(ctx: Ctx, code: string, raw: unknown): Promise<CommentaryEntry> {
    requireCapability(ctx, 'measures.comment', 'write commentary on measures');
    const c = parseInput(commentarySchema, raw);
    return this.store.transaction(async (repos) => {
      const m = await repos.measures.findByCode(ctx.organisationId, code);
      if (!m) throw new NotFoundError(`There is no measure "${code}".`);
      // Serialises writers on the measure, so two writers cannot both pass the check below.
      await repos.measures.lock(m.id);
      const existing = (await repos.measures.commentary(ctx.organisationId, code)).filter((e) => e.periodEnd === c.periodEnd);
      const newest = existing.at(-1);
      if ((newest?.id ?? 0) !== c.expectedId && newest !== undefined) {
        throw new StaleWriteError(
          `${newest.author} wrote commentary on ${m.title} for the period ending ${c.periodEnd} since you opened the page. Nothing was saved; read theirs and write yours again.`,
          newest.id,
          { actor: newest.author, event: 'measure.commentary-added', at: newest.createdAt, after: { body: newest.body } },
        );
      }
      const row = await repos.measures.insertCommentary({ organisationId: ctx.organisationId, measureCode: code, periodEnd: c.periodEnd, body: c.body, author: ctx.actor });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'measure.commentary-added',
        entityType: 'measure',
        entityId: m.id,
        entityKey: code,
        before: newest ? { periodEnd: newest.periodEnd, body: newest.body } : null,
        after: { periodEnd: c.periodEnd, body: c.body },
      });
      return toEntry(row);
    });
  }


  /**
   * The library with each measure's latest value, target in force, RAG and latest benchmarks; `search`
   * keeps the measures whose code, title, description, numerator or denominator holds every word of it.
   */
  async list(ctx: Ctx, filters: { code?: string | undefined; search?: string | undefined } = {}): Promise<MeasureSummary[]> {
    const repos = this.store.read;
    let measures = await repos.measures.list(ctx.organisationId);
    if (filters.code !== undefined) {
      measures = measures.filter((m) => m.code === filters.code);
      if (measures.length === 0) throw new NotFoundError(`There is no measure "${filters.code}". Run "parentis measures" to see the measures.`);
    }
    if ((filters.search ?? '').length > SEARCH_MAX) throw new ValidationError(`Search for ${SEARCH_MAX} characters or fewer`, 'search');
    const words = (filters.search ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
    if (words.length > 0) {
      measures = measures.filter((m) => {
        const text = [m.code, m.title, m.description, m.numerator, m.denominator].join(' ').toLowerCase();
        return words.every((w) => text.includes(w));
      });
    }
    const [latest, targets, benchmarks] = await Promise.all([
      repos.measures.latestValues(ctx.organisationId, 'month'),
      repos.measures.targetsFor(ctx.organisationId),
      repos.measures.benchmarks(ctx.organisationId),
    ]);
    const latestYear = await repos.measures.latestValues(ctx.organisationId, 'year');
    return measures.map((m) => {
      const value = latest.find((v) => v.measureId === m.id) ?? latestYear.find((v) => v.measureId === m.id);
      return summarise(
        m,
        value ? toValue(value) : null,
        targets.filter((t) => t.measureId === m.id).map(toTarget),
        benchmarks.filter((b) => b.measureCode === m.code).map(toBenchmark),
      );
    });
  }

  /** The library's measures by title, A to Z: what a form offers to choose from. */
  async titles(ctx: Ctx): Promise<{ code: string; title: string }[]> {
    const rows = await this.store.read.measures.list(ctx.organisationId);
    return rows.map((m) => ({ code: m.code, title: m.title })).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  }

  /** One measure with every value, target and benchmark. */
  async get(ctx: Ctx, code: string): Promise<MeasureDetail> {
    const repos = this.store.read;
    const m = await repos.measures.findByCode(ctx.organisationId, code);
    if (!m) throw new NotFoundError(`There is no measure "${code}". Run "parentis measures" to see the measures.`);
    const [values, targets, benchmarks] = await Promise.all([repos.measures.values(m.id), repos.measures.targets(m.id), repos.measures.benchmarks(ctx.organisationId, code)]);
    const all = values.map(toValue);
    const plain = all.filter((v) => v.breakdown === null);
    const latest = plain.filter((v) => v.window === 'month').at(-1) ?? plain.at(-1) ?? null;
    const tv = targets.map(toTarget);
    const bv = benchmarks.map(toBenchmark);
    return { ...summarise(m, latest, tv, bv), values: all, targets: tv, allBenchmarks: bv };
  }

  /**
   * A measure's figures in one window at every month end its monthly values cover: the month itself,
   * the year to date from 1 April, or the rolling 12 months, summed from numerators and denominators.
   */
  async series(ctx: Ctx, code: string, window: Window, breakdown: { dimension: string; category: string } | null = null): Promise<WindowFigure[]> {
    const repos = this.store.read;
    const m = await repos.measures.findByCode(ctx.organisationId, code);
    if (!m) throw new NotFoundError(`There is no measure "${code}". Run "parentis measures" to see the measures.`);
    const monthly = (await repos.measures.values(m.id, 'month'))
      .filter((v) => v.breakdownDimension === (breakdown?.dimension ?? '') && v.breakdownCategory === (breakdown?.category ?? ''))
      .map((v) => ({ periodEnd: v.periodEnd, numerator: num(v.numerator), denominator: num(v.denominator) }));
    return windowSeries(m.unit as Unit, monthly, window);
  }

  /** Creates or updates a definition: analysts and administrators. */
  async define(ctx: Ctx, raw: unknown, options: { expectedVersion?: number } = {}): Promise<Measure> {
    requireCapability(ctx, 'measures.define', 'change measure definitions');
    return this.store.transaction((repos) => defineMeasure(repos, ctx, raw, options));
  }

  /** What the analyst's pages for a measure's targets, tolerance band and figures show: the measure, every target, every hand-kept figure and the history. */
  async settings(ctx: Ctx, code: string): Promise<MeasureSettings> {
    const repos = this.store.read;
    const m = await repos.measures.findByCode(ctx.organisationId, code);
    if (!m) throw new NotFoundError(`There is no measure "${code}".`);
    const [targets, values, changes] = await Promise.all([repos.measures.targets(m.id), repos.measures.values(m.id), repos.measures.changes(m.id)]);
    return {
      measure: toMeasure(m),
      today: todayFor(ctx),
      targets: targets.map(toTarget),
      figures: values.filter((v) => v.breakdownDimension === '').map(toValue),
      changes: changes.map(toChange),
    };
  }

  /** A change to a measure from the analyst's forms: refused without the capability, else one transaction. */
  private async change(ctx: Ctx, capability: Capability, what: string, write: (repos: Repositories) => Promise<void>): Promise<void> {
    requireCapability(ctx, capability, what);
    await this.store.transaction(write);
  }

  addAnnualTarget(ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
    return this.change(ctx, 'measures.set-targets', 'set targets', (repos) => addAnnualTargetIn(repos, ctx, code, expectedVersion, raw));
  }

  addStagedTargets(ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
    return this.change(ctx, 'measures.set-targets', 'set targets', (repos) => addStagedTargetsIn(repos, ctx, code, expectedVersion, raw));
  }

  endTarget(ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
    return this.change(ctx, 'measures.set-targets', 'end targets', (repos) => endTargetIn(repos, ctx, code, expectedVersion, raw));
  }

  setTolerance(ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
    return this.change(ctx, 'measures.set-targets', 'change tolerance bands', (repos) => setToleranceIn(repos, ctx, code, expectedVersion, raw));
  }

  enterFigure(ctx: Ctx, code: string, expectedVersion: number, raw: unknown): Promise<void> {
    return this.change(ctx, 'measures.enter-values', 'enter figures', (repos) => enterFigureIn(repos, ctx, code, expectedVersion, raw));
  }

  async addTarget(ctx: Ctx, code: string, raw: unknown): Promise<TargetView> {
    requireCapability(ctx, 'measures.set-targets', 'set targets');
    return this.store.transaction((repos) => addTarget(repos, ctx, code, raw));
  }

  /**
   * Imports values from a CSV or .xlsx file with the columns code, period, numerator, denominator and
   * optionally breakdown ("dimension: category") and window (month, ytd, rolling12 or year). Every row
   * is checked before anything is written; a bad row names the file, row and column; all or nothing.
   */
  async importValues(ctx: Ctx, file: { name: string; data: Uint8Array }): Promise<ValuesImportResult> {
    requireCapability(ctx, 'measures.import', 'import figures');
    const { name } = file;
    const { header, rows } = await readValuesFile(name, file.data);
    const missing = VALUE_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      throw new ValidationError(
        `${name}: the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (a values file has the columns code, period, numerator, denominator, and optionally breakdown and window)`,
        missing[0],
      );
    }
    if (rows.length === 0) throw new ValidationError(`${name}: the file holds no values`, 'file');
    return this.storeValues(ctx, name, rows);
  }

  /**
   * Figures sent as a list (the JSON API): checked and stored exactly as a values file's rows are, in one change,
   * each named in a message by its place in the list ("values: row 3, column period: …").
   */
  importValueList(ctx: Ctx, values: readonly ValueInput[]): Promise<ValuesImportResult> {
    requireCapability(ctx, 'measures.import', 'import figures');
    if (values.length === 0) throw new ValidationError('values: the list holds no values', 'values');
    const text = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
    const rows = values.map((v, i) => ({
      line: i + 1,
      fields: { code: v.code, period: v.period, numerator: text(v.numerator), denominator: text(v.denominator), breakdown: text(v.breakdown), window: text(v.window) },
    }));
    return this.storeValues(ctx, 'values', rows);
  }

  private storeValues(ctx: Ctx, name: string, rows: readonly CsvRow[]): Promise<ValuesImportResult> {
    const today = todayFor(ctx);
    return this.store.transaction(async (repos) => {
      const measures = new Map((await repos.measures.list(ctx.organisationId)).map((m) => [m.code, m]));
      const seen = new Map<string, number>();
      const values = rows.map((row) => {
        const code = (row.fields.code ?? '').trim();
        const m = measures.get(code);
        if (!m) throw new ValidationError(`${name}: row ${row.line}, column code: there is no measure "${code}" (run "parentis measures" to see the codes)`, 'code');
        if (m.source === 'ssda903') throw new ValidationError(`${name}: row ${row.line}, column code: ${m.title} (${code}) is worked out from the 903 return; its figures cannot be imported`, 'code');
        const periodEnd = parsePeriod(name, row, m.frequency);
        if (periodEnd > today) throw new ValidationError(`${name}: row ${row.line}, column period: the period ending ${periodEnd} has not ended yet: send figures for periods that have`, 'period');
        const numerator = parseNumberCell(name, row, 'numerator', true);
        const denominator = parseNumberCell(name, row, 'denominator', m.unit !== 'count');
        if (denominator !== null && denominator < 0) throw new ValidationError(`${name}: row ${row.line}, column denominator: must not be negative`, 'denominator');
        let breakdownDimension = '';
        let breakdownCategory = '';
        const b = (row.fields.breakdown ?? '').trim();
        if (b !== '') {
          const at = b.indexOf(':');
          if (at <= 0 || at === b.length - 1) throw new ValidationError(`${name}: row ${row.line}, column breakdown: write "dimension: category", e.g. "age band: 10-15"`, 'breakdown');
          breakdownDimension = b.slice(0, at).trim();
          breakdownCategory = b.slice(at + 1).trim();
        }
        const w = (row.fields.window ?? '').trim() || 'month';
        if (!(WINDOWS as readonly string[]).includes(w)) throw new ValidationError(`${name}: row ${row.line}, column window: must be one of ${WINDOWS.join(', ')}`, 'window');
        const key = [code, periodEnd, w, breakdownDimension, breakdownCategory].join('|');
        const previous = seen.get(key);
        if (previous !== undefined) throw new ValidationError(`${name}: row ${row.line}: the same measure, period and breakdown as row ${previous}`, 'period');
        seen.set(key, row.line);
        return {
          organisationId: ctx.organisationId,
          measureId: m.id,
          periodEnd,
          periodWindow: w,
          breakdownDimension,
          breakdownCategory,
          numerator,
          denominator,
          value: valueOf(m.unit as Unit, numerator, denominator),
          symbol: null,
          source: 'import',
          importedBy: ctx.actor,
        };
      });
      await repos.measures.upsertValues(values);
      const codes = [...new Set(rows.map((r) => (r.fields.code ?? '').trim()))].sort();
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'measure.values-imported',
        entityType: 'measure',
        entityId: null,
        entityKey: codes.length === 1 ? codes[0]! : null,
        before: null,
        after: { file: name, rows: values.length, measures: codes },
      });
      return { file: name, rows: values.length, measures: codes };
    });
  }
}

function toBenchmark(b: { comparator: string; comparatorName: string; timePeriod: number; breakdownDimension: string; breakdownCategory: string; value: string | null; symbol: string | null; authorities: number | null; indicatorKey: string }): BenchmarkView {
  return {
    comparator: b.comparator,
    name: b.comparatorName || (comparatorLabels[b.comparator] ?? b.comparator),
    timePeriod: b.timePeriod,
    breakdown: b.breakdownDimension === '' ? null : { dimension: b.breakdownDimension, category: b.breakdownCategory },
    value: num(b.value),
    symbol: b.symbol,
    authorities: b.authorities,
    indicatorKey: b.indicatorKey,
  };
}

const COMPARATOR_ORDER = ['england', 'region', 'sn-mean', 'sn-median', 'judged-good'];

function summarise(m: MeasureRow, latest: MeasureValue | null, targets: TargetView[], benchmarks: BenchmarkView[]): MeasureSummary {
  const measure = toMeasure(m);
  const target = latest === null ? null : (targetOn(targets, latest.periodEnd) ?? null);
  const plain = benchmarks.filter((b) => b.breakdown === null);
  const latestBenchmarks = COMPARATOR_ORDER.flatMap((c) => {
    const mine = plain.filter((b) => b.comparator === c);
    // The year matching the value's year ending 31 March when there is one, else the latest published.
    const year = latest === null ? undefined : Number(latest.periodEnd.slice(0, 4)) + (Number(latest.periodEnd.slice(5, 7)) >= 4 ? 1 : 0);
    const chosen = mine.find((b) => b.timePeriod === year) ?? mine.sort((a, b) => a.timePeriod - b.timePeriod).at(-1);
    return chosen ? [chosen] : [];
  });
  return {
    ...measure,
    latest,
    target,
    rag: latest === null ? null : ragFor(latest.value, target?.value, measure.polarity, measure.amberBand),
    benchmarks: latestBenchmarks,
  };
}
