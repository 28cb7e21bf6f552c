// The site's addresses, built in one place: plans, their parts, actions and their forms,
// cross-references, the risk register's rows and forms, the young people's priorities, the
// glossary, people and API tokens.

/** A path segment as typed: encoded, so a slash or question mark in a slug cannot change the address. */
const segment = (s: string | number): string => encodeURIComponent(String(s));
const withSuffix = (path: string, suffix: string): string => (suffix === '' ? path : `${path}/${suffix}`);

/** A plan's page, /plans/<slug>; with a suffix, one of its forms (nodes/new, actions/new). */
export function planPath(slug: string, suffix = ''): string {
  return withSuffix(`/plans/${segment(slug)}`, suffix);
}

/** The form that creates a plan, and where it is sent. */
export const newPlanPath = '/plans/new';
export const plansPath = '/plans';

/** A plan's details form: title, kind, period, status and description. */
export const planEditPath = (slug: string): string => planPath(slug, 'edit');

/** Moves a part of a plan one place up or down among the parts beside it (a POST with direction). */
export const nodeMovePath = (slug: string, id: number): string => planPath(slug, `nodes/${segment(id)}/move`);

/** Archives a plan, or takes it out of the archive (a confirmation, then a POST with the version). */
export const planArchivePath = (slug: string): string => planPath(slug, 'archive');

/** The form that rolls a plan into next year's, carrying its open actions over. */
export const planRollOverPath = (slug: string): string => planPath(slug, 'roll-over');

/** Moves a part of a plan under another part, or to the top of the plan. */
export const nodePlacePath = (slug: string, id: number): string => planPath(slug, `nodes/${segment(id)}/place`);

/** Asks, then deletes, an empty part of a plan. */
export const nodeDeletePath = (slug: string, id: number): string => planPath(slug, `nodes/${segment(id)}/delete`);

/** A part of a plan (programme, priority, theme …): its edit form, /plans/<slug>/nodes/<id>/edit. */
export const nodeEditPath = (slug: string, id: number): string => planPath(slug, `nodes/${segment(id)}/edit`);

/** The form that adds a part to a plan, at the top or (with parentId) under another part. */
export const newNodePath = (slug: string, parentId?: number): string =>
  planPath(slug, 'nodes/new') + (parentId === undefined ? '' : `?parent=${segment(parentId)}`);

/** Where the new-part form is sent: /plans/<slug>/nodes. */
export const nodesPath = (slug: string): string => planPath(slug, 'nodes');

/** The form that adds an action to a plan, optionally under one part of it. */
export const newActionPath = (slug: string, nodeId?: number): string =>
  planPath(slug, 'actions/new') + (nodeId === undefined ? '' : `?node=${segment(nodeId)}`);

/** Where the new-action form is sent: /plans/<slug>/actions. */
export const actionsPath = (slug: string): string => planPath(slug, 'actions');

/** The anchor of a part of a plan on the plan's page, #node-<id>. */
export const nodeAnchor = (id: number): string => `node-${id}`;

/**
 * The address of an action's page, /plans/<plan-slug>/actions/<number>, from its key
 * (plan-slug:number, as the command line writes it); with a suffix, one of its forms.
 */
export function actionPath(key: string, suffix = ''): string {
  const i = key.indexOf(':');
  const plan = i < 0 ? key : key.slice(0, i);
  const number = i < 0 ? '' : key.slice(i + 1);
  return withSuffix(planPath(plan, `actions/${segment(number)}`), suffix);
}

/** The action's key (plan-slug:number) from an action page's address parameters. */
export const actionKeyOf = (params: { slug: string; number: string }): string => `${params.slug}:${params.number}`;

/** A cross-reference's page, e.g. /refs/inspection/11. */
export const refPath = (kind: string, value: string): string => `/refs/${segment(kind)}/${segment(value)}`;

/** The form recording what a reference says, /refs/new (with kind and number filled in when given); where it is sent, /refs. */
export const refsPath = '/refs';
export const newRefPath = (kind?: string, value?: string): string =>
  kind === undefined ? `${refsPath}/new` : `${refsPath}/new?kind=${encodeURIComponent(kind)}&value=${encodeURIComponent(value ?? '')}`;

/** A recorded reference's edit form, /refs/<kind>/<number>/edit. */
export const refEditPath = (kind: string, value: string): string => `${refPath(kind, value)}/edit`;

const anchorSafe = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * The id of each risk's row in the register: risk-<reference>, as action pages link to it
 * (references are unique within a plan, and most authorities keep one register); plan-qualified
 * when two plans share a reference.
 */
export function riskAnchors(risks: readonly { id: number; plan: string | null; reference: string }[]): Map<number, string> {
  const uses = new Map<string, number>();
  for (const r of risks) uses.set(r.reference, (uses.get(r.reference) ?? 0) + 1);
  return new Map(
    risks.map((r) => [r.id, uses.get(r.reference) === 1 ? riskAnchor(r.reference) : `risk-${anchorSafe(r.plan ?? 'authority')}-${anchorSafe(r.reference)}`]),
  );
}

/** A risk's anchor in the register when its reference is used once, e.g. risk-R1. */
export const riskAnchor = (reference: string): string => `risk-${anchorSafe(reference)}`;

/** A risk's row in the register, /risks#<anchor>. */
export const riskPath = (anchor: string): string => `/risks#${anchor}`;

/** The measure library, and one measure's page. */
export const measuresPath = '/measures';
export const measurePath = (code: string): string => `${measuresPath}/${segment(code)}`;
/** A measure's pages for analysts: its targets and their forms, its tolerance band, its hand-kept figures. */
export const measureFormPath = (code: string, form: 'targets' | 'targets/annual' | 'targets/staged' | 'tolerance' | 'values'): string => `${measurePath(code)}/${form}`;
export const targetEndPath = (code: string, id: number): string => `${measurePath(code)}/targets/${segment(id)}/end`;

/** The 903 return's uploads (analysts), one upload's findings, the upload form and an import's progress. */
export const returnsPath = '/returns';
export const returnUploadPath = (id: number): string => `${returnsPath}/uploads/${segment(id)}`;
export const returnNewPath = `${returnsPath}/new`;
export const returnJobPath = (id: number): string => `${returnsPath}/imports/${segment(id)}`;
/** The register's forms: /risks/new, or one risk's /risks/<id>/edit, /score, /close. */
export const risksPath = '/risks';
export const newRiskPath = '/risks/new';
/** One plan's part of the register, and the form adding a risk to it. */
export const planRisksPath = (slug: string): string => `${risksPath}?plan=${encodeURIComponent(slug)}`;
export const newPlanRiskPath = (slug: string): string => `${newRiskPath}?plan=${encodeURIComponent(slug)}`;
export const riskFormPath = (id: number, form: 'edit' | 'score' | 'close'): string => `${risksPath}/${segment(id)}/${form}`;

/** The young people's priorities: the page, /voice/new, and one priority's /voice/<id>/respond, /actions, /answer. */
export const voicePath = '/voice';
export const newVoicePath = '/voice/new';
export const voiceFormPath = (id: number, form: 'respond' | 'actions' | 'answer'): string => `${voicePath}/${segment(id)}/${form}`;
/** A priority on the voice page, #item-<id>. */
export const voiceAnchor = (id: number): string => `item-${id}`;

/** The glossary: the page, /glossary/new, and one term's /glossary/<id>/edit and /retire. */
export const glossaryPath = '/glossary';
export const newTermPath = '/glossary/new';
export const termFormPath = (id: number, form: 'edit' | 'retire'): string => `${glossaryPath}/${segment(id)}/${form}`;

export const usersPath = '/users';
export const apiTokensPath = '/api-tokens';
/** A person's page, where an administrator changes their name and role, disables them or gives a password link. */
export const userPath = (id: number): string => `${usersPath}/${segment(id)}`;
export const editUserPath = (id: number): string => `${userPath(id)}/edit`;
export const disableUserPath = (id: number): string => `${userPath(id)}/disable`;
export const enableUserPath = (id: number): string => `${userPath(id)}/enable`;
export const passwordLinkPath = (id: number): string => `${userPath(id)}/password-link`;
/** Where anyone with a Parentis password changes it. */
export const ownPasswordPath = '/account/password';
/** The page a one-time link to set a password opens. */
export const setPasswordPath = (token: string): string => `/set-password/${encodeURIComponent(token)}`;
/** The form that revokes an API token. */
export const revokeTokenPath = (id: number): string => `${apiTokensPath}/${segment(id)}/revoke`;

/** An address with ?done=<key> for the success banner (kit/done.ts) and an optional #anchor. */
export function withDone(path: string, done: string, anchor = ''): string {
  return `${path}?done=${encodeURIComponent(done)}${anchor === '' ? '' : `#${anchor}`}`;
}

/** Reporting rounds: the list, a round's chase list (/rounds/<id>) and its forms, the outbox. */
export const roundsPath = '/rounds';
export const newRoundPath = '/rounds/new';
export const roundPath = (id: number, suffix = ''): string => withSuffix(`${roundsPath}/${segment(id)}`, suffix);

/** Frozen "as reported" snapshots: the list, one as it was (/snapshots/<number>) and its changes since another. */
export const snapshotsPath = '/snapshots';
export const snapshotPath = (number: number, suffix = ''): string => withSuffix(`${snapshotsPath}/${segment(number)}`, suffix);
export const snapshotChangesPath = (number: number, since?: number): string => snapshotPath(number, 'changes') + (since === undefined ? '' : `?since=${segment(since)}`);
export const outboxPath = '/outbox';
/** Board reports: the list, one report of a snapshot (or "draft") as a page, and as a file (…/annual.pdf). */
export const reportsPath = '/reports';
export const reportPath = (source: number | 'draft', file: string): string => `${reportsPath}/${segment(source)}/${segment(file)}`;
/** The tracker import wizard: the upload form, /tracker-import. */
export const trackerImportPath = '/tracker-import';

/** A step of the wizard for one upload: tables, columns, check, new, into; or the mapping's JSON (mapping.json). */
export const trackerStepPath = (uploadId: string, step: string): string => `${trackerImportPath}/${segment(uploadId)}/${step}`;

/** A saved tracker mapping as a JSON file, for the command line's --mapping. */
export const trackerMappingPath = (id: number): string => `${trackerImportPath}/mappings/${segment(id)}`;

/** The page after an import: a link to the plan. */
export const trackerDonePath = (slug: string, result: 'new' | 'updated'): string => `${trackerImportPath}/done?plan=${encodeURIComponent(slug)}&result=${result}`;
