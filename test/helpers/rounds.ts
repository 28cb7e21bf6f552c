// A database for the reporting cycle's service tests: services on a clock stopped at 2 July 2018 (early
// in the round for 2018/19 Q1), the plan fixture loaded before each test, links to parentis.testshire.example.
import { after, before, beforeEach } from 'node:test';
import { createServices, type Services } from '../../src/composition.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { Ctx } from '../../src/services/context.ts';
import { authority, openTestDatabase, type TestDatabase } from './database.ts';
import { planFixture } from './plan-fixture.ts';

export const TODAY = '2018-07-02';
export const PUBLIC_URL = 'https://parentis.testshire.example';

/** A clock whose date is `today`, at nine in the morning. */
export const clockAt = (today: string): Clock => ({ now: () => new Date(`${today}T09:00:00Z`), today: () => today });

export interface RoundTest {
  db: TestDatabase;
  services: Services;
  /** The authority, acting as the command line does, on the stopped clock. */
  ctx: Ctx;
}

/** Hooks for a test file; read the fields inside tests. `then` runs after the plan is loaded. */
export function useRoundTest(then: (t: RoundTest) => Promise<void> = () => Promise.resolve()): RoundTest {
  const state = {} as RoundTest;
  before(async () => {
    state.db = await openTestDatabase();
    state.services = createServices(state.db.handle, clockAt(TODAY), { publicUrl: PUBLIC_URL });
  });
  after(async () => {
    await state.db.close();
  });
  beforeEach(async () => {
    await state.db.reset();
    state.ctx = { ...(await authority(state.db, 'Pat Manager')), asOf: undefined, clock: clockAt(TODAY) };
    await state.services.plans.importDocument(state.ctx, planFixture());
    await then(state);
  });
  return state;
}

/**
 * Loads the plan fixture with Nia Nobody as the named owner of test-plan:2 (and no status, so it is
 * open), and gives these owners accounts with their e-mail addresses, for the channels to send to.
 */
export async function loadOwnersWithAddresses(services: Services, db: TestDatabase, ctx: Ctx, accounts: { name: string; email: string }[]): Promise<void> {
  const doc = planFixture();
  doc.plan.nodes![1]!.actions![0]!.owners = [{ name: 'Nia Nobody' }];
  doc.plan.nodes![1]!.actions![0]!.statuses = [];
  await services.plans.importDocument(ctx, doc);
  await db.handle.db
    .insertInto('userAccount')
    .values(accounts.map((a) => ({ organisationId: ctx.organisationId, email: a.email, name: a.name, role: 'owner', passwordHash: null })))
    .execute();
}
