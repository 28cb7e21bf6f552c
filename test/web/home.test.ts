// The home page by role on injected requests: an owner's requests and actions, a lead's decisions, a
// manager's plans and what is late, a board member's dashboard headline — each action listed once,
// named by plan title and number, and no link or form the role may not use.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { html, words, type Link } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

/** The section whose heading has this id: its words and its links; undefined when the page has none. */
function section(body: string, id: string): { text: string; links: Link[]; tags: string[] } | undefined {
  const page = html(body);
  const e = page.find(`section[aria-labelledby="${id}"]`);
  if (e === undefined) return undefined;
  return {
    text: words(e.text),
    links: page.links(`section[aria-labelledby="${id}"]`),
    tags: e.querySelectorAll('.govuk-tag').map((t) => `${t.classList.value.join(' ')}: ${words(t.text)}`),
  };
}

/** The ids of the page's sections, in order. */
const sections = (body: string): string[] => html(body).all('main section').map((s) => s.getAttribute('aria-labelledby') ?? '');

/** How many listed items on the page lead to the action at `href` (each item's first link is its title). */
const itemsFor = (body: string, href: string): number =>
  html(body)
    .all('main .parentis-home-item')
    .filter((li) => li.querySelector('a')?.getAttribute('href') === href).length;

async function home(role: Role): Promise<{ body: string; who: SignedIn }> {
  const who = await web.signIn(role);
  const r = await web.get('/', who);
  assert.equal(r.statusCode, 200);
  return { body: r.body, who };
}

/** Every link in the page's main part opens for the person: nothing is offered that they may not use. */
async function assertEveryLinkOpens(body: string, who: SignedIn): Promise<void> {
  const hrefs = [...new Set(html(body).links('main').map((l) => l.href))].filter((h) => h.startsWith('/'));
  for (const href of hrefs) {
    const r = await web.get(href, who);
    assert.equal(r.statusCode, 200, `${href} answered ${r.statusCode} for ${who.user.role}`);
  }
}

test('get home as an owner lists each of their open actions once, by plan title and number, with why it needs attention', async () => {
  const { body, who } = await home('owner');
  assert.equal(html(body).heading(), 'What needs your attention');
  assert.deepEqual(sections(body), ['mine-heading']);
  const mine = section(body, 'mine-heading')!;
  assert.ok(mine.links.some((l) => l.href === '/plans/test-plan/actions/1' && l.text === 'Recruit more foster carers'));
  assert.match(mine.text, /Test improvement plan, action 1\b/);
  assert.doesNotMatch(html(body).main(), /test-plan:1/);
  assert.doesNotMatch(mine.text, /Offer every care leaver/);
  // Its deadline was 30 September 2018 and its last update 31 May 2018: both long past.
  assert.deepEqual(mine.tags.filter((t) => !/BRAG|Amber/.test(t) && !t.endsWith(': Amber')), ['govuk-tag govuk-tag--pink: Overdue', 'govuk-tag govuk-tag--yellow: No update in 30 days']);
  assert.equal(itemsFor(body, '/plans/test-plan/actions/1'), 1);
  assert.ok(mine.links.some((l) => l.href === '/plans/test-plan/actions/1/update' && l.text === 'Add a progress update to Test improvement plan, action 1'));
  await assertEveryLinkOpens(body, who);
});

test('get home as an owner after a fresh update no longer flags the update as late', async () => {
  const today = new Date().toISOString().slice(0, 10);
  await web.db.services.actions.addUpdate(as(web.ctx, 'owner'), 'test-plan:1', { date: today, body: 'Carers approved at panel.' });
  const { body } = await home('owner');
  const mine = section(body, 'mine-heading')!;
  assert.ok(mine.tags.includes('govuk-tag govuk-tag--pink: Overdue'));
  assert.ok(!mine.tags.some((t) => t.includes('No update')));
});

test('get home as an owner asked for an update in a round shows the request on the action, not as another entry', async () => {
  await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  const { body } = await home('owner');
  const mine = section(body, 'mine-heading')!;
  assert.ok(mine.tags.includes('govuk-tag govuk-tag--red: Update late: 2018/19 Q1, due 13 July 2018'), mine.tags.join('\n'));
  assert.ok(!mine.tags.some((t) => t.includes('No update')));
  assert.equal(itemsFor(body, '/plans/test-plan/actions/1'), 1);
  assert.equal(html(body).links('main').filter((l) => l.href === '/plans/test-plan/actions/1/update').length, 1);
});

test('get home as the programme lead shows one entry per action waiting for their decision, with a form for each thing asked', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  await web.db.services.actions.requestDeadline(as(web.ctx, 'owner'), 'test-plan:1', { dueDate: '2027-03-31', reason: 'Panel dates moved' });
  const { body, who } = await home('lead');
  assert.deepEqual(sections(body), ['decisions-heading', 'mine-heading']);
  const decisions = section(body, 'decisions-heading')!;
  assert.equal(itemsFor(body, '/plans/test-plan/actions/1'), 1);
  assert.match(decisions.text, /Test improvement plan, action 1/);
  assert.ok(decisions.tags.some((t) => /govuk-tag--green/.test(t) && t.endsWith(': Green')));
  assert.match(decisions.text, /Status Green proposed by Jo Example on 20 June 2018|Status Green proposed by Jo Example/);
  assert.match(decisions.text, /New deadline of 31 March 2027 asked for by Jo Example/);
  assert.deepEqual(
    decisions.links.filter((l) => l.text.startsWith('Decide')).map((l) => [l.href, l.text]),
    [
      ['/plans/test-plan/actions/1/decision', 'Decide the proposed status of Test improvement plan, action 1'],
      ['/plans/test-plan/actions/1/deadline-decision', 'Decide the new deadline of Test improvement plan, action 1'],
    ],
  );
  assert.match(section(body, 'mine-heading')!.text, /No action names you, Lee Lead, as an owner|Nothing else names you as an owner/);
  await assertEveryLinkOpens(body, who);
});

test('get home as the manager shows decisions, what is late and the plans, listing an overdue action waiting for a decision once', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  const { body, who } = await home('manager');
  assert.deepEqual(sections(body), ['decisions-heading', 'late-heading', 'plans-heading']);
  assert.equal(itemsFor(body, '/plans/test-plan/actions/1'), 1);
  const late = section(body, 'late-heading')!;
  assert.match(late.text, /2 actions are past their deadline and not complete \(1 listed above\)/);
  assert.ok(late.links.some((l) => l.href === '/plans/test-plan/actions/1.1' && l.text === 'Run an information evening each quarter'));
  assert.match(late.text, /Test improvement plan, action 1\.1/);
  assert.ok(late.links.some((l) => l.href === '/plans/test-plan?overdue=yes&sort=deadline' && l.text === 'Test improvement plan'));
  assert.match(late.text, /2018\/19 Q1: 2 of 2 updates not in yet, due 13 July 2018 Late/);
  const plans = section(body, 'plans-heading')!;
  assert.ok(plans.links.some((l) => l.href === '/plans/test-plan' && l.text === 'Test improvement plan'));
  assert.match(plans.text, /3 actions: 1 Amber 1 Green 1 no status 2 overdue/);
  await assertEveryLinkOpens(body, who);
});

test('get home as a board member shows the dashboard headline, the slot for changes since the last board and the plans, and offers nothing to change', async () => {
  const { body, who } = await home('viewer');
  assert.deepEqual(sections(body), ['headline-heading', 'since-heading', 'plans-heading']);
  const headline = section(body, 'headline-heading')!;
  assert.match(headline.text, /There are no measures yet/);
  assert.ok(headline.links.some((l) => l.href === '/dashboard' && l.text === 'See the whole dashboard'));
  assert.match(section(body, 'since-heading')!.text, /appears once a reporting round has been closed/);
  const page = html(body);
  assert.equal(page.all('main form').length, 0);
  assert.deepEqual(
    page.links('main').filter((l) => /\/(update|decision|deadline|deadline-decision|edit|new)$/.test(l.href.split('?')[0]!)),
    [],
  );
  assert.doesNotMatch(page.main(), /late updates|Your actions|Add a progress update/i);
  await assertEveryLinkOpens(body, who);
});

test('get home as a board member after two rounds closed says what changed between their snapshots and links to the changes', async () => {
  const manager = as(web.ctx, 'manager');
  const q1 = await web.db.services.rounds.open(manager, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  await web.db.services.snapshots.close(manager, q1.round.id);
  const first = section((await home('viewer')).body, 'since-heading')!;
  assert.match(first.text, /Snapshot 1, .*: This is the first snapshot/);
  await web.db.services.actions.setStatus(manager, 'test-plan:1', { status: 'R', asAt: '2018-08-01', reason: 'Carers resigned' });
  const q2 = await web.db.services.rounds.open(manager, { period: '2018/19 Q2', plans: ['test-plan'], dueDate: '2018-10-15' });
  await web.db.services.snapshots.close(manager, q2.round.id);
  const { body, who } = await home('viewer');
  const since = section(body, 'since-heading')!;
  assert.match(since.text, /Snapshot 2, .*: 1 action moved BRAG status \(0 better, 1 worse\)/);
  assert.ok(since.links.some((l) => l.href === '/snapshots/2/changes'));
  await assertEveryLinkOpens(body, who);
});

test('get home as an analyst shows the dashboard headline and no one else’s work', async () => {
  const { body, who } = await home('analyst');
  assert.deepEqual(sections(body), ['headline-heading']);
  await assertEveryLinkOpens(body, who);
});

test('get home as an administrator shows what the manager sees, with the plans', async () => {
  const { body, who } = await home('admin');
  assert.deepEqual(sections(body), ['decisions-heading', 'late-heading', 'plans-heading']);
  assert.match(section(body, 'decisions-heading')!.text, /Nothing is waiting for your decision/);
  await assertEveryLinkOpens(body, who);
});

test('get home without signing in redirects to sign-in', async () => {
  const r = await web.get('/', null);
  assert.equal(r.statusCode, 303);
  assert.match(String(r.headers.location), /^\/sign-in/);
});
