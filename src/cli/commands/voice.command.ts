// parentis voice: the young people's councils' priorities, "you said, we did", and the actions that answer them.
import type { Command } from 'commander';
import type { VoiceView } from '../../services/voice.service.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

export function register(program: Command): void {
  program
    .command('voice')
    .description('list the young people\'s priorities with "you said, we did" and linked actions')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const items = await app.services.voice.list(ctx);
        write(
          render<VoiceView>(
            items,
            [
              { header: 'raised', value: (v) => v.raisedOn },
              { header: 'council', value: (v) => v.council, width: 20 },
              { header: 'priority', value: (v) => v.priority, width: 28 },
              { header: 'you said', value: (v) => v.youSaid, width: 36 },
              { header: 'we did', value: (v) => v.weDid, width: 36 },
              { header: 'status', value: (v) => v.status },
              { header: 'actions', value: (v) => v.actions.join('\n'), width: 34 },
            ],
            format,
            (v) => v,
          ),
        );
      });
    });
}
