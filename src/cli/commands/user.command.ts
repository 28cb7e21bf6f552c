// parentis user add | list | role | rename | disable | enable | password-link: sign-in accounts and
// their lifecycle. Passwords come from --password, a prompt, or PARENTIS_PASSWORD.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isRole, roleLabels, roles } from '../../domain/roles.ts';
import type { UserSummary } from '../../services/account.service.ts';
import { listCommand } from '../list-command.ts';
import { write } from '../output.ts';
import { choosePassword } from '../password.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { io } from '../io.ts';

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
    .option('--identity-provider <issuer>', "signs in through this identity provider (its issuer URL, as OIDC_ISSUER) instead of a password")
    .option('--subject <id>', "the person's subject at the identity provider (the ID token's sub claim)")
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
  user
    .command('role')
    .description("change a person's role (never the authority's last administrator's)")
    .argument('<email>', 'the account')
    .argument('<role>', `one of ${roles.join(', ')}`, roleOption)
    .action(async (email: string, role: string, _opts: object, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const found = await app.services.accounts.findUser(ctx, email);
        const u = await app.services.accounts.changeUser(ctx, found.id, { role });
        write(`${u.name} <${u.email}> is now ${roleLabels[u.role]} (${u.role}).\n`);
      });
    });
  user
    .command('rename')
    .description("change a person's name (as the plans write it)")
    .argument('<email>', 'the account')
    .argument('<name>', 'the new name')
    .action(async (email: string, name: string, _opts: object, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const found = await app.services.accounts.findUser(ctx, email);
        const u = await app.services.accounts.changeUser(ctx, found.id, { name });
        write(`${u.email} is now named ${u.name}.\n`);
      });
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(verb)
      .description(disabled ? 'disable an account: its sessions end and its API tokens stop working at once' : 'enable a disabled account again')
      .argument('<email>', 'the account')
      .action(async (email: string, _opts: object, cmd: Command) => {
        await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
          const found = await app.services.accounts.findUser(ctx, email);
          const u = await app.services.accounts.setDisabled(ctx, found.id, disabled);
          write(`${u.name} <${u.email}> is ${u.disabled ? 'disabled' : 'enabled'}.\n`);
        });
      });
  }
  user
    .command('password-link')
    .description('make a one-time link for a person to set their password (shown once, works for 24 hours)')
    .argument('<email>', 'the account')
    .requiredOption('--base-url <url>', 'the address people open Parentis at, e.g. https://parentis.council.example')
    .action(async (email: string, opts: { baseUrl: string }, cmd: Command) => {
      let base: URL;
      try {
        base = new URL(opts.baseUrl);
      } catch {
        throw new InvalidArgumentError(`--base-url ${opts.baseUrl} is not an address like https://parentis.council.example`);
      }
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const found = await app.services.accounts.findUser(ctx, email);
        const link = await app.services.accounts.createPasswordLink(ctx, found.id);
        write(`${new URL(`/set-password/${encodeURIComponent(link.token)}`, base).toString()}\n`);
        io().stderr.write(`For ${link.user.name} <${link.user.email}>; it works once, until ${link.expiresAt.toISOString()}.\n`);
      });
    });
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
