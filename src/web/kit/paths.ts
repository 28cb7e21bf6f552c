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

/** The register's forms: /risks/new, or one risk's /risks/<id>/edit, /score, /close. */
export const risksPath = '/risks';
export const newRiskPath = '/risks/new';
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
/** The form that revokes an API token. */
export const revokeTokenPath = (id: number): string => `${apiTokensPath}/${segment(id)}/revoke`;

/** An address with ?done=<key> for the success banner (kit/done.ts) and an optional #anchor. */
export function withDone(path: string, done: string, anchor = ''): string {
  return `${path}?done=${encodeURIComponent(done)}${anchor === '' ? '' : `#${anchor}`}`;
}
