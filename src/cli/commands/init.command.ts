// parentis init: sets up a real authority with its first administrator in a new database, and marks
// the database real so it never gets the demonstration's accounts.
import type { Command } from 'commander';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import type { SetUpInput } from '../../services/deployment.service.ts';
import { write } from '../output.ts';
import { choosePassword } from '../password.ts';
import { actorName, withApp, type GlobalOptions } from '../session.ts';

/** The command's option for each field of the set-up, so a message names what to change. */
const OPTION_FOR: Record<keyof SetUpInput, string> = {
  authority: '--authority',
  laCode: '--la-code',
  adminName: '--admin-name',
  adminEmail: '--admin-email',
  password: '--password',
};

export function register(program: Command): void {
  program
    .command('init')
    .description('set up your authority and its first administrator in a new database (instead of the demonstration)')
    .requiredOption('--authority <name>', "the authority's name, e.g. \"Westmere County Council\"")
    .requiredOption('--la-code <code>', "the authority's 3-digit DfE LA code, e.g. 908")
    .requiredOption('--admin-email <address>', 'the e-mail address the first administrator signs in with')
    .option('--admin-name <name>', "the administrator's name", 'Administrator')
    .option('--password <password>', "the administrator's password (otherwise typed at a prompt, or PARENTIS_PASSWORD)")
    .action(async (opts: { authority: string; laCode: string; adminEmail: string; adminName: string; password?: string }, cmd: Command) => {
      await withApp(async (app, config) => {
        // Before asking for a password: a database set up already is refused whatever is typed.
        if (!(await app.services.deployment.needsSetUp())) {
          const mode = await app.services.deployment.mode();
          throw new ConflictError(
            `this database is set up already (${mode === 'demo' ? 'it holds the demonstration' : 'it holds an authority'}): nothing was changed. Use a new DATA_DIR or database to set up another.`,
          );
        }
        const password = await choosePassword(opts.password);
        const input: SetUpInput = { authority: opts.authority, laCode: opts.laCode, adminName: opts.adminName, adminEmail: opts.adminEmail, password };
        try {
          const { organisation, admin } = await app.services.deployment.setUp(input, actorName(config, cmd.optsWithGlobals<GlobalOptions>().by));
          write(`Set up ${organisation.name} (LA code ${organisation.laCode ?? ''}, short name ${organisation.shortName}) with its administrator ${admin.name} <${admin.email}>.\n`);
          write('Start Parentis and sign in with that e-mail address and password.\n');
        } catch (err) {
          if (err instanceof ValidationError && err.field !== undefined && err.field in OPTION_FOR) {
            throw new ValidationError(`${OPTION_FOR[err.field as keyof SetUpInput]}: ${err.message}: nothing was changed`, err.field);
          }
          throw err;
        }
      });
    });
}
