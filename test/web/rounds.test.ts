// The reporting cycle's pages: a manager opens a round (never on an archived plan) and reads the chase
// list (and its CSV), reminds owners; an owner sees their requests at home; other roles get 403 with
// nothing changed; an owner without an account replies through a partner link, which then opens nothing more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roles, type Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { people, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';
import { csrfTokenIn, cookieHeader, encodeForm } from '../helpers/web.ts';

const web = useWebTest({ names: people });

async function openRound(): Promise<number> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const opened = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  return opened.round.id;
}

const outboxCount = async (): Promise<number> => (await web.db.counts()).outbox_message!;

test('open a round through the form asks the owners and shows the chase list', async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const manager = await web.signIn('manager');
  const form = html((await web.get('/rounds/new', manager)).body);
  assert.equal(form.heading(), 'Open a reporting round');
  assert.match(form.value('period') ?? '', /^\d{4}\/\d{2} Q[1-4]$/);
  const r = await web.post('/rounds/new', { period: '2018/19 Q1', plans: 'test-plan', 'dueDate-day': '', 'dueDate-month': '', 'dueDate-year': '' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.match(r.headers.location as string, /^\/rounds\/\d+\?done=round-opened$/);
  const page = html((await web.get(r.headers.location as string, manager)).body);
  assert.equal(page.heading(), 'Chase list 2018/19 Q1 (April to June 2018)');
  assert.deepEqual(page.banners(), ['Success The round is open. Owners are being asked for their updates.']);
  const owners = page.rows('#owners ~ [role=region] table').filter((row) => row.length === 7);
  assert.deepEqual(
    owners.map((row) => [row[0]!.split(' ')[0], row[1], row[2], row[3], row[4]]),
    [
      ['Jo', '1', '0', '0', '1'],
      ['Sam', '1', '0', '0', '1'],
    ],
  );
  // No e-mail service in tests: the requests went to the outbox at once.
  assert.equal(await outboxCount(), 2);
  assert.match(page.main(), /Messages go by the outbox/);
});

test('open a round with no period and no plan shows the errors linked to their fields', async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const manager = await web.signIn('manager');
  const before = await web.db.counts();
  const r = await web.post('/rounds/new', { period: '', 'dueDate-day': '31', 'dueDate-month': '2', 'dueDate-year': '2019' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#period', text: 'Enter the reporting period, like 2026/27 Q3' },
    { href: '#plans', text: 'Choose at least one plan' },
    { href: '#dueDate-day', text: 'The due date must be a real date, for example 31 3 2019' },
  ]);
  const bad = await web.post('/rounds/new', { period: '2018 Q1', plans: 'test-plan' }, manager);
  assert.equal(bad.statusCode, 400);
  assert.match(html(bad.body).errorFor('#period') ?? '', /is not a reporting period/);
  assert.deepEqual(await web.db.counts(), before);
});

const forbidden: readonly Role[] = roles.filter((r) => r !== 'admin' && r !== 'manager');
for (const role of forbidden) {
  test(`post to open a round and remind as ${role} answers 403 and changes nothing`, async () => {
    const id = await openRound();
    const as = await web.signIn(role);
    const before = await web.db.counts();
    const open = await web.post('/rounds/new', { period: '2018/19 Q2', plans: 'test-plan' }, as);
    const remind = await web.post(`/rounds/${id}/remind`, { owner: 'Jo Example' }, as);
    const link = await web.post(`/rounds/${id}/links`, { owner: 'Sam Sample', email: 'sam@partner.example', index: '2' }, as);
    assert.deepEqual([open.statusCode, remind.statusCode, link.statusCode], [403, 403, 403]);
    assert.equal((await web.get(`/rounds/${id}`, as)).statusCode, 403);
    assert.equal((await web.get(`/rounds/${id}/chase.csv`, as)).statusCode, 403);
    assert.deepEqual(await web.db.counts(), before);
  });
}

test('open a round does not offer an archived plan, and refuses it if sent naming the plan, opening nothing', async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  await web.db.services.plans.setArchived(web.ctx, 'test-plan', (await web.db.services.plans.tree(web.ctx, 'test-plan')).version, true);
  const manager = await web.signIn('manager');
  const form = html((await web.get('/rounds/new', manager)).body);
  assert.equal(form.all('input[name="plans"][value="test-plan"]').length, 0);
  const before = await web.db.counts();
  const r = await web.post('/rounds/new', { period: '2018/19 Q1', plans: 'test-plan' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#plans', text: '"Test improvement plan" is archived: it takes no updates, so a round cannot ask for them. Take it out of the archive first, or leave it out' },
  ]);
  assert.deepEqual(await web.db.counts(), before);
});

test('home page of an owner lists the updates they were asked for, until they send one', async () => {
  await openRound();
  const owner = await web.signIn('owner');
  const home = html((await web.get('/', owner)).body);
  const asked = home.all('[aria-labelledby="mine-heading"] .parentis-home-item').find((li) => li.querySelector('a')?.getAttribute('href') === '/plans/test-plan/actions/1');
  assert.match(asked?.text ?? '', /Update late: 2018\/19 Q1, due 13 July 2018/);
  assert.ok(home.links('[aria-labelledby="mine-heading"]').some((l) => l.href === '/plans/test-plan/actions/1/update'));
  const form = html((await web.get('/plans/test-plan/actions/1/update', owner)).body);
  const r = await web.post(
    '/plans/test-plan/actions/1/update',
    { version: form.value('version') ?? '', 'date-day': '30', 'date-month': '6', 'date-year': '2018', body: 'Two carers approved.', status: '', reason: '' },
    owner,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  assert.doesNotMatch(html((await web.get('/', owner)).body).text('[aria-labelledby="mine-heading"]') ?? '', /Update late|Update asked for/);
});

test('remind an owner now and download the chase list as csv', async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const r = await web.post(`/rounds/${id}/remind`, { owner: 'Jo Example' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `/rounds/${id}?done=reminders-sent#owners`);
  const all = await web.post(`/rounds/${id}/remind`, { owner: '' }, manager);
  assert.equal(all.statusCode, 303);
  // Two requests when the round opened, then Jo, then Jo and Sam as late owners.
  assert.equal(await outboxCount(), 5);
  const csv = await web.get(`/rounds/${id}/chase.csv`, manager);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'period,due_date,owner,email,programme,plan,action,title,state,received_at,received_via,last_reminded,reminder_problem');
  assert.match(lines[1]!, /^2018\/19 Q1,2018-07-13,Jo Example,owner@testshire.example,1 Placements,test-plan,test-plan:1,Recruit more foster carers,Late,,,\d{4}-/);
  assert.equal(lines.length, 3);
});

test('outbox page shows the kept messages to an administrator and 403 to a manager', async () => {
  await openRound();
  await web.db.services.reminders.runOnce();
  const page = html((await web.get('/outbox', await web.signIn('admin'))).body);
  assert.equal(page.heading(), 'Outbox');
  assert.deepEqual(page.texts('main h2'), ['Overdue: 2018/19 Q1 (April to June 2018) – due Friday 13 July 2018', 'Overdue: 2018/19 Q1 (April to June 2018) – due Friday 13 July 2018']);
  assert.equal((await web.get('/outbox', await web.signIn('manager'))).statusCode, 403);
});

test('partner link opens a form for the requested action only, records it once, then opens nothing', async () => {
  const id = await openRound();
  await web.db.services.reminders.runOnce();
  const manager = await web.signIn('manager');
  const sent = await web.post(`/rounds/${id}/links`, { owner: 'Sam Sample', email: 'sam.sample@partner.example', index: '2' }, manager);
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
  const message = await web.db.handle.db.selectFrom('outboxMessage').selectAll().where('toName', '=', 'Sam Sample').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const path = new URL(/http:\/\/\S+\/partner\/\S+/.exec(message.body)![0]).pathname;

  const form = await web.server.inject({ method: 'GET', url: path });
  assert.equal(form.statusCode, 200);
  const page = html(form.body);
  assert.equal(page.heading(), 'Your progress updates for 2018/19 Q1 (April to June 2018)');
  assert.deepEqual(page.texts('main h2'), ['Run an information evening each quarter']);
  assert.match(page.main(), /Test improvement plan, action 1\.1/);
  assert.equal(page.find('nav.govuk-service-navigation'), undefined);

  const cookie = cookieHeader(form);
  const post = (payload: Record<string, string>, url = path) =>
    web.server.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm({ _csrf: csrfTokenIn(form.body) ?? '', ...payload }) });
  const empty = await post({ 'date-day': '30', 'date-month': '6', 'date-year': '2018', body1: '', status1: '' });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(html(empty.body).errorSummary(), [{ href: '#body1', text: 'Write an update for at least one action' }]);

  const before = await web.db.counts();
  const done = await post({ 'date-day': '30', 'date-month': '6', 'date-year': '2018', body1: 'Evening held; six families came.', status1: 'G', reason1: '' });
  assert.equal(done.statusCode, 200, done.body.slice(0, 400));
  assert.equal(html(done.body).find('h1')?.text.trim(), 'Your updates have been sent');
  assert.equal((await web.db.counts()).progress_update, before.progress_update! + 1);

  const after = await web.db.counts();
  const again = await post({ 'date-day': '30', 'date-month': '6', 'date-year': '2018', body1: 'Again.' });
  assert.equal(again.statusCode, 410);
  assert.match(html(again.body).main(), /already been used/);
  assert.equal((await web.server.inject({ method: 'GET', url: path })).statusCode, 410);
  assert.equal((await web.server.inject({ method: 'GET', url: `${path}x` })).statusCode, 404);
  assert.deepEqual(await web.db.counts(), after);
});
