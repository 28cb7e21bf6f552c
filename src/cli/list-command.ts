// The shape every listing command shares: its own filters, then --format table|csv|json.
import type { Command } from 'commander';
import { parseFormat, render, write, type Column, type Format } from './output.ts';
import { withSession, type GlobalOptions, type Session } from './session.ts';

export interface ListSpec<T, O> {
  name: string;
  description: string;
  /** Adds the command's own options (filters) before --format. */
  options?: (cmd: Command) => Command;
  load: (session: Session, opts: O) => Promise<T[]>;
  columns: (opts: O) => Column<T>[];
  json: (row: T) => unknown;
}

export function listCommand<T, O extends object>(program: Command, spec: ListSpec<T, O>): void {
  const cmd = program.command(spec.name).description(spec.description);
  (spec.options ?? ((c) => c))(cmd)
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: O & { format: string }, self: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(self.optsWithGlobals<GlobalOptions>(), async (session) => {
        write(render(await spec.load(session, opts), spec.columns(opts), format, spec.json));
      });
    });
}
