// Imported SSDA903 returns: the record of each upload and the child-level rows it brought, kept as one
// row per file line with its fields as JSON. Read only through the SSDA903 service (analysts only).
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, Ssda903FindingTable, Ssda903ImportTable, Ssda903RecordTable, Ssda903UploadTable } from '../db/types.ts';

export type Ssda903UploadRow = Selectable<Ssda903UploadTable>;
export type Ssda903RecordRow = Selectable<Ssda903RecordTable>;
export type Ssda903FindingRow = Selectable<Ssda903FindingTable>;
export type Ssda903ImportRow = Selectable<Ssda903ImportTable>;

/** A data-quality finding as stored with its upload. */
export type FindingInput = Omit<Selectable<Ssda903FindingTable>, 'id' | 'organisationId' | 'uploadId'>;

/** Rows a statement: one JSON parameter each, so larger chunks than column-bound inserts. */
const CHUNK = 5000;

export class Ssda903Repository {
  constructor(private readonly db: Kysely<Database>) {}

  insertUpload(u: Insertable<Ssda903UploadTable>): Promise<Ssda903UploadRow> {
    return this.db.insertInto('ssda903Upload').values(u).returningAll().executeTakeFirstOrThrow();
  }

  uploads(organisationId: number): Promise<Ssda903UploadRow[]> {
    return this.db.selectFrom('ssda903Upload').selectAll().where('organisationId', '=', organisationId).orderBy('id', 'desc').execute();
  }

  /** The upload whose records are current (the latest not replaced). */
  current(organisationId: number): Promise<Ssda903UploadRow | undefined> {
    return this.db
      .selectFrom('ssda903Upload')
      .selectAll()
      .where('organisationId', '=', organisationId)
      .where('replacedAt', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  upload(organisationId: number, id: number): Promise<Ssda903UploadRow | undefined> {
    return this.db.selectFrom('ssda903Upload').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  /**
   * Deletes the authority's child-level rows and their findings (which name children) and marks its
   * uploads replaced; the upload records stay as history, with their counts.
   */
  async clear(organisationId: number): Promise<number> {
    await this.db.deleteFrom('ssda903Finding').where('organisationId', '=', organisationId).execute();
    const r = await this.db.deleteFrom('ssda903Record').where('organisationId', '=', organisationId).executeTakeFirst();
    await this.db.updateTable('ssda903Upload').set({ replacedAt: new Date() }).where('organisationId', '=', organisationId).where('replacedAt', 'is', null).execute();
    return Number(r.numDeletedRows);
  }

  /**
   * Makes the space of the rows a replaced return left behind reusable (and refreshes the planner's
   * statistics). Never inside a transaction: VACUUM refuses to run in one. The embedded database has
   * no autovacuum, so without this every import grew the data directory by the size of the return.
   */
  async reclaimSpace(): Promise<void> {
    await sql`vacuum (analyze) ssda903_record, ssda903_upload, measure_value`.execute(this.db);
  }

  /**
   * Inserts child-level rows for one upload. Each statement carries its rows as one JSON parameter that
   * PostgreSQL expands (jsonb_to_recordset): on PGlite this is several times faster than binding eight
   * parameters a row.
   */
  async insertRecords(
    organisationId: number,
    uploadId: number,
    rows: { tableName: string; collectionYear: number; file: string; line: number; child: string; fields: Record<string, string> }[],
    onChunk: (done: number) => void = () => undefined,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
      await sql`
        insert into ssda903_record (organisation_id, upload_id, table_name, collection_year, file, line, child, fields)
        select ${organisationId}, ${uploadId}, x."tableName", x."collectionYear", x.file, x.line, x.child, x.fields
        from jsonb_to_recordset(${chunk}::jsonb) as x("tableName" text, "collectionYear" int, file text, line int, child text, fields jsonb)`.execute(this.db);
      onChunk(Math.min(i + CHUNK, rows.length));
    }
  }

  /**
   * The rows of an upload in file and line order. The fields come back as text and are parsed here:
   * the CamelCasePlugin would otherwise rename the 903 column names inside them (MIS_START → MISSTART).
   */
  async records(organisationId: number, uploadId: number): Promise<Ssda903RecordRow[]> {
    const rows = await this.db
      .selectFrom('ssda903Record')
      .select(['id', 'organisationId', 'uploadId', 'tableName', 'collectionYear', 'file', 'line', 'child', sql<string>`fields::text`.as('fieldsText')])
      .where('organisationId', '=', organisationId)
      .where('uploadId', '=', uploadId)
      .orderBy('file')
      .orderBy('line')
      .execute();
    return rows.map(({ fieldsText, ...r }) => ({ ...r, fields: JSON.parse(fieldsText) as Record<string, string> }));
  }

  /** Stores an upload's findings, a JSON parameter a statement as the records are. */
  async insertFindings(organisationId: number, uploadId: number, findings: FindingInput[]): Promise<void> {
    for (let i = 0; i < findings.length; i += CHUNK) {
      const chunk = JSON.stringify(findings.slice(i, i + CHUNK));
      await sql`
        insert into ssda903_finding (organisation_id, upload_id, severity, check_code, file, line, column_name, child, message, see_also)
        select ${organisationId}, ${uploadId}, x.severity, x."checkCode", x.file, x.line, x."columnName", x.child, x.message, x."seeAlso"
        from jsonb_to_recordset(${chunk}::jsonb) as x(severity text, "checkCode" text, file text, line int, "columnName" text, child text, message text, "seeAlso" text)`.execute(this.db);
    }
  }

  /** An upload's findings in file and row order, of one check when given, at most `limit`; and how many there are in all. */
  async findings(organisationId: number, uploadId: number, options: { check?: string | undefined; limit: number }): Promise<{ rows: Ssda903FindingRow[]; total: number }> {
    let q = this.db.selectFrom('ssda903Finding').where('organisationId', '=', organisationId).where('uploadId', '=', uploadId);
    if (options.check !== undefined) q = q.where('checkCode', '=', options.check);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('file').orderBy('line').orderBy('id').limit(options.limit).execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  insertImport(row: Insertable<Ssda903ImportTable>): Promise<Ssda903ImportRow> {
    return this.db.insertInto('ssda903Import').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async updateImport(organisationId: number, id: number, patch: Updateable<Ssda903ImportTable>): Promise<void> {
    await this.db.updateTable('ssda903Import').set({ ...patch, updatedAt: new Date() }).where('organisationId', '=', organisationId).where('id', '=', id).execute();
  }

  /** Marks as failed, with the message, every import still storing that was last heard of before `before`; returns how many. */
  async failInterruptedImports(before: Date, message: string): Promise<number> {
    const r = await this.db
      .updateTable('ssda903Import')
      .set({ state: 'failed', message, finishedAt: new Date(), updatedAt: new Date() })
      .where('state', '=', 'storing')
      .where('updatedAt', '<', before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  findImport(organisationId: number, id: number): Promise<Ssda903ImportRow | undefined> {
    return this.db.selectFrom('ssda903Import').selectAll().where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  }

  imports(organisationId: number, limit: number): Promise<Ssda903ImportRow[]> {
    return this.db.selectFrom('ssda903Import').selectAll().where('organisationId', '=', organisationId).orderBy('id', 'desc').limit(limit).execute();
  }

  countRecords(organisationId: number): Promise<number> {
    return this.db
      .selectFrom('ssda903Record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisationId', '=', organisationId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }
}
