// Who is acting, for which authority: passed to every service call and written to the audit trail.
import { today } from '../domain/dates.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';

export interface Ctx {
  organisationId: number;
  /** A person's name or account, recorded on every change they make. */
  actor: string;
  /** The date derived figures (overdue, days since update) are worked out for; today unless set. */
  asOf?: string | undefined;
  /**
   * The signed-in person's role and account, when the call comes from the web pages or the API.
   * Left unset by the command line: whoever runs it already holds the database itself.
   */
  role?: Role | undefined;
  userId?: number | undefined;
}

export const asOfDate = (ctx: Ctx): string => ctx.asOf ?? today();

/**
 * Refuses the call unless the caller is the command line or holds one of the roles. Administrators
 * are listed where they are allowed: they do not see child-level data.
 */
export function requireRole(ctx: Ctx, allowed: readonly Role[], what: string): void {
  if (ctx.role === undefined || allowed.includes(ctx.role)) return;
  throw new ForbiddenError(`Your role does not allow you to ${what}.`);
}
