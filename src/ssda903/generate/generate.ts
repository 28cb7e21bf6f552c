// Synthetic SSDA903 returns: seeded, internally consistent children-looked-after data for demonstrations and benchmarks.
import { yearEnd, yearStart } from './calendar.ts';
import { buildPostcodes, postcodesCsv } from './postcodes.ts';
import { Random } from './random.ts';
import { TABLE_FILES, YearRenderer, type GeneratedTable } from './render.ts';
import { Simulator } from './simulate.ts';

export interface Generate903Options {
  /** Children with any row in the files over the whole span (looked after, or care leavers on a 17th–21st birthday). */
  children: number;
  /** Collection years to write, ending with endYear. */
  years: number;
  seed: number | string;
  /** The last collection year (the year it ends: 2018 = 1 April 2017 to 31 March 2018). */
  endYear?: number;
  /** The authority's own LA code, given to its postcodes. */
  laCode?: string;
  /** Called as children are simulated: done out of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedFile {
  /** Relative path: "2018/episodes.csv", or "postcodes.csv". */
  path: string;
  text: string;
  /** Data rows (lines after the column header). */
  rows: number;
}

export interface Generated903 {
  years: number[];
  files: GeneratedFile[];
  /** Distinct children in the files. */
  children: number;
}

export const DEFAULT_END_YEAR = 2018;
export const DEFAULT_LA_CODE = 'E10000099';
/**
 * Children to ask for to get an authority of a given size: over five collection years the files hold about 3.5
 * children for each child looked after at the final 31 March (1,850 children give about 520, a county's size).
 */
export const CHILDREN_PER_CLA_5_YEARS = 3.5;

export function generate903(options: Generate903Options): Generated903 {
  const { children, years, seed } = options;
  const endYear = options.endYear ?? DEFAULT_END_YEAR;
  const laCode = options.laCode ?? DEFAULT_LA_CODE;
  if (!Number.isInteger(children) || children < 1) throw new RangeError('children must be a whole number from 1');
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new RangeError('years must be a whole number from 1 to 30');
  if (!Number.isInteger(endYear) || endYear < 2000 || endYear > 2100) throw new RangeError('endYear must be a year such as 2018');

  const firstYear = endYear - years + 1;
  const collectionYears = Array.from({ length: years }, (_, i) => firstYear + i);
  const rnd = new Random(`${seed}:903`);
  const postcodes = buildPostcodes(new Random(`${seed}:postcodes`), laCode);
  const simulator = new Simulator(rnd, postcodes, { from: yearStart(firstYear), to: yearEnd(endYear) }, children);

  // Each child is written into every year as soon as it is simulated, so only the output text stays in memory.
  const renderers = collectionYears.map((year) => new YearRenderer(year, new Random(`${seed}:${year}`)));
  const step = Math.max(1, Math.floor(children / 200));
  let drawn = 0;
  let seen = 0;
  while (drawn < children) {
    const child = simulator.candidate(`C${String(drawn + 1).padStart(7, '0')}`);
    if (child === undefined) continue;
    drawn++;
    let written = false;
    for (const r of renderers) written = r.add(child) || written;
    if (written) seen++;
    if (drawn % step === 0 || drawn === children) options.onProgress?.(drawn, children);
  }

  const files: GeneratedFile[] = [];
  for (const r of renderers) {
    for (const table of Object.keys(TABLE_FILES) as GeneratedTable[]) {
      const t = r.tables[table];
      files.push({ path: `${r.year}/${TABLE_FILES[table].file}`, text: t.text(), rows: t.rows });
    }
  }
  files.push({ path: 'postcodes.csv', text: postcodesCsv(postcodes), rows: postcodes.all.length });
  return { years: collectionYears, files, children: seen };
}
