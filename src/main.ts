// Process entry for `npm start`: migrate, demo data on an empty embedded database, serve.
import { loadConfig } from './config.ts';
import { start, stopOnSignals } from './web/start.ts';

try {
  stopOnSignals(await start(loadConfig()));
} catch (err) {
  process.stderr.write(`parentis: ${(err as Error).message}\n`);
  process.exit(1);
}
