// A password for a new account on the command line: --password, typed twice at a prompt without
// echo, or PARENTIS_PASSWORD when nobody is there to type it.
import { passwordFromEnv } from '../config.ts';
import { ValidationError } from '../domain/errors.ts';
import { io } from './io.ts';

/** Reads a line from the terminal without echoing it. */
function readHidden(stdin: NodeJS.ReadStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stderr } = io();
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled: no account was added'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The password given, else typed twice at a prompt, else PARENTIS_PASSWORD; else a message saying
 * how to give one, ending with `otherwise` (another way the command offers).
 */
export async function choosePassword(given: string | undefined, otherwise = ''): Promise<string> {
  if (given !== undefined) return given;
  const { stdin } = io();
  if (stdin?.isTTY) {
    const first = await readHidden(stdin, 'Password for the new account: ');
    const again = await readHidden(stdin, 'Type it again: ');
    if (first !== again) throw new ValidationError('the two passwords differ: no account was added', 'password');
    return first;
  }
  const fromEnv = passwordFromEnv(io().env);
  if (fromEnv !== undefined) return fromEnv;
  throw new ValidationError(
    `give a password with --password, set PARENTIS_PASSWORD, or run the command in a terminal to type it${otherwise}`,
    'password',
  );
}
