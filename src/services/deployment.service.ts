// How the database was set up, and setting up a real authority: its first administrator, the
// authority and the database's "real" mark land together in one transaction, audited.
import { z } from 'zod';
import type { DeploymentMode } from '../db/types.ts';
import { shortNameOf } from '../domain/authority-name.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import type { Organisation } from '../repositories/organisation.repository.ts';
import type { Store } from '../repositories/store.ts';
import { insertUser, MIN_PASSWORD_LENGTH, type UserSummary } from './account.service.ts';

export type { DeploymentMode };

export const setUpSchema = z.object({
  authority: z.string().trim().min(1, 'Enter the authority’s name').max(200, 'The authority’s name must be 200 characters or fewer'),
  laCode: z.string().trim().regex(/^\d{3}$/, 'Enter the authority’s DfE LA code: 3 digits, like 908'),
  adminName: z.string().trim().min(1, 'Enter the administrator’s name').max(200, 'A name must be 200 characters or fewer'),
  adminEmail: z.string().trim().min(1, 'Enter the administrator’s e-mail address').email('Enter an e-mail address in the correct format, like name@example.org'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `A password must be at least ${MIN_PASSWORD_LENGTH} characters long`),
});
export type SetUpInput = z.input<typeof setUpSchema>;

/** The account rules' field names as the set-up form and command name them. */
const ACCOUNT_FIELDS: Record<string, keyof SetUpInput> = { email: 'adminEmail', name: 'adminName', password: 'password' };

export interface SetUpResult {
  organisation: Organisation;
  admin: UserSummary;
}

export class DeploymentService {
  constructor(private readonly store: Store) {}

  /** 'demo', 'real', or undefined while the database holds no authority of either kind. */
  async mode(): Promise<DeploymentMode | undefined> {
    return this.store.read.deployment.mode();
  }

  /** True while nobody has set the database up: no mark and no authority. */
  async needsSetUp(): Promise<boolean> {
    if ((await this.store.read.deployment.mode()) !== undefined) return false;
    return (await this.store.read.organisations.list()).length === 0;
  }

  /**
   * Sets up a real authority with its first administrator and marks the database real. Refused when
   * the database already holds an authority or a mark. A ValidationError names the SetUpInput field.
   */
  async setUp(raw: SetUpInput, actor?: string): Promise<SetUpResult> {
    const parsed = setUpSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError(issue.message, issue.path.map(String).join('.'));
    }
    const input = parsed.data;
    return this.store.transaction(async (repos) => {
      const existing = await repos.organisations.list();
      const mode = await repos.deployment.mode();
      if (existing.length > 0 || mode !== undefined) {
        const what = mode === 'demo' ? 'the demonstration' : existing.map((o) => o.name).join(', ') || 'an authority';
        throw new ConflictError(`Parentis is already set up here (${what}): set-up is only for a new, empty database.`);
      }
      // The mark is written once: a set-up racing this one waits for it, then finds the row and stops.
      if (!(await repos.deployment.mark('real')).written) throw new ConflictError('Parentis has just been set up by someone else: sign in instead.');
      const values = { name: input.authority, shortName: shortNameOf(input.authority), laCode: input.laCode, region: null };
      const organisation = await repos.organisations.insert(values);
      const who = actor ?? input.adminName;
      await repos.audit.record({
        organisationId: organisation.id,
        actor: who,
        event: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        entityKey: organisation.shortName,
        before: null,
        after: { ...values, deployment: 'real' },
      });
      let admin: UserSummary;
      try {
        admin = await insertUser(
          repos,
          { organisationId: organisation.id, actor: who },
          { email: input.adminEmail, name: input.adminName, role: 'admin', password: input.password },
        );
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const field = ACCOUNT_FIELDS[err.field ?? ''] ?? 'adminEmail';
        throw new ValidationError(err.message.replace(/^[\w.]+: /, ''), field);
      }
      return { organisation, admin };
    });
  }
}
