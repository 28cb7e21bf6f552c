// The demonstration accounts: one per role, and the owner and lead are people the plans name, so
// that signing in as them shows actions of their own and a programme with open actions to lead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roles } from '../../domain/roles.ts';
import { planActions, planDocumentSchema, type ActionDocument, type NodeDocument } from '../../domain/plan-document.ts';
import { demoAccounts, DEMO_PASSWORD } from './accounts.ts';
import { demoPlans } from './index.ts';

const docs = demoPlans.map((p) => planDocumentSchema.parse(p));
const account = (role: string) => demoAccounts.find((a) => a.role === role)!;

/** Every action under a node, sub-actions included. */
function actionsUnder(node: NodeDocument): ActionDocument[] {
  const withSubs = (a: ActionDocument): ActionDocument[] => [a, ...a.subActions.flatMap(withSubs)];
  return [...node.actions.flatMap(withSubs), ...node.children.flatMap(actionsUnder)];
}

test('demo accounts give one account per role with distinct e-mails and a valid password', () => {
  assert.deepEqual(demoAccounts.map((a) => a.role), [...roles]);
  assert.equal(new Set(demoAccounts.map((a) => a.email)).size, roles.length);
  assert.ok(DEMO_PASSWORD.length >= 10, 'long enough for the password rule');
});

test('demo owner owns actions in the plans, some of them not yet complete', () => {
  const owner = account('owner').name.toLowerCase();
  const owned = docs.flatMap((d) => planActions(d).map((e) => e.action)).filter((a) => a.owners.some((o) => o.name?.toLowerCase() === owner));
  assert.ok(owned.length >= 3, `the owner owns ${owned.length} actions`);
});

test('demo lead leads a programme in which the demo owner owns actions', () => {
  const lead = account('lead').name;
  const owner = account('owner').name;
  const led = docs.flatMap((d) => d.plan.nodes).filter((n) => [n.lead, n.chair, n.seniorResponsibleOwner].some((f) => f?.includes(lead)));
  assert.ok(led.length >= 1, 'the lead is named as a programme lead');
  const ownersThere = led.flatMap(actionsUnder).flatMap((a) => a.owners.map((o) => o.name));
  assert.ok(ownersThere.includes(owner), "the owner's actions include some in the lead's programme");
});
