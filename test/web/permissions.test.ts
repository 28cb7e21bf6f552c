// The role matrix at the pages: each route against each role, answered (200, or 303 after a form)
// or refused with the 403 page and nothing changed. One test per route and role, named for both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roles, type Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { people, ledPlanFixture } from '../helpers/people.ts';
import { describeRestoring, describeSharing, useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest({ names: people });

// With the plan come risk 1 (R1, in theme 1), young people's priority 1, glossary term 1, inspection
// recommendation 11's text and round 1 (2018/19 Q1), whose programme 1 is theme 1.
async function loadPlan(): Promise<void> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  await web.db.services.measures.define(web.ctx, { code: 'health-checks', title: 'Health checks on time', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
  await web.db.services.voice.add(web.ctx, { council: 'In Care Council', priority: 'Proper bags', youSaid: 'Not bin bags', raisedBy: 'Young person', raisedOn: '2018-02-18' });
  await web.db.services.glossary.add(web.ctx, { term: 'CLA', expansion: 'children looked after', definition: '' });
  await web.db.services.references.add(web.ctx, { kind: 'inspection', value: '11', title: 'Placement stability', body: 'Increase placement choice.', source: '', issuedOn: null });
  await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
}

const everyone = roles;
const managers: readonly Role[] = ['admin', 'manager'];

interface Page {
  url: string;
  allowed: readonly Role[];
}

// test-plan:1 is owned by Jo Example (the owner) in theme 1, which Lee Lead (the lead) leads.
const pages: Page[] = [
  { url: '/', allowed: everyone },
  { url: '/plans', allowed: everyone },
  { url: '/plans/test-plan', allowed: everyone },
  { url: '/plans/test-plan/actions/1', allowed: everyone },
  { url: '/risks', allowed: everyone },
  { url: '/voice', allowed: everyone },
  { url: '/glossary', allowed: everyone },
  { url: '/refs', allowed: everyone },
  { url: '/refs/inspection/11', allowed: everyone },
  { url: '/search?q=foster', allowed: everyone },
  { url: '/measures', allowed: everyone },
  { url: '/returns', allowed: ['analyst'] },
  { url: '/returns/new', allowed: ['analyst'] },
  { url: '/dashboard', allowed: everyone },
  { url: '/measures/health-checks', allowed: everyone },
  { url: '/dashboard/new', allowed: ['manager', 'analyst'] },
  { url: '/audit', allowed: ['admin'] },
  { url: '/users', allowed: ['admin'] },
  { url: '/users/new', allowed: ['admin'] },
  { url: '/api-tokens', allowed: ['admin'] },
  // {owner} is the action owner's account id.
  { url: '/users/{owner}', allowed: ['admin'] },
  { url: '/users/{owner}/edit', allowed: ['admin'] },
  { url: '/account/password', allowed: everyone },
  { url: '/plans/test-plan/actions/1/update', allowed: [...managers, 'lead', 'owner'] },
  { url: '/plans/test-plan/actions/1/deadline', allowed: [...managers, 'lead', 'owner'] },
  { url: '/plans/test-plan/actions/1/edit', allowed: managers },
  { url: '/plans/test-plan/actions/new', allowed: managers },
  { url: '/plans/new', allowed: managers },
  { url: '/plans/test-plan/edit', allowed: managers },
  { url: '/rounds', allowed: [...managers, 'lead'] },
  { url: '/plans/test-plan/archive', allowed: managers },
  { url: '/plans/test-plan/roll-over', allowed: managers },
  // Node 1 is theme 1, Placements.
  { url: '/plans/test-plan/nodes/1/place', allowed: managers },
  { url: '/plans/test-plan/actions/1/move', allowed: managers },
  { url: '/plans/test-plan/actions/1/renumber', allowed: managers },
  { url: '/plans/test-plan/actions/1/close', allowed: managers },
  { url: '/rounds/new', allowed: managers },
  { url: '/rounds/1', allowed: managers },
  { url: '/rounds/1/narrative', allowed: managers },
  { url: '/rounds/1/approvals', allowed: [...managers, 'lead'] },
  { url: '/rounds/1/programmes', allowed: [...managers, 'lead'] },
  { url: '/rounds/1/programmes/1', allowed: [...managers, 'lead'] },
  { url: '/outbox', allowed: ['admin'] },
  { url: '/snapshots', allowed: everyone },
  { url: '/reports', allowed: everyone },
  { url: '/reports/print.css', allowed: everyone },
  { url: '/reports/draft/exec-summary', allowed: everyone },
  { url: '/risks/new', allowed: managers },
  { url: '/risks/1/score', allowed: [...managers, 'lead'] },
  { url: '/voice/new', allowed: managers },
  { url: '/voice/1/respond', allowed: managers },
  { url: '/glossary/new', allowed: managers },
  { url: '/glossary/1/retire', allowed: managers },
  { url: '/measures/health-checks/targets', allowed: ['manager', 'analyst'] },
  { url: '/measures/health-checks/targets/annual', allowed: ['manager', 'analyst'] },
  { url: '/measures/health-checks/targets/staged', allowed: ['manager', 'analyst'] },
  { url: '/measures/health-checks/tolerance', allowed: ['manager', 'analyst'] },
  { url: '/measures/health-checks/values', allowed: ['analyst'] },
  { url: '/refs/new', allowed: managers },
  { url: '/refs/inspection/11/edit', allowed: managers },
  { url: '/plans/test-plan/nodes/new', allowed: managers },
  { url: '/plans/test-plan/nodes/1/edit', allowed: managers },
  { url: '/plans/test-plan/nodes/1/delete', allowed: managers },
  { url: '/risks/1/edit', allowed: managers },
  { url: '/risks/1/close', allowed: managers },
  { url: '/voice/1/actions', allowed: managers },
  { url: '/voice/1/answer', allowed: managers },
  { url: '/glossary/1/edit', allowed: managers },
];

/**
 * A suite of page reads by role on one shared state: `setup` loads what the pages show, then each
 * role signs in once; `address` turns a page's url into the one to get (ids known only after setup).
 */
function pagesByRole(name: string, list: Page[], setup: () => Promise<void>, address: (url: string) => string): void {
  const sessions = new Map<Role, SignedIn>();
  describeSharing(
    web,
    name,
    async () => {
      await setup();
      for (const role of roles) sessions.set(role, await web.signIn(role));
    },
    () => {
      for (const page of list) {
        for (const role of roles) {
          const allowed = page.allowed.includes(role);
          test(`get ${page.url} as ${role} ${allowed ? 'answers the page' : 'answers 403'}`, async () => {
            const r = await web.get(address(page.url), sessions.get(role)!);
            assert.equal(r.statusCode, allowed ? 200 : 403, r.body.slice(0, 300));
            if (!allowed) assert.equal(html(r.body).heading(), 'You cannot do this');
          });
        }
      }
    },
  );
}

// Reading changes nothing: the plan is loaded and each role signed in once for all the pages.
pagesByRole('pages by role', pages, loadPlan, (url) => url.replace('{owner}', String(web.users.owner.id)));

// Round 1 is opened and closed into snapshot 1 once for these: the board's frozen reports are read
// by everyone; closing a round is the managers'.
const snapshotPages: Page[] = [
  { url: '/snapshots/1', allowed: everyone },
  { url: '/snapshots/1/changes', allowed: everyone },
  { url: '/reports/1/exec-summary', allowed: everyone },
  { url: '/reports/1/annual', allowed: everyone },
  { url: '/reports/1/scrutiny', allowed: everyone },
  { url: '/reports/1/exec-summary.html', allowed: everyone },
  { url: '/reports/1/annual.docx', allowed: everyone },
  { url: '/reports/1/scrutiny.pdf', allowed: everyone },
  { url: '/reports/1/exec-summary.xlsx', allowed: everyone },
  { url: '/rounds/{round}/close', allowed: managers },
  { url: '/rounds/{round}/narrative', allowed: managers },
];

let closedRound = 0;
pagesByRole(
  'snapshot pages by role',
  snapshotPages,
  async () => {
    await loadPlan();
    const { round } = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
    await web.db.services.snapshots.close(web.ctx, round.id, { name: 'as reported to the board' });
    closedRound = round.id;
  },
  (url) => url.replace('{round}', String(closedRound)),
);

// The forms: each test starts from the plan loaded and every role signed in, put back as it was
// before each test (loaded and signed in once), so what one post changes no other test sees.
describeRestoring(web, 'forms by role', loadPlan, (as) => {
  for (const role of roles) {
    const allowed = managers.includes(role);
    test(`post the narrative of round 1 as ${role} ${allowed ? 'saves it' : 'answers 403 and changes nothing'}`, async () => {
      const before = await web.db.counts();
      const r = await web.post('/rounds/1/narrative', { narrative: `Written by the ${role}.`, decisions: '', version: '1' }, as(role));
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal((await web.db.services.rounds.narrative(web.ctx, 1)).narrative, allowed ? `Written by the ${role}.` : '');
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  const updateAllowed: readonly Role[] = [...managers, 'lead', 'owner'];
  for (const role of roles) {
    const allowed = updateAllowed.includes(role);
    test(`post a progress update to test-plan:1 as ${role} ${allowed ? 'adds it' : 'answers 403 and changes nothing'}`, async () => {
      const before = await web.db.counts();
      const session = as(role);
      const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
      const r = await web.post(
        '/plans/test-plan/actions/1/update',
        { version: String(version), 'date-day': '30', 'date-month': '6', 'date-year': '2018', body: `Checked by the ${role}.`, status: '', reason: '' },
        session,
      );
      const after = await web.db.counts();
      if (allowed) {
        assert.equal(r.statusCode, 303, r.body.slice(0, 300));
        assert.equal(after.progress_update, before.progress_update! + 1);
      } else {
        assert.equal(r.statusCode, 403, r.body.slice(0, 300));
        assert.equal(after.progress_update, before.progress_update);
        assert.equal(after.audit_event, before.audit_event);
      }
    });
  }

  for (const role of roles) {
    const allowed = managers.includes(role);
    test(`post close test-plan:2 as ${role} ${allowed ? 'closes it' : 'answers 403 and changes nothing'}`, async () => {
      const before = await web.db.counts();
      const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:2');
      const r = await web.post('/plans/test-plan/actions/2/close', { version: String(version), reason: `Closed by the ${role}.` }, as(role));
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal((await web.db.services.actions.show(web.ctx, 'test-plan:2')).closed, allowed);
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  for (const role of roles) {
    const allowed = managers.includes(role);
    test(`post archive test-plan as ${role} ${allowed ? 'archives it' : 'answers 403 and changes nothing'}`, async () => {
      const before = await web.db.counts();
      const { version } = await web.db.services.plans.tree(web.ctx, 'test-plan');
      const r = await web.post('/plans/test-plan/archive', { version: String(version), archive: 'yes' }, as(role));
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal((await web.db.services.plans.tree(web.ctx, 'test-plan')).archived !== null, allowed);
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  for (const role of roles) {
    const allowed = role === 'admin';
    test(`post disable for the action owner as ${role} ${allowed ? 'disables the account' : 'answers 403 and changes nothing'}`, async () => {
      const before = await web.db.counts();
      const session = as(role);
      const target = role === 'owner' ? web.users.viewer.id : web.users.owner.id;
      const r = await web.post(`/users/${target}/disable`, { version: '1' }, session);
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  for (const role of roles) {
    const allowed = role === 'analyst';
    test(`post commentary on health-checks as ${role} ${allowed ? 'adds it' : 'answers 403 and changes nothing'}`, async () => {
      const session = as(role);
      const before = await web.db.counts();
      const r = await web.post('/measures/health-checks/commentary', { periodEnd: '2018-03-31', body: `Read by the ${role}.`, expectedId: '0' }, session);
      const after = await web.db.counts();
      if (allowed) {
        assert.equal(r.statusCode, 303, r.body.slice(0, 300));
        assert.equal(after.measure_commentary, before.measure_commentary! + 1);
      } else {
        assert.equal(r.statusCode, 403, r.body.slice(0, 300));
        assert.equal(after.measure_commentary, before.measure_commentary);
        assert.equal(after.audit_event, before.audit_event);
      }
    });
  }

  // Targets and the tolerance band: the partnership manager's and the analyst's; hand-kept figures: the analyst's
  // alone. A post from anyone else changes nothing.
  const setters: readonly Role[] = ['manager', 'analyst'];
  const measureForms: { url: string; form: Record<string, string>; table: string; allowed: readonly Role[] }[] = [
    { url: '/measures/health-checks/targets/annual', form: { yearEnding: '2019', value: '80', reason: 'Agreed' }, table: 'measure_target', allowed: setters },
    { url: '/measures/health-checks/targets/staged', form: { 'step1From-day': '1', 'step1From-month': '4', 'step1From-year': '2018', step1Value: '75', reason: 'Plan' }, table: 'measure_target', allowed: setters },
    { url: '/measures/health-checks/tolerance', form: { amberBand: '3', reason: 'Agreed' }, table: 'measure_change', allowed: setters },
    { url: '/measures/health-checks/values', form: { 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2018', numerator: '40', denominator: '50', reason: '' }, table: 'measure_value', allowed: ['analyst'] },
  ];
  for (const { url, form, table, allowed: holders } of measureForms) {
    for (const role of roles) {
      const allowed = holders.includes(role);
      test(`post ${url} as ${role} ${allowed ? 'saves it' : 'answers 403 and changes nothing'}`, async () => {
        const session = as(role);
        const before = await web.db.counts();
        const { version } = await web.db.services.measures.get(web.ctx, 'health-checks');
        const r = await web.post(url, { ...form, version: String(version) }, session);
        const after = await web.db.counts();
        if (allowed) {
          assert.equal(r.statusCode, 303, r.body.slice(0, 300));
          assert.equal(after[table], before[table]! + 1);
        } else {
          assert.equal(r.statusCode, 403, r.body.slice(0, 300));
          assert.equal(html(r.body).heading(), 'You cannot do this');
          assert.deepEqual(after, before);
        }
      });
    }
  }

  for (const role of roles) {
    const allowed = setters.includes(role);
    test(`get and post the end of a target of health-checks as ${role} ${allowed ? 'ends it' : 'answers 403 and changes nothing'}`, async () => {
      await web.db.services.measures.addAnnualTarget(web.ctx, 'health-checks', 1, { yearEnding: 2019, value: 80, reason: 'Agreed' });
      const [target] = (await web.db.services.measures.settings(web.ctx, 'health-checks')).targets;
      const session = as(role);
      const url = `/measures/health-checks/targets/${target!.id}/end`;
      assert.equal((await web.get(url, session)).statusCode, allowed ? 200 : 403);
      const before = await web.db.counts();
      const r = await web.post(url, { version: '2', 'lastDay-day': '30', 'lastDay-month': '9', 'lastDay-year': '2018', reason: 'Replaced' }, session);
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal(after.measure_change, before.measure_change! + (allowed ? 1 : 0));
      if (!allowed) assert.deepEqual(after, before);
    });
  }

  for (const role of roles) {
    const allowed = [...managers, 'lead'].includes(role);
    test(`post programme 1's status for round 1 as ${role} ${allowed ? 'records it' : 'answers 403 and changes nothing'}`, async () => {
      const session = as(role);
      const before = await web.db.counts();
      const r = await web.post('/rounds/1/programmes/1', { version: '0', deliveryGroup: '', chair: '', status: 'G', trend: 'stable', reason: `Checked by the ${role}.` }, session);
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal(after.programme_status, before.programme_status! + (allowed ? 1 : 0));
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  for (const role of roles) {
    const allowed = [...managers, 'lead'].includes(role);
    test(`post approve selected for round 1 as ${role} ${allowed ? 'decides it' : 'answers 403 and changes nothing'}`, async () => {
      const proposed = await web.db.services.actions.proposeStatus(web.ctx, 'test-plan:1', { status: 'G', reason: 'Back on track' });
      const session = as(role);
      const before = await web.db.counts();
      const r = await web.post('/rounds/1/approvals', { items: `status|${proposed.version}|test-plan:1`, decision: 'approve', reason: '' }, session);
      const after = await web.db.counts();
      assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
      assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
    });
  }

  // The forms that build and run a plan in the browser, each posted as every role: the roles that may
  // use it are answered with the next page (303) and the change audited; everyone else with 403 and
  // nothing changed. `body` reads the versions a form carries once the plan is loaded.
  const tree = () => web.db.services.plans.tree(web.ctx, 'test-plan');
  const nodeVersion = async (id: number): Promise<string> => String((await tree()).nodes.flatMap(function all(n): typeof n[] { return [n, ...n.children.flatMap(all)]; }).find((n) => n.id === id)!.version);
  const actionVersion = async (n: string): Promise<string> => String((await web.db.services.actions.show(web.ctx, `test-plan:${n}`)).version);
  const riskVersion = async (): Promise<string> => String((await web.db.services.risks.list(web.ctx)).find((r) => r.id === 1)!.version);
  const voiceVersion = async (): Promise<string> => String((await web.db.services.voice.get(web.ctx, 1)).version);
  const date = (name: string, iso: string): Record<string, string> => {
    const [y, m, d] = iso.split('-');
    return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
  };
  const planForms: { url: string; allowed: readonly Role[]; body: () => Record<string, string | string[]> | Promise<Record<string, string | string[]>> }[] = [
    { url: '/plans', allowed: managers, body: () => ({ title: 'Short breaks plan', slug: '', kind: 'other', status: 'active' }) },
    { url: '/plans/test-plan/edit', allowed: managers, body: async () => ({ version: String((await tree()).version), title: 'Test plan renamed', kind: 'other', status: 'active' }) },
    { url: '/plans/test-plan/nodes', allowed: managers, body: () => ({ parentId: '', kind: 'theme', number: '', title: 'Kinship care', status: '' }) },
    { url: '/plans/test-plan/nodes/1/edit', allowed: managers, body: async () => ({ version: await nodeVersion(1), kind: 'theme', number: '1', title: 'Placements and homes', status: '' }) },
    { url: '/plans/test-plan/nodes/1/move', allowed: managers, body: () => ({ direction: 'down', after: '2' }) },
    { url: '/plans/test-plan/nodes/2/place', allowed: managers, body: async () => ({ version: await nodeVersion(2), parentId: '1' }) },
    { url: '/plans/test-plan/roll-over', allowed: managers, body: async () => ({ version: String((await tree()).version), title: 'Test plan 2019-20', slug: '', ...date('periodStart', '2019-04-01'), ...date('periodEnd', '2020-03-31') }) },
    { url: '/plans/test-plan/actions', allowed: managers, body: () => ({ nodeId: '1', parentNumber: '', number: '9', title: 'Open a care leavers hub', ownerName1: 'Jo Example' }) },
    { url: '/plans/test-plan/actions/1/edit', allowed: managers, body: async () => ({ version: await actionVersion('1'), title: 'Recruit more foster carers', ownerName1: 'Jo Example', refsOffered: 'yes', refs: ['inspection:11', 'inspection:12'] }) },
    { url: '/plans/test-plan/actions/1/move', allowed: managers, body: async () => ({ version: await actionVersion('1'), nodeId: '2', number: '' }) },
    { url: '/plans/test-plan/actions/1/renumber', allowed: managers, body: async () => ({ version: await actionVersion('1'), number: '42' }) },
    { url: '/refs', allowed: managers, body: () => ({ kind: 'challenge', value: '9', title: 'Homes near home', body: 'More local homes.', source: '' }) },
    { url: '/refs/inspection/11/edit', allowed: managers, body: async () => ({ version: String((await web.db.services.references.get(web.ctx, 'inspection', '11')).version), title: 'Placement stability', body: 'More children stay in one home.', source: '' }) },
    { url: '/risks', allowed: managers, body: () => ({ plan: 'test-plan', reference: 'R9', title: 'Turnover rises', owner: 'Head of Workforce', likelihood: '3', impactScore: '4', ...date('assessedOn', '2018-07-01'), note: 'First' }) },
    { url: '/risks/1/edit', allowed: managers, body: async () => ({ version: await riskVersion(), title: 'Carers leave', owner: 'Head of Placements', actions: '' }) },
    { url: '/risks/1/score', allowed: [...managers, 'lead'], body: async () => ({ version: await riskVersion(), likelihood: '2', impactScore: '4', ...date('assessedOn', '2018-07-02'), note: 'Better' }) },
    { url: '/risks/1/close', allowed: managers, body: async () => ({ version: await riskVersion(), ...date('closedOn', '2018-07-02'), reason: 'Enough carers' }) },
    { url: '/voice', allowed: managers, body: () => ({ council: 'Care Leavers Forum', priority: 'Help with bills', youSaid: 'Council tax', raisedBy: 'Care leaver', ...date('raisedOn', '2018-04-03') }) },
    { url: '/voice/1/respond', allowed: managers, body: async () => ({ version: await voiceVersion(), ...date('respondedOn', '2018-05-03'), weDid: 'Bought holdalls', evidence: '' }) },
    { url: '/voice/1/actions', allowed: managers, body: async () => ({ version: await voiceVersion(), actions: 'test-plan:1' }) },
    { url: '/voice/1/answer', allowed: managers, body: async () => ({ version: await voiceVersion(), ...date('answeredOn', '2018-06-12') }) },
    { url: '/glossary', allowed: managers, body: () => ({ term: 'IRO', expansion: 'independent reviewing officer', definition: '' }) },
    { url: '/glossary/1/edit', allowed: managers, body: async () => ({ version: String((await web.db.services.glossary.get(web.ctx, 1)).version), term: 'CLA', expansion: 'children looked after', definition: 'In care.' }) },
    { url: '/glossary/1/retire', allowed: managers, body: async () => ({ version: String((await web.db.services.glossary.get(web.ctx, 1)).version), reason: 'Not used' }) },
  ];
  for (const { url, allowed: holders, body } of planForms) {
    for (const role of roles) {
      const allowed = holders.includes(role);
      test(`post ${url} as ${role} ${allowed ? 'saves it' : 'answers 403 and changes nothing'}`, async () => {
        const session = as(role);
        const form = await body();
        const before = await web.db.counts();
        const r = await web.post(url, form, session);
        const after = await web.db.counts();
        if (allowed) {
          assert.equal(r.statusCode, 303, r.body.slice(0, 600));
          assert.ok(after.audit_event! > before.audit_event!, 'the change is audited');
        } else {
          assert.equal(r.statusCode, 403, r.body.slice(0, 300));
          assert.equal(html(r.body).heading(), 'You cannot do this');
          assert.deepEqual(after, before);
        }
      });
    }
  }
});
