// An action moved to another part of its plan, renumbered, or closed as no longer needed, in the
// browser: each with its errors against their fields, stale edits refused with the other change
// shown, and forbidden roles refused with nothing changed.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { html, words } from '../helpers/html.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const ACTION = '/plans/test-plan/actions';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const show = (key: string) => web.db.services.actions.show(web.ctx, key);
const nodeId = async (title: string): Promise<number> => (await web.db.services.plans.tree(web.ctx, 'test-plan')).nodes.find((n) => n.title === title)!.id;
const events = async (): Promise<string[]> => (await web.db.handle.db.selectFrom('auditEvent').select('event').orderBy('id').execute()).map((e) => e.event);
/** Someone else's change to the action, after the form was opened. */
const editedByAdmin = async (key: string, version: number) => web.db.services.actions.edit(as(web.ctx, 'admin'), key, { expectedVersion: version, title: 'Retitled by the administrator' });

test('post move as the manager puts the action and its sub-action under the other part, numbered after its actions', async () => {
  const manager = await web.signIn('manager');
  const page = await web.get(`${ACTION}/1`, manager);
  assert.equal(html(page.body).href('Move to another part of the plan'), `${ACTION}/1/move`);
  const form = await web.get(`${ACTION}/1/move`, manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Move the action');
  const care = await nodeId('Care leavers');
  const r = await web.post(`${ACTION}/1/move`, { version: html(form.body).value('version') ?? '', nodeId: String(care), number: '' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}/3?done=action-moved`);
  const moved = await show('test-plan:3');
  assert.equal(moved.title, 'Recruit more foster carers');
  assert.equal(moved.path.at(-1)?.title, 'Care leavers');
  assert.equal(moved.updates.length, 1);
  assert.equal((await show('test-plan:1.1')).nodeId, care);
  assert.ok((await events()).includes('action.moved'));
});

test('get move says which part the action is in now and offers only the other parts', async () => {
  const form = html((await web.get(`${ACTION}/1/move`, await web.signIn('manager'))).body);
  assert.equal(words(form.text('#nodeId-hint') ?? ''), 'Now in: 1 Placements');
  const offered = form.all('#nodeId option').map((o) => words(o.text));
  assert.equal(offered[0], 'Choose');
  assert.ok(offered.includes('2 Care leavers'), offered.join(' | '));
  assert.ok(!offered.includes('1 Placements'), offered.join(' | '));
});

test('post move with a number in use or no part chosen links the error to its field and moves nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:1');
  const care = String(await nodeId('Care leavers'));
  const clash = await web.post(`${ACTION}/1/move`, { version: String(version), nodeId: care, number: '2' }, manager);
  assert.equal(clash.statusCode, 400);
  assert.match(html(clash.body).errorFor('#number') ?? '', /already has an action numbered 2/);
  assert.equal(html(clash.body).value('number'), '2');
  const none = await web.post(`${ACTION}/1/move`, { version: String(version), nodeId: '', number: 'x.y' }, manager);
  assert.deepEqual(html(none.body).errorSummary(), [
    { href: '#nodeId', text: 'Choose the part of the plan to move the action to' },
    { href: '#number', text: 'An action number looks like 4, 1.4, 2a or 3.2.1' },
  ]);
  const after = await show('test-plan:1');
  assert.deepEqual([after.version, after.nodeId], [version, await nodeId('Placements')]);
});

test('post move with an old version shows the other change and moves nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:1');
  await editedByAdmin('test-plan:1', version);
  const r = await web.post(`${ACTION}/1/move`, { version: String(version), nodeId: String(await nodeId('Care leavers')), number: '7' }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited the action/);
  assert.equal(html(r.body).value('number'), '7');
  assert.equal((await show('test-plan:1')).nodeId, await nodeId('Placements'));
});

test('post renumber gives the action its new number and address', async () => {
  const manager = await web.signIn('manager');
  const form = html((await web.get(`${ACTION}/2/renumber`, manager)).body);
  assert.equal(form.value('number'), '2');
  const r = await web.post(`${ACTION}/2/renumber`, { version: form.value('version') ?? '', number: '2.5' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}/2.5?done=action-renumbered`);
  assert.equal((await show('test-plan:2.5')).title, 'Offer every care leaver a personal adviser');
  assert.equal((await web.get(`${ACTION}/2`, manager)).statusCode, 404);
  assert.ok((await events()).includes('action.renumbered'));
});

test('post renumber to a number in use names the number field and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:2');
  const r = await web.post(`${ACTION}/2/renumber`, { version: String(version), number: '1.1' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#number', text: '"Test improvement plan" already has an action numbered 1.1: choose another number' }]);
  const empty = await web.post(`${ACTION}/2/renumber`, { version: String(version), number: '' }, manager);
  assert.deepEqual(html(empty.body).errorSummary(), [{ href: '#number', text: 'Enter the new number, for example 4, 1.4 or 2a' }]);
  assert.equal((await show('test-plan:2')).version, version);
});

test('post renumber with an old version shows the other change and renumbers nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:2');
  await editedByAdmin('test-plan:2', version);
  const r = await web.post(`${ACTION}/2/renumber`, { version: String(version), number: '9' }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited the action/);
  assert.equal((await show('test-plan:2')).number, '2');
});

test('post close keeps the action with its reason, shows it closed and no longer overdue, and refuses updates after', async () => {
  const manager = await web.signIn('manager');
  const later = { ...web.ctx, asOf: '2019-01-01' };
  const before = await web.db.services.actions.show(later, 'test-plan:1');
  assert.equal(before.overdue, true);
  const form = html((await web.get(`${ACTION}/1/close`, manager)).body);
  assert.equal(form.heading(), 'Close the action as no longer needed');
  const r = await web.post(`${ACTION}/1/close`, { version: form.value('version') ?? '', reason: 'Replaced by the regional fostering hub.' }, manager);
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${ACTION}/1?done=action-closed`);
  const page = html((await web.get(r.headers.location, manager)).body);
  assert.match(page.text('#closed') ?? '', /Closed on .* by Pat Manager\..*Reason: Replaced by the regional fostering hub\./);
  assert.equal(page.href('Add a progress update'), undefined);
  const after = await web.db.services.actions.show(later, 'test-plan:1');
  assert.deepEqual([after.closed, after.overdue, after.status, after.statuses.length], [true, false, 'A', before.statuses.length]);
  const list = (await web.db.services.plans.list(later)).find((p) => p.slug === 'test-plan')!;
  assert.deepEqual([list.rollUp.actions, list.rollUp.overdue], [3, 1]);
  assert.equal((await web.db.services.actions.list(web.ctx, { plan: 'test-plan', dueBy: '2030-01-01' })).some((a) => a.number === '1'), false);
  const owner = await web.signIn('owner');
  const update = await web.post(`${ACTION}/1/update`, { version: String(after.version), 'date-day': '30', 'date-month': '6', 'date-year': '2018', body: 'Late.', status: '', reason: '' }, owner);
  assert.equal(update.statusCode, 409);
  assert.match(html(update.body).main(), /closed as no longer needed/);
  assert.ok((await events()).includes('action.closed'));
});

test('post close without a reason links the error to the reason and closes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:2');
  const r = await web.post(`${ACTION}/2/close`, { version: String(version), reason: '  ' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#reason', text: 'Give the reason the action is no longer needed' }]);
  assert.equal((await show('test-plan:2')).closed, false);
});

test('post close with an old version shows the other change, keeps the reason typed and closes nothing', async () => {
  const manager = await web.signIn('manager');
  const { version } = await show('test-plan:2');
  await editedByAdmin('test-plan:2', version);
  const r = await web.post(`${ACTION}/2/close`, { version: String(version), reason: 'No longer needed.' }, manager);
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).text('#stale-change') ?? '', /Ada Admin edited the action/);
  assert.equal(html(r.body).value('reason'), 'No longer needed.');
  assert.equal((await show('test-plan:2')).closed, false);
});

test('action place forms as the owner and the lead answer 403 and change nothing', async () => {
  const { version } = await show('test-plan:1');
  const care = String(await nodeId('Care leavers'));
  for (const role of ['owner', 'lead'] as const) {
    const person = await web.signIn(role);
    const counts = await web.db.counts();
    for (const suffix of ['move', 'renumber', 'close']) assert.equal((await web.get(`${ACTION}/1/${suffix}`, person)).statusCode, 403, `${role} ${suffix}`);
    assert.equal((await web.post(`${ACTION}/1/move`, { version: String(version), nodeId: care, number: '' }, person)).statusCode, 403);
    assert.equal((await web.post(`${ACTION}/1/renumber`, { version: String(version), number: '8' }, person)).statusCode, 403);
    assert.equal((await web.post(`${ACTION}/1/close`, { version: String(version), reason: 'Mine to close' }, person)).statusCode, 403);
    assert.equal(html((await web.get(`${ACTION}/1`, person)).body).href('Renumber'), undefined);
    assert.deepEqual(await web.db.counts(), counts);
  }
  const after = await show('test-plan:1');
  assert.deepEqual([after.version, after.number, after.closed], [version, '1', false]);
});
