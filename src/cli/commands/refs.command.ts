// parentis refs: every cross-reference in use (challenge, inspection recommendation, programme …) with its actions.
import type { Command } from 'commander';
import type { RefCount } from '../../services/actions/index.ts';
import { listCommand } from '../list-command.ts';

export function register(program: Command): void {
  listCommand<RefCount, object>(program, {
    name: 'refs',
    description: 'list the cross-references in use and how many actions carry each; "actions --ref kind:value" lists them',
    load: ({ app, ctx }) => app.services.actions.refs(ctx),
    columns: () => [
      { header: 'reference', value: (r) => `${r.kind}:${r.value}` },
      { header: 'actions', value: (r) => r.actions },
    ],
    json: (r) => r,
  });
}
