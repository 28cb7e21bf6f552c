// Starts Parentis: migrate, load the demonstration authority in demo mode, then serve.
import { compose } from '../composition.ts';
import type { Config } from '../config.ts';
import { buildServer } from './server.ts';

export async function start(config: Config, say: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<() => Promise<void>> {
  const app = await compose(config);
  try {
    say(`Parentis: ${app.handle.kind === 'embedded' ? `embedded database in ${app.handle.location}` : `PostgreSQL server ${app.handle.location}`}`);
    if (config.demoMode && !(await app.services.demo.isComplete())) {
      say('Demonstration mode: loading the fictional Westmere County Council…');
      await app.services.demo.load((step) => say(`  ${step}`));
    }
    const server = buildServer(app, config);
    await server.listen({ port: config.port, host: config.host });
    const address = server.server.address();
    say(`Parentis is listening on http://localhost:${typeof address === 'object' && address !== null ? address.port : config.port}/`);
    let stopping: Promise<void> | undefined;
    return () => {
      stopping ??= server.close().then(() => app.close());
      return stopping;
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Stops cleanly on Ctrl-C or a service manager's TERM, so the embedded database closes its files. */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
