// The audit log page on injected requests: administrators only, filters, changes before and after (never an
// empty field shown as removed), actions linked where they are now, pages of fifty.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, planFixture());
  await web.db.services.actions.setStatus({ ...web.ctx, actor: 'Jo Example' }, 'test-plan:1', { status: 'R', asAt: '2018-06-30', reason: 'Campaign cancelled' });
  await web.db.services.actions.reviseDeadline(web.ctx, 'test-plan:2', { date: '2018-12-31', reason: 'Recruitment delayed' });
});

/** The rows of the audit table. */
const rows = (body: string) => html(body).all('table tbody tr');
/** A row's change, field by field: the words of each <dt> and its <dd>. */
const changes = (row: ReturnType<typeof rows>[number]): Record<string, string> =>
  Object.fromEntries(row.querySelectorAll('dt').map((dt) => [words(dt.text), words(dt.nextElementSibling?.text ?? '')]));
/** The words of the page's main content. */
const main = (body: string): string => html(body).main();

test('get audit as a viewer answers 403 and shows no events', async () => {
  const r = await web.get('/audit', await web.signIn('viewer'));
  assert.equal(r.statusCode, 403);
  assert.doesNotMatch(main(r.body), /Campaign cancelled/);
});

test('get audit as a manager answers 403', async () => {
  const r = await web.get('/audit', await web.signIn('manager'));
  assert.equal(r.statusCode, 403);
  assert.match(main(r.body), /read the audit log/);
});

test('get audit with bad filters as a viewer still answers 403', async () => {
  const r = await web.get('/audit?from-day=99&from-month=1&from-year=2018', await web.signIn('viewer'));
  assert.equal(r.statusCode, 403);
});

test('get audit as an administrator lists events newest first with who, what and the change before and after', async () => {
  const r = await web.get('/audit', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.equal(html(r.body).heading(), 'Audit log');
  assert.match(main(r.body), /Showing 1 to 3 of 3 events/);
  const [deadline, status, imported] = rows(r.body);
  assert.match(words(deadline!.text), /Deadline revised/);
  assert.match(changes(deadline!).Deadline ?? '', /^31 December 2018/);
  assert.match(changes(deadline!).Reason ?? '', /^Recruitment delayed/);
  assert.match(words(status!.text), /Jo Example/);
  assert.equal(words(status!.querySelector('strong')?.text ?? ''), 'BRAG status recorded');
  assert.equal(status!.querySelector('a[href="/plans/test-plan/actions/1"]')?.text, 'Test improvement plan, action 1');
  // The arrow is hidden from screen readers, which hear "changed to" instead.
  assert.equal(changes(status!).Status, 'Amber → changed to Red');
  assert.equal(status!.querySelector('dd [aria-hidden="true"]')?.text, '→');
  assert.equal(words(status!.querySelector('dd .govuk-visually-hidden')?.text ?? ''), 'changed to');
  assert.match(changes(status!).Reason ?? '', /Campaign cancelled/);
  assert.match(words(imported!.text), /Plan imported/);
});

test('get audit of a new action lists the fields it was given and none it was left without', async () => {
  const manager = { ...web.ctx, actor: 'Pat Manager', role: 'manager' as const };
  const node = (await web.db.services.plans.tree(web.ctx, 'test-plan')).nodes[0]!;
  await web.db.services.actions.create(manager, 'test-plan', { nodeId: node.id, number: '9', title: 'Recruit more local foster carers', owners: [{ name: 'Jo Example' }] });
  const r = await web.get('/audit?actor=Pat+Manager', await web.signIn('admin'));
  const [created] = rows(r.body);
  assert.equal(words(created!.querySelector('strong')?.text ?? ''), 'Action created');
  const given = changes(created!);
  assert.equal(given.Title, 'Recruit more local foster carers');
  assert.equal(given.Number, '9');
  assert.deepEqual(Object.keys(given).filter((f) => ['Description', 'Outcome', 'Success measures', 'Cross-references'].includes(f)), []);
  assert.doesNotMatch(words(created!.text), /\(removed\)/);
});

test('get audit of an action edit that links a reference says which it linked, and unlinked with other changes', async () => {
  const manager = { ...web.ctx, actor: 'Pat Manager', role: 'manager' as const };
  const had = (await web.db.services.actions.show(web.ctx, 'test-plan:1')).refs.flatMap((r) => (r.kind === 'tag' ? [] : [{ kind: r.kind, value: r.value }]));
  const linked = await web.db.services.actions.edit(manager, 'test-plan:1', { expectedVersion: (await web.db.services.actions.show(web.ctx, 'test-plan:1')).version, links: [...had, { kind: 'inspection', value: '23' }] });
  await web.db.services.actions.edit(manager, 'test-plan:1', { expectedVersion: linked.version, title: 'Recruit more carers', links: had });
  const r = await web.get('/audit?actor=Pat+Manager', await web.signIn('admin'));
  const [unlinked, link] = rows(r.body);
  assert.equal(words(link!.querySelector('strong')?.text ?? ''), 'Reference linked: Inspection recommendation 23');
  assert.match(changes(link!)['Cross-references'] ?? '', /^Inspection recommendation 11; Challenge 4 → changed to .*Inspection recommendation 23$/);
  assert.equal(words(unlinked!.querySelector('strong')?.text ?? ''), 'Action edited. Reference unlinked: Inspection recommendation 23');
});

test('get audit of a young people’s priority names it in each step', async () => {
  const manager = { ...web.ctx, actor: 'Pat Manager', role: 'manager' as const };
  const { id } = await web.db.services.voice.add(manager, { council: 'In Care Council', priority: 'Proper bags for moving', youSaid: 'Not bin bags', raisedBy: 'Young person', raisedOn: '2018-02-18' });
  const [item] = (await web.db.services.voice.list(web.ctx)).filter((v) => v.id === id);
  await web.db.services.voice.markAnswered(manager, id, item!.version, { answeredOn: '2018-06-01' });
  const r = await web.get('/audit?actor=Pat+Manager', await web.signIn('admin'));
  assert.deepEqual(
    rows(r.body).map((row) => words(row.querySelector('strong')?.text ?? '')),
    ['Young people’s priority marked answered: Proper bags for moving', 'Young people’s priority added: Proper bags for moving'],
  );
});

test('get audit of an action renumbered since links its events to where the action is now', async () => {
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  await web.db.services.actions.renumber(web.ctx, 'test-plan:2', { number: '7', expectedVersion: version });
  const r = await web.get('/audit', await web.signIn('admin'));
  const [renumbered, deadline] = rows(r.body);
  assert.equal(words(renumbered!.querySelector('strong')?.text ?? ''), 'Action renumbered');
  for (const row of [renumbered!, deadline!]) {
    assert.equal(row.querySelector('a[href="/plans/test-plan/actions/7"]')?.text, 'Test improvement plan, action 7');
    assert.equal(row.querySelector('a[href="/plans/test-plan/actions/2"]'), null);
  }
});

test('get audit filtered by an action shows only that action’s events', async () => {
  const r = await web.get('/audit?entity=test-plan%3A1', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.ok(html(r.body).texts('h2').includes('Showing 1 to 1 of 1 event'));
  assert.match(main(r.body), /BRAG status recorded/);
  assert.doesNotMatch(main(r.body), /Deadline revised/);
  assert.equal(html(r.body).value('entity'), 'test-plan:1');
});

test('get audit filtered by a plan shows the plan’s and its actions’ events', async () => {
  const r = await web.get('/audit?entity=test-plan', await web.signIn('admin'));
  assert.match(main(r.body), /Showing 1 to 3 of 3 events/);
});

test('get audit filtered by who made the change shows only their events', async () => {
  const r = await web.get('/audit?actor=jo', await web.signIn('admin'));
  assert.ok(html(r.body).texts('h2').includes('Showing 1 to 1 of 1 event'));
  assert.match(main(r.body), /Jo Example/);
});

test('get audit with a date range after every event finds none', async () => {
  const r = await web.get('/audit?from-day=1&from-month=1&from-year=2999', await web.signIn('admin'));
  assert.equal(r.statusCode, 200);
  assert.match(main(r.body), /No events match these filters/);
});

test('get audit with a date range around today finds the events', async () => {
  const today = new Date();
  const q = `from-day=${today.getUTCDate()}&from-month=${today.getUTCMonth() + 1}&from-year=${today.getUTCFullYear()}&to-day=${today.getUTCDate()}&to-month=${today.getUTCMonth() + 1}&to-year=${today.getUTCFullYear()}`;
  const r = await web.get(`/audit?${q}`, await web.signIn('admin'));
  assert.match(main(r.body), /Showing 1 to 3 of 3 events/);
});

test('get audit with an impossible date shows the error summary linked to the day box', async () => {
  const r = await web.get('/audit?from-day=31&from-month=2&from-year=2018', await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  const page = html(r.body);
  assert.match(page.title(), /^Error: Audit log – /);
  assert.match(page.errorFor('#from-day') ?? '', /^The from date must be a real date/);
  assert.equal(page.value('from-day'), '31');
});

test('get audit with the from date after the to date says so', async () => {
  const r = await web.get('/audit?from-day=2&from-month=1&from-year=2018&to-day=1&to-month=1&to-year=2018', await web.signIn('admin'));
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#from-day', text: 'The from date must be the same as or before the to date' }]);
});

test('get audit pages the log fifty events at a time, keeping the filters in the page links', async () => {
  for (let i = 1; i <= 50; i++) {
    await web.db.services.actions.addUpdate(web.ctx, 'test-plan:2', { date: '2018-06-30', body: `Update number ${i}` });
  }
  const admin = await web.signIn('admin');
  const first = await web.get('/audit?entity=test-plan', admin);
  assert.match(main(first.body), /Showing 1 to 50 of 53 events/);
  assert.equal(rows(first.body).length, 50);
  assert.match(main(first.body), /Update number 50/);
  const pagination = html(first.body).find('nav.govuk-pagination[aria-label="Pages of the audit log"]');
  assert.ok(pagination, 'the page links');
  assert.ok(html(first.body).links('nav.govuk-pagination').some((l) => l.href === '/audit?entity=test-plan&page=2'));
  const second = await web.get('/audit?entity=test-plan&page=2', admin);
  assert.match(main(second.body), /Showing 51 to 53 of 53 events/);
  assert.equal(rows(second.body).length, 3);
  assert.match(main(second.body), /Plan imported/);
});

test('get audit of an action moved names the parts of the plan it left and joined, not their ids', async () => {
  const manager = { ...web.ctx, actor: 'Pat Manager', role: 'manager' as const };
  const placements = (await web.db.services.plans.tree(web.ctx, 'test-plan')).nodes.find((n) => n.title === 'Placements')!;
  const { version } = await web.db.services.actions.show(web.ctx, 'test-plan:2');
  await web.db.services.actions.move(manager, 'test-plan:2', { nodeId: placements.id, expectedVersion: version });
  const r = await web.get('/audit?actor=Pat+Manager', await web.signIn('admin'));
  const [moved] = rows(r.body);
  assert.equal(words(moved!.querySelector('strong')?.text ?? ''), 'Action moved to another part of the plan');
  assert.equal(changes(moved!).Part, '2 Care leavers → changed to 1 Placements');
  assert.deepEqual(Object.keys(changes(moved!)).filter((f) => /^Node/.test(f)), []);
});

test('get audit names a part of a plan, a risk and a measure by number and title, not by key', async () => {
  const manager = { ...web.ctx, actor: 'Pat Manager', role: 'manager' as const };
  await web.db.services.plans.addNode(manager, 'test-plan', { kind: 'area', title: 'Education' });
  const risk = (await web.db.services.risks.list(web.ctx)).find((x) => x.reference === 'R1')!;
  await web.db.services.risks.rescoreById(manager, risk.id, risk.version, { likelihood: 2, impact: 4, assessedOn: '2018-06-01', note: 'Carers approved in May' });
  const r = await web.get('/audit?actor=Pat+Manager', await web.signIn('admin'));
  const [rescored, added] = rows(r.body).map((row) => words(row.querySelectorAll('td')[2]!.text));
  assert.equal(rescored, 'Risk re-scored Risk R1 Not enough local foster carers');
  assert.equal(added, 'Part of a plan added Part of plan Education');
});

test('get audit of a staged target says each step’s value and year, and a priority’s status as its page does', async () => {
  const analyst = { ...web.ctx, actor: 'Ann Analyst', role: 'analyst' as const };
  const m = await web.db.services.measures.define(web.ctx, { code: 'pep-up-to-date', title: 'Up-to-date personal education plans', unit: 'percent', polarity: 'higher is better', frequency: 'monthly', source: 'manual' });
  await web.db.services.measures.addStagedTargets(analyst, 'pep-up-to-date', m.version, { steps: [{ from: '2026-04-01', value: 93 }, { from: '2027-04-01', value: 95 }], reason: 'Agreed with the Virtual School head' });
  // The same person answering for the young people's council as a manager.
  const manager = { ...analyst, role: 'manager' as const };
  const { id } = await web.db.services.voice.add(manager, { council: 'In Care Council', priority: 'Proper bags for moving', youSaid: 'Not bin bags', raisedBy: 'Young person', raisedOn: '2018-02-18' });
  const [item] = (await web.db.services.voice.list(web.ctx)).filter((v) => v.id === id);
  await web.db.services.voice.respond(manager, id, { weDid: 'Bought holdalls', status: 'in-progress', expectedVersion: item!.version });
  const r = await web.get('/audit?actor=Ann+Analyst', await web.signIn('admin'));
  const [responded, , target] = rows(r.body);
  assert.equal(changes(responded!).Status, 'Not started yet → changed to We are working on it');
  assert.match(words(target!.text), /Measure Up-to-date personal education plans/);
  assert.equal(changes(target!).Target, '93.0% for 2026/27 (stage 1 of 2); 95.0% for 2027/28 (stage 2 of 2)');
  assert.doesNotMatch(words(target!.text), /label:|value:|pep-up-to-date/);
});
