// parentis refs: every cross-reference in use (challenge, inspection recommendation, programme …) with its actions.
import type { Command } from 'commander';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  program
    .command('refs')
    .description('list the cross-references in use and how many actions carry each; "actions --ref kind:value" lists them')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const refs = await app.services.actions.refs(ctx);
        write(
          render(
            refs,
            [
              { header: 'reference', value: (r) => `${r.kind}:${r.value}` },
              { header: 'actions', value: (r) => r.actions },
            ],
            format,
            (r) => r,
          ),
        );
      });
    });
}
