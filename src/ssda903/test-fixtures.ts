// Small builders for 903 test files: CSV text from rows, one episode per call, and a lookup for computed values.
import { buildReturn, type Ssda903Return } from './history.ts';
import type { IndicatorValue } from './indicators.ts';
import { parseFiles, type InputFile, type ParsedRow } from './parse.ts';
import { TABLE_COLUMNS, type TableName } from './tables.ts';

/** Rows as plain objects (file, line and a copy of the fields), to compare with objects written out in a test. */
export function plainRows(rows: readonly ParsedRow[]): { file: string | undefined; line: number; fields: Record<string, string> }[] {
  return rows.map((r) => ({ file: r.file, line: r.line, fields: Object.fromEntries(Object.entries(r.fields)) }));
}

export function csv(columns: readonly string[], rows: Record<string, string>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

export function table(table: TableName, rows: Record<string, string>[], extraColumns: string[] = []): string {
  return csv([...TABLE_COLUMNS[table], ...extraColumns], rows);
}

/** An episode row: child, DECOM, RNE, LS, PLACE, then DEC and REC when it has ended. */
export function ep(child: string, decom: string, rne: string, ls: string, place: string, dec = '', rec = '', extra: Record<string, string> = {}): Record<string, string> {
  return {
    CHILD: child,
    DECOM: decom,
    RNE: rne,
    LS: ls,
    CIN: 'N1',
    PLACE: place,
    PLACE_PROVIDER: /^T|^Z/.test(place) ? '' : 'PR1',
    DEC: dec,
    REC: rec,
    REASON_PLACE_CHANGE: '',
    HOME_POST: 'AB1 2CD',
    PL_POST: 'EF3 4GH',
    URN: 'SC123456',
    ...extra,
  };
}

export function header(child: string, dob: string, sex = 'M'): Record<string, string> {
  return { CHILD: child, SEX: sex, DOB: dob, ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: '', MC_DOB: '' };
}

/** A statutory review row: every looked-after child has them in the year, so a real return's dates fall in its year. */
export function reviews(date: string, ...children: string[]): Record<string, string>[] {
  return children.map((child) => ({ CHILD: child, DOB: '01/01/2012', REVIEW: date, REVIEW_CODE: 'PN1' }));
}

export function oc2(child: string, dob: string, values: Record<string, string> = {}): Record<string, string> {
  return {
    CHILD: child,
    DOB: dob,
    SDQ_SCORE: '',
    SDQ_REASON: 'SDQ1',
    CONVICTED: '0',
    HEALTH_CHECK: '0',
    IMMUNISATIONS: '0',
    TEETH_CHECK: '0',
    HEALTH_ASSESSMENT: '0',
    SUBSTANCE_MISUSE: '0',
    INTERVENTION_RECEIVED: '0',
    INTERVENTION_OFFERED: '0',
    ...values,
  };
}

export function files(year: number, tables: Partial<Record<TableName, Record<string, string>[]>>, extraEpisodeColumns: string[] = []): InputFile[] {
  return Object.entries(tables).map(([name, rows]) => ({
    name: `903/${year}/${name.toLowerCase()}.csv`,
    text: table(name as TableName, rows, name === 'Episodes' ? extraEpisodeColumns : []),
  }));
}

export function history(...inputs: InputFile[][]): Ssda903Return {
  return buildReturn(parseFiles(inputs.flat()));
}

/** The one value with this code (and breakdown category, when given) at this date. */
export function valueOf(values: IndicatorValue[], code: string, asAt: string, category?: string): IndicatorValue {
  const found = values.filter((v) => v.code === code && v.asAt === asAt && (category === undefined ? !v.breakdown : v.breakdown?.category === category));
  if (found.length !== 1) throw new Error(`expected one ${code} at ${asAt}${category ? ` (${category})` : ''}, found ${found.length}`);
  return found[0]!;
}
