// A round's approval page and its programme status pages: a lead decides the proposals in the
// programmes they lead, together or one by one, and enters their programme's status for the period;
// bad input is named against its field, a stale page decides or saves nothing and says what changed,
// and roles that may not are refused with nothing changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { as, ledPlanFixture, people } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

// test-plan:1 (in theme 1, which Lee Lead leads) waits with a proposed status and a deadline request;
// test-plan:2 (theme 2, not theirs) with a proposed status.
async function roundWithProposals(): Promise<number> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  const actions = web.db.services.actions;
  await actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'R', reason: 'No applicants in June' });
  await actions.requestDeadline(as(web.ctx, 'owner'), 'test-plan:1', { dueDate: '2018-12-31', reason: 'Campaign moved to the autumn' });
  await actions.proposeStatus(as(web.ctx, 'manager'), 'test-plan:2', { status: 'B', reason: 'Every care leaver has an adviser' });
  const opened = await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q1', plans: ['test-plan'], dueDate: '2018-07-13' });
  return opened.round.id;
}

const checkboxValues = (body: string): string[] => html(body).all('input[name="items"]').map((e) => e.getAttribute('value') ?? '');

test('get the approvals page as the lead lists what waits in their programme with names, changes, reasons and who proposed', async () => {
  const id = await roundWithProposals();
  const r = await web.get(`/rounds/${id}/approvals`, await web.signIn('lead'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Approvals 2018/19 Q1 (April to June 2018)');
  const rows = page.rows('#approvals');
  assert.equal(rows.length, 2);
  assert.match(rows[0]![1]!, /^Test improvement plan, action 1: Recruit more foster carers$/);
  assert.match(rows[0]![2]!, /BRAG status: Amber to Red/);
  assert.equal(rows[0]![3], 'No applicants in June');
  assert.match(rows[0]![4]!, /^Jo Example/);
  assert.match(rows[1]![2]!, /Deadline: 30 September 2018 to 31 December 2018/);
  assert.doesNotMatch(page.main(), /test-plan:/);
  assert.deepEqual(
    page.links('#approvals').filter((l) => l.text.startsWith('Decide on its own')).map((l) => l.href),
    ['/plans/test-plan/actions/1/decision', '/plans/test-plan/actions/1/deadline-decision'],
  );
  const manager = html((await web.get(`/rounds/${id}/approvals`, await web.signIn('manager'))).body);
  assert.equal(manager.rows('#approvals').length, 3);
});

test('post approve selected as the lead decides both in one go and says so', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const items = checkboxValues((await web.get(`/rounds/${id}/approvals`, lead)).body);
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/approvals`, { items, decision: 'approve', reason: '' }, lead);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.equal(r.headers.location, `/rounds/${id}/approvals?done=approvals-approved`);
  const page = html((await web.get(r.headers.location, lead)).body);
  assert.deepEqual(page.banners(), ['Success The chosen proposals have been approved']);
  assert.match(page.main(), /Nothing is waiting for your decision in this round/);
  const a = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  assert.deepEqual([a.status, a.deadline], ['R', '2018-12-31']);
  assert.equal((await web.db.counts()).audit_event, before.audit_event! + 2);
});

test('post reject selected without a reason or with nothing chosen shows errors linked to the fields and changes nothing', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const items = checkboxValues((await web.get(`/rounds/${id}/approvals`, lead)).body);
  const before = await web.db.counts();
  const noReason = await web.post(`/rounds/${id}/approvals`, { items: items[0]!, decision: 'reject', reason: '' }, lead);
  assert.equal(noReason.statusCode, 400);
  assert.deepEqual(html(noReason.body).errorSummary(), [{ href: '#reason', text: 'Give the reason for rejecting them' }]);
  assert.deepEqual(html(noReason.body).checked('items'), [items[0]]);
  const nothing = await web.post(`/rounds/${id}/approvals`, { decision: 'approve', reason: '' }, lead);
  assert.equal(nothing.statusCode, 400);
  assert.deepEqual(html(nothing.body).errorSummary(), [{ href: '#items', text: 'Choose at least one proposal to approve or reject' }]);
  assert.notEqual(html(nothing.body).find('#items'), undefined);
  assert.deepEqual(await web.db.counts(), before);
});

test('post approve selected after the owner changed one action decides nothing and shows their change', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const items = checkboxValues((await web.get(`/rounds/${id}/approvals`, lead)).body);
  await web.db.services.actions.addUpdate(as(web.ctx, 'owner'), 'test-plan:1', { date: '2018-06-30', body: 'Two enquiries this week.' });
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/approvals`, { items, decision: 'approve', reason: '' }, lead);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  const banner = page.text('#stale-change') ?? '';
  assert.match(banner, /Nothing was decided: 1 action changed since you opened this page/);
  assert.match(banner, /Test improvement plan, action 1: Recruit more foster carers/);
  assert.match(banner, /Jo Example added a progress update/);
  assert.match(banner, /Two enquiries this week\./);
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await web.db.services.actions.show(web.ctx, 'test-plan:1')).pendingProposal, 'R');
  // The page is drawn anew: sending the fresh choices decides them.
  const again = await web.post(`/rounds/${id}/approvals`, { items: checkboxValues(r.body), decision: 'approve', reason: '' }, lead);
  assert.equal(again.statusCode, 303);
});

test('post approve selected as the lead with an action outside their programmes answers 403 and decides nothing', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const mine = checkboxValues((await web.get(`/rounds/${id}/approvals`, lead)).body);
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/approvals`, { items: [...mine, `status|${version}|test-plan:2`], decision: 'approve', reason: '' }, lead);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

for (const role of ['owner', 'analyst', 'viewer'] as const satisfies readonly Role[]) {
  test(`get and post the approvals and programme pages as ${role} answers 403 and changes nothing`, async () => {
    const id = await roundWithProposals();
    const nodeId = (await web.db.services.programmes.forRound(web.ctx, id)).programmes[0]!.nodeId;
    const user = await web.signIn(role);
    const before = await web.db.counts();
    const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:1');
    const codes = [
      (await web.get(`/rounds/${id}/approvals`, user)).statusCode,
      (await web.post(`/rounds/${id}/approvals`, { items: `status|${version}|test-plan:1`, decision: 'approve', reason: '' }, user)).statusCode,
      (await web.get(`/rounds/${id}/programmes`, user)).statusCode,
      (await web.get(`/rounds/${id}/programmes/${nodeId}`, user)).statusCode,
      (await web.post(`/rounds/${id}/programmes/${nodeId}`, { version: '0', status: 'G', trend: 'stable', reason: 'Fine', deliveryGroup: '', chair: '' }, user)).statusCode,
    ];
    assert.deepEqual(codes, [403, 403, 403, 403, 403]);
    assert.deepEqual(await web.db.counts(), before);
  });
}

const programmeForm = (version: string, over: Record<string, string> = {}) => ({
  version,
  deliveryGroup: 'Placements Board',
  chair: 'Lee Lead',
  status: 'A',
  trend: 'improving',
  reason: 'Recruitment campaign running; two enquiries a week.',
  ...over,
});

test('post a programme status as its lead records it for the period and keeps the history', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const list = html((await web.get(`/rounds/${id}/programmes`, lead)).body);
  assert.equal(list.heading(), 'Programme status 2018/19 Q1 (April to June 2018)');
  const rows = list.rows('#programmes');
  assert.deepEqual(rows.map((r) => r[0]), ['1 Placements Test improvement plan', '2 Care leavers Test improvement plan']);
  assert.match(rows[0]![5]!, /Not entered Enter the status of programme 1 Placements/);
  assert.equal(rows[1]![5], 'Not entered');
  const href = list.links('#programmes').find((l) => l.text === '1 Placements')!.href;
  const form = html((await web.get(href, lead)).body);
  assert.equal(form.value('version'), '0');
  const first = await web.post(href, programmeForm('0'), lead);
  assert.equal(first.statusCode, 303, first.body.slice(0, 500));
  const second = await web.post(href, programmeForm('1', { status: 'G', reason: 'Twelve new carers approved.' }), lead);
  assert.equal(second.statusCode, 303);
  const page = html((await web.get(second.headers.location as string, lead)).body);
  assert.deepEqual(page.banners(), ["Success The programme's status for this period has been recorded"]);
  const history = page.rows('#history ~ [role=region] table');
  assert.deepEqual(
    history.map((r) => [r[0], r[1], r[2], r[3]]),
    [
      ['2018/19 Q1', 'Green', 'Improving', 'Twelve new carers approved.'],
      ['2018/19 Q1', 'Amber', 'Improving', 'Recruitment campaign running; two enquiries a week.'],
    ],
  );
  const events = await web.db.services.audit.list(web.ctx, {});
  assert.equal(events.filter((e) => e.event === 'programme.status.entered').length, 2);
  const at = await web.db.services.programmes.programmeStatusesAt(web.ctx, [(await web.db.services.plans.list(web.ctx))[0]!.id], '2018-06-30');
  assert.deepEqual(at.map((s) => [s.number, s.status, s.reason]), [['1', 'G', 'Twelve new carers approved.']]);
});

test('post a programme status with nothing chosen shows the errors linked to their fields and saves nothing', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const nodeId = (await web.db.services.programmes.forRound(web.ctx, id)).programmes[0]!.nodeId;
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/programmes/${nodeId}`, programmeForm('0', { status: '', trend: '', reason: ' ' }), lead);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#status', text: 'Choose the programme’s BRAG status' },
    { href: '#trend', text: 'Choose whether the status is improving, steady or worsening' },
    { href: '#reason', text: 'Give the reason for the status' },
  ]);
  assert.equal(html(r.body).value('deliveryGroup'), 'Placements Board');
  assert.deepEqual(await web.db.counts(), before);
});

test('post a programme status from a form someone else has since saved is refused with their entry shown', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const nodeId = (await web.db.services.programmes.forRound(web.ctx, id)).programmes[0]!.nodeId;
  await web.db.services.programmes.enter(as(web.ctx, 'manager'), id, nodeId, { status: 'R', trend: 'worsening', reason: 'Panel found no carers.', deliveryGroup: '', chair: '', expectedVersion: 0 });
  const before = await web.db.counts();
  const r = await web.post(`/rounds/${id}/programmes/${nodeId}`, programmeForm('0'), lead);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  const banner = page.text('#stale-change') ?? '';
  assert.match(banner, /Pat Manager entered the programme's status/);
  assert.match(banner, /Red/);
  assert.match(banner, /Worsening/);
  assert.match(banner, /Panel found no carers\./);
  assert.equal(page.value('version'), '1');
  assert.equal(page.value('reason'), 'Recruitment campaign running; two enquiries a week.');
  assert.deepEqual(await web.db.counts(), before);
});

test('post a programme status as a lead for a programme they do not lead answers 403 and saves nothing', async () => {
  const id = await roundWithProposals();
  const lead = await web.signIn('lead');
  const other = (await web.db.services.programmes.forRound(web.ctx, id)).programmes[1]!.nodeId;
  const before = await web.db.counts();
  assert.equal((await web.post(`/rounds/${id}/programmes/${other}`, programmeForm('0'), lead)).statusCode, 403);
  assert.equal((await web.get(`/rounds/${id}/programmes/${other}`, lead)).statusCode, 200);
  assert.deepEqual(await web.db.counts(), before);
});

test('get any page as each role shows the rounds and the outbox in the navigation only to those who may use them', async () => {
  const nav = async (role: Role): Promise<string[]> => html((await web.get('/plans', await web.signIn(role))).body).links('.govuk-service-navigation').map((l) => l.text);
  const [admin, manager, lead, owner] = [await nav('admin'), await nav('manager'), await nav('lead'), await nav('owner')];
  assert.deepEqual([admin.includes('Reporting rounds'), admin.includes('Outbox')], [true, true]);
  assert.deepEqual([manager.includes('Reporting rounds'), manager.includes('Outbox')], [true, false]);
  assert.deepEqual([lead.includes('Reporting rounds'), lead.includes('Outbox')], [true, false]);
  assert.deepEqual([owner.includes('Reporting rounds'), owner.includes('Outbox')], [false, false]);
});
