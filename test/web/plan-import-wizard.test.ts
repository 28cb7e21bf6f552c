// The tracker import wizard on injected requests: upload, tables, columns with preview, located problems, import as
// a new plan or into one (never an archived one), saved mappings; bad files, other roles, and expired or used uploads refused with nothing stored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { mappingSchema } from '../../src/plan-import/index.ts';
import type { Role } from '../../src/domain/roles.ts';
import { html } from '../helpers/html.ts';
import { seed000Workbook, seed001Document, xlsxFile } from '../helpers/trackers.ts';
import { useWebTest, type SignedIn } from '../helpers/web.ts';

const web = useWebTest({ names: { manager: 'Rhys Penrose' } });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function upload(as: SignedIn, name: string, bytes: Uint8Array, type = XLSX, csrf = as.csrfToken): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('file', new Blob([Uint8Array.from(bytes)], { type }), name);
  return web.server.inject({ method: 'POST', url: '/tracker-import', headers: { cookie: as.cookie }, payload: form });
}

/** The wizard's address for an upload, from the redirect after the upload. */
function stepsOf(r: LightMyRequestResponse): string {
  assert.equal(r.statusCode, 303, r.body.slice(0, 400));
  const m = /^(\/tracker-import\/[0-9a-f-]{36})\/tables$/.exec(String(r.headers.location));
  assert.ok(m, `redirect to the tables step, not ${String(r.headers.location)}`);
  return m[1]!;
}

const uploadsStored = async (): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from tracker_upload`.execute(web.db.handle.db)).rows[0]!.n);

/** Uploads seed 000's workbook and takes the tables Parentis ticks; returns the upload's address. */
async function throughTables(as: SignedIn, bytes?: Uint8Array, name = 'Sufficiency action plan.xlsx', type = XLSX): Promise<string> {
  const base = stepsOf(await upload(as, name, bytes ?? (await seed000Workbook()), type));
  const tables = html((await web.get(`${base}/tables`, as)).body).checked('tables');
  const r = await web.post(`${base}/tables`, { tables }, as);
  assert.equal(r.statusCode, 303, r.body.slice(0, 400));
  assert.equal(r.headers.location, `${base}/columns`);
  return base;
}

/** The columns form's values as the page fills them, ready to post back. */
function columnsValues(body: string): Record<string, string> {
  const page = html(body);
  const out: Record<string, string> = {};
  for (const e of page.all('form[action$="/columns"] input[name], form[action$="/columns"] select[name]')) {
    const name = e.getAttribute('name')!;
    if (name === '_csrf' || name === 'intent') continue;
    out[name] = page.value(name) ?? '';
  }
  return out;
}

test('get plans for a manager links to the wizard and for an owner does not', async () => {
  const manager = await web.signIn('manager');
  assert.equal(html((await web.get('/plans', manager)).body).href('Bring in a plan from Word or Excel'), '/tracker-import');
  const owner = await web.signIn('owner');
  assert.equal(html((await web.get('/plans', owner)).body).href('Bring in a plan from Word or Excel'), undefined);
});

test('import seed 000 workbook through every step stores the plan and forgets the upload', async () => {
  const manager = await web.signIn('manager');
  const form = await web.get('/tracker-import', manager);
  assert.equal(form.statusCode, 200);
  assert.equal(html(form.body).heading(), 'Bring in a plan from Word or Excel');

  const r = await upload(manager, 'Sufficiency action plan.xlsx', await seed000Workbook());
  const base = stepsOf(r);
  const tables = html((await web.get(`${base}/tables`, manager)).body);
  assert.equal(tables.text('legend'), 'Choose the table that holds the plan');
  assert.deepEqual(tables.checked('tables'), ['1']);
  assert.match(tables.main(), /Sheet Action plan/);
  assert.match(tables.main(), /Headings in row 3: Actions, Relevant Challenge/);
  assert.equal((await web.post(`${base}/tables`, { tables: '1' }, manager)).statusCode, 303);

  const columns = await web.get(`${base}/columns`, manager);
  assert.equal(columns.statusCode, 200);
  const page = html(columns.body);
  assert.equal(page.heading(), 'Choose what each column holds');
  assert.equal(page.value('headerLine'), '3');
  assert.equal(page.value('column-action'), 'Actions');
  assert.equal(page.value('column-owner'), 'Action owner');
  assert.equal(page.value('column-status'), 'BRAG Status (July 2017)');
  assert.equal(page.value('column-number'), 'A');
  assert.equal(page.value('column-deadline'), '');
  assert.equal(page.value('statusAsAt-year'), '2017');
  const preview = page.rows('table.parentis-preview');
  assert.equal(preview.length, 3);
  assert.deepEqual(preview[0]!.slice(0, 5), [
    '1',
    'Commission a specialist CSE service in Avon and Somerset. Child Sexual Exploitation (CSE)',
    'Louise Palmer, Strategic Commissioner',
    'None',
    'Green as at 31 July 2017',
  ]);
  assert.match(preview[0]![5]!, /^31 July 2017: - A competitive tendering process has recently been completed\. - The new service/);
  assert.deepEqual(preview[1]!.slice(2, 3), ['Head of Placements Commissioning Manager']);

  const sent = await web.post(`${base}/columns`, { ...columnsValues(columns.body), intent: 'continue' }, manager);
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
  assert.equal(sent.headers.location, `${base}/check`);

  const check = html((await web.get(`${base}/check`, manager)).body);
  assert.equal(check.heading(), 'Check the tracker');
  assert.deepEqual(check.errorSummary(), []);
  assert.match(check.main(), /3 actions are ready to bring in/);
  assert.equal(check.value('title'), 'Sufficiency action plan');
  assert.equal(check.value('slug'), 'sufficiency-action-plan');

  const done = await web.post(`${base}/new`, { title: 'Sufficiency action plan 2016-19', slug: 'sufficiency-2016-19', kind: 'sufficiency' }, manager);
  assert.equal(done.statusCode, 303, done.body.slice(0, 600));
  assert.equal(done.headers.location, '/tracker-import/done?plan=sufficiency-2016-19&result=new');
  const donePage = html((await web.get(String(done.headers.location), manager)).body);
  assert.equal(donePage.text('.govuk-panel__title'), 'Plan imported');
  assert.equal(donePage.href('Open Sufficiency action plan 2016-19'), '/plans/sufficiency-2016-19');

  const tree = await web.db.services.plans.tree(web.ctx, 'sufficiency-2016-19');
  assert.equal(tree.kind, 'sufficiency');
  assert.equal(tree.rollUp.actions, 3);
  const audit = await web.db.services.audit.list(web.ctx, { entity: 'sufficiency-2016-19' });
  assert.deepEqual(audit.map((e) => [e.event, e.actor]), [['plan.imported', 'Rhys Penrose']]);
  assert.equal(await uploadsStored(), 0);
  const again = await web.get(`${base}/check`, manager);
  assert.equal(again.statusCode, 404);
  assert.match(html(again.body).main(), /This upload is no longer here: it has been imported already/);
});

test('upload bad files refuses each with a located message and stores nothing', async () => {
  const manager = await web.signIn('manager');
  const cases: [string, Uint8Array, RegExp][] = [
    ['minutes.pdf', Buffer.from('%PDF-1.7\n1 0 obj'), /^minutes\.pdf: is a PDF: save the plan from Word or Excel/],
    ['protected.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^protected\.xlsx: is password-protected/],
    ['empty.csv', new Uint8Array(), /^empty\.csv: is empty$/],
    ['binary.csv', Buffer.from('Action,Owner\nA\u0000,B\n'), /^binary\.csv: holds a NUL byte/],
    ['broken.docx', Buffer.from('PK\u0003\u0004 not really a zip at all'), /^broken\.docx: cannot be opened/],
    ['huge.csv', Buffer.alloc(20 * 1024 * 1024 + 10, 0x41), /^huge\.csv: is larger than 20 MB; a tracker can be at most 20 MB$/],
  ];
  for (const [name, bytes, message] of cases) {
    const r = await upload(manager, name, bytes, 'application/octet-stream');
    assert.equal(r.statusCode, 400, `${name}: ${r.body.slice(0, 300)}`);
    const page = html(r.body);
    const summary = page.errorSummary();
    assert.equal(summary.length, 1, name);
    assert.equal(summary[0]!.href, '#file', name);
    assert.match(summary[0]!.text, message, name);
    assert.match(page.fieldError('file') ?? '', message, name);
  }
  const none = await web.server.inject({ method: 'POST', url: '/tracker-import', headers: { cookie: manager.cookie }, payload: (() => {
    const f = new FormData();
    f.append('_csrf', manager.csrfToken);
    return f;
  })() });
  assert.equal(none.statusCode, 400);
  assert.deepEqual(html(none.body).errorSummary(), [{ href: '#file', text: 'Choose a tracker to upload' }]);
  assert.equal(await uploadsStored(), 0);
});

test('upload without the form token is refused and stores nothing', async () => {
  const manager = await web.signIn('manager');
  const r = await upload(manager, 'Sufficiency action plan.xlsx', await seed000Workbook(), XLSX, 'not-the-token');
  assert.equal(r.statusCode, 403);
  assert.equal(await uploadsStored(), 0);
});

const others: Role[] = ['admin', 'lead', 'owner', 'analyst', 'viewer'];
for (const role of others) {
  test(`wizard for ${role} is refused with 403 and stores nothing`, async () => {
    const person = await web.signIn(role);
    const page = await web.get('/tracker-import', person);
    assert.equal(page.statusCode, 403);
    assert.match(html(page.body).main(), /Your role does not allow you to bring in plans from trackers/);
    const r = await upload(person, 'Sufficiency action plan.xlsx', await seed000Workbook());
    assert.equal(r.statusCode, 403);
    assert.equal(await uploadsStored(), 0);
  });
}

test('upload of another person or past its time is not found', async () => {
  const manager = await web.signIn('manager');
  const base = await throughTables(manager);
  await sql`update tracker_upload set user_id = ${web.users.admin.id}`.execute(web.db.handle.db);
  const theirs = await web.get(`${base}/columns`, manager);
  assert.equal(theirs.statusCode, 404);
  await sql`update tracker_upload set user_id = ${web.users.manager.id}, expires_at = now() - interval '1 minute'`.execute(web.db.handle.db);
  const expired = await web.get(`${base}/columns`, manager);
  assert.equal(expired.statusCode, 404);
  assert.match(html(expired.body).main(), /uploaded more than 24 hours ago.*Upload the tracker again/);
  const post = await web.post(`${base}/new`, { title: 'Plan', slug: 'plan', kind: 'other' }, manager);
  assert.equal(post.statusCode, 404);
  assert.deepEqual(await web.db.services.plans.list(web.ctx), []);
});

test('check tracker with a bad date lists it by sheet row and column and refuses the import', async () => {
  const manager = await web.signIn('manager');
  const bytes = await xlsxFile([
    {
      name: 'Plan',
      rows: [
        ['No', 'Action', 'Owner', 'Timescales', 'RAG'],
        [1, 'Recruit more foster carers', 'Head of Fostering', 'Sprung 2018', 'G'],
        [2, 'Review the allowances', '', 'March 2018', 'A'],
      ],
    },
  ]);
  const base = await throughTables(manager, bytes, 'bad-dates.xlsx');
  const check = await web.get(`${base}/check`, manager);
  assert.equal(check.statusCode, 200);
  const page = html(check.body);
  assert.match(page.title(), /^Error: Check the tracker/);
  assert.deepEqual(page.errorSummary(), [
    { href: '#problem-1', text: "sheet Plan, row 2, Timescales: 'Sprung 2018' is not a date" },
    { href: '#problem-2', text: 'sheet Plan, row 3, Owner: no owner: every action needs one (or give a default owner)' },
  ]);
  assert.deepEqual(page.rows('#problem-1'), []);
  assert.deepEqual(page.texts('tr[id^="problem-"]'), ["sheet Plan 2 Timescales 'Sprung 2018' is not a date", 'sheet Plan 3 Owner no owner: every action needs one (or give a default owner)']);
  assert.equal(page.find('form[action$="/new"]'), undefined);
  const refused = await web.post(`${base}/new`, { title: 'Bad dates', slug: 'bad-dates', kind: 'other' }, manager);
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(await web.db.services.plans.list(web.ctx), []);
  assert.equal(await uploadsStored(), 1);
});

test('columns form without an action column or with a bad date names the field', async () => {
  const manager = await web.signIn('manager');
  const base = await throughTables(manager);
  const values = columnsValues((await web.get(`${base}/columns`, manager)).body);
  const r = await web.post(`${base}/columns`, { ...values, 'column-action': '', 'statusAsAt-day': '31', 'statusAsAt-month': '13', intent: 'preview' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [
    { href: '#column-action', text: 'Choose the column that holds the actions' },
    { href: '#statusAsAt-day', text: 'The date of the statuses must be a real date, for example 31 3 2019' },
  ]);
  const noRow = await web.post(`${base}/columns`, { ...values, headerLine: '0', intent: 'continue' }, manager);
  assert.equal(noRow.statusCode, 400);
  assert.deepEqual(html(noRow.body).errorSummary(), [{ href: '#headerLine', text: 'Enter the number of the row that holds the column headings, like 3' }]);
});

test('save mapping on the columns form offers it for the next tracker and downloads as the command line reads it', async () => {
  const manager = await web.signIn('manager');
  const base = await throughTables(manager);
  const values = columnsValues((await web.get(`${base}/columns`, manager)).body);
  const sent = await web.post(`${base}/columns`, { ...values, 'column-deadline': 'Success measures', defaultOwner: 'Head of Placements', mappingName: 'Sufficiency tracker', intent: 'continue' }, manager);
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `${base}/check?done=mapping-saved`);

  const list = html((await web.get('/tracker-import', manager)).body);
  assert.deepEqual(list.rows().map((r) => r.slice(0, 2)), [['Sufficiency tracker', 'Rhys Penrose']]);
  const href = list.links('table').find((l) => l.text.startsWith('Download'))!.href;
  const file = await web.get(href, manager);
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-disposition']), /attachment; filename="sufficiency-tracker\.tracker-mapping\.json"/);
  const mapping = mappingSchema.parse(JSON.parse(file.body));
  assert.deepEqual(mapping.columns, { number: 'A', action: 'Actions', owner: 'Action owner', ref: 'Relevant Challenge in Sufficiency Statement', successMeasures: 'Success measures', deadline: 'Success measures', status: 'BRAG Status (July 2017)', progress: 'Progress commentary' });
  assert.equal(mapping.defaultOwner, 'Head of Placements');
  const audit = await web.db.services.audit.list(web.ctx, { entity: 'Sufficiency tracker' });
  assert.deepEqual(audit.map((e) => e.event), ['tracker-mapping.saved']);

  // Next quarter's copy: the saved mapping is offered and used.
  const next = await throughTables(manager);
  const offered = html((await web.get(`${next}/columns`, manager)).body);
  assert.equal(offered.value('column-deadline'), '');
  const savedId = offered.value('savedMapping')!;
  const used = await web.post(`${next}/saved-mapping`, { savedMapping: savedId }, manager);
  assert.equal(used.statusCode, 303);
  const after = html((await web.get(`${next}/columns`, manager)).body);
  assert.equal(after.value('column-deadline'), 'Success measures');
  assert.equal(after.value('defaultOwner'), 'Head of Placements');
});

test('later tracker into an existing plan shows the differences then adds them to the history', async () => {
  const manager = await web.signIn('manager');
  const first = await throughTables(manager, await seed001Document(), 'Health task group.docx', DOCX);
  assert.equal((await web.post(`${first}/new`, { title: 'Health task group', slug: 'health-task-group', kind: 'task-group' }, manager)).statusCode, 303);

  const later = await throughTables(manager, await seed001Document(true), 'Health task group Q2.docx', DOCX);
  const check = html((await web.get(`${later}/check`, manager)).body);
  assert.ok(check.all('select[name="plan"] option').some((o) => o.getAttribute('value') === 'health-task-group'));
  const noPlan = await web.get(`${later}/into?plan=`, manager);
  assert.equal(noPlan.statusCode, 400);
  assert.deepEqual(html(noPlan.body).errorSummary(), [{ href: '#plan', text: 'Choose the plan to bring the tracker into' }]);

  const shown = await web.get(`${later}/into?plan=health-task-group`, manager);
  assert.equal(shown.statusCode, 200, shown.body.slice(0, 500));
  const rows = html(shown.body).rows();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]![0], '1.5');
  assert.match(rows[0]![2]!, /^Red to Amber as at 20 April 2018$/);
  assert.equal(rows[0]![3], '1 June 2018 to 1 September 2018');
  assert.match(rows[0]![4]!, /^20 April 2018: Escalation protocol agreed with NHS England\./);
  const before = await web.db.services.actions.show(web.ctx, 'health-task-group:1.5');
  assert.equal(before.status, 'R');

  const applied = await web.post(`${later}/into`, { plan: 'health-task-group' }, manager);
  assert.equal(applied.statusCode, 303, applied.body.slice(0, 500));
  assert.equal(applied.headers.location, '/tracker-import/done?plan=health-task-group&result=updated');
  assert.equal(html((await web.get(String(applied.headers.location), manager)).body).text('.govuk-panel__title'), 'Plan updated');
  const action = await web.db.services.actions.show(web.ctx, 'health-task-group:1.5');
  assert.equal(action.status, 'A');
  const audit = await web.db.services.audit.list(web.ctx, { entity: 'health-task-group' });
  assert.deepEqual(audit.map((e) => e.event).sort(), ['plan.imported', 'plan.updated-from-tracker']);
  assert.equal(await uploadsStored(), 0);
});

test('later tracker into an archived plan is not offered, is refused naming the plan if sent, and changes nothing', async () => {
  const manager = await web.signIn('manager');
  const first = await throughTables(manager, await seed001Document(), 'Health task group.docx', DOCX);
  assert.equal((await web.post(`${first}/new`, { title: 'Health task group', slug: 'health-task-group', kind: 'task-group' }, manager)).statusCode, 303);
  const version = (await web.db.services.plans.tree(web.ctx, 'health-task-group')).version;
  await web.db.services.plans.setArchived(web.ctx, 'health-task-group', version, true);

  const later = await throughTables(manager, await seed001Document(true), 'Health task group Q2.docx', DOCX);
  const check = html((await web.get(`${later}/check`, manager)).body);
  assert.ok(!check.all('select[name="plan"] option').some((o) => o.getAttribute('value') === 'health-task-group'));
  const shown = await web.get(`${later}/into?plan=health-task-group`, manager);
  assert.equal(shown.statusCode, 409);
  const refusal = /^"Health task group" is archived: it is kept for the record and takes nothing from a tracker\. Nothing was changed\. Take it out of the archive first\.$/;
  assert.match(html(shown.body).errorSummary()[0]?.text ?? '', refusal);
  assert.equal(html(shown.body).errorSummary()[0]?.href, '#plan');
  const applied = await web.post(`${later}/into`, { plan: 'health-task-group' }, manager);
  assert.equal(applied.statusCode, 409);
  assert.match(html(applied.body).errorFor('#plan') ?? '', refusal);
  assert.equal((await web.db.services.actions.show(web.ctx, 'health-task-group:1.5')).status, 'R');
  assert.deepEqual((await web.db.services.audit.list(web.ctx, { entity: 'health-task-group' })).map((e) => e.event).sort(), ['plan.archived', 'plan.imported']);
  assert.equal(await uploadsStored(), 1);
});

test('import new plan with a short name already used names the field and stores nothing', async () => {
  const manager = await web.signIn('manager');
  const first = await throughTables(manager);
  assert.equal((await web.post(`${first}/new`, { title: 'Sufficiency', slug: 'sufficiency', kind: 'sufficiency' }, manager)).statusCode, 303);
  const second = await throughTables(manager);
  const r = await web.post(`${second}/new`, { title: 'Sufficiency again', slug: 'sufficiency', kind: 'nonsense' }, manager);
  assert.equal(r.statusCode, 400);
  assert.deepEqual(html(r.body).errorSummary(), [{ href: '#kind', text: 'Choose what kind of plan it is' }]);
  const taken = await web.post(`${second}/new`, { title: 'Sufficiency again', slug: 'sufficiency', kind: 'sufficiency' }, manager);
  assert.equal(taken.statusCode, 400);
  assert.match(html(taken.body).errorFor('#slug') ?? '', /^There is already a plan with the short name sufficiency/);
  assert.equal((await web.db.services.plans.list(web.ctx)).length, 1);
  assert.equal(await uploadsStored(), 1);
});
