// One person per role for service tests, named so that the plan fixture's ownership and programme
// leadership apply: Jo Example owns test-plan:1 and Lee Lead leads its programme (theme 1).
import type { Role } from '../../src/domain/roles.ts';
import type { Ctx } from '../../src/services/context.ts';
import { planFixture } from './plan-fixture.ts';

export const people: Record<Role, string> = {
  admin: 'Ada Admin',
  manager: 'Pat Manager',
  lead: 'Lee Lead',
  owner: 'Jo Example',
  analyst: 'Ann Analyst',
  viewer: 'Vic Viewer',
};

/** The context of the person holding a role, in the authority of `base`. */
export function as(base: Ctx, role: Role, name = people[role]): Ctx {
  return { ...base, actor: name, role, userId: Object.keys(people).indexOf(role) + 1 };
}

/** The plan fixture with Lee Lead as lead of theme 1 (test-plan:1 and 1.1) but not of theme 2. */
export function ledPlanFixture(): ReturnType<typeof planFixture> {
  const doc = planFixture();
  doc.plan.nodes![0]!.lead = 'Lee Lead, Head of Placements';
  return doc;
}
