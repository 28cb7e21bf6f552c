// parentis user add | list: sign-in accounts. Passwords come from --password, a prompt, or PARENTIS_PASSWORD.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isRole, roleLabels, roles } from '../../domain/roles.ts';
import type { UserSummary } from '../../services/account.service.ts';
import { listCommand } from '../list-command.ts';
import { write } from '../output.ts';
import { choosePassword } from '../password.ts';
import { withSession, type GlobalOptions } from '../session.ts';

function roleOption(value: string): string {
  const v = value.trim().toLowerCase();
  if (!isRole(v)) throw new InvalidArgumentError(`choose one of ${roles.join(', ')}`);
  return v;
}

const IDENTITY_PROVIDER_INSTEAD = ' (or use --identity-provider and --subject for an account that signs in through the identity provider)';

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
        const password = external && opts.password === undefined ? undefined : await choosePassword(opts.password, IDENTITY_PROVIDER_INSTEAD);
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
