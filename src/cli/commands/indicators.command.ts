// parentis indicators: the 903 indicators at one date or every month end between two, worked out
// from the stored return or straight from files (which are then not stored).
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { indicatorDefinitions, indicatorsFromFiles, monthEndsBetween, type CheckedReturn, type IndicatorValue } from '../../services/ssda903.service.ts';
import { dateOption } from '../options.ts';
import { parseFormat, render, write, type Column, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { collectionYearOption, notesText, open903Files, qualityReport, stageLines, YEAR_HELP } from './import-903.command.ts';
import { io } from '../io.ts';

interface Options {
  asAt?: string;
  from?: string;
  to?: string;
  files?: string[];
  code?: string;
  breakdowns?: boolean;
  population?: number;
  laCode?: string;
  year?: number;
  format: string;
}

const titles = new Map(indicatorDefinitions.map((d) => [d.code, d.title]));

const round = (v: number | null, unit: string): string => {
  if (v === null) return '';
  return unit === 'count' || unit === 'rate per 10,000' || unit === 'days' ? String(Math.round(v)) : v.toFixed(1);
};

const columns: Column<IndicatorValue>[] = [
  { header: 'As at', value: (r) => r.asAt },
  { header: 'Code', value: (r) => r.code },
  { header: 'Breakdown', value: (r) => (r.breakdown ? `${r.breakdown.dimension}: ${r.breakdown.category}` : '') },
  { header: 'Numerator', value: (r) => r.numerator },
  { header: 'Denominator', value: (r) => r.denominator },
  { header: 'Value', value: (r) => round(r.value, r.unit) },
  { header: 'Unit', value: (r) => r.unit },
];

const csvColumns: Column<IndicatorValue>[] = [
  ...columns.slice(0, 5),
  { header: 'Value', value: (r) => r.value },
  { header: 'Unit', value: (r) => r.unit },
  { header: 'Title', value: (r) => titles.get(r.code) ?? '' },
];

/** Beside the figure: an annual figure shown at another month end, or too little history behind it. */
const noteOf = (r: IndicatorValue): string => [r.annualAsAt ? `annual: the figure at ${r.annualAsAt}` : '', r.note ?? ''].filter(Boolean).join('; ');
const noteColumn: Column<IndicatorValue> = { header: 'Note', value: noteOf };

const json = (r: IndicatorValue): unknown => ({
  code: r.code,
  title: titles.get(r.code) ?? r.code,
  asAt: r.asAt,
  ...(r.breakdown ? { breakdown: r.breakdown } : {}),
  numerator: r.numerator,
  denominator: r.denominator,
  value: r.value,
  unit: r.unit,
  ...(r.annualAsAt ? { annualAsAt: r.annualAsAt } : {}),
  ...(r.note ? { note: r.note } : {}),
});

export function register(program: Command): void {
  program
    .command('indicators')
    .description('the 903 indicators at a date (--as-at) or at every month end from --from to --to; from the stored return, or from --files')
    .option('--as-at <date>', 'one date (usually a month end)', dateOption)
    .option('--from <date>', 'first month end', dateOption)
    .option('--to <date>', 'last month end', dateOption)
    .option('--files <paths...>', 'work from these 903 files or directories instead of the stored return (nothing is stored)')
    .option('--population <count>', 'with --files: children aged 0 to 17 in the authority, for the rates per 10,000', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new ValidationError(`--population: "${v}" is not a whole number of children`, 'population');
      return n;
    })
    .option('--la-code <code>', 'with --files: the authority\'s own code (e.g. E10000099), for placements out of area')
    .option('--year <year>', `with --files: ${YEAR_HELP}`, collectionYearOption)
    .option('--code <code>', 'only this indicator')
    .option('--breakdowns', 'include the breakdowns (age band, sex, UASC, placement type)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: Options, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      let asAts: string[];
      if (opts.asAt !== undefined) {
        if (opts.from !== undefined || opts.to !== undefined) throw new ValidationError('give --as-at, or --from and --to, not both', 'as-at');
        asAts = [opts.asAt];
      } else if (opts.from !== undefined && opts.to !== undefined) {
        if (opts.from > opts.to) throw new ValidationError(`--from ${opts.from} is after --to ${opts.to}`, 'from');
        asAts = monthEndsBetween(opts.from, opts.to);
      } else {
        throw new ValidationError('give --as-at DATE, or --from DATE and --to DATE', 'as-at');
      }
      if (opts.year !== undefined && opts.files === undefined) throw new ValidationError('--year goes with --files: the stored return already has its years', 'year');
      if (opts.code !== undefined && !titles.has(opts.code)) {
        throw new ValidationError(`--code: there is no indicator "${opts.code}" (codes: ${[...titles.keys()].join(', ')})`, 'code');
      }
      const show = (all: IndicatorValue[]): void => {
        let rows = all;
        if (opts.code !== undefined) rows = rows.filter((r) => r.code === opts.code);
        if (opts.breakdowns !== true) rows = rows.filter((r) => r.breakdown === undefined);
        const shown = format === 'csv' ? csvColumns : columns;
        // The Note column only when some figure has one, so plain output stays as it was.
        write(render(rows, rows.some((r) => noteOf(r) !== '') ? [...shown, noteColumn] : shown, format, json));
      };
      if (opts.files !== undefined) {
        // Checking a return before it is sent: the database is not opened at all.
        // The notes and findings go to stderr, so the figures on stdout stay a clean table, CSV or JSON.
        const files = open903Files(opts.files);
        const stages = stageLines(files, `Working out the indicators at ${asAts.length === 1 ? asAts[0] : `${asAts.length} month ends`}`);
        const options = {
          ...(opts.population !== undefined ? { population: opts.population } : {}),
          ...(opts.laCode !== undefined ? { laCode: opts.laCode } : {}),
          ...(opts.year !== undefined ? { year: opts.year } : {}),
          onStage: stages.onStage,
          onChecked: (checked: CheckedReturn) => {
            // The findings are written between the stages, each stage line closed first.
            stages.end();
            io().stderr.write(notesText(checked.notes) + qualityReport(checked));
          },
        };
        let values: IndicatorValue[];
        try {
          values = await indicatorsFromFiles(files, asAts, options);
        } finally {
          stages.end();
        }
        show(values);
        return;
      }
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => show(await app.services.ssda903.indicators(ctx, asAts)));
    });
}
