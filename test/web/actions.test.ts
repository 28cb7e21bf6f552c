// The action page and its forms on injected requests: details, history, what each role is offered,
// validation with the error summary, stale edits that keep what was typed, and refusals.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

// Jo Example owns test-plan:1; Lee Lead leads its programme (theme 1).
const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const ACTION = '/plans/test-plan/actions/1';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const h1 = (body: string): string => html(body).heading();
const versionIn = (body: string): string => html(body).value('version') ?? '';
/** The words of the page's main content. */
const main = (body: string): string => html(body).main();
const actionNow = () => web.db.services.actions.show(web.ctx, 'test-plan:1');

test('get action page shows its details, history, cross-references and linked risks', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(ACTION, viewer);
  assert.equal(r.statusCode, 200);
  assert.equal(h1(r.body), '1. Recruit more foster carers');
  const page = html(r.body);
  assert.equal(page.title(), 'Action 1: Recruit more foster carers – Testshire County Council – Parentis');
  assert.match(page.main(), /Jo Example, Fostering Manager/);
  assert.match(page.main(), /30 September 2018/);
  assert.ok(page.texts('.govuk-tag--orange').includes('Amber'));
  assert.match(page.main(), /Campaign designed\./);
  assert.ok(page.texts('ul.govuk-list--bullet li').includes('Radio advert booked'));
  assert.ok(page.hasLink('/refs/inspection/11'));
  assert.ok(page.hasLink('/risks#risk-R1'));
  assert.ok(page.hasLink('/plans/test-plan/actions/1.1'));
  assert.match(page.main(), /Approved by Head of Placements/);
});

test('get action page as a viewer offers no forms', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(ACTION, viewer);
  const page = html(r.body);
  assert.doesNotMatch(page.main(), /Add a progress update/);
  assert.doesNotMatch(page.main(), /Edit this action/);
  assert.equal(page.links('main').some((l) => /deadline$/.test(l.text)), false);
});

test('get action page as its owner offers an update and a deadline request but not editing', async () => {
  const owner = await web.signIn('owner');
  const r = await web.get(ACTION, owner);
  const page = html(r.body);
  assert.ok(page.hasLink('/plans/test-plan/actions/1/update'));
  assert.match(page.main(), /Ask for a new deadline/);
  assert.doesNotMatch(page.main(), /Edit this action/);
  assert.doesNotMatch(page.main(), /Revise the deadline/);
});

test('get an action by its command-line key redirects to its page', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/actions/test-plan:1', viewer);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, ACTION);
});

test('get an unknown action answers 404', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get('/plans/test-plan/actions/99', viewer);
  assert.equal(r.statusCode, 404);
});

test('post progress update with a proposed status records both and redirects with a message', async () => {
  const owner = await web.signIn('owner');
  const form = await web.get(`${ACTION}/update`, owner);
  assert.equal(form.statusCode, 200);
  const r = await web.post(
    `${ACTION}/update`,
    { version: versionIn(form.body), 'date-day': '15', 'date-month': '6', 'date-year': '2018', body: 'Ten carers in assessment.', status: 'G', reason: 'Campaign back on track' },
    owner,
  );
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}?done=update-and-proposal`);
  const page = await web.get(r.headers.location, owner);
  assert.ok(html(page.body).find('.govuk-notification-banner--success'));
  assert.match(main(page.body), /Ten carers in assessment\./);
  assert.match(main(page.body), /Waiting for a decision/);
  const now = await actionNow();
  assert.equal(now.updates.at(-1)?.date, '2018-06-15');
  assert.equal(now.proposal?.status, 'G');
  assert.equal(now.status, 'A');
});

test('post progress update with errors shows the summary linked to each field and keeps what was typed', async () => {
  const owner = await web.signIn('owner');
  const before = await web.db.counts();
  const r = await web.post(`${ACTION}/update`, { version: '1', 'date-day': '31', 'date-month': '2', 'date-year': '2018', body: '  ', status: 'R', reason: 'Two carers withdrew' }, owner);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.match(page.title(), /^Error: Add a progress update/);
  const summary = page.errorSummary();
  // The summary lists the errors in the order of the form.
  assert.deepEqual(
    summary.map((e) => e.href),
    ['#date-day', '#body'],
  );
  assert.match(summary[0]!.text, /^The date of the update must be a real date/);
  assert.equal(summary[1]!.text, 'Write the progress update');
  assert.equal(page.value('date-day'), '31');
  assert.equal(page.value('reason'), 'Two carers withdrew');
  assert.deepEqual(page.checked('status'), ['R']);
  assert.deepEqual(await web.db.counts(), before);
});

test('post progress update after someone else changed the action shows their change and keeps the typed text', async () => {
  const owner = await web.signIn('owner');
  const form = await web.get(`${ACTION}/update`, owner);
  const opened = versionIn(form.body);
  await web.db.services.actions.addUpdate(as(web.ctx, 'manager'), 'test-plan:1', { date: '2018-06-20', body: 'Panel dates confirmed by the manager.' });
  const r = await web.post(
    `${ACTION}/update`,
    { version: opened, 'date-day': '21', 'date-month': '6', 'date-year': '2018', body: 'My careful update about the campaign.', status: '', reason: '' },
    owner,
  );
  assert.equal(r.statusCode, 409);
  const banner = html(r.body).text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed this action since you opened it/);
  assert.match(banner, /Pat Manager added a progress update/);
  assert.match(banner, /Panel dates confirmed by the manager\./);
  assert.equal(html(r.body).value('body'), 'My careful update about the campaign.');
  const current = String((await actionNow()).version);
  assert.notEqual(current, opened);
  assert.equal(versionIn(r.body), current);
  assert.equal((await actionNow()).updates.some((u) => u.body.startsWith('My careful update')), false);
  // Sending it again, now on the current version, saves it.
  const again = await web.post(
    `${ACTION}/update`,
    { version: current, 'date-day': '21', 'date-month': '6', 'date-year': '2018', body: 'My careful update about the campaign.', status: '', reason: '' },
    owner,
  );
  assert.equal(again.statusCode, 303);
});

test('post progress update as a viewer answers 403 and changes nothing', async () => {
  const viewer = await web.signIn('viewer');
  const before = await web.db.counts();
  const version = String((await actionNow()).version);
  const r = await web.post(`${ACTION}/update`, { version, 'date-day': '1', 'date-month': '6', 'date-year': '2018', body: 'Not mine to write.', status: '' }, viewer);
  assert.equal(r.statusCode, 403);
  assert.deepEqual(await web.db.counts(), before);
});

test('get progress update form as a viewer answers 403', async () => {
  const viewer = await web.signIn('viewer');
  const r = await web.get(`${ACTION}/update`, viewer);
  assert.equal(r.statusCode, 403);
});

test('post decision as the programme lead approves the proposed status', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  const lead = await web.signIn('lead');
  const page = await web.get(ACTION, lead);
  assert.ok(html(page.body).hasLink('/plans/test-plan/actions/1/decision'));
  const form = await web.get(`${ACTION}/decision`, lead);
  assert.equal(form.statusCode, 200);
  assert.match(main(form.body), /Back on track/);
  const r = await web.post(`${ACTION}/decision`, { version: versionIn(form.body), decision: 'approve', reason: '' }, lead);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}?done=proposal-approved`);
  const now = await actionNow();
  assert.equal(now.status, 'G');
  assert.equal(now.proposal, null);
});

test('post decision rejecting without a reason shows the error against the reason', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  const lead = await web.signIn('lead');
  const form = await web.get(`${ACTION}/decision`, lead);
  const r = await web.post(`${ACTION}/decision`, { version: versionIn(form.body), decision: 'reject', reason: '' }, lead);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#reason', text: 'Give the reason for rejecting it' }]);
  assert.deepEqual(html(r.body).checked('decision'), ['reject']);
  assert.equal((await actionNow()).proposal?.status, 'G');
});

test('post decision as the owner answers 403 and leaves the proposal waiting', async () => {
  await web.db.services.actions.proposeStatus(as(web.ctx, 'owner'), 'test-plan:1', { status: 'G', reason: 'Back on track', asAt: '2018-06-20' });
  const owner = await web.signIn('owner');
  const version = String((await actionNow()).version);
  const r = await web.post(`${ACTION}/decision`, { version, decision: 'approve', reason: '' }, owner);
  assert.equal(r.statusCode, 403);
  assert.equal((await actionNow()).proposal?.status, 'G');
});

test('post deadline as the manager revises it with the reason in the history', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get(`${ACTION}/deadline`, manager);
  assert.match(h1(form.body), /Revise the deadline/);
  const r = await web.post(
    `${ACTION}/deadline`,
    { version: versionIn(form.body), 'deadline-day': '31', 'deadline-month': '12', 'deadline-year': '2018', reason: 'Recruitment delayed' },
    manager,
  );
  assert.equal(r.statusCode, 303);
  const page = await web.get(ACTION, manager);
  assert.match(main(page.body), /31 December 2018 \(current\)/);
  assert.match(main(page.body), /Recruitment delayed/);
  assert.match(main(page.body), /Revised 1 time/);
});

test('post deadline with an impossible date shows the error on the day box and keeps the reason', async () => {
  const manager = await web.signIn('manager');
  const version = String((await actionNow()).version);
  const r = await web.post(`${ACTION}/deadline`, { version, 'deadline-day': '31', 'deadline-month': '2', 'deadline-year': '2019', reason: 'Recruitment delayed' }, manager);
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.match(page.errorFor('#deadline-day') ?? '', /^The new deadline must be a real date/);
  assert.equal(page.value('deadline-day'), '31');
  assert.equal(page.value('reason'), 'Recruitment delayed');
  assert.equal((await actionNow()).deadline, '2018-09-30');
});

test('post deadline as the owner asks for it and the lead approves the request', async () => {
  const owner = await web.signIn('owner');
  const form = await web.get(`${ACTION}/deadline`, owner);
  assert.match(h1(form.body), /Ask for a new deadline/);
  const r = await web.post(
    `${ACTION}/deadline`,
    { version: versionIn(form.body), 'deadline-day': '31', 'deadline-month': '10', 'deadline-year': '2018', reason: 'Panel moved' },
    owner,
  );
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}?done=deadline-requested`);
  assert.equal((await actionNow()).deadline, '2018-09-30');
  const lead = await web.signIn('lead');
  const decide = await web.get(`${ACTION}/deadline-decision`, lead);
  assert.equal(decide.statusCode, 200);
  assert.match(main(decide.body), /31 October 2018/);
  const d = await web.post(`${ACTION}/deadline-decision`, { version: versionIn(decide.body), decision: 'approve', reason: '' }, lead);
  assert.equal(d.statusCode, 303);
  assert.equal((await actionNow()).deadline, '2018-10-31');
});

test('post edit as the manager saves the title and owners', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get(`${ACTION}/edit`, manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).value('ownerName1'), 'Jo Example');
  const r = await web.post(
    `${ACTION}/edit`,
    { version: versionIn(form.body), title: 'Recruit 20 more foster carers', description: '', successMeasures: '', outcome: '', ownerName1: 'Jo Example', ownerRole1: 'Fostering Manager', ownerName2: 'Sam Sample', ownerRole2: '' },
    manager,
  );
  assert.equal(r.statusCode, 303);
  const now = await actionNow();
  assert.equal(now.title, 'Recruit 20 more foster carers');
  assert.deepEqual(
    now.owners.map((o) => o.label),
    ['Jo Example, Fostering Manager', 'Sam Sample'],
  );
});

test('post edit with nothing changed records no event, keeps the version and says nothing was changed', async () => {
  const manager = await web.signIn('manager');
  const form = html((await web.get(`${ACTION}/edit`, manager)).body);
  const fields = ['version', 'title', 'description', 'successMeasures', 'outcome', 'refsOffered', ...[1, 2, 3].flatMap((n) => [`ownerName${n}`, `ownerRole${n}`])];
  const asItWas = Object.fromEntries(fields.flatMap((f) => (form.value(f) === undefined ? [] : [[f, form.value(f)!]])));
  const before = await actionNow();
  const r = await web.post(`${ACTION}/edit`, { ...asItWas, refs: form.checked('refs'), measures: form.checked('measures') }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}?done=action-unchanged`);
  assert.equal((await actionNow()).version, before.version);
  assert.deepEqual((await web.db.services.audit.list(web.ctx, { entity: 'test-plan:1' })).filter((e) => e.event === 'action.edited'), []);
  const page = await web.get(String(r.headers.location), manager);
  assert.ok(html(page.body).banners().some((b) => /Nothing was changed/.test(b)), html(page.body).banners().join('\n'));
});

test('post edit without owners shows the error on the first owner row', async () => {
  const manager = await web.signIn('manager');
  const version = String((await actionNow()).version);
  const r = await web.post(`${ACTION}/edit`, { version, title: 'Recruit carers', description: '', successMeasures: '', outcome: '' }, manager);
  assert.equal(r.statusCode, 400);
  assert.match(html(r.body).errorFor('#ownerName1') ?? '', /^Enter at least one owner/);
  assert.equal(html(r.body).value('title'), 'Recruit carers');
});

test('post edit after someone else only linked a reference says which they linked, as the audit log does', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get(`${ACTION}/edit`, manager);
  const opened = versionIn(form.body);
  const had = (await actionNow()).refs.flatMap((r) => (r.kind === 'tag' ? [] : [{ kind: r.kind, value: r.value }]));
  await web.db.services.actions.edit(as(web.ctx, 'admin'), 'test-plan:1', { expectedVersion: Number(opened), links: [...had, { kind: 'inspection', value: '23' }] });
  const r = await web.post(`${ACTION}/edit`, { version: opened, title: 'My new title', description: '', successMeasures: '', outcome: '', ownerName1: 'Jo Example', ownerRole1: '' }, manager);
  assert.equal(r.statusCode, 409);
  const banner = words(html(r.body).text('#stale-change') ?? '');
  assert.match(banner, /Ada Admin linked a reference: Inspection recommendation 23 on /);
  assert.doesNotMatch(banner, /edited the action/);
});

test('post edit after someone else edited shows their change, the action now and the typed title', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get(`${ACTION}/edit`, manager);
  const opened = versionIn(form.body);
  await web.db.services.actions.edit(as(web.ctx, 'admin'), 'test-plan:1', { expectedVersion: Number(opened), title: 'Recruit foster carers locally' });
  const r = await web.post(
    `${ACTION}/edit`,
    { version: opened, title: 'My new title', description: '', successMeasures: '', outcome: '', ownerName1: 'Jo Example', ownerRole1: '' },
    manager,
  );
  assert.equal(r.statusCode, 409);
  const banner = html(r.body).text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed this action since you opened it/);
  assert.match(banner, /Ada Admin edited the action/);
  assert.match(banner, /Recruit foster carers locally/);
  assert.equal(html(r.body).value('title'), 'My new title');
  assert.equal((await actionNow()).title, 'Recruit foster carers locally');
});

test('get edit form as the owner answers 403', async () => {
  const owner = await web.signIn('owner');
  const r = await web.get(`${ACTION}/edit`, owner);
  assert.equal(r.statusCode, 403);
});
