// What a command reads its settings from and writes to: the process's environment and standard
// streams, or those given to runCommandLine for one run (several runs can share a process at once).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OpenDatabase } from '../composition.ts';

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Whether someone can type at a prompt (the password is then asked for, without echo). */
  stdin: NodeJS.ReadStream | undefined;
  /**
   * How the command opens the database; unset, as the process does. The command-line tests run many
   * commands in one process and keep an embedded database open between those on the same store.
   */
  openDatabase?: OpenDatabase;
}

const processIo = (): CommandIo => ({ env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

const current = new AsyncLocalStorage<CommandIo>();

/** The settings and streams of the command running now. */
export const io = (): CommandIo => current.getStore() ?? processIo();

/** Runs fn with these settings and streams as the command's own. */
export const withIo = <T>(given: CommandIo, fn: () => Promise<T>): Promise<T> => current.run(given, fn);
