// Starts Parentis: migrate, load the demonstration authority in demo mode (or refuse a database
// holding it when the demonstration is refused), then serve.
import { compose, noteServerAddress, type App } from '../composition.ts';
import { listenHost, type Config } from '../config.ts';
import { buildServer } from './server.ts';

export async function start(config: Config, say: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<() => Promise<void>> {
  const app = await compose(config);
  try {
    say(`Parentis: ${app.handle.kind === 'embedded' ? `embedded database in ${app.handle.location}` : `PostgreSQL server ${app.handle.location}`}`);
    const demonstration = await prepareDemonstration(app, config, say);
    const interrupted = await app.services.ssda903.failInterruptedImports(app.handle.kind === 'embedded');
    if (interrupted > 0) say(`${interrupted === 1 ? 'A 903 import was' : `${interrupted} 903 imports were`} stopped part-way when Parentis last stopped: marked failed, nothing of them stored.`);
    if (demonstration) {
      const accounts = await app.services.demo.presentAccounts();
      if (accounts.length > 0) for (const line of demoSignInLines(accounts)) say(line);
    } else if (await app.services.deployment.needsSetUp()) {
      say('No authority is set up yet: open Parentis in a browser to set it up, or run "parentis init".');
    }
    const server = buildServer(app, config);
    const host = listenHost(config.host, demonstration);
    await server.listen({ port: config.port, host });
    const address = server.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const reach = config.host !== undefined ? `on ${host}, as HOST says` : demonstration ? `on ${host}: this computer only, as the demonstration's passwords are published; set HOST to change it` : `on ${host}`;
    say(`Parentis is listening on http://localhost:${port}/ (${reach})`);
    const forget = config.databaseUrl === undefined ? noteServerAddress(config.dataDir, `http://localhost:${port}`) : () => undefined;
    // Reminders go out from every server; the database hands each reminder to one of them.
    const stopSender =
      config.reminderIntervalSeconds > 0
        ? app.services.reminders.start(config.reminderIntervalSeconds * 1000, (err) => server.log.error({ err }, 'sending reminders failed; trying again at the next run'))
        : () => Promise.resolve();
    let stopping: Promise<void> | undefined;
    return () => {
      forget();
      stopping ??= stopSender()
        .then(() => server.close())
        .then(() => app.close());
      return stopping;
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}

/**
 * Whether this start serves the demonstration: loads (or completes) it into an empty database in
 * demonstration mode; throws when the demonstration is refused and the database holds it.
 */
async function prepareDemonstration(app: App, config: Config, say: (line: string) => void): Promise<boolean> {
  const { deployment, demo } = app.services;
  const mode = await deployment.mode();
  if (config.demoRefusedBy !== undefined) {
    const accounts = await demo.presentAccounts();
    if (mode !== 'demo' && accounts.length === 0) return false;
    const holds = mode === 'demo' ? 'is the demonstration (fictional data)' : `holds ${accounts.length} demonstration accounts, whose password is published`;
    const where = config.databaseUrl === undefined ? 'DATA_DIR' : 'DATABASE_URL';
    throw new Error(
      `refusing to start: ${config.demoRefusedBy} refuses the demonstration and this database ${holds}. Point ${where} at a new, empty database and set your authority up with "parentis init" or in the browser, or start without ${config.demoRefusedBy} to look at the demonstration.`,
    );
  }
  if (config.demoMode && (mode === 'demo' || (await deployment.needsSetUp())) && !(await demo.isComplete())) {
    say('Demonstration mode: loading the fictional Westmere County Council…');
    await demo.load((step) => say(`  ${step}`));
    return true;
  }
  return mode === 'demo';
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
