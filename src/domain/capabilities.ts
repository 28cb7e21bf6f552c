// Who may do what: each capability Parentis checks and the roles holding it. Services ask `can`, never list roles.
import { roleLabels, roles, type Role } from './roles.ts';

interface CapabilityRule {
  /** The roles holding it; the command line (no role) holds every capability. */
  holders: readonly Role[];
  /** What it allows, in words finishing "may …" (the README's role table is made from these). */
  words: string;
}

/**
 * The matrix. Reading plans, actions, risks, the young people's priorities, measures and the glossary
 * needs no capability: every role reads them. Capabilities ending in "-own" or "-led" hold only for
 * the person's own actions or the programmes they lead; `action-permissions.ts` applies that part.
 */
export const capabilityRules = {
  'plans.edit': { holders: ['admin', 'manager'], words: "create, import and replace plans, add, edit and move their nodes, archive them and roll them into next year's" },
  'plans.import-trackers': {
    holders: ['manager'],
    words: 'bring in plans from Word or Excel trackers in the browser, and save column mappings for the next one',
  },
  'actions.manage': {
    holders: ['admin', 'manager'],
    words: 'add, edit, move, renumber and close any action, revise deadlines, set statuses, decide status proposals and deadline requests, add updates',
  },
  'actions.decide-led': {
    holders: ['lead'],
    words: 'in the programmes they lead: set statuses, decide status proposals and deadline requests, add updates, propose a status, ask for a deadline to move',
  },
  'actions.update-own': { holders: ['lead', 'owner'], words: 'on their own actions: add updates, propose a status, ask for the deadline to move' },
  'risks.manage': { holders: ['admin', 'manager'], words: 'add, edit and close risks, and link them to actions and measures' },
  'risks.rescore': { holders: ['admin', 'manager'], words: 're-score any risk' },
  'risks.rescore-led': { holders: ['lead'], words: 're-score the risks of the programmes they lead' },
  'voice.respond': {
    holders: ['admin', 'manager'],
    words: "record the young people's priorities, respond to them with what was done, link actions and mark them answered",
  },
  'references.edit': {
    holders: ['admin', 'manager'],
    words: 'record and edit what inspection recommendations, challenges and programmes say, with their source and date',
  },
  'glossary.edit': { holders: ['admin', 'manager'], words: 'add, edit and retire glossary terms' },
  'measures.define': { holders: ['admin', 'analyst'], words: 'change measure definitions' },
  'measures.set-targets': { holders: ['manager', 'analyst'], words: 'set and end measure targets (annual and staged) and change their tolerance bands' },
  'measures.enter-values': { holders: ['analyst'], words: 'enter the figures of measures kept by hand, with their numerator and denominator' },
  'measures.comment': { holders: ['analyst'], words: 'write commentary on measures' },
  'dashboards.manage': { holders: ['manager', 'analyst'], words: 'create named dashboards, choose and order their tiles' },
  'measures.import': { holders: ['analyst'], words: 'import figures, DfE benchmarks, statistical neighbours and population' },
  'benchmarks.choose-comparator': { holders: ['admin', 'analyst'], words: 'choose the comparison authority for benchmarks' },
  'ssda903.import': { holders: ['analyst'], words: 'import 903 returns' },
  'ssda903.read-child-level': { holders: ['analyst'], words: 'read child-level 903 data' },
  'ssda903.review': { holders: ['analyst'], words: "see the 903 return's uploads, their data-quality findings by check, file and row, and each import's progress" },
  'accounts.manage': {
    holders: ['admin'],
    words: 'add people and see them, change their name and role, disable and enable them, give them a link to set a password, create and revoke API tokens',
  },
  'audit.read': { holders: ['admin'], words: 'read the audit log' },
  'rounds.manage': {
    holders: ['admin', 'manager'],
    words: 'open reporting rounds, read the chase list, send reminders and partner links, and close rounds into their snapshots',
  },
  'rounds.decide-led': {
    holders: ['lead'],
    words: "see the reporting rounds and, for the programmes they lead, a round's proposals waiting for a decision and its programme status",
  },
  'programmes.status': { holders: ['admin', 'manager'], words: "enter any programme's delivery group, chair, status, trend and reason for a reporting period" },
  'programmes.status-led': { holders: ['lead'], words: 'enter the delivery group, chair, status, trend and reason of the programmes they lead for a reporting period' },
  'outbox.read': { holders: ['admin'], words: 'read the outbox of messages kept when no e-mail service is set up' },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof capabilityRules;

export const capabilityNames = Object.keys(capabilityRules) as Capability[];

/** Whether a role holds a capability; no role (the command line) holds them all. */
export function can(role: Role | undefined, capability: Capability): boolean {
  return role === undefined || (capabilityRules[capability].holders as readonly Role[]).includes(role);
}

/** The roles holding a capability, in the order roles are listed. */
export const rolesWith = (capability: Capability): Role[] => roles.filter((r) => can(r, capability));

/** The matrix as a Markdown table: a row per capability, a column per role. */
export function capabilityTable(): string {
  const header = `| may | ${roles.map((r) => roleLabels[r].toLowerCase()).join(' | ')} |`;
  const rule = `|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = capabilityNames.map((c) => `| ${capabilityRules[c].words} (\`${c}\`) | ${roles.map((r) => (can(r, c) ? 'yes' : '')).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
