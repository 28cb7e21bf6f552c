// The role matrix at the pages: each route against each role, answered (200, or 303 after a form)
// or refused with the 403 page and nothing changed. One test per route and role, named for both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roles, type Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { people, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

// With the plan come risk 1 (R1, in theme 1), young people's priority 1 and glossary term 1.
async function loadPlan(): Promise<void> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  await web.db.services.measures.define(web.ctx, { code: 'health-checks', title: 'Health checks on time', unit: 'percent', polarity: 'higher is better', frequency: 'monthly' });
  await web.db.services.voice.add(web.ctx, { council: 'In Care Council', priority: 'Proper bags', youSaid: 'Not bin bags', raisedBy: 'Young person', raisedOn: '2018-02-18' });
  await web.db.services.glossary.add(web.ctx, { term: 'CLA', expansion: 'children looked after', definition: '' });
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
  { url: '/rounds', allowed: managers },
  { url: '/rounds/new', allowed: managers },
  { url: '/outbox', allowed: ['admin'] },
  { url: '/snapshots', allowed: everyone },
  { url: '/risks/new', allowed: managers },
  { url: '/risks/1/score', allowed: [...managers, 'lead'] },
  { url: '/voice/new', allowed: managers },
  { url: '/voice/1/respond', allowed: managers },
  { url: '/glossary/new', allowed: managers },
  { url: '/glossary/1/retire', allowed: managers },
];

for (const page of pages) {
  for (const role of roles) {
    const allowed = page.allowed.includes(role);
    test(`get ${page.url} as ${role} ${allowed ? 'answers the page' : 'answers 403'}`, async () => {
      await loadPlan();
      const r = await web.get(page.url.replace('{owner}', String(web.users.owner.id)), await web.signIn(role));
      assert.equal(r.statusCode, allowed ? 200 : 403, r.body.slice(0, 300));
      if (!allowed) assert.equal(html(r.body).heading(), 'You cannot do this');
    });
  }
}

// Round 1 is open and closed into snapshot 1 before each of these: the board's frozen reports are
// read by everyone; closing a round is the managers'.
const snapshotPages: Page[] = [
  { url: '/snapshots/1', allowed: everyone },
  { url: '/snapshots/1/changes', allowed: everyone },
  { url: '/rounds/{round}/close', allowed: managers },
];

for (const page of snapshotPages) {
  for (const role of roles) {
    const allowed = page.allowed.includes(role);
    test(`get ${page.url} as ${role} ${allowed ? 'answers the page' : 'answers 403'}`, async () => {
      await loadPlan();
      const { round } = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
      await web.db.services.snapshots.close(web.ctx, round.id, { name: 'as reported to the board' });
      const r = await web.get(page.url.replace('{round}', String(round.id)), await web.signIn(role));
      assert.equal(r.statusCode, allowed ? 200 : 403, r.body.slice(0, 300));
      if (!allowed) assert.equal(html(r.body).heading(), 'You cannot do this');
    });
  }
}

const updateAllowed: readonly Role[] = [...managers, 'lead', 'owner'];
for (const role of roles) {
  const allowed = updateAllowed.includes(role);
  test(`post a progress update to test-plan:1 as ${role} ${allowed ? 'adds it' : 'answers 403 and changes nothing'}`, async () => {
    await loadPlan();
    const before = await web.db.counts();
    const as = await web.signIn(role);
    const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
    const r = await web.post(
      '/plans/test-plan/actions/1/update',
      { version: String(version), 'date-day': '30', 'date-month': '6', 'date-year': '2018', body: `Checked by the ${role}.`, status: '', reason: '' },
      as,
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
  const allowed = role === 'admin';
  test(`post disable for the action owner as ${role} ${allowed ? 'disables the account' : 'answers 403 and changes nothing'}`, async () => {
    const before = await web.db.counts();
    const as = await web.signIn(role);
    const target = role === 'owner' ? web.users.viewer.id : web.users.owner.id;
    const r = await web.post(`/users/${target}/disable`, { version: '1' }, as);
    const after = await web.db.counts();
    assert.equal(r.statusCode, allowed ? 303 : 403, r.body.slice(0, 300));
    assert.equal(after.audit_event, before.audit_event! + (allowed ? 1 : 0));
  });
}

for (const role of roles) {
  const allowed = role === 'analyst';
  test(`post commentary on health-checks as ${role} ${allowed ? 'adds it' : 'answers 403 and changes nothing'}`, async () => {
    await loadPlan();
    const as = await web.signIn(role);
    const before = await web.db.counts();
    const r = await web.post('/measures/health-checks/commentary', { periodEnd: '2018-03-31', body: `Read by the ${role}.`, expectedId: '0' }, as);
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
