// The home page: the signed-in person's actions, what is due, their late updates and, for leads and
// managers, the proposals and deadline requests waiting for their decision.
import { can } from '../../domain/capabilities.ts';
import { asOfDate } from '../../services/context.ts';
import { actionPath } from '../kit/paths.ts';
import type { PageRoutes } from '../routes.ts';
import { decisionRows, DUE_WITHIN_DAYS, dueSoon, homeRow, LATE_UPDATE_DAYS, lateUpdates, overdue, OVERDUE_SHOWN, overdueByPlan } from './home-view.ts';

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const homeRoutes: PageRoutes = (server) => {
  server.get('/', async (request, reply) => {
    const ctx = request.ctx();
    const asOf = asOfDate(ctx);
    const role = request.user?.role;
    // Owners see what is due on their own actions; everyone else looks across the authority, where
    // only the open actions overdue or due within DUE_WITHIN_DAYS are listed or counted.
    const [mine, all, awaiting, requests] = await Promise.all([
      server.services.actions.mine(ctx),
      role === 'owner' ? Promise.resolve(null) : server.services.actions.list(ctx, { dueBy: addDays(asOf, DUE_WITHIN_DAYS) }),
      server.services.actions.awaitingDecision(ctx),
      server.services.rounds.mine(ctx),
    ]);
    const myRows = mine.map((a) => homeRow(a, asOf));
    const scope = all === null ? myRows : all.map((a) => homeRow(a, asOf));
    const late = overdue(scope);
    return reply.page('home/home.njk', {
      mine: myRows,
      requests: requests.map((r) => ({ ...r, href: actionPath(r.actionKey, 'update') })),
      lateUpdates: lateUpdates(myRows),
      dueSoon: dueSoon(scope),
      overdue: late.slice(0, OVERDUE_SHOWN),
      overdueTotal: late.length,
      overdueByPlan: overdueByPlan(scope),
      scopeIsMine: all === null,
      decisions: decisionRows(awaiting),
      decides: role !== undefined && (can(role, 'actions.manage') || can(role, 'actions.decide-led')),
      lateDays: LATE_UPDATE_DAYS,
      dueDays: DUE_WITHIN_DAYS,
    });
  });
  return Promise.resolve();
};

export default homeRoutes;
