// Who is acting, for which authority: passed to every service call and written to the audit trail.
import { today } from '../domain/dates.ts';

export interface Ctx {
  organisationId: number;
  /** A person's name or account, recorded on every change they make. */
  actor: string;
  /** The date derived figures (overdue, days since update) are worked out for; today unless set. */
  asOf?: string | undefined;
}

export const asOfDate = (ctx: Ctx): string => ctx.asOf ?? today();
