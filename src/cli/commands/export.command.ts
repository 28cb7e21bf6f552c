// parentis export plan: a plan as JSON (the import format), CSV or an Excel workbook.
import fs from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { parseFormat, write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { io } from '../io.ts';

export function register(program: Command): void {
  const exp = program.command('export').description('export data');
  exp
    .command('plan <slug>')
    .description('export a plan: json (read back by "parentis import plan"), csv (one row per action) or xlsx (a sheet per table)')
    .option('--format <format>', 'json, csv or xlsx', 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (slug: string, opts: { format: string; out?: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['json', 'csv', 'xlsx']) as 'json' | 'csv' | 'xlsx';
      if (format === 'xlsx' && opts.out === undefined && io().stdout.isTTY) {
        throw new ValidationError('A workbook is binary: write it to a file with --out plan.xlsx', 'out');
      }
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const content = await app.services.plans.exportFile(ctx, slug, format);
        if (opts.out === undefined) {
          if (typeof content === 'string') write(content);
          else io().stdout.write(content);
          return;
        }
        fs.writeFileSync(opts.out, content);
        io().stderr.write(`Wrote ${opts.out}\n`);
      });
    });
}
