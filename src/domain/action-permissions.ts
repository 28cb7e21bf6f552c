// Who may change one action: the role matrix for action writes, given whether the person owns the
// action or leads its programme. Services enforce it; pages use it to offer only what a person may do.
import { can } from './capabilities.ts';
import type { Role } from './roles.ts';

/** How the signed-in person stands to one action. */
export interface ActionRelation {
  /** One of the action's owners is this person (the owner's name, ignoring case). */
  owns: boolean;
  /** The action's programme (its top-level plan node) names this person as lead, chair or senior responsible owner. */
  leads: boolean;
}

export interface ActionPermissions {
  addUpdate: boolean;
  proposeStatus: boolean;
  decideProposal: boolean;
  setStatus: boolean;
  requestDeadline: boolean;
  decideDeadlineRequest: boolean;
  reviseDeadline: boolean;
  edit: boolean;
}

export type ActionPermission = keyof ActionPermissions;

/** Words for refusals: "Your role does not allow you to …". */
export const permissionWords: Record<ActionPermission, string> = {
  addUpdate: 'add progress updates to this action',
  proposeStatus: 'propose a status for this action',
  decideProposal: 'approve or reject status proposals for this action',
  setStatus: 'set the status of this action',
  requestDeadline: "ask for this action's deadline to be revised",
  decideDeadlineRequest: 'approve or reject deadline requests for this action',
  reviseDeadline: "revise this action's deadline",
  edit: 'edit this action',
};

/**
 * The role part comes from the capability matrix: `actions.manage` on every action (and the command
 * line, with no role, may do everything), `actions.decide-led` in the programmes the person leads,
 * `actions.update-own` on their own actions. Roles with none of these read only.
 */
export function actionPermissions(role: Role | undefined, relation: ActionRelation): ActionPermissions {
  const manages = can(role, 'actions.manage');
  const leads = can(role, 'actions.decide-led') && relation.leads;
  const owns = can(role, 'actions.update-own') && relation.owns;
  return {
    addUpdate: manages || leads || owns,
    proposeStatus: manages || leads || owns,
    decideProposal: manages || leads,
    setStatus: manages || leads,
    requestDeadline: manages || leads || owns,
    decideDeadlineRequest: manages || leads,
    reviseDeadline: manages,
    edit: manages,
  };
}

const normalise = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** An owner's name is the person's name, ignoring case and spacing. */
export function isSamePerson(ownerName: string | null, personName: string): boolean {
  return ownerName !== null && normalise(personName) !== '' && normalise(ownerName) === normalise(personName);
}

/**
 * A programme's lead, chair or senior responsible owner names the person. These fields are free
 * text ("Jo Bloggs, Head of Placements"), so the person's name appearing in one of them counts.
 */
export function namesPerson(field: string | null, personName: string): boolean {
  const name = normalise(personName);
  return field !== null && name !== '' && normalise(field).includes(name);
}

/** The top-level node above a node (itself when it is top-level), given the plan's nodes. */
export function topLevelNode<N extends { id: number; parentId: number | null }>(nodes: readonly N[], nodeId: number): N | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let node = byId.get(nodeId);
  const seen = new Set<number>();
  while (node !== undefined && node.parentId !== null && !seen.has(node.id)) {
    seen.add(node.id);
    node = byId.get(node.parentId);
  }
  return node;
}

/** Whether a programme node names the person as its lead, chair or senior responsible owner. */
export function leadsProgramme(
  programme: { lead: string | null; chair: string | null; seniorResponsibleOwner: string | null } | undefined,
  personName: string,
): boolean {
  return programme !== undefined && [programme.lead, programme.chair, programme.seniorResponsibleOwner].some((f) => namesPerson(f, personName));
}
