// The parentis command line run against the demonstration authority: listing
// and filtering actions, recording changes with their history and audit trail, version checks,
// import and export of plans, and the one-line messages for bad input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PLAN_FORMAT, type PlanDocument, type PlanDocumentInput } from '../../src/domain/plan-document.ts';
import {
  allActions,
  copyOf,
  demoAction,
  demoDocuments,
  disposeStores,
  fails,
  demoStore,
  ok,
  okJson,
  oneLine,
  parentisProcess,
  serverMode,
  tempDir,
  type Store,
} from './run.ts';

/** Pins "overdue" and "days since update" so listings taken at different moments compare equal. */
const AS_OF = '2018-06-30';

interface ActionRow {
  plan: string;
  number: string;
  key: string;
  title: string;
  status: string | null;
  owners: string[];
  deadline: string | null;
  lastUpdate: string | null;
  refs: string[];
  version: number;
}

interface ActionShown {
  key: string;
  status: string | null;
  deadline: string | null;
  version: number;
  statuses: { status: string; reason: string; proposedBy: string; approvedBy: string | null }[];
  deadlines: { date: string; reason: string; setBy: string }[];
  updates: { date: string; author: string; body: string }[];
}

interface AuditRow {
  actor: string;
  event: string;
  entity: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Snapshot {
  plans: unknown;
  audit: AuditRow[];
}

/** The plans and the audit trail as the command line prints them: equal before and after means nothing changed. */
async function snapshot(store: Store): Promise<Snapshot> {
  return {
    plans: await okJson(store, ['--as-of', AS_OF, 'plans', '--format', 'json']),
    audit: await okJson<AuditRow[]>(store, ['audit', '--format', 'json', '--limit', '500']),
  };
}

let demo: Store;
/** Embedded: the demonstration store as loaded, which every copy of it starts as. */
let loaded: Snapshot | undefined;

/** The state a test's store was in before it acted: the loaded demo for a copy; read afresh on the shared server database. */
const stateBefore = async (store: Store): Promise<Snapshot> => loaded ?? (await snapshot(store));

before(async () => {
  demo = await demoStore();
  if (demo.kind === 'embedded') loaded = await snapshot(demo);
});

after(disposeStores);

// Embedded: every test works on its own copy of the loaded data directory, so two can run at once.
// Server: one database, one test at a time, each touching only its own actions.
void describe('parentis command line on the demonstration authority', { concurrency: serverMode() ? 1 : 2 }, () => {
  void test('list actions by status as JSON gives only that status with owners, deadline and last update', async () => {
    const rows = await okJson<ActionRow[]>(await copyOf(demo), ['--as-of', AS_OF, 'actions', '--status', 'R', '--format', 'json']);
    assert.ok(rows.length >= 3, `expected several Red actions, got ${rows.length}`);
    for (const r of rows) {
      assert.deepEqual(
        ['plan', 'number', 'title', 'status', 'owners', 'deadline', 'lastUpdate'].filter((k) => !(k in r)),
        [],
        `${r.key} lacks keys`,
      );
      assert.equal(r.status, 'R', r.key);
      assert.ok(Array.isArray(r.owners) && r.owners.length > 0, `${r.key} has no owners`);
      assert.equal(r.key, `${r.plan}:${r.number}`);
    }
  });

  void test('list risks, references, voice of the child and glossary as JSON gives the registers the demo loaded', async () => {
    const store = await copyOf(demo);
    const risks = await okJson<{ reference: string; score: number; likelihood: number; impactScore: number; actions: string[] }[]>(store, ['risks', '--format', 'json']);
    const expectedRisks = demoDocuments.flatMap((d) => d.plan.risks);
    assert.deepEqual(risks.map((r) => r.reference), expectedRisks.map((r) => r.reference));
    for (const r of risks) assert.equal(r.score, r.likelihood * r.impactScore, r.reference);
    const refs = await okJson<{ kind: string; value: string; actions: number }[]>(store, ['refs', '--format', 'json']);
    const inspection11 = demoDocuments.flatMap((d) => allActions(d)).filter((a) => a.refs.some((r) => r.kind === 'inspection' && r.value === '11'));
    assert.equal(refs.find((r) => r.kind === 'inspection' && r.value === '11')?.actions, inspection11.length);
    const voice = await okJson<{ youSaid: string; actions: string[] }[]>(store, ['voice', '--format', 'json']);
    assert.ok(voice.length > 0 && voice.every((v) => v.youSaid.length > 0));
    assert.ok(voice.some((v) => v.actions.length > 0));
    const glossary = await okJson<{ term: string; expansion: string }[]>(store, ['glossary', '--format', 'json']);
    assert.ok(glossary.some((t) => t.term === 'UASC'), 'UASC is in the glossary');
  });

  void test('list actions by inspection reference gives exactly the actions carrying it, as JSON and as a table', async () => {
    const store = await copyOf(demo);
    const expected = demoDocuments
      .flatMap((d) => allActions(d).map((a) => ({ key: `${d.plan.slug}:${a.number}`, refs: a.refs })))
      .filter((a) => a.refs.some((r) => r.kind === 'inspection' && r.value === '11'))
      .map((a) => a.key)
      .sort();
    assert.ok(expected.length >= 3, 'the demonstration content maps at least three actions to inspection recommendation 11');

    const rows = await okJson<ActionRow[]>(store, ['actions', '--ref', 'inspection:11', '--format', 'json']);
    for (const r of rows) assert.ok(r.refs.includes('inspection:11'), `${r.key} refs ${r.refs.join(', ')}`);
    assert.deepEqual(rows.map((r) => r.key).sort(), expected);

    const table = await ok(store, ['actions', '--ref', 'inspection:11']);
    for (const key of expected) assert.match(table, new RegExp(`│ ${key.replace(/\./g, '\\.')} +│`), `the table lacks ${key}`);
  });

  void test('list actions as CSV gives a header row and one parsable row per action', async () => {
    const csv = await ok(await copyOf(demo), ['actions', '--format', 'csv']);
    const rows = parse(csv);
    assert.deepEqual(rows[0], ['action', 'title', 'status', 'owners', 'deadline', 'last update']);
    const total = demoDocuments.reduce((n, d) => n + allActions(d).length, 0);
    assert.equal(rows.length - 1, total);
    assert.ok(rows.some((r) => r[0] === 'sufficiency-2016-19:3' && r[1] === 'Produce and deliver a Quality in Care framework'));
  });

  void test('set status and revise deadline of an action keeps both in its history and the audit trail', async () => {
    const store = await copyOf(demo);
    const key = 'sufficiency-2016-19:3';
    const loadedAction = demoAction('sufficiency-2016-19', '3');
    const oldDeadline = loadedAction.deadlines.at(-1)!.date;
    const statusReason = 'Consultation with providers has slipped to the summer forum';
    const deadlineReason = 'Providers asked for a second round of consultation';

    assert.match(await ok(store, ['status', 'set', key, 'A', '--reason', statusReason, '--by', 'Ada Example']), /is now Amber/);
    assert.match(await ok(store, ['deadline', 'revise', key, '2019-03-31', '--reason', deadlineReason, '--by', 'Ada Example']), /is now 2019-03-31/);

    const text = await ok(store, ['action', 'show', key]);
    assert.match(text, /^Status: A \(Amber\)/m);
    assert.match(text, /^Deadline: 2019-03-31/m);
    assert.match(text, new RegExp(`^ {2}${oldDeadline} {2}set by `, 'm'), 'the old deadline is in the history');
    assert.match(text, /^ {2}2019-03-31 {2}set by Ada Example on \d{4}-\d\d-\d\d: Providers asked for a second round of consultation$/m);
    assert.match(text, /A \(Amber\) {2}proposed by Ada Example, approved by Ada Example/);
    assert.ok(text.includes(statusReason), 'the status reason is shown');

    const shown = await okJson<ActionShown>(store, ['action', 'show', key, '--format', 'json']);
    assert.equal(shown.statuses.length, loadedAction.statuses.length + 1);
    assert.equal(shown.deadlines.length, loadedAction.deadlines.length + 1);
    assert.deepEqual(shown.statuses.at(-1), { ...shown.statuses.at(-1), status: 'A', reason: statusReason, proposedBy: 'Ada Example', approvedBy: 'Ada Example' });
    assert.deepEqual(shown.deadlines.at(-1), { ...shown.deadlines.at(-1), date: '2019-03-31', reason: deadlineReason, setBy: 'Ada Example' });
    assert.equal(shown.status, 'A');
    assert.equal(shown.deadline, '2019-03-31');

    const events = await okJson<AuditRow[]>(store, ['audit', '--entity', key, '--format', 'json']);
    const byAda = events.filter((e) => e.actor === 'Ada Example');
    assert.deepEqual(
      byAda.map((e) => e.event),
      ['action.deadline.revised', 'action.status.set'],
      'newest first',
    );
    const [revised, set] = byAda;
    assert.equal(set!.entity, key);
    assert.equal(set!.before?.status, 'R');
    assert.equal(set!.after?.status, 'A');
    assert.equal(revised!.entity, key);
    assert.equal(revised!.before?.deadline, oldDeadline);
    assert.equal(revised!.after?.deadline, '2019-03-31');
  });

  void test('add update to an action shows it with its date and author', async () => {
    const store = await copyOf(demo);
    const key = 'sufficiency-2016-19:4';
    const body = 'The Penrose hub opened on 23 April; two more sites are agreed for the autumn.';
    assert.match(await ok(store, ['update', 'add', key, '--text', body, '--date', '2018-05-01', '--by', 'Ada Example']), /^Added an update to sufficiency-2016-19:4/);
    const text = await ok(store, ['action', 'show', key]);
    assert.match(text, /^ {2}2018-05-01 {2}Ada Example$/m);
    assert.ok(text.includes(body), 'the update text is shown');
  });

  void test('make two edits from the same version keeps the first and refuses the second in one line', async () => {
    const store = await copyOf(demo);
    const key = 'sufficiency-2016-19:5';
    const read = await okJson<ActionShown>(store, ['action', 'show', key, '--format', 'json']);
    const v = String(read.version);

    await ok(store, ['status', 'set', key, 'A', '--reason', 'Strategy needs refreshing for 2018', '--if-version', v, '--by', 'Ada Example']);
    const refused = await fails(store, ['deadline', 'revise', key, '2019-06-30', '--reason', 'Refresh', '--if-version', v, '--by', 'Bo Example']);
    const message = oneLine(refused);
    assert.match(message, /^parentis: /);
    assert.match(message, /changed by someone else/);
    assert.match(message, new RegExp(`you had version ${v}, it is now version ${read.version + 1}`));

    const now = await okJson<ActionShown>(store, ['action', 'show', key, '--format', 'json']);
    assert.equal(now.version, read.version + 1);
    assert.equal(now.status, 'A', 'the first change is kept');
    assert.equal(now.statuses.length, read.statuses.length + 1);
    assert.equal(now.deadline, read.deadline, 'the refused change wrote nothing');
    assert.deepEqual(now.deadlines, read.deadlines);
  });

  void test('import plan from a file with a JSON syntax error names the file, line and column and changes nothing', async () => {
    const store = await copyOf(demo);
    const before = await stateBefore(store);
    const file = path.join(tempDir(), 'broken-plan.json');
    fs.writeFileSync(file, `{\n  "format": "${PLAN_FORMAT}",\n  "formatVersion": 1,\n  "plan": {\n    "slug": "broken",\n  }\n}\n`);
    const message = oneLine(await fails(store, ['import', 'plan', file]));
    assert.match(message, /^parentis: broken-plan\.json: /);
    assert.match(message, /line 6, column 3/);
    assert.deepEqual(await snapshot(store), before);
  });

  void test('import plan with an action without owners deep in the tree names the field path and changes nothing', async () => {
    const store = await copyOf(demo);
    const before = await stateBefore(store);
    const doc: PlanDocumentInput = {
      format: PLAN_FORMAT,
      formatVersion: 1,
      plan: {
        slug: 'no-owner-plan',
        title: 'A plan with an action nobody owns',
        kind: 'improvement',
        nodes: [
          {
            kind: 'programme',
            number: '1',
            title: 'Programme 1',
            children: [
              {
                kind: 'area',
                number: '1.1',
                title: 'Area 1',
                actions: [
                  { number: '1', title: 'Owned', owners: [{ role: 'Head of Service' }], subActions: [{ number: '1a', title: 'Not owned', owners: [] }] },
                ],
              },
            ],
          },
        ],
      },
    };
    const file = path.join(tempDir(), 'no-owner.json');
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const message = oneLine(await fails(store, ['import', 'plan', file]));
    assert.match(message, /^parentis: no-owner\.json: /);
    assert.ok(message.includes('plan.nodes[0].children[0].actions[0].subActions[0].owners'), message);
    assert.deepEqual(await snapshot(store), before);
  });

  void test('import plan whose slug already exists is refused pointing to --replace and changes nothing', async () => {
    const store = await copyOf(demo);
    const before = await stateBefore(store);
    const doc: PlanDocumentInput = {
      format: PLAN_FORMAT,
      formatVersion: 1,
      plan: {
        slug: 'sufficiency-2016-19',
        title: 'Another sufficiency plan',
        kind: 'sufficiency',
        nodes: [{ kind: 'theme', title: 'Placements', actions: [{ number: '1', title: 'Only action', owners: [{ name: 'Ada Example' }] }] }],
      },
    };
    const file = path.join(tempDir(), 'same-slug.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const message = oneLine(await fails(store, ['import', 'plan', file]));
    assert.match(message, /^parentis: .*sufficiency-2016-19.*already exists/);
    assert.match(message, /--replace/);
    assert.deepEqual(await snapshot(store), before);
  });

  void test('export plan as JSON and import it under another slug gives back the same document', async () => {
    const store = await copyOf(demo);
    const dir = tempDir();
    const first = path.join(dir, 'cypp.json');
    const copy = path.join(dir, 'cypp-copy.json');
    const second = path.join(dir, 'cypp-copy-exported.json');

    await ok(store, ['export', 'plan', 'cypp-2016-19', '--format', 'json', '--out', first]);
    const exported = JSON.parse(fs.readFileSync(first, 'utf8')) as PlanDocument;
    assert.equal(allActions(exported).length, allActions(demoDocuments.find((d) => d.plan.slug === 'cypp-2016-19')!).length);
    fs.writeFileSync(copy, JSON.stringify({ ...exported, plan: { ...exported.plan, slug: 'cypp-copy' } }, null, 2));

    assert.match(await ok(store, ['import', 'plan', copy]), /^Imported plan cypp-copy /);
    await ok(store, ['export', 'plan', 'cypp-copy', '--format', 'json', '--out', second]);
    const reexported = JSON.parse(fs.readFileSync(second, 'utf8')) as PlanDocument;
    assert.equal(reexported.plan.slug, 'cypp-copy');
    assert.deepEqual({ ...reexported, plan: { ...reexported.plan, slug: 'cypp-2016-19' } }, exported);
  });

  void test('export plan as a workbook and as CSV gives every action of the plan', async () => {
    const store = await copyOf(demo);
    const file = path.join(tempDir(), 'sufficiency.xlsx');
    const actions = allActions(demoDocuments.find((d) => d.plan.slug === 'sufficiency-2016-19')!);

    await ok(store, ['export', 'plan', 'sufficiency-2016-19', '--format', 'xlsx', '--out', file]);
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    assert.deepEqual(
      wb.worksheets.map((ws) => ws.name),
      ['About', 'Actions', 'Status history', 'Deadlines', 'Updates', 'Risks'],
    );
    const sheet = wb.getWorksheet('Actions')!;
    assert.equal(sheet.actualRowCount, actions.length + 1);
    assert.equal(sheet.getCell('D4').value, 'Produce and deliver a Quality in Care framework');

    const csv = await ok(store, ['export', 'plan', 'sufficiency-2016-19', '--format', 'csv']);
    const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
    assert.deepEqual(
      records.map((r) => r['Number']),
      actions.map((a) => a.number),
    );
    assert.ok(records.every((r) => r['Plan'] !== ''));
  });

  void test('list actions with an unknown status fails in one line naming --status', async () => {
    const message = oneLine(await fails(await copyOf(demo), ['actions', '--status', 'X']));
    assert.match(message, /^parentis: .*--status/);
  });

  void test('show action of a plan that does not exist, as its own process, exits with code 1 and one line', async () => {
    const r = await parentisProcess(await copyOf(demo), ['action', 'show', 'nosuchplan:1']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.signal, null);
    assert.match(oneLine(r), /^parentis: .*nosuchplan/);
  });
});
