// The home page: what the signed-in person has to do or to know first, by role (home-view.ts's
// HOME_SECTIONS), reading only what the page will show.
import { can } from '../../domain/capabilities.ts';
import { asOfDate } from '../../services/context.ts';
import type { PageRoutes } from '../routes.ts';
import { snapshotChangesPath, snapshotPath } from '../kit/paths.ts';
import {
  decisionRows,
  headline,
  HOME_SECTIONS,
  homeRow,
  lateRounds,
  LATE_UPDATE_DAYS,
  DUE_WITHIN_DAYS,
  mayUpdate,
  mineRows,
  otherRequests,
  overdue,
  OVERDUE_SHOWN,
  overdueByPlan,
  planStates,
  sinceLastBoardLines,
  type HomeSection,
} from './home-view.ts';

const homeRoutes: PageRoutes = (server) => {
  server.get('/', async (request, reply) => {
    const ctx = request.ctx();
    const asOf = asOfDate(ctx);
    // ctx() has already refused a request nobody signed in to, so the page always has a role.
    const role = ctx.role ?? 'viewer';
    const sections = new Set<HomeSection>(HOME_SECTIONS[role]);
    const has = (s: HomeSection): boolean => sections.has(s);
    const { actions, plans, rounds, dashboards, snapshots } = server.services;
    const none = Promise.resolve(null);
    const [mine, requests, awaiting, all, planList, roundList, dashboard, lastBoard] = await Promise.all([
      has('mine') ? actions.mine(ctx) : none,
      has('mine') ? rounds.mine(ctx) : none,
      has('decisions') ? actions.awaitingDecision(ctx) : none,
      has('late') ? actions.list(ctx, { dueBy: asOf, overdue: true }) : none,
      has('plans') ? plans.list(ctx) : none,
      has('late') && can(role, 'rounds.manage') ? rounds.list(ctx) : none,
      has('headline') ? dashboards.show(ctx, null) : none,
      has('sinceLastBoard') ? snapshots.latestChanges(ctx) : none,
    ]);

    // Every action once: what waits for a decision is not listed again among the person's own or the late ones.
    const decisions = awaiting === null ? null : decisionRows(awaiting);
    const shown = new Set((decisions ?? []).map((d) => d.key));
    const myRows = (mine ?? []).map((a) => homeRow(a, asOf)).filter((r) => !shown.has(r.key));
    const own = mine === null ? null : mineRows(myRows, requests ?? []);
    for (const r of own?.open ?? []) shown.add(r.key);
    // Only roles asked to keep actions up to date see the part about their own when nothing names them.
    const showMine = own !== null && (own.open.length > 0 || own.complete > 0 || role === 'owner' || role === 'lead');
    const late = all === null ? null : overdue(all.map((a) => homeRow(a, asOf)));
    const lateUnlisted = late?.filter((r) => !shown.has(r.key)) ?? [];

    return reply.page('home/home.njk', {
      role,
      decisions,
      mine: showMine ? own : null,
      otherRequests: showMine ? otherRequests(requests ?? [], myRows) : [],
      mayUpdate: mayUpdate(role),
      late:
        late === null
          ? null
          : {
              total: late.length,
              listed: lateUnlisted.slice(0, OVERDUE_SHOWN),
              listedElsewhere: late.length - lateUnlisted.length,
              byPlan: overdueByPlan(late),
              rounds: roundList === null ? null : lateRounds(roundList),
            },
      plans: planList === null ? null : planStates(planList),
      headline: dashboard === null ? null : headline(dashboard.asAt, dashboard.groups.flatMap((g) => g.tiles)),
      // What moved between the last two closed rounds' snapshots: the last board against the one before.
      sinceLastBoard: !has('sinceLastBoard')
        ? null
        : lastBoard === null
          ? { changes: null }
          : { changes: sinceLastBoardLines(lastBoard), name: lastBoard.snapshot.name, number: lastBoard.snapshot.number, href: lastBoard.since === null ? snapshotPath(lastBoard.snapshot.number) : snapshotChangesPath(lastBoard.snapshot.number) },
      lateDays: LATE_UPDATE_DAYS,
      dueDays: DUE_WITHIN_DAYS,
    });
  });
  return Promise.resolve();
};

export default homeRoutes;
