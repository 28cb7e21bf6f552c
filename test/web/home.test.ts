// The home page on injected requests: the person's own actions, their late updates, what is due,
// and the decisions waiting for leads and managers.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words, type Link } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

/** The section whose heading has this id: its words and its links. */
function section(body: string, id: string): { text: string; links: Link[]; tags: string[] } {
  const page = html(body);
  const e = page.find(`section[aria-labelledby="${id}"]`);
  return {
    text: words(e?.text ?? ''),
    links: page.links(`section[aria-labelledby="${id}"]`),
    tags: (e?.querySelectorAll('.govuk-tag') ?? []).map((t) => `${t.classList.value.join(' ')}: ${words(t.text)}`),
  };
}

test('get home as an owner lists their actions and their late updates', async () => {
  const owner = await web.signIn('owner');
  const r = await web.get('/', owner);
  assert.equal(r.statusCode, 200);
  assert.equal(html(r.body).heading(), 'What needs your attention');
  const mine = section(r.body, 'mine-heading');
  assert.ok(mine.links.some((l) => l.href === '/plans/test-plan/actions/1' && l.text.startsWith('1. Recruit more foster carers')));
  assert.doesNotMatch(mine.text, /Offer every care leaver/);
  // The last update was on 31 May 2018: long past 30 days.
  assert.match(section(r.body, 'late-heading').text, /Recruit more foster carers/);
  assert.match(section(r.body, 'due-heading').text, /on your actions/);
  assert.doesNotMatch(html(r.body).main(), /Waiting for your decision/);
});

test('get home as an owner after a fresh update no longer lists it as late', async () => {
  const today = new Date().toISOString().slice(0, 10);
  await web.db.services.actions.addUpdate(as(web.ctx, 'owner'), 'test-plan:1', { date: today, body: 'Carers approved at panel.' });
  const owner = await web.signIn('owner');
  const r = await web.get('/', owner);
  assert.match(section(r.body, 'late-heading').text, /None: your updates are up to date/);
});

test('get home as the programme lead shows the proposal waiting for their decision', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  const lead = await web.signIn('lead');
  const r = await web.get('/', lead);
  const decisions = section(r.body, 'decisions-heading');
  assert.match(decisions.text, /Recruit more foster carers/);
  assert.ok(decisions.tags.some((t) => /govuk-tag--green/.test(t) && t.endsWith(': Green')));
  assert.match(decisions.text, /Jo Example/);
  assert.ok(decisions.links.some((l) => l.href === '/plans/test-plan/actions/1/decision'));
});

test('get home as a viewer shows no decisions and what is overdue across the authority', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/', viewer);
  assert.equal(r.statusCode, 200);
  assert.doesNotMatch(html(r.body).main(), /Waiting for your decision/);
  assert.match(section(r.body, 'mine-heading').text, /No action names you, Vic Viewer, as an owner/);
  const due = section(r.body, 'due-heading');
  assert.match(due.text, /2 actions are past their deadline and not complete/);
  assert.ok(due.links.some((l) => l.href === '/plans/test-plan?overdue=yes&sort=deadline' && l.text === 'Test improvement plan'));
  assert.match(due.text, /Test improvement plan: 2/);
});

test('get home without signing in redirects to sign-in', async () => {
  const r = await web.get('/', null);
  assert.equal(r.statusCode, 303);
  assert.match(String(r.headers.location), /^\/sign-in/);
});
