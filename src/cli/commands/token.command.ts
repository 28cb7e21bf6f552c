// parentis token create | list | revoke: API tokens for scripts and reporting tools (sent as a bearer token).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { TokenSummary } from '../../services/account.service.ts';
import { listCommand } from '../list-command.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { io } from '../io.ts';

const stamp = (d: Date | null): string => (d === null ? '' : d.toISOString().replace('T', ' ').slice(0, 16));

function idArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a token id is a whole number, as shown by "parentis token list"');
  return n;
}

export function register(program: Command): void {
  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token that acts as a person; it is shown once')
    .requiredOption('--user <email>', 'the account the token acts as (its role applies)')
    .option('--name <name>', 'what the token is for', 'API token')
    .action(async (opts: { user: string; name: string }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const created = await app.services.accounts.createToken(ctx, opts.user, opts.name);
        write(`${created.token}\n`);
        io().stderr.write(`Token ${created.id} for ${opts.user.trim().toLowerCase()}. Keep it now: it is not shown again.\n`);
      });
    });
  listCommand<TokenSummary, object>(token, {
    name: 'list',
    description: 'list API tokens (never the tokens themselves)',
    load: ({ app, ctx }) => app.services.accounts.listTokens(ctx),
    columns: () => [
      { header: 'id', value: (t) => t.id },
      { header: 'user', value: (t) => t.email },
      { header: 'name', value: (t) => t.name },
      { header: 'created', value: (t) => stamp(t.createdAt) },
      { header: 'last used', value: (t) => stamp(t.lastUsedAt) },
      { header: 'revoked', value: (t) => stamp(t.revokedAt) },
    ],
    json: (t) => ({ id: t.id, user: t.email, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt }),
  });
  token
    .command('revoke <id>')
    .description('revoke an API token; it stops working at once')
    .action(async (idText: string, _opts: object, cmd: Command) => {
      const id = idArgument(idText);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const t = await app.services.accounts.revokeToken(ctx, id);
        write(`Token ${t.id} (${t.name}, for ${t.email}) is revoked.\n`);
      });
    });
}
