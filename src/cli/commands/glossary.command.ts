// parentis glossary: the acronyms and terms of the sector, as used in this authority's plans.
import type { Command } from 'commander';
import type { GlossaryTerm } from '../../services/glossary.service.ts';
import { listCommand } from '../list-command.ts';

export function register(program: Command): void {
  listCommand<GlossaryTerm, object>(program, {
    name: 'glossary',
    description: 'list the glossary of acronyms and terms',
    load: ({ app, ctx }) => app.services.glossary.list(ctx),
    columns: () => [
      { header: 'term', value: (t) => t.term },
      { header: 'stands for', value: (t) => t.expansion, width: 40 },
      { header: 'meaning', value: (t) => t.definition, width: 60 },
    ],
    json: (t) => ({ term: t.term, expansion: t.expansion, definition: t.definition }),
  });
}
