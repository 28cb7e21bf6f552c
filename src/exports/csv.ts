// The one CSV writer: every CSV Parentis writes goes through here, so none can carry a live formula.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * For a file opened in Excel: a byte order mark (so it reads UTF-8) and CRLF line ends (RFC 4180).
   * Without it, plain lines for pipes and scripts.
   */
  forExcel?: boolean;
}

/**
 * Rows (the first usually the header) as CSV. Text starting with =, +, -, @, a tab or a carriage
 * return (or their full-width forms) is prefixed with an apostrophe: a spreadsheet would otherwise
 * run it as a formula (`=HYPERLINK(…)`, `@SUM(…)`), and any user can type such text into a plan, an
 * action or a name that ends up in the audit trail. Numbers, negative ones included, stay numbers.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  return stringify(
    rows.map((r) => [...r]),
    {
      escape_formulas: true,
      ...(options.forExcel === true
        ? {
            bom: true,
            record_delimiter: 'windows',
            // Setting record_delimiter turns this off, and a field holding a bare \n must still be quoted.
            quote_record_delimiter: true,
          }
        : {}),
    },
  );
}
