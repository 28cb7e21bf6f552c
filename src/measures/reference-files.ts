// Reads the reference files beside the DfE tables: ONS mid-year population estimates (children aged
// 0 to 17) and the DfE statistical-neighbour groupings (2021 and 2025 models). Pure: text in, rows out.
import { parse } from 'csv-parse/sync';
import { DfeFileError, readCsv } from './dfe-tables.ts';
import { DFE_SYMBOLS } from './values.ts';

export interface PopulationRow {
  /** 3-digit DfE code for an authority; the region or country code above that. */
  laCode: string;
  level: 'National' | 'Regional' | 'Local authority';
  name: string;
  year: number;
  count: number;
}

export interface NeighbourRow {
  model: '2021' | '2025';
  laCode: string;
  laName: string;
  regionName: string;
  neighbourLaCode: string;
  rank: number;
  closeness: string;
}

const POPULATION_COLUMNS = ['time_period', 'geographic_level', 'old_la_code', 'age_group', 'population_estimate'];

/** The ONS file as DfE saves it (ons_mid-year_population_estimates_*.csv): one count per place and year. */
export function readPopulation(name: string, text: string): PopulationRow[] {
  const { header, rows } = readCsv(name, text);
  const missing = POPULATION_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new DfeFileError(`${name}: not a population file; it needs the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`, 'file');
  const out: PopulationRow[] = [];
  for (const r of rows) {
    const f = r.fields;
    if (f.age_group !== 'Children aged 0 to 17 years') continue;
    const level = f.geographic_level;
    if (level !== 'National' && level !== 'Regional' && level !== 'Local authority') continue;
    const year = Number(f.time_period);
    if (!Number.isInteger(year)) throw new DfeFileError(`${name}: row ${r.line}, column time_period: "${f.time_period}" is not a year`, 'time_period');
    // A published symbol (x: not available for an authority that did not yet exist) is no estimate, never zero.
    if ((DFE_SYMBOLS as readonly string[]).includes((f.population_estimate ?? '').toLowerCase())) continue;
    const count = Number((f.population_estimate ?? '').replace(/,/g, ''));
    if (!Number.isInteger(count) || count < 0 || f.population_estimate === '') {
      throw new DfeFileError(`${name}: row ${r.line}, column population_estimate: "${f.population_estimate}" is not a count of children`, 'population_estimate');
    }
    const laCode = level === 'Local authority' ? (f.old_la_code ?? '') : level === 'Regional' ? (f.region_code ?? '') : (f.country_code ?? '');
    if (laCode === '') throw new DfeFileError(`${name}: row ${r.line}, column old_la_code: the authority has no code`, 'old_la_code');
    out.push({ laCode, level, name: f.la_name || f.region_name || f.country_name || '', year, count });
  }
  if (out.length === 0) throw new DfeFileError(`${name}: holds no estimates for children aged 0 to 17 years`, 'file');
  return out;
}

/**
 * Either model's file: sn_model_2025_wide.csv (old_la_code, la_name, region_name, SN_1, SN_1P … SN_10P)
 * or New_Statistical_Neighbour_Groupings_April_2021.csv (LA num, LA Name, …, GOReg, SN1, SNP, … SN10, SNP,
 * where every closeness column is called SNP, so it is read by position).
 */
export function readNeighbours(name: string, text: string): NeighbourRow[] {
  let records: string[][];
  try {
    const parsed: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true });
    records = parsed;
  } catch (err) {
    throw new DfeFileError(`${name}: not a readable CSV file: ${(err as Error).message}`, 'file');
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  let model: '2021' | '2025';
  let code: number, laName: number, region: number, first: number;
  if (header.includes('SN_1') && header.includes('old_la_code')) {
    model = '2025';
    code = header.indexOf('old_la_code');
    laName = header.indexOf('la_name');
    region = header.indexOf('region_name');
    first = header.indexOf('SN_1');
  } else if (header.includes('SN1') && header.includes('LA num')) {
    model = '2021';
    code = header.indexOf('LA num');
    laName = header.indexOf('LA Name');
    region = header.indexOf('GOReg');
    first = header.indexOf('SN1');
  } else {
    throw new DfeFileError(`${name}: not a statistical-neighbour file; it needs old_la_code and SN_1 … SN_10 (2025 model) or LA num and SN1 … SN10 (2021 model)`, 'file');
  }
  const out: NeighbourRow[] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const la = (cells[code] ?? '').trim();
    if (la === '') return;
    if (!/^\d{3}$/.test(la)) throw new DfeFileError(`${name}: row ${line}, column ${header[code]}: "${la}" is not a 3-digit LA code`, header[code]);
    for (let rank = 1; rank <= 10; rank++) {
      const at = first + (rank - 1) * 2;
      const neighbour = (cells[at] ?? '').trim();
      if (neighbour === '') continue;
      if (!/^\d{3}$/.test(neighbour)) throw new DfeFileError(`${name}: row ${line}, column ${header[at]}: "${neighbour}" is not a 3-digit LA code`, header[at]);
      out.push({
        model,
        laCode: la,
        laName: (cells[laName] ?? '').trim(),
        regionName: (cells[region] ?? '').trim(),
        neighbourLaCode: neighbour,
        rank,
        closeness: (cells[at + 1] ?? '').trim(),
      });
    }
  });
  if (out.length === 0) throw new DfeFileError(`${name}: holds no neighbours`, 'file');
  return out;
}
