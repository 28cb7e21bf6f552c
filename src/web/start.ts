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
    if (config.demoMode) for (const line of demoSignInLines(app.services.demo.accounts())) say(line);
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

/** The demonstration accounts as a small table: demonstration mode only, never for a real database. */
export function demoSignInLines(accounts: { role: string; email: string; name: string; password: string }[]): string[] {
  const rows = [['role', 'e-mail', 'name', 'password'], ...accounts.map((a) => [a.role, a.email, a.name, a.password])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return [
    'Sign in with one of the demonstration accounts (demonstration mode only):',
    ...rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`),
  ];
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
