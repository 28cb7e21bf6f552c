// Measures: the library of definitions, their values, targets and benchmarks, and the reference
// figures behind rates and comparisons (population, statistical neighbours, DfE authorities).
import { sql, type Expression, type Insertable, type Kysely, type Selectable } from 'kysely';
import type {
  BenchmarkQuartileTable,
  BenchmarkTable,
  Database,
  DfeAuthorityTable,
  MeasureChangeTable,
  MeasureCommentaryTable,
  MeasureTable,
  MeasureTargetTable,
  MeasureValueTable,
  PopulationTable,
  StatisticalNeighbourTable,
} from '../db/types.ts';

export type MeasureRow = Selectable<MeasureTable>;
export type MeasureValueRow = Selectable<MeasureValueTable>;
/** What a reading needs of a value. */
export type PlainValueRow = Pick<MeasureValueRow, 'measureId' | 'periodEnd' | 'periodWindow' | 'numerator' | 'denominator' | 'value' | 'symbol' | 'note'>;
export type MeasureCommentaryRow = Selectable<MeasureCommentaryTable>;
export type MeasureTargetRow = Selectable<MeasureTargetTable>;
export type BenchmarkRow = Selectable<BenchmarkTable>;
export type MeasureChangeRow = Selectable<MeasureChangeTable>;
export type BenchmarkQuartileRow = Selectable<BenchmarkQuartileTable>;
export type PopulationRowDb = Selectable<PopulationTable>;
export type NeighbourRowDb = Selectable<StatisticalNeighbourTable>;
export type DfeAuthorityRow = Selectable<DfeAuthorityTable>;

/** Where the authority's small-number threshold is kept in its settings. */
export const SUPPRESSION_SETTING = 'measures.suppression-threshold';

/** What a measure's figures are kept under: the data mark (undefined when emptied away) and the threshold setting as stored. */
export interface MeasureMarkRow {
  measureDataVersion: string | undefined;
  thresholdSetting: unknown;
}

/**
 * The mark that moves on every committed change to measures, their figures, targets, benchmarks,
 * quartiles or commentary (kept by the database's triggers, migration 0019: equal marks, equal
 * figures; null when the mark itself has been emptied away, when nothing can be known to be
 * unchanged), and the authority's small-number threshold setting, as columns for
 * any statement to read beside its own: the session statement every signed-in page request makes
 * reads them too, so a page of figures costs no statement of its own to know whether kept figures
 * are still right (each statement on the embedded database costs at least half a millisecond).
 */
export function measureMarkColumns(organisationId: Expression<number>) {
  return [
    sql<string | null>`(select version from measure_data_version)`.as('measureDataVersion'),
    sql<unknown>`(select value from setting where organisation_id = ${organisationId} and key = ${SUPPRESSION_SETTING})`.as('thresholdSetting'),
  ] as const;
}

/** PGlite is slow per statement: bulk rows go in statements of this many. */
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export class MeasureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The data mark and the authority's small-number threshold setting, in one statement (see measureMarkColumns). */
  async mark(organisationId: number): Promise<MeasureMarkRow> {
    const row = await this.db
      .selectNoFrom((eb) => measureMarkColumns(eb.val(organisationId)))
      .executeTakeFirstOrThrow();
    return { measureDataVersion: row.measureDataVersion ?? undefined, thresholdSetting: row.thresholdSetting ?? undefined };
  }

  list(organisationId: number): Promise<MeasureRow[]> {
    return this.db.selectFrom('measure').selectAll().where('organisationId', '=', organisationId).orderBy('code').execute();
  }

  findByCode(organisationId: number, code: string): Promise<MeasureRow | undefined> {
    return this.db.selectFrom('measure').selectAll().where('organisationId', '=', organisationId).where('code', '=', code).executeTakeFirst();
  }

  /** Locks the measure's row until the transaction ends. */
  async lock(id: number): Promise<void> {
    await this.db.selectFrom('measure').select('id').where('id', '=', id).forUpdate().execute();
  }

  insert(m: Insertable<MeasureTable>): Promise<MeasureRow> {
    return this.db.insertInto('measure').values(m).returningAll().executeTakeFirstOrThrow();
  }

  /** Writes the fields when the caller's version is still current; undefined when it is stale. */
  update(id: number, expectedVersion: number, fields: Partial<Insertable<MeasureTable>>): Promise<MeasureRow | undefined> {
    return this.db
      .updateTable('measure')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }

  /** The amber band alone; the caller moves the version on with the change it records. */
  async setAmberBand(id: number, amberBand: number | null): Promise<void> {
    await this.db.updateTable('measure').set({ amberBand }).where('id', '=', id).execute();
  }

  values(measureId: number, window?: string): Promise<MeasureValueRow[]> {
    let q = this.db.selectFrom('measureValue').selectAll().where('measureId', '=', measureId);
    if (window !== undefined) q = q.where('periodWindow', '=', window);
    return q.orderBy('periodEnd').orderBy('breakdownDimension').orderBy('breakdownCategory').execute();
  }

  /** The authority's breakdown values (age band, sex …) for the periods given, with their measure's code. */
  breakdownsAt(organisationId: number, periodEnds: readonly string[]): Promise<(MeasureValueRow & { measureCode: string })[]> {
    if (periodEnds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('measureValue')
      .innerJoin('measure', 'measure.id', 'measureValue.measureId')
      .selectAll('measureValue')
      .select('measure.code as measureCode')
      .where('measureValue.organisationId', '=', organisationId)
      .where('measureValue.periodEnd', 'in', [...new Set(periodEnds)])
      .where('measureValue.breakdownDimension', '<>', '')
      .orderBy('measureValue.measureId')
      .orderBy('measureValue.periodEnd')
      .orderBy('measureValue.breakdownDimension')
      .orderBy('measureValue.breakdownCategory')
      .execute();
  }

  /** The latest value of each measure without a breakdown, in one window. */
  latestValues(organisationId: number, window: string): Promise<MeasureValueRow[]> {
    return this.db
      .selectFrom('measureValue')
      .selectAll()
      .distinctOn('measureId')
      .where('organisationId', '=', organisationId)
      .where('periodWindow', '=', window)
      .where('breakdownDimension', '=', '')
      .orderBy('measureId')
      .orderBy('periodEnd', 'desc')
      .execute();
  }

  /** Every value of the authority without a breakdown, in the windows given, ordered by measure and period. */
  async plainValues(organisationId: number, windows: readonly string[]): Promise<PlainValueRow[]> {
    // A dashboard reads every measure's every period (40 × 60 rows on a large authority). Turning that
    // many rows into JavaScript cost more than all the rest of the page, so each measure's values come
    // as one JSON array, which the driver parses natively; the columns are sent as the text the
    // drivers read them as (see database.ts), so the values are exactly those of a row-by-row read.
    const rows = await this.db
      .selectFrom('measureValue')
      .select([
        'measureId',
        sql<[string, string, string | null, string | null, string | null, string | null, string | null][]>`json_agg(json_build_array(period_end::text, period_window, numerator::text, denominator::text, value::text, symbol, note) order by period_end, period_window)`.as(
          'values',
        ),
      ])
      .where('organisationId', '=', organisationId)
      .where('periodWindow', 'in', [...windows])
      .where('breakdownDimension', '=', '')
      .groupBy('measureId')
      .orderBy('measureId')
      .execute();
    return rows.flatMap((r) =>
      r.values.map(([periodEnd, periodWindow, numerator, denominator, value, symbol, note]) => ({ measureId: r.measureId, periodEnd, periodWindow, numerator, denominator, value, symbol, note })),
    );
  }

  /** A measure's commentary, every entry (the history), oldest first. */
  commentary(organisationId: number, measureCode: string): Promise<MeasureCommentaryRow[]> {
    return this.db
      .selectFrom('measureCommentary')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('measureCode', '=', measureCode)
      .orderBy('periodEnd')
      .orderBy('id')
      .execute();
  }

  insertCommentary(row: Insertable<MeasureCommentaryTable>): Promise<MeasureCommentaryRow> {
    return this.db.insertInto('measureCommentary').values(row).returningAll().executeTakeFirstOrThrow();
  }

  countValues(organisationId: number, source?: string): Promise<number> {
    let q = this.db.selectFrom('measureValue').select((eb) => eb.fn.countAll<string>().as('n')).where('organisationId', '=', organisationId);
    if (source !== undefined) q = q.where('source', '=', source);
    return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  /** Inserts values, replacing any with the same measure, period, window and breakdown. */
  async upsertValues(rows: Insertable<MeasureValueTable>[]): Promise<void> {
    await insertChunked(rows, (chunk) =>
      this.db
        .insertInto('measureValue')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['measureId', 'periodEnd', 'periodWindow', 'breakdownDimension', 'breakdownCategory']).doUpdateSet((eb) => ({
            numerator: eb.ref('excluded.numerator'),
            denominator: eb.ref('excluded.denominator'),
            value: eb.ref('excluded.value'),
            symbol: eb.ref('excluded.symbol'),
            note: eb.ref('excluded.note'),
            source: eb.ref('excluded.source'),
            importedAt: eb.ref('excluded.importedAt'),
            importedBy: eb.ref('excluded.importedBy'),
          })),
        )
        .execute(),
    );
  }

  async deleteValuesBySource(organisationId: number, source: string): Promise<number> {
    const r = await this.db.deleteFrom('measureValue').where('organisationId', '=', organisationId).where('source', '=', source).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  targets(measureId: number): Promise<MeasureTargetRow[]> {
    return this.db.selectFrom('measureTarget').selectAll().where('measureId', '=', measureId).orderBy('effectiveFrom').orderBy('id').execute();
  }

  targetsFor(organisationId: number): Promise<MeasureTargetRow[]> {
    return this.db.selectFrom('measureTarget').selectAll().where('organisationId', '=', organisationId).orderBy('effectiveFrom').orderBy('id').execute();
  }

  insertTarget(t: Insertable<MeasureTargetTable>): Promise<MeasureTargetRow> {
    return this.db.insertInto('measureTarget').values(t).returningAll().executeTakeFirstOrThrow();
  }

  findTarget(measureId: number, id: number): Promise<MeasureTargetRow | undefined> {
    return this.db.selectFrom('measureTarget').selectAll().where('measureId', '=', measureId).where('id', '=', id).executeTakeFirst();
  }

  /** Sets the last day a target is in force (the change itself is kept in measure_change). */
  async endTarget(id: number, effectiveTo: string): Promise<void> {
    await this.db.updateTable('measureTarget').set({ effectiveTo }).where('id', '=', id).execute();
  }

  /** A measure's changes to targets, tolerance band and hand-entered figures, oldest first. */
  changes(measureId: number): Promise<MeasureChangeRow[]> {
    return this.db.selectFrom('measureChange').selectAll().where('measureId', '=', measureId).orderBy('id').execute();
  }

  insertChange(row: Insertable<MeasureChangeTable>): Promise<MeasureChangeRow> {
    return this.db.insertInto('measureChange').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** The quartile points of the authorities' published figures, for one measure or all. */
  quartiles(organisationId: number, measureCode?: string): Promise<BenchmarkQuartileRow[]> {
    let q = this.db.selectFrom('benchmarkQuartile').selectAll().where('organisationId', '=', organisationId);
    if (measureCode !== undefined) q = q.where('measureCode', '=', measureCode);
    return q.orderBy('measureCode').orderBy('timePeriod').execute();
  }

  /** Replaces the quartile points of these measure codes with the rows given. */
  async replaceQuartiles(organisationId: number, codes: string[], rows: Insertable<BenchmarkQuartileTable>[]): Promise<void> {
    if (codes.length > 0) await this.db.deleteFrom('benchmarkQuartile').where('organisationId', '=', organisationId).where('measureCode', 'in', codes).execute();
    await insertChunked(rows, (chunk) => this.db.insertInto('benchmarkQuartile').values(chunk).execute());
  }

  benchmarks(organisationId: number, measureCode?: string): Promise<BenchmarkRow[]> {
    let q = this.db.selectFrom('benchmark').selectAll().where('organisationId', '=', organisationId);
    if (measureCode !== undefined) q = q.where('measureCode', '=', measureCode);
    return q.orderBy('measureCode').orderBy('timePeriod').orderBy('comparator').execute();
  }

  /** Every benchmark without a breakdown, by measure and year: what a dashboard compares with. */
  plainBenchmarks(organisationId: number): Promise<BenchmarkRow[]> {
    return this.db
      .selectFrom('benchmark')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('breakdownDimension', '=', '')
      .orderBy('measureCode')
      .orderBy('timePeriod')
      .orderBy('comparator')
      .execute();
  }

  /** Replaces the benchmarks of these measure codes with the rows given. */
  async replaceBenchmarks(organisationId: number, codes: string[], rows: Insertable<BenchmarkTable>[]): Promise<void> {
    if (codes.length > 0) await this.db.deleteFrom('benchmark').where('organisationId', '=', organisationId).where('measureCode', 'in', codes).execute();
    await insertChunked(rows, (chunk) => this.db.insertInto('benchmark').values(chunk).execute());
  }

  population(organisationId: number, laCode: string): Promise<PopulationRowDb[]> {
    return this.db.selectFrom('population').selectAll().where('organisationId', '=', organisationId).where('laCode', '=', laCode).orderBy('year').execute();
  }

  async upsertPopulation(rows: Insertable<PopulationTable>[]): Promise<void> {
    await insertChunked(rows, (chunk) =>
      this.db
        .insertInto('population')
        .values(chunk)
        .onConflict((oc) => oc.columns(['organisationId', 'laCode', 'year']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count') })))
        .execute(),
    );
  }

  neighbours(organisationId: number, model: string, laCode: string): Promise<NeighbourRowDb[]> {
    return this.db
      .selectFrom('statisticalNeighbour')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('model', '=', model)
      .where('laCode', '=', laCode)
      .orderBy('rank')
      .execute();
  }

  async neighbourModels(organisationId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('statisticalNeighbour').select('model').distinct().where('organisationId', '=', organisationId).orderBy('model', 'desc').execute();
    return rows.map((r) => r.model);
  }

  /** Replaces a model's groupings whole. */
  async replaceNeighbours(organisationId: number, model: string, rows: Insertable<StatisticalNeighbourTable>[]): Promise<void> {
    await this.db.deleteFrom('statisticalNeighbour').where('organisationId', '=', organisationId).where('model', '=', model).execute();
    await insertChunked(rows, (chunk) => this.db.insertInto('statisticalNeighbour').values(chunk).execute());
  }

  dfeAuthority(organisationId: number, oldLaCode: string): Promise<DfeAuthorityRow | undefined> {
    return this.db.selectFrom('dfeAuthority').selectAll().where('organisationId', '=', organisationId).where('oldLaCode', '=', oldLaCode).executeTakeFirst();
  }

  async upsertDfeAuthorities(rows: Insertable<DfeAuthorityTable>[]): Promise<void> {
    await insertChunked(rows, (chunk) =>
      this.db
        .insertInto('dfeAuthority')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['organisationId', 'oldLaCode']).doUpdateSet((eb) => ({
            newLaCode: eb.ref('excluded.newLaCode'),
            name: eb.ref('excluded.name'),
            regionCode: eb.ref('excluded.regionCode'),
            regionName: eb.ref('excluded.regionName'),
          })),
        )
        .execute(),
    );
  }
}
