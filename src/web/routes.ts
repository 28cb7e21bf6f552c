// The page routes the server registers, one entry per feature (each in src/web/<feature>/), and the
// service navigation. Add a feature with one import and one entry.
import type { FastifyInstance } from 'fastify';
import { rolesWith } from '../domain/capabilities.ts';
import type { Role } from '../domain/roles.ts';
import accountsRoutes from './accounts/accounts.routes.ts';
import actionsRoutes from './actions/actions.routes.ts';
import actionPlaceRoutes from './actions/action-place.routes.ts';
import auditRoutes from './audit/audit.routes.ts';
import dashboardRoutes from './dashboard/dashboard.routes.ts';
import glossaryRoutes from './glossary/glossary.routes.ts';
import homeRoutes from './home/home.routes.ts';
import planImportRoutes from './plan-import/plan-import.routes.ts';
import measuresListRoutes from './measures/measures-list.routes.ts';
import measurePageRoutes from './measures/measure-page.routes.ts';
import measureSettingsRoutes from './measures/measure-settings.routes.ts';
import plansRoutes from './plans/plans.routes.ts';
import planYearsRoutes from './plans/plan-years.routes.ts';
import refsRoutes from './refs/refs.routes.ts';
import returnsRoutes from './returns/returns.routes.ts';
import risksRoutes from './risks/risks.routes.ts';
import roundsRoutes from './rounds/rounds.routes.ts';
import roundApprovalsRoutes from './rounds/round-approvals.routes.ts';
import programmeStatusRoutes from './rounds/programme-status.routes.ts';
import partnerRoutes from './partner/partner.routes.ts';
import searchRoutes from './search/search.routes.ts';
import snapshotsRoutes from './snapshots/snapshots.routes.ts';
import reportsRoutes from './reports/reports.routes.ts';
import voiceRoutes from './voice/voice.routes.ts';

/** A feature's routes: registered as a plugin; the services are on `server.services`. */
export type PageRoutes = (server: FastifyInstance) => Promise<void>;

export const pageRoutes: PageRoutes[] = [
  homeRoutes,
  dashboardRoutes,
  measurePageRoutes,
  measureSettingsRoutes,
  plansRoutes,
  planYearsRoutes,
  planImportRoutes,
  actionsRoutes,
  actionPlaceRoutes,
  refsRoutes,
  risksRoutes,
  voiceRoutes,
  measuresListRoutes,
  returnsRoutes,
  glossaryRoutes,
  auditRoutes,
  accountsRoutes,
  searchRoutes,
  roundsRoutes,
  roundApprovalsRoutes,
  programmeStatusRoutes,
  snapshotsRoutes,
  reportsRoutes,
  partnerRoutes,
];

export interface NavigationEntry {
  text: string;
  href: string;
  /** Shown only to these roles; everyone when absent. */
  roles?: readonly Role[];
  /** Other pages that belong under this entry (marked active there). */
  also?: readonly string[];
}

/**
 * The service navigation, in order. An entry is shown only once a GET route answers its href, so
 * a feature appears in the menu when its pages are registered.
 */
export const navigationEntries: NavigationEntry[] = [
  { text: 'Dashboard', href: '/dashboard' },
  { text: 'Home', href: '/' },
  { text: 'Plans', href: '/plans' },
  { text: 'Risks', href: '/risks' },
  { text: 'Voice of the child', href: '/voice' },
  { text: 'Measures', href: '/measures' },
  { text: 'Snapshots', href: '/snapshots' },
  { text: 'Reports', href: '/reports' },
  { text: 'Glossary', href: '/glossary' },
  { text: 'Search', href: '/search' },
  { text: 'Reporting rounds', href: '/rounds', roles: [...new Set([...rolesWith('rounds.manage'), ...rolesWith('rounds.decide-led')])] },
  { text: 'Outbox', href: '/outbox', roles: rolesWith('outbox.read') },
  { text: 'People', href: '/users', roles: rolesWith('accounts.manage'), also: ['/api-tokens'] },
  { text: 'Audit log', href: '/audit', roles: rolesWith('audit.read') },
];
