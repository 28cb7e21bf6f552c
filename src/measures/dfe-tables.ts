// Reads the DfE's published tidy-format tables (Explore Education Statistics CSVs, as kept in
// reference/dfe) and maps their rows to Parentis indicator codes, one figure per indicator, year,
// breakdown and place (England, a region or an authority). Pure: the caller supplies the text, whole
// or as a stream of chunks; a table is read row by row, keeping only the rows it needs.
import { pipeline, Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../domain/errors.ts';
import { parseDfeCell, type Figure, type Unit } from './values.ts';

export type Level = 'National' | 'Regional' | 'Local authority';

export interface DfeFigure {
  code: string;
  /** Which published table and rows the figure came from, e.g. "la_cla_placement_stability: CLA on 31 March / With 3 or more placements during the year". */
  indicatorKey: string;
  unit: Unit;
  breakdown: { dimension: string; category: string } | null;
  timePeriod: number;
  level: Level;
  /** 3-digit DfE code of the authority ('' above authority level). */
  oldLaCode: string;
  newLaCode: string;
  laName: string;
  regionCode: string;
  regionName: string;
  numerator: Figure;
  denominator: Figure;
  /** The published figure: percentage, rate, count or average as the unit says. */
  value: Figure;
}

/** Raised for a file that is not a table Parentis knows, or a cell that cannot be read; names file, row and column. */
export class DfeFileError extends ValidationError {
  override name = 'DfeFileError';
}

const GEOGRAPHY = ['time_period', 'geographic_level'] as const;

interface Rule {
  code: string;
  unit: Unit;
  /** Filter column values picking the numerator row. */
  match: Record<string, string>;
  /** Filter column values picking the row whose count is the denominator. */
  total?: Record<string, string>;
  /** The column holding the published figure. */
  valueColumn: string;
  countColumn: string;
  denominatorColumn?: string;
  breakdown?: { dimension: string; column: string; categories: Record<string, string> };
}

interface TableSpec {
  key: string;
  /** Columns that identify the table (besides the geography). */
  columns: string[];
  /** Told apart from a table with the same columns by a filter value only it holds. */
  marker?: { column: string; values: string[] };
  rules: Rule[];
}

/** Care leavers are published by age band; each band is its own indicator (care-leavers-17-18-eet …). */
const CARE_LEAVER_AGES: [string, string][] = [
  ['17 to 18 years', '17-18'],
  ['19 to 21 years', '19-21'],
];

function careLeavers(items: [suffix: string, breakdown: string, total: string][]): Rule[] {
  return CARE_LEAVER_AGES.flatMap(([age, band]) =>
    items.map(([suffix, breakdown, total]) => ({
      code: `care-leavers-${band}-${suffix}`,
      unit: 'percent' as const,
      match: { care_leaver_age: age, breakdown },
      total: { care_leaver_age: age, breakdown: total },
      valueColumn: 'care_leaver_percent',
      countColumn: 'care_leaver_count',
    })),
  );
}

const health = (code: string, characteristic: string, breakdown: string, total: string, unit: Unit = 'percent'): Rule => ({
  code,
  unit,
  match: { characteristic, breakdown },
  total: { characteristic, breakdown: total },
  valueColumn: 'children_percent',
  countColumn: 'children_count',
});

const HEALTH = 'Health assessments: Children looked after all ages';
const SDQ = 'Ages 5 to 16 years with SDQ score';

/** The number of children of one population type, and its rate per 10,000 over the population estimate. */
const countAndRate = (code: string, populationType: string): TableSpec['rules'] => [
  { code, unit: 'count', match: { population_type: populationType }, valueColumn: 'children_count', countColumn: 'children_count' },
  {
    code: `${code}-rate`,
    unit: 'rate per 10,000',
    match: { population_type: populationType },
    valueColumn: 'rate_per_10000',
    countColumn: 'children_count',
    denominatorColumn: 'population_estimate',
  },
];

const TABLES: TableSpec[] = [
  {
    key: 'cla_number_and_rate_per_10k_children',
    columns: ['population_type', 'population_estimate', 'children_count', 'rate_per_10000'],
    rules: [
      ...countAndRate('cla', 'Children looked after on 31 March each year'),
      ...countAndRate('starters', 'Children starting to be looked after each year'),
      ...countAndRate('ceased', 'Children ceasing to be looked after each year'),
    ],
  },
  {
    key: 'la_cla_placement_stability',
    columns: ['cla_group', 'placement_stability', 'children_count', 'children_percent'],
    rules: [
      {
        code: 'placements-3plus',
        unit: 'percent',
        match: { cla_group: 'CLA on 31 March', placement_stability: 'With 3 or more placements during the year' },
        total: { cla_group: 'CLA on 31 March', placement_stability: 'Total children' },
        valueColumn: 'children_percent',
        countColumn: 'children_count',
      },
      {
        code: 'placements-3plus-2years',
        unit: 'percent',
        match: { cla_group: 'CLA 2 years on 31 March', placement_stability: 'With 3 or more placements during the previous 2 years' },
        total: { cla_group: 'CLA 2 years on 31 March', placement_stability: 'Total children' },
        valueColumn: 'children_percent',
        countColumn: 'children_count',
      },
      {
        code: 'long-term-stability',
        unit: 'percent',
        match: {
          cla_group: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
          placement_stability: 'Living with the same carer for at least 2 years',
        },
        total: { cla_group: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', placement_stability: 'Total children' },
        valueColumn: 'children_percent',
        countColumn: 'children_count',
      },
    ],
  },
  {
    key: 'la_conviction_health_outcome_cla',
    columns: ['characteristic', 'breakdown', 'children_count', 'children_percent'],
    rules: [
      health('health-assessments', HEALTH, 'Had their annual health assessment', 'Total all ages'),
      health('dental-checks', HEALTH, 'Had their teeth checked by a dentist', 'Total all ages'),
      health('immunisations', HEALTH, 'Had their immunisations up to date', 'Total all ages'),
      health('development-checks', 'Development assessments: Children looked after ages 0 to 4 years', 'Development assessments up to date', 'Total ages 0 to 4 years'),
      health('convictions', 'Convictions: Children looked after Ages 10 to 17 years', 'Convicted or subject to youth cautions, or youth conditional cautions during the year', 'Total ages 10 to 17 years'),
      health('substance-misuse', 'Substance misuse: Children looked after all ages', 'Identified as having a substance misuse problem', 'Total all ages'),
      health('sdq-received', SDQ, 'SDQ score was received', 'Total ages 5 to 16 years'),
      // The bands are published over the children with a score (Cornwall 2025: 45 of 86 = 52%).
      health('sdq-concern', SDQ, 'SDQ score is a cause for concern', 'SDQ score was received'),
      health('sdq-borderline', SDQ, 'SDQ score is borderline', 'SDQ score was received'),
      health('sdq-normal', SDQ, 'SDQ score is normal', 'SDQ score was received'),
      // The average score sits in the count column; its percentage is z (not applicable).
      { code: 'sdq-average', unit: 'score', match: { characteristic: SDQ, breakdown: 'SDQ average score' }, valueColumn: 'children_count', countColumn: 'children_count' },
    ],
  },
  {
    key: 'la_care_leavers_activity',
    columns: ['care_leaver_age', 'breakdown', 'care_leaver_count', 'care_leaver_percent'],
    marker: { column: 'breakdown', values: ['Total in education, employment or training'] },
    rules: careLeavers([
      ['eet', 'Total in education, employment or training', 'Total'],
      ['neet', 'Total not in education, employment or training', 'Total'],
      ['activity-not-known', 'Total information not known', 'Total'],
    ]),
  },
  {
    key: 'la_care_leavers_accommodation_suitability',
    columns: ['care_leaver_age', 'breakdown', 'care_leaver_count', 'care_leaver_percent'],
    marker: { column: 'breakdown', values: ['Accommodation considered suitable', 'Suitability total'] },
    rules: careLeavers([['suitable-accommodation', 'Accommodation considered suitable', 'Suitability total']]),
  },
];

/** The DfE tables Parentis reads, by key (the file name DfE's own dashboard saves them under). */
export const dfeTableKeys = TABLES.map((t) => t.key);

/** The indicator codes each DfE table fills. */
export const dfeIndicatorCodes: Record<string, string[]> = Object.fromEntries(TABLES.map((t) => [t.key, [...new Set(t.rules.map((r) => r.code))]]));

export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A CSV file's text: whole, or as chunks (a file read as a stream), so a large table is never held whole. */
export type CsvSource = string | AsyncIterable<string | Uint8Array>;

const CSV_OPTIONS = { relax_column_count: true, skip_empty_lines: true, info: true, bom: true } as const;

function csvSyntaxError(name: string, err: unknown): DfeFileError {
  const e = err as Error & { lines?: number };
  return new DfeFileError(`${name}: not a readable CSV file${e.lines === undefined ? '' : ` (line ${e.lines})`}: ${e.message}`, 'file');
}

function toRow(header: string[], cells: string[], line: number): CsvRow {
  return { line, fields: Object.fromEntries(header.map((h, j): [string, string] => [h, (cells[j] ?? '').trim()]).filter(([h]) => h !== '')) };
}

/** Parses CSV text into rows keyed by header (BOM and trailing empty columns tolerated); names the file and line of a syntax error. */
export function readCsv(name: string, text: string): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, CSV_OPTIONS) as unknown as typeof records;
  } catch (err) {
    throw csvSyntaxError(name, err);
  }
  const header = (records[0]?.record ?? []).map((h) => h.trim());
  return { header, rows: records.slice(1).map(({ record, info }) => toRow(header, record, info.lines)) };
}

/**
 * Reads CSV row by row, handing each to `visit` with the header, and returns the header. Nothing is
 * kept but what `visit` keeps; an error thrown by `visit`, or a syntax error, stops the reading there.
 */
export async function scanCsv(name: string, source: CsvSource, visit: (row: CsvRow, header: string[]) => void): Promise<string[]> {
  const parser = parseStream(CSV_OPTIONS);
  if (typeof source === 'string') parser.end(source);
  // A source's own error (a file that cannot be read) reaches the loop below through the parser.
  else pipeline(Readable.from(source), parser, () => undefined);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === undefined) header = record.map((h) => h.trim());
      else visit(toRow(header, record, info.lines), header);
    }
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw csvSyntaxError(name, err);
  } finally {
    // Stops the source too: nothing past a fatal error is read.
    parser.destroy();
  }
  return header ?? [];
}

/**
 * Whether a row belongs to a place asked for: England, a region, or an authority named in `codes` by
 * its 3-digit or 9-character code (a national table holds every authority and only some are compared;
 * the Ofsted outcomes name authorities by the 9-character code).
 */
export function inAuthorities(codes: ReadonlySet<string>): (row: CsvRow) => boolean {
  return (row) => row.fields.geographic_level !== 'Local authority' || codes.has(row.fields.old_la_code ?? '') || codes.has(row.fields.new_la_code ?? '');
}

/** The tables whose columns a header has; none is an error naming the nearest table and what it lacks. */
function tablesWithColumns(name: string, header: string[]): TableSpec[] {
  const have = new Set(header);
  const candidates = TABLES.filter((t) => [...GEOGRAPHY, ...t.columns].every((c) => have.has(c)));
  if (candidates.length > 0) return candidates;
  const closest = TABLES.map((t) => ({ t, missing: [...GEOGRAPHY, ...t.columns].filter((c) => !have.has(c)) })).sort((a, b) => a.missing.length - b.missing.length)[0]!;
  throw new DfeFileError(
    `${name}: not a DfE table Parentis reads (${dfeTableKeys.join(', ')}); the nearest, ${closest.t.key}, needs the column${closest.missing.length === 1 ? '' : 's'} ${closest.missing.join(', ')}`,
    'file',
  );
}

/** The filter columns a table's rules read, and a row's values in them as one key. */
function filterKeyOf(spec: TableSpec): (values: Record<string, string>) => string {
  const columns = [...new Set(spec.rules.flatMap((r) => [...Object.keys(r.match), ...(r.breakdown ? [r.breakdown.column] : [])]))];
  return (values) => columns.map((c) => values[c] ?? '').join('|');
}

/** Whether a table's rules read a row (as a figure or as its total): most of a table is other breakdowns. */
function readsRow(spec: TableSpec): (row: CsvRow) => boolean {
  if (spec.rules.some((r) => r.breakdown !== undefined)) return () => true;
  const key = filterKeyOf(spec);
  const wanted = new Set(spec.rules.flatMap((r) => [key(r.match), ...(r.total ? [key(r.total)] : [])]));
  return (row) => wanted.has(key(row.fields));
}

const LEVELS: Record<string, Level> = { National: 'National', Regional: 'Regional', 'Local authority': 'Local authority' };

/**
 * Reads one DfE table into figures mapped to indicator codes, row by row: only the rows of the places
 * asked for that the table's rules read are kept. Rows at other levels (e.g. local authority district)
 * are skipped.
 */
export async function readDfeTable(name: string, source: CsvSource, options: { authorities?: ReadonlySet<string> } = {}): Promise<{ key: string; figures: DfeFigure[] }> {
  const inPlaces = options.authorities ? inAuthorities(options.authorities) : () => true;
  let candidates: { spec: TableSpec; reads: (row: CsvRow) => boolean }[] | undefined;
  const marked = new Set<TableSpec>();
  const kept: CsvRow[] = [];
  const header = await scanCsv(name, source, (row, header) => {
    candidates ??= tablesWithColumns(name, header).map((spec) => ({ spec, reads: readsRow(spec) }));
    for (const { spec } of candidates) if (spec.marker?.values.includes(row.fields[spec.marker.column] ?? '')) marked.add(spec);
    if (inPlaces(row) && candidates.some((c) => c.reads(row))) kept.push(row);
  });
  candidates ??= tablesWithColumns(name, header).map((spec) => ({ spec, reads: readsRow(spec) }));
  // Two tables share their columns and are told apart by a filter value only one of them holds.
  const chosen = candidates.find((c) => c.spec.marker === undefined || marked.has(c.spec));
  if (chosen === undefined) throw new DfeFileError(`${name}: not a DfE table Parentis reads: it has the columns of ${candidates.map((c) => c.spec.key).join(' or ')} but none of the rows that tell them apart`, 'file');
  const spec = chosen.spec;
  const rows = kept.filter(chosen.reads);
  const cell = (row: CsvRow, column: string): Figure => {
    try {
      return parseDfeCell(row.fields[column] ?? '');
    } catch (err) {
      throw new DfeFileError(`${name}: row ${row.line}, column ${column}: ${(err as Error).message}`, column);
    }
  };
  const place = (row: CsvRow): string =>
    [row.fields.time_period, row.fields.geographic_level, row.fields.country_code, row.fields.region_code, row.fields.old_la_code].join('|');
  const filterKey = filterKeyOf(spec);
  const rulesByKey = new Map<string, Rule[]>();
  for (const rule of spec.rules) {
    if (rule.breakdown === undefined) {
      const k = filterKey(rule.match);
      rulesByKey.set(k, [...(rulesByKey.get(k) ?? []), rule]);
    }
  }
  const generic = spec.rules.filter((r) => r.breakdown !== undefined);
  // Rows indexed by place and filter values, so a numerator row finds its total row.
  const index = new Map<string, CsvRow>();
  for (const row of rows) index.set(`${place(row)}#${filterKey(row.fields)}`, row);

  const figures: DfeFigure[] = [];
  for (const row of rows) {
    const level = LEVELS[row.fields.geographic_level ?? ''];
    if (level === undefined) continue;
    for (const rule of [...(rulesByKey.get(filterKey(row.fields)) ?? []), ...generic]) {
      if (!Object.entries(rule.match).every(([c, v]) => row.fields[c] === v)) continue;
      let breakdown: DfeFigure['breakdown'] = null;
      if (rule.breakdown) {
        const category = rule.breakdown.categories[row.fields[rule.breakdown.column] ?? ''];
        if (category === undefined) continue;
        breakdown = { dimension: rule.breakdown.dimension, category };
      }
      const year = Number(row.fields.time_period);
      if (!Number.isInteger(year)) throw new DfeFileError(`${name}: row ${row.line}, column time_period: "${row.fields.time_period}" is not a year`, 'time_period');
      let denominator: Figure = { value: null, symbol: null };
      if (rule.denominatorColumn !== undefined) denominator = cell(row, rule.denominatorColumn);
      else if (rule.total !== undefined) {
        const totalRow = index.get(`${place(row)}#${filterKey({ ...row.fields, ...rule.total })}`);
        if (totalRow !== undefined) denominator = cell(totalRow, rule.countColumn);
      }
      const matchText = Object.values(rule.match).join(' / ');
      figures.push({
        code: rule.code,
        indicatorKey: `${spec.key}: ${matchText}`,
        unit: rule.unit,
        breakdown,
        timePeriod: year,
        level,
        oldLaCode: level === 'Local authority' ? (row.fields.old_la_code ?? '') : '',
        newLaCode: row.fields.new_la_code ?? '',
        laName: row.fields.la_name ?? '',
        regionCode: row.fields.region_code ?? '',
        regionName: row.fields.region_name ?? '',
        numerator: rule.unit === 'score' ? { value: null, symbol: null } : cell(row, rule.countColumn),
        denominator,
        value: cell(row, rule.valueColumn),
      });
    }
  }
  return { key: spec.key, figures };
}
