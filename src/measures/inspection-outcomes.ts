// Reads Ofsted's local-authority inspection outcomes (the DfE's OpenDocument spreadsheet
// LA_Inspection_Outcomes_as_at_31_March_*.ods) for the "authorities judged good" comparator. Pure:
// the caller unzips the file and hands over its content.xml.
import { XMLParser } from 'fast-xml-parser';
import { DfeFileError } from './dfe-tables.ts';

export interface InspectionOutcome {
  /** The authority's 9-character ONS code (E06…, E08…, E09…, E10…), as the file gives it. */
  newLaCode: string;
  name: string;
  overallEffectiveness: string;
}

/** Overall effectiveness judgements that count as "judged good". */
export const JUDGED_GOOD = ['Good', 'Outstanding'];

type Node = Record<string, unknown>;

const ARRAYS = new Set(['table:table', 'table:table-row', 'table:table-cell', 'table:covered-table-cell', 'text:p', 'text:span', 'text:a']);

function text(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(text).join('\n');
  if (typeof node === 'object') {
    return Object.entries(node as Node)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, v]) => text(v))
      .join('');
  }
  return '';
}

/** The cells of a row as text, expanding repeated columns (capped: a sheet repeats its empty tail thousands of times). */
function cells(row: Node): string[] {
  const out: string[] = [];
  for (const cell of (row['table:table-cell'] as Node[] | undefined) ?? []) {
    const repeat = Math.min(Number(cell['@_table:number-columns-repeated'] ?? 1), 50);
    const value = text(cell['text:p']).trim();
    for (let i = 0; i < repeat; i++) out.push(value);
  }
  return out;
}

/** The judgements from the sheet whose header row holds "Local authority area code" and "Overall effectiveness". */
export function readInspectionOutcomes(name: string, contentXml: string): InspectionOutcome[] {
  let doc: Node;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (tag) => ARRAYS.has(tag), parseTagValue: false }).parse(contentXml) as Node;
  } catch (err) {
    throw new DfeFileError(`${name}: not a readable OpenDocument spreadsheet (${(err as Error).message})`, 'file');
  }
  const body = ((doc['office:document-content'] as Node | undefined)?.['office:body'] as Node | undefined)?.['office:spreadsheet'] as Node | undefined;
  for (const table of (body?.['table:table'] as Node[] | undefined) ?? []) {
    const rows = ((table['table:table-row'] as Node[] | undefined) ?? []).map(cells);
    const headerAt = rows.findIndex((r) => r.includes('Local authority area code') && r.includes('Overall effectiveness'));
    if (headerAt < 0) continue;
    const header = rows[headerAt]!;
    const code = header.indexOf('Local authority area code');
    const la = header.indexOf('Local authority name');
    const overall = header.indexOf('Overall effectiveness');
    return rows
      .slice(headerAt + 1)
      .filter((r) => /^E\d{8}$/.test(r[code] ?? ''))
      .map((r) => ({ newLaCode: r[code]!, name: r[la] ?? '', overallEffectiveness: r[overall] ?? '' }));
  }
  throw new DfeFileError(`${name}: no sheet with the columns "Local authority area code" and "Overall effectiveness"`, 'file');
}
