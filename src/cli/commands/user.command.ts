// parentis user add | list: sign-in accounts. Passwords come from --password, a prompt, or PARENTIS_PASSWORD.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { passwordFromEnv } from '../../config.ts';
import { ValidationError } from '../../domain/errors.ts';
import { isRole, roleLabels, roles } from '../../domain/roles.ts';
import type { UserSummary } from '../../services/account.service.ts';
import { listCommand } from '../list-command.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

function roleOption(value: string): string {
  const v = value.trim().toLowerCase();
  if (!isRole(v)) throw new InvalidArgumentError(`choose one of ${roles.join(', ')}`);
  return v;
}

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
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

async function choosePassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (process.stdin.isTTY) {
    const first = await readHidden('Password for the new account: ');
    const again = await readHidden('Type it again: ');
    if (first !== again) throw new ValidationError('the two passwords differ: no account was added', 'password');
    return first;
  }
  const fromEnv = passwordFromEnv();
  if (fromEnv !== undefined) return fromEnv;
  throw new ValidationError(
    'give a password with --password, set PARENTIS_PASSWORD, or run the command in a terminal to type it (or use --identity-provider and --subject for an account that signs in through the identity provider)',
    'password',
  );
}

export function register(program: Command): void {
  const user = program.command('user').description('sign-in accounts');
  user
    .command('add')
    .description('add an account that signs in to the web pages')
    .requiredOption('--email <address>', 'the e-mail address the person signs in with')
    .requiredOption('--name <name>', 'their name as plans write it (owners and leads are matched by name)')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`, roleOption)
    .option('--password <password>', 'the password (otherwise typed at a prompt, or PARENTIS_PASSWORD)')
    .option('--identity-provider <name>', 'signs in through this identity provider instead of a password')
    .option('--subject <id>', "the person's subject (user id) at the identity provider")
    .action(
      async (
        opts: { email: string; name: string; role: string; password?: string; identityProvider?: string; subject?: string },
        cmd: Command,
      ) => {
        const external = opts.identityProvider !== undefined || opts.subject !== undefined;
        const password = external && opts.password === undefined ? undefined : await choosePassword(opts.password);
        await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
          const u = await app.services.accounts.addUser(ctx, {
            email: opts.email,
            name: opts.name,
            role: opts.role,
            password,
            identityProvider: opts.identityProvider,
            subject: opts.subject,
          });
          write(`Added ${u.name} <${u.email}> as ${roleLabels[u.role]} (${u.role}).\n`);
        });
      },
    );
  listCommand<UserSummary, object>(user, {
    name: 'list',
    description: 'list the accounts',
    load: ({ app, ctx }) => app.services.accounts.listUsers(ctx),
    columns: () => [
      { header: 'e-mail', value: (u) => u.email },
      { header: 'name', value: (u) => u.name },
      { header: 'role', value: (u) => u.role },
      { header: 'signs in with', value: (u) => [u.localPassword ? 'password' : '', u.identityProvider ?? ''].filter(Boolean).join(', ') },
      { header: 'disabled', value: (u) => (u.disabled ? 'yes' : '') },
    ],
    json: (u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, localPassword: u.localPassword, identityProvider: u.identityProvider, disabled: u.disabled }),
  });
}
