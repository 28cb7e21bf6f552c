// parentis migrate: brings the database schema up to date.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { migrateDatabase } from '../../composition.ts';
import { write } from '../output.ts';
import { io } from '../io.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .action(async () => {
      const applied = await migrateDatabase(loadConfig(io().env), io().openDatabase);
      write(applied.length === 0 ? 'The database is up to date.\n' : `Applied ${applied.join(', ')}.\n`);
    });
}
