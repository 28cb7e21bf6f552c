// parentis voice: the young people's councils' priorities, "you said, we did", and the actions that answer them.
import type { Command } from 'commander';
import type { VoiceView } from '../../services/voice.service.ts';
import { listCommand } from '../list-command.ts';

export function register(program: Command): void {
  listCommand<VoiceView, object>(program, {
    name: 'voice',
    description: 'list the young people\'s priorities with "you said, we did" and linked actions',
    load: ({ app, ctx }) => app.services.voice.list(ctx),
    columns: () => [
      { header: 'raised', value: (v) => v.raisedOn },
      { header: 'council', value: (v) => v.council, width: 20 },
      { header: 'priority', value: (v) => v.priority, width: 28 },
      { header: 'you said', value: (v) => v.youSaid, width: 36 },
      { header: 'we did', value: (v) => v.weDid, width: 36 },
      { header: 'status', value: (v) => v.status },
      { header: 'actions', value: (v) => v.actions.join('\n'), width: 34 },
    ],
    json: (v) => v,
  });
}
