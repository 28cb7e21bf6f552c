// Loads the demonstration authority (Westmere County Council, fictional) in steps that each land
// whole: an interrupted load leaves a consistent database, and running it again completes it.
import { authority, demoPlans, demoReferences, glossary, voiceItems } from '../demo/content/index.ts';
import { demoYearShift, shiftContent } from '../demo/shift.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { planDocumentSchema } from '../domain/plan-document.ts';
import type { Organisation } from '../repositories/organisation.repository.ts';
import type { Store } from '../repositories/store.ts';
import { DEMO_PASSWORD, demoAccounts } from '../demo/content/accounts.ts';
import { ConflictError } from '../domain/errors.ts';
import type { Ctx } from './context.ts';
import { hashPassword, insertUser } from './account.service.ts';
import { addGlossaryTerms } from './glossary.service.ts';
import { addReferences } from './reference.service.ts';
import { demoMeasuresComplete, loadDemoMeasures } from './demo-measures.ts';
import { loadDemoRounds } from './demo-rounds.ts';
import { writePlan } from './plan.service.ts';
import { addVoiceItem } from './voice.service.ts';

export const DEMO_ACTOR = 'Parentis demonstration loader';
const DEMO_SETTING = 'demo';

export interface DemoResult {
  organisation: Organisation;
  /** Slugs of the plans this run added (empty when the demo was already complete). */
  added: string[];
  complete: boolean;
}

export class DemoService {
  constructor(
    private readonly store: Store,
    /** Today decides how many years the demonstration moves to stand in the present (src/demo/shift.ts). */
    private readonly clock: Clock = systemClock,
    /** Where links in the demonstration's messages point: PUBLIC_URL. */
    private readonly publicUrl = 'http://localhost:3000',
  ) {}

  /** True once a demo load has finished in this database (with its sign-in accounts, unless told otherwise). */
  async isComplete(options: { withAccounts?: boolean } = {}): Promise<boolean> {
    const org = await this.store.read.organisations.findByShortName(authority.shortName);
    if (!org) return false;
    const state = (await this.store.read.organisations.getSetting(org.id, DEMO_SETTING)) as { state?: string } | undefined;
    return (
      state?.state === 'complete' && (options.withAccounts === false || (await this.accountsPresent())) && (await demoMeasuresComplete(this.store, org.id))
    );
  }

  /** The demonstration accounts, so `npm start` can print how to sign in. */
  accounts(): { role: string; email: string; name: string; password: string }[] {
    return demoAccounts.map((a) => ({ role: a.role, email: a.email, name: a.name, password: DEMO_PASSWORD }));
  }

  /** The demonstration accounts this database holds (none outside demonstration mode). */
  async presentAccounts(): Promise<{ role: string; email: string; name: string; password: string }[]> {
    const present = [];
    for (const a of this.accounts()) if (await this.store.read.accounts.findByEmail(a.email)) present.push(a);
    return present;
  }

  /** Databases whose demonstration finished before sign-in existed lack the accounts: load() adds them. */
  private async accountsPresent(): Promise<boolean> {
    for (const a of demoAccounts) if (!(await this.store.read.accounts.findByEmail(a.email))) return false;
    return true;
  }

  /** Measures step: the 903 return, measure library, targets, population and DfE benchmarks (demo-measures.ts). */
  private loadMeasures(ctx: Ctx, years: number, onStep: (message: string) => void): Promise<void> {
    return loadDemoMeasures(this.store, ctx, years, onStep);
  }

  /** The whole years this database's demonstration moved by (src/demo/shift.ts): set when its load began. */
  async yearsMoved(organisationId: number): Promise<number> {
    const state = (await this.store.read.organisations.getSetting(organisationId, DEMO_SETTING)) as { years?: number } | undefined;
    return state?.years ?? 0;
  }

  /**
   * Loads (or completes) the demonstration and marks the database demo, in the same transaction as
   * its authority; refused on a database marked real. The sign-in accounts, with their published
   * password, only with `withAccounts` (demonstration mode).
   */
  async load(onStep: (message: string) => void = () => undefined, options: { withAccounts?: boolean } = {}): Promise<DemoResult> {
    const withAccounts = options.withAccounts ?? true;
    const organisation = await this.store.transaction(async (repos) => {
      if ((await repos.deployment.mark('demo')).mode === 'real') {
        throw new ConflictError('This database is set up for a real authority: the demonstration is never loaded into it. Use a new DATA_DIR or database for the demonstration.');
      }
      const existing = await repos.organisations.findByShortName(authority.shortName);
      if (existing) return existing;
      const org = await repos.organisations.insert({ ...authority });
      // The years moved are kept, so a load finished on a later day (or year) moves the rest alike.
      await repos.organisations.putSetting(org.id, DEMO_SETTING, { state: 'loading', years: demoYearShift(this.clock.today()) });
      await repos.audit.record({
        organisationId: org.id,
        actor: DEMO_ACTOR,
        event: 'organisation.created',
        entityType: 'organisation',
        entityId: org.id,
        entityKey: org.shortName,
        before: null,
        after: authority,
      });
      return org;
    });
    const ctx: Ctx = { organisationId: organisation.id, actor: DEMO_ACTOR, clock: this.clock };
    const years = await this.yearsMoved(organisation.id);
    const added: string[] = [];
    for (const raw of demoPlans) {
      const doc = planDocumentSchema.parse(shiftContent(raw, years));
      const done = await this.store.transaction(async (repos) => {
        if (await repos.plans.findBySlug(organisation.id, doc.plan.slug)) return false;
        const { planId, actionIds } = await writePlan(repos, organisation.id, doc);
        await repos.audit.record({
          organisationId: organisation.id,
          actor: DEMO_ACTOR,
          event: 'plan.imported',
          entityType: 'plan',
          entityId: planId,
          entityKey: doc.plan.slug,
          before: null,
          after: { slug: doc.plan.slug, title: doc.plan.title, actions: actionIds.size },
        });
        return true;
      });
      if (done) {
        added.push(doc.plan.slug);
        onStep(`Loaded plan ${doc.plan.title}`);
      }
    }
    // Sign-in accounts: one per role, in one step of their own.
    if (withAccounts) await this.store.transaction(async (repos) => {
      let added = 0;
      let passwordHash: string | undefined;
      for (const a of demoAccounts) {
        if (await repos.accounts.findByEmail(a.email)) continue;
        passwordHash ??= await hashPassword(DEMO_PASSWORD);
        await insertUser(repos, ctx, { email: a.email, name: a.name, role: a.role, password: DEMO_PASSWORD }, { passwordHash });
        added++;
      }
      if (added > 0) onStep(`Added ${added} sign-in accounts, one per role`);
    });
    await this.loadMeasures(ctx, years, onStep);
    await this.store.transaction(async (repos) => {
      if ((await repos.voice.list(organisation.id)).length === 0) {
        for (const v of shiftContent(voiceItems, years)) await addVoiceItem(repos, ctx, v);
        onStep(`Loaded ${voiceItems.length} young people's priorities`);
      }
      const n = await addGlossaryTerms(repos, ctx, glossary);
      if (n > 0) onStep(`Loaded ${n} glossary terms`);
      const refs = await addReferences(repos, ctx, shiftContent(demoReferences, years));
      if (refs > 0) onStep(`Recorded what ${refs} inspection recommendations, challenges and programmes say`);
    });
    // Rounds last: their snapshots hold the plans, risks, priorities and measures loaded above.
    await loadDemoRounds(this.store, ctx, years, this.publicUrl, onStep);
    await this.store.transaction((repos) => repos.organisations.putSetting(organisation.id, DEMO_SETTING, { state: 'complete', years }));
    return { organisation, added, complete: true };
  }
}
