// Use cases for comparison figures: the DfE's published tables turned into benchmarks (England, the
// authority's region, its statistical neighbours' mean and median), the statistical-neighbour
// groupings, and ONS population estimates for rates per 10,000. Every import is all or nothing.
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import JSZip from 'jszip';
import { benchmarksFor, JUDGED_GOOD, quartilesFor, readDfeTable, type CsvSource, readInspectionOutcomes, readNeighbours, readPopulation, type DfeFigure } from '../measures/index.ts';
import type { Organisation } from '../repositories/organisation.repository.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { requireCapability, type Ctx } from './context.ts';

/** Setting: the DfE authority whose region and neighbours an authority without its own code borrows. */
export const COMPARISON_SETTING = 'measures.comparison-la';

export interface InputText {
  name: string;
  text: string;
}

/** A CSV file: its text whole, or read as a stream of chunks (a large DfE table). */
export interface InputCsv {
  name: string;
  text: CsvSource;
}

export interface InputBytes {
  name: string;
  data: Uint8Array;
}

export interface DfeImportOptions {
  /** 3-digit DfE code to compare; default: the authority's own, or the one it borrows. */
  laCode?: string | undefined;
  /** Ofsted's inspection outcomes (.ods), for the "authorities judged good" comparator. */
  inspections?: InputBytes | undefined;
}

export interface DfeImportResult {
  laCode: string;
  laName: string;
  regionName: string;
  neighbours: number;
  neighbourModel: string | null;
  /** Authorities judged good or outstanding with figures in the tables. */
  judgedGood: number;
  tables: string[];
  benchmarks: number;
  years: number[];
  /** Comparators that could not be filled, and why. */
  missing: string[];
}

async function organisation(repos: Repositories, ctx: Ctx): Promise<Organisation> {
  const org = (await repos.organisations.list()).find((o) => o.id === ctx.organisationId);
  if (!org) throw new NotFoundError('The authority no longer exists.');
  return org;
}

/** The 3-digit DfE code benchmarks are taken for: the authority's own, else the one it borrows. */
export async function comparisonLaCode(repos: Repositories, ctx: Ctx): Promise<string | null> {
  const org = await organisation(repos, ctx);
  if (org.laCode !== null && org.laCode !== '') return org.laCode;
  const setting = (await repos.organisations.getSetting(ctx.organisationId, COMPARISON_SETTING)) as { laCode?: string } | undefined;
  return setting?.laCode ?? null;
}

/** The code the authority's own population is kept under: its DfE code, or '' for an authority without one. */
export async function ownPopulationCode(repos: Repositories, ctx: Ctx): Promise<string> {
  const org = await organisation(repos, ctx);
  return org.laCode ?? '';
}

/** Population of children aged 0 to 17 by year, for the authority's own rates. */
export async function ownPopulation(repos: Repositories, ctx: Ctx): Promise<{ year: number; count: number }[]> {
  const rows = await repos.measures.population(ctx.organisationId, await ownPopulationCode(repos, ctx));
  return rows.map((r) => ({ year: r.year, count: r.count }));
}

export async function setComparisonLa(repos: Repositories, ctx: Ctx, laCode: string, reason: string): Promise<void> {
  if (!/^\d{3}$/.test(laCode)) throw new ValidationError(`"${laCode}" is not a 3-digit DfE LA code`, 'laCode');
  await repos.organisations.putSetting(ctx.organisationId, COMPARISON_SETTING, { laCode, reason });
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.comparison-set',
    entityType: 'organisation',
    entityId: ctx.organisationId,
    entityKey: null,
    before: null,
    after: { laCode, reason },
  });
}

export async function importNeighboursIn(repos: Repositories, ctx: Ctx, file: InputText): Promise<{ model: string; authorities: number }> {
  const rows = readNeighbours(file.name, file.text);
  const model = rows[0]!.model;
  await repos.measures.replaceNeighbours(
    ctx.organisationId,
    model,
    rows.map((r) => ({ organisationId: ctx.organisationId, model, laCode: r.laCode, neighbourLaCode: r.neighbourLaCode, rank: r.rank, closeness: r.closeness })),
  );
  const authorities = new Set(rows.map((r) => r.laCode)).size;
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.neighbours-imported',
    entityType: 'statistical-neighbours',
    entityId: null,
    entityKey: model,
    before: null,
    after: { file: file.name, model, authorities },
  });
  return { model, authorities };
}

export async function importPopulationIn(repos: Repositories, ctx: Ctx, file: InputText): Promise<{ rows: number; years: number[] }> {
  const rows = readPopulation(file.name, file.text);
  await repos.measures.upsertPopulation(rows.map((r) => ({ organisationId: ctx.organisationId, laCode: r.laCode, year: r.year, count: r.count })));
  const years = [...new Set(rows.map((r) => r.year))].sort();
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.population-imported',
    entityType: 'population',
    entityId: null,
    entityKey: null,
    before: null,
    after: { file: file.name, rows: rows.length, years },
  });
  return { rows: rows.length, years };
}

/** The authority's own population figures (an authority without a DfE code, like the demonstration). */
export async function setOwnPopulationIn(repos: Repositories, ctx: Ctx, rows: { year: number; count: number }[]): Promise<void> {
  const laCode = await ownPopulationCode(repos, ctx);
  for (const r of rows) {
    if (!Number.isInteger(r.year) || !Number.isInteger(r.count) || r.count < 0) throw new ValidationError(`population ${r.year}: a year and a whole count are needed`, 'population');
  }
  await repos.measures.upsertPopulation(rows.map((r) => ({ organisationId: ctx.organisationId, laCode, year: r.year, count: r.count })));
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.population-set',
    entityType: 'population',
    entityId: null,
    entityKey: laCode,
    before: null,
    after: { rows },
  });
}

/** Unzips an .ods and reads its inspection judgements. */
async function readOutcomes(file: InputBytes): Promise<ReturnType<typeof readInspectionOutcomes>> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(file.data)).file('content.xml')?.async('string');
  } catch (err) {
    throw new ValidationError(`${file.name}: not a readable OpenDocument spreadsheet (${(err as Error).message})`, 'file');
  }
  if (xml === undefined) throw new ValidationError(`${file.name}: not an OpenDocument spreadsheet (no content.xml)`, 'file');
  return readInspectionOutcomes(file.name, xml);
}

export async function importDfeIn(repos: Repositories, ctx: Ctx, files: InputCsv[], options: DfeImportOptions = {}): Promise<DfeImportResult> {
  if (files.length === 0) throw new ValidationError('No DfE tables were given.', 'file');
  const laCode = options.laCode ?? (await comparisonLaCode(repos, ctx));
  if (laCode === null) {
    throw new ValidationError('The authority has no DfE LA code to compare: give one with --la (e.g. --la 908), or record the authority\'s code.', 'la');
  }
  const missing: string[] = [];
  const models = await repos.measures.neighbourModels(ctx.organisationId);
  let neighbourModel: string | null = null;
  let neighbours: string[] = [];
  for (const model of models) {
    const rows = await repos.measures.neighbours(ctx.organisationId, model, laCode);
    if (rows.length > 0) {
      neighbourModel = model;
      neighbours = rows.map((r) => r.neighbourLaCode);
      break;
    }
  }
  if (neighbours.length === 0) missing.push('statistical neighbours: no groupings for this authority (run "parentis import neighbours" first)');
  let judgedGoodNew: string[] = [];
  if (options.inspections !== undefined) {
    judgedGoodNew = (await readOutcomes(options.inspections)).filter((o) => JUDGED_GOOD.includes(o.overallEffectiveness)).map((o) => o.newLaCode);
  } else missing.push('authorities judged good: give the Ofsted outcomes file (LA_Inspection_Outcomes_as_at_31_March_*.ods) with the tables');

  // Every authority's rows are read (a few thousand): the quartile band needs them all; the authority,
  // its neighbours and those judged good are the ones compared.
  const authorities = new Set([laCode, ...neighbours, ...judgedGoodNew]);
  const tables: string[] = [];
  const figures: DfeFigure[] = [];
  for (const f of files) {
    const t = await readDfeTable(f.name, f.text);
    tables.push(t.key);
    figures.push(...t.figures);
  }
  const quartiles = quartilesFor(figures);
  const own = figures.find((f) => f.level === 'Local authority' && f.oldLaCode === laCode);
  if (!own) throw new ValidationError(`${files.map((f) => f.name).join(', ')}: no figures for the LA code ${laCode}`, 'la');

  const goodNew = new Set(judgedGoodNew);
  const judgedGood = [...new Set(figures.filter((f) => f.level === 'Local authority' && goodNew.has(f.newLaCode)).map((f) => f.oldLaCode))];
  const benchmarks = benchmarksFor(figures, { regionCode: own.regionCode, regionName: own.regionName, neighbours, judgedGood });
  const codes = [...new Set(figures.map((f) => f.code))];
  await repos.measures.replaceBenchmarks(
    ctx.organisationId,
    codes,
    benchmarks.map((b) => ({ ...b, organisationId: ctx.organisationId, importedBy: ctx.actor })),
  );
  await repos.measures.replaceQuartiles(
    ctx.organisationId,
    codes,
    quartiles.map((q) => ({ ...q, organisationId: ctx.organisationId, importedBy: ctx.actor })),
  );
  const named = new Map<string, DfeFigure>();
  for (const f of figures) {
    if (f.level === 'Local authority' && !named.has(f.oldLaCode) && (authorities.has(f.oldLaCode) || authorities.has(f.newLaCode))) named.set(f.oldLaCode, f);
  }
  await repos.measures.upsertDfeAuthorities(
    [...named.values()].map((f) => ({
      organisationId: ctx.organisationId,
      oldLaCode: f.oldLaCode,
      newLaCode: f.newLaCode,
      name: f.laName,
      regionCode: f.regionCode,
      regionName: f.regionName,
    })),
  );
  const years = [...new Set(figures.map((f) => f.timePeriod))].sort();
  const result: DfeImportResult = {
    laCode,
    laName: own.laName,
    regionName: own.regionName,
    neighbours: neighbours.length,
    neighbourModel,
    judgedGood: judgedGood.length,
    tables,
    benchmarks: benchmarks.length,
    years,
    missing,
  };
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'measure.benchmarks-imported',
    entityType: 'benchmark',
    entityId: null,
    entityKey: laCode,
    before: null,
    after: { ...result, files: [...files.map((f) => f.name), ...(options.inspections ? [options.inspections.name] : [])] },
  });
  return result;
}

export class BenchmarkService {
  constructor(private readonly store: Store) {}

  /** Reads DfE tidy-format tables and fills the benchmarks for the authority (or the LA it borrows); all or nothing. */
  async importDfe(ctx: Ctx, files: InputCsv[], options: DfeImportOptions = {}): Promise<DfeImportResult> {
    requireCapability(ctx, 'measures.import', 'import benchmarks');
    return this.store.transaction((repos) => importDfeIn(repos, ctx, files, options));
  }

  async importNeighbours(ctx: Ctx, file: InputText): Promise<{ model: string; authorities: number }> {
    requireCapability(ctx, 'measures.import', 'import statistical neighbours');
    return this.store.transaction((repos) => importNeighboursIn(repos, ctx, file));
  }

  async importPopulation(ctx: Ctx, file: InputText): Promise<{ rows: number; years: number[] }> {
    requireCapability(ctx, 'measures.import', 'import population figures');
    return this.store.transaction((repos) => importPopulationIn(repos, ctx, file));
  }

  async setComparisonLa(ctx: Ctx, laCode: string, reason = ''): Promise<void> {
    requireCapability(ctx, 'benchmarks.choose-comparator', 'choose the comparison authority');
    return this.store.transaction((repos) => setComparisonLa(repos, ctx, laCode, reason));
  }

  population(ctx: Ctx): Promise<{ year: number; count: number }[]> {
    return ownPopulation(this.store.read, ctx);
  }
}
