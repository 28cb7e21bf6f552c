// The role-and-capability matrix: who holds what, for each of the six roles and the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionPermissions } from './action-permissions.ts';
import { can, capabilityNames, capabilityTable, rolesWith, type Capability } from './capabilities.ts';
import type { Role } from './roles.ts';

test('print capability matrix lists every capability with its holders', () => {
  const holders = Object.fromEntries(capabilityNames.map((c) => [c, rolesWith(c).join(' ')]));
  console.log(capabilityTable());
  assert.deepEqual(holders, {
    'plans.edit': 'admin manager',
    'plans.import-trackers': 'manager',
    'actions.manage': 'admin manager',
    'actions.decide-led': 'lead',
    'actions.update-own': 'lead owner',
    'risks.manage': 'admin manager',
    'risks.rescore': 'admin manager',
    'risks.rescore-led': 'lead',
    'voice.respond': 'admin manager',
    'references.edit': 'admin manager',
    'glossary.edit': 'admin manager',
    'measures.define': 'admin analyst',
    'measures.set-targets': 'manager analyst',
    'measures.enter-values': 'analyst',
    'measures.comment': 'analyst',
    'dashboards.manage': 'manager analyst',
    'measures.import': 'analyst',
    'benchmarks.choose-comparator': 'admin analyst',
    'ssda903.import': 'analyst',
    'ssda903.read-child-level': 'analyst',
    'ssda903.review': 'analyst',
    'accounts.manage': 'admin',
    'audit.read': 'admin',
    'rounds.manage': 'admin manager',
    'rounds.decide-led': 'lead',
    'programmes.status': 'admin manager',
    'programmes.status-led': 'lead',
    'outbox.read': 'admin',
  } satisfies Record<Capability, string>);
});

test('can without a role allows everything the command line does', () => {
  assert.equal(capabilityNames.every((c) => can(undefined, c)), true);
});

test('can for the board member refuses every capability', () => {
  assert.deepEqual(capabilityNames.filter((c) => can('viewer', c)), []);
});

test('can for the administrator refuses child-level data', () => {
  assert.equal(can('admin', 'ssda903.read-child-level'), false);
  assert.equal(can('admin', 'ssda903.import'), false);
  assert.equal(can('admin', 'ssda903.review'), false);
});

test('action permissions for a lead apply the matrix only where they lead or own', () => {
  const none = { owns: false, leads: false };
  assert.equal(Object.values(actionPermissions('lead', none)).some(Boolean), false);
  const leading = actionPermissions('lead', { owns: false, leads: true });
  assert.deepEqual([leading.decideProposal, leading.setStatus, leading.reviseDeadline, leading.edit], [true, true, false, false]);
  const owning = actionPermissions('owner', { owns: true, leads: true });
  assert.deepEqual([owning.addUpdate, owning.proposeStatus, owning.requestDeadline, owning.decideProposal, owning.setStatus], [true, true, true, false, false]);
});

test('action permissions for managers and the command line allow every write', () => {
  const roles: (Role | undefined)[] = ['admin', 'manager', undefined];
  assert.deepEqual(
    roles.map((r) => Object.values(actionPermissions(r, { owns: false, leads: false })).every(Boolean)),
    [true, true, true],
  );
});
