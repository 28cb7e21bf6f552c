// The Reports page and the round's narrative form: snapshots newest first with each report in each
// format; a report read in the site's layout; each format downloaded with its type and name; a draft
// from the open round; the manager's narrative saved, refused once the round is closed, and carried
// into the report; a save from a page someone else saved since shows their change and keeps what was
// typed; unknown reports and formats not found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from '../helpers/html.ts';
import { people, ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest({ names: people });

async function openRound(period = '2018/19 Q1'): Promise<number> {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
  return (await web.db.services.rounds.open(web.ctx, { period, plans: ['test-plan'], dueDate: '2018-07-13' })).round.id;
}

test("write the round's narrative through its form; the closed round's report opens with it, and the form then refuses", async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  assert.equal(html((await web.get(`/rounds/${id}`, manager)).body).href("Write the board reports' text: the executive summary's narrative and decisions, the annual report's sections"), `/rounds/${id}/narrative`);
  const tooLong = await web.post(`/rounds/${id}/narrative`, { narrative: 'x'.repeat(20001), decisions: '', version: '1' }, manager);
  assert.equal(tooLong.statusCode, 400);
  assert.deepEqual(html(tooLong.body).errorSummary(), [{ href: '#narrative', text: 'Keep the overall narrative to 20,000 characters or fewer (it has 20,001)' }]);
  const r = await web.post(`/rounds/${id}/narrative`, { narrative: 'Good progress on placements.', decisions: 'Note the progress', version: '1' }, manager);
  assert.equal(r.statusCode, 303, r.body.slice(0, 500));
  assert.match((await web.get(`/rounds/${id}/narrative`, manager)).body, /Good progress on placements\./);
  await web.db.services.snapshots.close(web.ctx, id, { name: 'as reported to the Corporate Parenting Board on 14 July 2018' });
  const page = html((await web.get('/reports/1/exec-summary', manager)).body);
  assert.equal(page.heading(), 'Quarterly executive summary');
  assert.match(page.main(), /As reported to the Corporate Parenting Board on 14 July 2018/);
  assert.match(page.main(), /Good progress on placements\./);
  const before = await web.db.counts();
  const late = await web.post(`/rounds/${id}/narrative`, { narrative: 'Changed later', decisions: '', version: '2' }, manager);
  assert.equal(late.statusCode, 400);
  assert.match(html(late.body).errorSummary()[0]!.text, /closed/);
  assert.deepEqual(await web.db.counts(), before);
});

test("save the round's text after someone else saved it: the page says what they changed, keeps what was typed, saves nothing, and saves when sent again", async () => {
  const id = await openRound();
  const manager = await web.signIn('manager');
  const form = html((await web.get(`/rounds/${id}/narrative`, manager)).body);
  const opened = form.value('version');
  assert.equal(opened, '1');
  assert.deepEqual(
    form.texts('main label'),
    ['Overall narrative', 'Decisions required', 'Summary', 'Recommendations', 'Background', 'Achievements', 'Areas for development'],
  );
  // Ada Admin saves the narrative meanwhile.
  await web.db.services.rounds.writeNarrative({ ...web.ctx, actor: 'Ada Admin' }, id, { narrative: 'The administrator’s words.' });
  const before = await web.db.counts();
  const typed = { narrative: '', decisions: '', annualSummary: 'My summary of the year.', annualRecommendations: '', annualBackground: '', annualAchievements: '', annualDevelopment: '', version: opened };
  const r = await web.post(`/rounds/${id}/narrative`, typed, manager);
  assert.equal(r.statusCode, 409);
  const page = html(r.body);
  const banner = page.text('#stale-change') ?? '';
  assert.match(banner, /Someone else changed the board reports' text since you opened it/);
  assert.match(banner, /Ada Admin wrote the board reports' text/i);
  assert.match(banner, /Overall narrative The administrator’s words\./);
  assert.equal(page.value('annualSummary'), 'My summary of the year.');
  assert.equal(page.value('version'), '2');
  assert.deepEqual(await web.db.counts(), before);
  assert.equal((await web.db.services.rounds.narrative(web.ctx, id)).annualSummary, '');
  // Sent again from the page it answered with (now version 2): saved.
  const again = await web.post(`/rounds/${id}/narrative`, { ...typed, narrative: 'The administrator’s words.', version: '2' }, manager);
  assert.equal(again.statusCode, 303, again.body.slice(0, 300));
  const saved = await web.db.services.rounds.narrative(web.ctx, id);
  assert.deepEqual([saved.narrative, saved.annualSummary, saved.version], ['The administrator’s words.', 'My summary of the year.', 3]);
  // The same again changes nothing, and says so.
  const same = await web.post(`/rounds/${id}/narrative`, { ...typed, narrative: 'The administrator’s words.', version: '3' }, manager);
  assert.equal(same.statusCode, 303);
  assert.match(same.headers.location ?? '', /done=narrative-unchanged/);
});

test('the Reports page lists the draft for the next board, then snapshots newest first, each report with its page and four downloads', async () => {
  const first = await openRound('2018/19 Q1');
  await web.db.services.snapshots.close(web.ctx, first, { name: 'as reported to the board in July' });
  const second = (await web.db.services.rounds.open(web.ctx, { period: '2018/19 Q2', plans: ['test-plan'], dueDate: '2018-10-13' })).round.id;
  await web.db.services.snapshots.close(web.ctx, second, { name: 'as reported to the board in October' });
  const viewer = await web.signIn('viewer');
  const page = html((await web.get('/reports', viewer)).body);
  assert.deepEqual(page.texts('main h2'), ['Draft from the open round', 'Snapshot 2: 2018/19 Q2', 'Snapshot 1: 2018/19 Q1'], 'the next board first, then the boards before, newest first');
  const hrefs = page.links('main').map((l) => l.href);
  for (const n of ['2', '1', 'draft']) {
    for (const kind of ['exec-summary', 'annual', 'scrutiny']) {
      assert.ok(hrefs.includes(`/reports/${n}/${kind}`), `${n} ${kind}`);
      for (const format of ['html', 'docx', 'pdf', 'xlsx']) assert.ok(hrefs.includes(`/reports/${n}/${kind}.${format}`), `${n} ${kind}.${format}`);
    }
  }
  assert.ok(html((await web.get('/', viewer)).body).hasLink('/reports'), 'the navigation links to the Reports page');
});

test('each format downloads with its content type and file name; unknown reports, formats and snapshots are not found', async () => {
  const id = await openRound();
  await web.db.services.snapshots.close(web.ctx, id, { name: 'as reported to the board' });
  const viewer = await web.signIn('viewer');
  const expected = {
    html: ['text/html; charset=utf-8', (b: Buffer) => b.toString('utf8').startsWith('<!DOCTYPE html>')],
    docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', (b: Buffer) => b.subarray(0, 2).toString() === 'PK'],
    pdf: ['application/pdf', (b: Buffer) => b.subarray(0, 5).toString() === '%PDF-'],
    xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (b: Buffer) => b.subarray(0, 2).toString() === 'PK'],
  } as const;
  for (const [format, [type, looksRight]] of Object.entries(expected)) {
    const r = await web.get(`/reports/1/annual.${format}`, viewer);
    assert.equal(r.statusCode, 200, `${format}: ${r.body.slice(0, 300)}`);
    assert.equal(r.headers['content-type'], type);
    assert.equal(r.headers['content-disposition'], `attachment; filename="snapshot-1-annual.${format}"`);
    assert.ok(looksRight(r.rawPayload), format);
  }
  for (const url of ['/reports/1/minutes', '/reports/1/annual.odt', '/reports/9/annual', '/reports/x/annual']) {
    assert.equal((await web.get(url, viewer)).statusCode, 404, url);
  }
});

test('a draft report is read from the open round, marked not yet reported, and stores nothing', async () => {
  await openRound();
  const viewer = await web.signIn('viewer');
  const before = await web.db.counts();
  const page = html((await web.get('/reports/draft/scrutiny', viewer)).body);
  assert.equal(page.heading(), 'Scrutiny progress pack');
  assert.match(page.main(), /Draft — not yet reported/);
  assert.match(page.main(), /Area for improvement 11/);
  assert.deepEqual(await web.db.counts(), before);
});
