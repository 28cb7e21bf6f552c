// parentis glossary: the acronyms and terms of the sector, as used in this authority's plans.
import type { Command } from 'commander';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  program
    .command('glossary')
    .description('list the glossary of acronyms and terms')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const terms = await app.services.glossary.list(ctx);
        write(
          render(
            terms,
            [
              { header: 'term', value: (t) => t.term },
              { header: 'stands for', value: (t) => t.expansion, width: 40 },
              { header: 'meaning', value: (t) => t.definition, width: 60 },
            ],
            format,
            (t) => ({ term: t.term, expansion: t.expansion, definition: t.definition }),
          ),
        );
      });
    });
}
