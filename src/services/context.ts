// Who is acting, for which authority: passed to every service call and written to the audit trail.
import { ForbiddenError } from '../domain/errors.ts';
import { can, type Capability } from '../domain/capabilities.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import type { Role } from '../domain/roles.ts';
import type { MeasureMarkRow } from '../repositories/measure.repository.ts';

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
  /** The time and today's date; the system clock unless set (PARENTIS_TODAY pins the date). */
  clock?: Clock | undefined;
  /**
   * The marks kept measure figures are checked against (the data mark and the threshold setting),
   * read with the session at the start of a page request that changes nothing (a GET); unset, the
   * measure service reads them itself.
   */
  measureMark?: MeasureMarkRow | undefined;
  /** Set when an owner without an account writes through a partner link: their e-mail address, for the audit trail. */
  viaLink?: { email: string } | undefined;
}

/** Who the audit trail names: the person, and for a partner link their address and "via link". */
export const auditActor = (ctx: Ctx): string => (ctx.viaLink === undefined ? ctx.actor : `${ctx.actor} <${ctx.viaLink.email}> via link`);

/** Today's date in England, or the pinned date. */
export const todayFor = (ctx: Ctx): string => (ctx.clock ?? systemClock).today();

/** The moment, from the same clock. */
export const nowFor = (ctx: Ctx): Date => (ctx.clock ?? systemClock).now();

export const asOfDate = (ctx: Ctx): string => ctx.asOf ?? todayFor(ctx);

/** Refuses the call, saying what was refused, unless the caller is the command line or their role holds the capability. */
export function requireCapability(ctx: Ctx, capability: Capability, what: string): void {
  if (can(ctx.role, capability)) return;
  throw new ForbiddenError(`Your role does not allow you to ${what}.`);
}
