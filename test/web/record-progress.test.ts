// Posting a progress update with a status: one change, whatever another person writes meanwhile,
// what the page then says is what was saved, and how few statements the post costs.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { StaleWriteError } from '../../src/domain/errors.ts';
import { writeBetweenSteps, writeDuringUpdate } from '../helpers/inject.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { countStatements } from '../helpers/statements.ts';
import { useWebTest, type SignedIn } from '../helpers/web.ts';

// Jo Example owns test-plan:1; Lee Lead leads its programme (theme 1) and may set its status.
const web = useWebTest({ names: { owner: 'Jo Example', lead: 'Lee Lead', manager: 'Pat Manager' } });
const ACTION = '/plans/test-plan/actions/1';
const KEY = 'test-plan:1';
const MANAGERS_UPDATE = 'Panel dates confirmed by the manager.';
const LEADS_UPDATE = 'Ten carers in assessment.';

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

const versionIn = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const actionNow = () => web.db.services.actions.show(web.ctx, KEY);

/** Opens the update form as `who` and returns the version it carries. */
async function openForm(who: SignedIn): Promise<string> {
  const form = await web.get(`${ACTION}/update`, who);
  assert.equal(form.statusCode, 200);
  return versionIn(form.body);
}

const postUpdate = (who: SignedIn, version: string, body: string, status: string) =>
  web.post(`${ACTION}/update`, { version, 'date-day': '15', 'date-month': '6', 'date-year': '2018', body, status, reason: '' }, who);

/** The manager's update, written as another person would while the lead's post is under way. */
const managersUpdate = (expectedVersion?: number) =>
  web.db.services.actions.addUpdate(as(web.ctx, 'manager'), KEY, { date: '2018-06-20', body: MANAGERS_UPDATE, expectedVersion });

test('post a lead update with a status when another write commits after its update saves both and says so', async () => {
  const lead = await web.signIn('lead');
  const opened = await openForm(lead);
  const injected = writeBetweenSteps(() => managersUpdate());
  let r;
  try {
    r = await postUpdate(lead, opened, LEADS_UPDATE, 'G');
  } finally {
    injected.restore();
  }
  await injected.finish();
  assert.equal(r.statusCode, 303, 'the page says it was saved');
  assert.equal(r.headers.location, `${ACTION}?done=update-and-status`);
  const now = await actionNow();
  assert.equal(now.updates.filter((u) => u.body === LEADS_UPDATE).length, 1);
  assert.equal(now.updates.filter((u) => u.body === MANAGERS_UPDATE).length, 1);
  assert.equal(now.status, 'G');
  assert.equal(now.statuses.find((s) => s.status === 'G')?.approvedBy, 'Lee Lead');
  assert.equal(now.version, Number(opened) + 2, 'one version for the lead, one for the manager');
});

test('post a lead update with a status after another write since the form was read saves nothing and says so', async () => {
  const lead = await web.signIn('lead');
  const opened = await openForm(lead);
  await managersUpdate(Number(opened));
  const before = await web.db.counts();
  const r = await postUpdate(lead, opened, LEADS_UPDATE, 'G');
  assert.equal(r.statusCode, 409);
  assert.match(r.body, /Nothing you typed has been saved yet/);
  assert.match(r.body, /Panel dates confirmed by the manager\./);
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await actionNow()).status, 'A');
  // Sending it again on the version the page now carries saves it, once.
  const again = await postUpdate(lead, versionIn(r.body), LEADS_UPDATE, 'G');
  assert.equal(again.statusCode, 303);
  const now = await actionNow();
  assert.equal(now.updates.filter((u) => u.body === LEADS_UPDATE).length, 1);
  assert.equal(now.status, 'G');
});

test('post a lead update with a status while another write waits on the action saves the post and refuses the stale write', async () => {
  const lead = await web.signIn('lead');
  const opened = await openForm(lead);
  const injected = writeDuringUpdate(() => managersUpdate(Number(opened)));
  let r;
  try {
    r = await postUpdate(lead, opened, LEADS_UPDATE, 'G');
  } finally {
    injected.restore();
  }
  assert.equal(r.statusCode, 303);
  const other = await injected.other();
  assert.equal(other.status, 'rejected', 'the write made from the old version is refused');
  assert.ok(other.status === 'rejected' && other.reason instanceof StaleWriteError);
  const now = await actionNow();
  assert.equal(now.updates.filter((u) => u.body === LEADS_UPDATE).length, 1);
  assert.equal(now.updates.some((u) => u.body === MANAGERS_UPDATE), false);
  assert.equal(now.status, 'G');
  assert.equal(now.version, Number(opened) + 1);
});

test('post an owner update with a status proposes it in one change', async () => {
  const owner = await web.signIn('owner');
  const opened = await openForm(owner);
  const r = await postUpdate(owner, opened, 'Campaign back on track.', 'G');
  assert.equal(r.headers.location, `${ACTION}?done=update-and-proposal`);
  const now = await actionNow();
  assert.equal(now.proposal?.status, 'G');
  assert.equal(now.status, 'A');
  assert.equal(now.version, Number(opened) + 1);
});

test('post an owner update costs fewer than 15 statements', async (t) => {
  const owner = await web.signIn('owner');
  const opened = await openForm(owner);
  const { result, statements } = await countStatements(() => postUpdate(owner, opened, 'Two carers approved at panel.', ''));
  assert.equal(result.statusCode, 303);
  t.diagnostic(`owner's update POST: ${statements} statements`);
  assert.ok(statements > 3, `the counter sees the statements (${statements})`);
  assert.ok(statements < 15, `an owner's update POST ran ${statements} statements`);
});

test('post a lead update with a status costs fewer than 15 statements', async (t) => {
  const lead = await web.signIn('lead');
  const opened = await openForm(lead);
  const { result, statements } = await countStatements(() => postUpdate(lead, opened, LEADS_UPDATE, 'G'));
  assert.equal(result.statusCode, 303);
  assert.equal((await actionNow()).status, 'G');
  t.diagnostic(`lead's update-and-status POST: ${statements} statements`);
  assert.ok(statements > 3, `the counter sees the statements (${statements})`);
  assert.ok(statements < 15, `a lead's update POST ran ${statements} statements`);
});
