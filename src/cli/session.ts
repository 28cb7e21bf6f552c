// Opens Parentis for one command: configuration, database, the authority and who is acting.
import os from 'node:os';
import { compose, type App } from '../composition.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Ctx } from '../services/context.ts';
import { io } from './io.ts';

export interface GlobalOptions {
  org?: string;
  by?: string;
  asOf?: string;
}

export interface Session {
  app: App;
  config: Config;
  ctx: Ctx;
}

export function actorName(config: Config, by?: string): string {
  return by ?? config.cliUser ?? `${os.userInfo().username} (command line)`;
}

/** Runs fn with the database open, and always closes it. */
export async function withApp<T>(fn: (app: App, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(io().env);
  const app = await compose(config, io().openDatabase);
  try {
    return await fn(app, config);
  } finally {
    await app.close();
  }
}

/** As withApp, for commands that work on one authority's data. */
export function withSession<T>(opts: GlobalOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  return withApp(async (app, config) => {
    const org = await app.services.organisations.resolve(opts.org);
    const ctx: Ctx = { organisationId: org.id, actor: actorName(config, opts.by), asOf: opts.asOf, clock: app.services.clock };
    return fn({ app, config, ctx });
  });
}
