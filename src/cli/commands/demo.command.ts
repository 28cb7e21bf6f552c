// parentis demo: loads the demonstration authority; safe to run again, and completes an interrupted load.
// Its sign-in accounts (published password) only in demonstration mode; refused where the demonstration is.
import type { Command } from 'commander';
import { ConflictError } from '../../domain/errors.ts';
import { write } from '../output.ts';
import { withApp } from '../session.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      "load the fictional Westmere County Council with its plans, risks, young people's priorities and glossary; its sign-in accounts only in demonstration mode (the embedded database, or PARENTIS_DEMO=on)",
    )
    .action(async () => {
      await withApp(async (app, config) => {
        if (config.demoRefusedBy !== undefined) {
          throw new ConflictError(`${config.demoRefusedBy} refuses the demonstration: nothing was loaded. Load it into a database of its own, without ${config.demoRefusedBy}.`);
        }
        const withAccounts = config.demoMode;
        const r = await app.services.demo.load((step) => write(`${step}\n`), { withAccounts });
        write(
          r.added.length === 0
            ? `The demonstration authority ${r.organisation.name} is already loaded.\n`
            : `Loaded the demonstration authority ${r.organisation.name}.\n`,
        );
        if (!withAccounts) {
          write('No sign-in accounts were added: the demonstration accounts share a published password, so they come only in demonstration mode (PARENTIS_DEMO=on).\n');
        }
      });
    });
}
