// parentis import measures | dfe | neighbours | population: figures from files, each all or nothing.
import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { FILE_LIMITS, readBytesWithin, gatherFiles, readTextWithin, readWorkbookWithin, streamWithin } from '../input-files.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data');

  imp
    .command('measures <file>')
    .description('import measure values from a .csv or .xlsx file (columns code, period, numerator, denominator, optional breakdown and window); all or nothing')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const data = /\.xlsx$/i.test(file) ? await readWorkbookWithin(file, FILE_LIMITS.measureValues) : readBytesWithin(file, FILE_LIMITS.measureValues);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const r = await app.services.measures.importValues(ctx, { name: path.basename(file), data });
        write(`Imported ${r.rows} value${r.rows === 1 ? '' : 's'} for ${r.measures.length} measure${r.measures.length === 1 ? '' : 's'} (${r.measures.join(', ')}).\n`);
      });
    });

  imp
    .command('dfe <paths...>')
    .description("import DfE published tables (tidy CSVs, as in reference/dfe, and the Ofsted outcomes .ods) as benchmarks: England, the authority's region, statistical neighbours, authorities judged good")
    .option('--la <code>', '3-digit DfE code of the authority to compare (default: the authority\'s own, or the one it borrows)')
    .action(async (paths: string[], opts: { la?: string }, cmd: Command) => {
      // Only the tables Parentis reads: a directory may also hold the population and neighbour files.
      const found = gatherFiles(paths, ['.csv', '.ods']).filter((f) => paths.includes(f) || /^(la_|cla_)|\.ods$/i.test(path.basename(f)));
      // Each table is read as a stream, row by row: a national table is never held whole.
      const files = found.filter((f) => !/\.ods$/i.test(f)).map((f) => ({ name: path.basename(f), text: streamWithin(f, FILE_LIMITS.dfeTable) }));
      const ods = found.filter((f) => /\.ods$/i.test(f));
      if (ods.length > 1) throw new ValidationError(`${ods.join(', ')}: give one file of inspection outcomes`, 'file');
      const inspections = ods[0] === undefined ? undefined : { name: path.basename(ods[0]), data: await readWorkbookWithin(ods[0], FILE_LIMITS.dfeTable) };
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const r = await app.services.benchmarks.importDfe(ctx, files, { laCode: opts.la, inspections });
        write(
          `Imported ${r.benchmarks} benchmarks from ${r.tables.length} table${r.tables.length === 1 ? '' : 's'} (${r.years.join(', ')}) for ${r.laName} (${r.laCode}): England, ${r.regionName}` +
            `${r.neighbours > 0 ? `, ${r.neighbours} statistical neighbours (${r.neighbourModel} model)` : ''}` +
            `${r.judgedGood > 0 ? `, ${r.judgedGood} authorities judged good or outstanding` : ''}.\n`,
        );
        for (const m of r.missing) write(`Not filled: ${m}.\n`);
      });
    });

  imp
    .command('neighbours <file>')
    .description('import statistical-neighbour groupings (sn_model_2025_wide.csv or the 2021 groupings CSV); replaces that model whole')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const text = readTextWithin(file, FILE_LIMITS.referenceFile);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const r = await app.services.benchmarks.importNeighbours(ctx, { name: path.basename(file), text });
        write(`Imported the ${r.model} statistical-neighbour model for ${r.authorities} authorities.\n`);
      });
    });

  imp
    .command('population <file>')
    .description('import ONS mid-year estimates of children aged 0 to 17 (ons_mid-year_population_estimates_*.csv)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const text = readTextWithin(file, FILE_LIMITS.referenceFile);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const r = await app.services.benchmarks.importPopulation(ctx, { name: path.basename(file), text });
        write(`Imported ${r.rows} population estimates (${r.years[0]}–${r.years.at(-1)}).\n`);
      });
    });
}
