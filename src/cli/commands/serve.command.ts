// parentis serve: the web server (what npm start runs).
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { io } from '../io.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('migrate the database and serve Parentis on PORT (default 3000)')
    .action(async () => {
      // The web stack is loaded only for this command, so the others start quickly.
      const { start, stopOnSignals } = await import('../../web/start.ts');
      stopOnSignals(await start(loadConfig(io().env)));
    });
}
