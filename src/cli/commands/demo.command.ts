// parentis demo: loads the demonstration authority; safe to run again, and completes an interrupted load.
import type { Command } from 'commander';
import { write } from '../output.ts';
import { withApp } from '../session.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description('load the fictional Westmere County Council with its plans, risks, young people\'s priorities and glossary')
    .action(async () => {
      await withApp(async (app) => {
        const r = await app.services.demo.load((step) => write(`${step}\n`));
        write(
          r.added.length === 0
            ? `The demonstration authority ${r.organisation.name} is already loaded.\n`
            : `Loaded the demonstration authority ${r.organisation.name}.\n`,
        );
      });
    });
}
