// parentis import plan on a council's own Word and Excel trackers: guesses used when complete, the guessed
// mapping printed when not, and located problems and archived plans that leave everything as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { compose } from '../../src/composition.ts';
import { seed001Document, xlsxFile } from '../helpers/trackers.ts';
import { closeStore, demoStore, disposeStores, fails, ok, okJson, oneLine, tempDir, type Store } from './run.ts';

let store: Store;
before(async () => {
  store = await demoStore();
});
after(disposeStores);

const plans = async (): Promise<{ plan: string }[]> => okJson<{ plan: string }[]>(store, ['plans', '--format', 'json']);

void describe('parentis import plan with a tracker', { concurrency: 1 }, () => {
  void test('import a Word work plan whose columns are all recognised stores it', async () => {
    const file = path.join(tempDir(), 'Health task group.docx');
    fs.writeFileSync(file, await seed001Document());
    const out = await ok(store, ['import', 'plan', file, '--kind', 'task-group']);
    assert.match(out, /^Imported plan health-task-group \(Health task group\): 3 actions, 5 updates, 0 risks\.$/m);
    assert.ok((await plans()).some((p) => p.plan === 'health-task-group'));
  });

  void test('import next quarter\'s tracker --into the plan shows the differences, and --apply adds them', async () => {
    const dir = tempDir();
    const later = path.join(dir, 'Health task group Q2.docx');
    fs.writeFileSync(later, await seed001Document(true));
    const preview = await ok(store, ['import', 'plan', later, '--into', 'health-task-group']);
    assert.match(preview, /^Differences for health-task-group from Health task group Q2\.docx:$/m);
    assert.match(preview, /status R → A \(as at 2018-04-20\)/);
    assert.match(preview, /deadline 2018-06-01 → 2018-09-01/);
    assert.match(preview, /Nothing was changed: run again with --apply/);
    const applied = await ok(store, ['import', 'plan', later, '--into', 'health-task-group', '--apply']);
    assert.match(applied, /^Added to health-task-group/m);
    const shown = await okJson<{ status: string; deadline: string }>(store, ['action', 'show', 'health-task-group:1.5', '--format', 'json']);
    assert.deepEqual([shown.status, shown.deadline], ['A', '2018-09-01']);
  });

  void test('import a tracker without an owner column prints the guessed mapping, then imports with it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tracker.xlsx');
    fs.writeFileSync(
      file,
      await xlsxFile([
        {
          name: 'Tracker',
          rows: [
            ['No.', 'Action', 'Person', 'Deadline', 'RAG'],
            ['1', 'Recruit twenty new foster carers', 'Jo Bloggs', new Date(Date.UTC(2019, 2, 31)), 'A'],
            ['2', 'Open a second supported lodgings scheme', 'Sam Smith', 43646, 'G'],
          ],
        },
      ]),
    );
    const before = await plans();
    const r = await fails(store, ['import', 'plan', file]);
    assert.match(oneLine(r), /tracker\.xlsx: no column recognised for owner/);
    const guessed = JSON.parse(r.stdout) as { columns: Record<string, string> };
    assert.deepEqual(guessed.columns, { number: 'No.', action: 'Action', deadline: 'Deadline', status: 'RAG' });
    assert.deepEqual(await plans(), before);

    const mappingFile = path.join(dir, 'mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify({ ...guessed, columns: { ...guessed.columns, owner: 'Person' } }));
    const out = await ok(store, ['import', 'plan', file, '--mapping', mappingFile, '--title', 'Fostering tracker']);
    assert.match(out, /Imported plan fostering-tracker \(Fostering tracker\): 2 actions/);
    const shown = await okJson<{ deadline: string; status: string }>(store, ['action', 'show', 'fostering-tracker:2', '--format', 'json']);
    assert.equal(shown.deadline, '2019-06-30');
    assert.equal(shown.status, 'G');
  });

  void test('import a tracker with a timescale that is not a date names the row and column and stores nothing', async () => {
    const file = path.join(tempDir(), 'bad-dates.xlsx');
    fs.writeFileSync(
      file,
      await xlsxFile([
        {
          name: 'Plan',
          rows: [
            ['Ref', 'Action', 'Action owner', 'Timescales', 'BRAG'],
            ['1', 'Review the sufficiency duty', 'Head of Placements', 'March 2018', 'G'],
            ['2', 'Publish the placement strategy', 'Head of Placements', 'Sprung 2018', 'A'],
          ],
        },
      ]),
    );
    const before = await plans();
    const r = await fails(store, ['import', 'plan', file]);
    assert.match(r.stderr, /sheet Plan, row 3, Timescales: 'Sprung 2018' is not a date/);
    assert.match(r.stderr, /nothing was imported/);
    assert.deepEqual(await plans(), before);
  });

  void test('import a tracker into or over an archived plan is refused naming the plan, and changes nothing', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'Health task group.docx');
    fs.writeFileSync(first, await seed001Document());
    await ok(store, ['import', 'plan', first, '--kind', 'task-group', '--slug', 'kept-for-record', '--title', 'Kept for the record']);
    // Opened here as the server would: the commands above must have let go of it first.
    await closeStore(store);
    const app = await compose({ databaseUrl: store.env.DATABASE_URL, dataDir: store.dataDir ?? '' });
    try {
      const org = await app.services.organisations.resolve(undefined);
      const ctx = { organisationId: org.id, actor: 'Rhys Penrose', clock: app.services.clock };
      await app.services.plans.setArchived(ctx, 'kept-for-record', (await app.services.plans.tree(ctx, 'kept-for-record')).version, true);
    } finally {
      await app.close();
    }
    const later = path.join(dir, 'Health task group Q2.docx');
    fs.writeFileSync(later, await seed001Document(true));
    const refused = /^parentis: "Kept for the record" is archived: it is kept for the record and takes nothing from a tracker\. Nothing was changed\. Take it out of the archive first\.$/;
    assert.match(oneLine(await fails(store, ['import', 'plan', later, '--into', 'kept-for-record'])), refused);
    assert.match(oneLine(await fails(store, ['import', 'plan', later, '--into', 'kept-for-record', '--apply'])), refused);
    const replaced = await fails(store, ['import', 'plan', later, '--kind', 'task-group', '--slug', 'kept-for-record', '--replace']);
    assert.match(oneLine(replaced), /^parentis: "Kept for the record" is archived: it is kept for the record and cannot be replaced by an import\. Nothing was changed\./);
    const shown = await okJson<{ status: string; deadline: string }>(store, ['action', 'show', 'kept-for-record:1.5', '--format', 'json']);
    assert.deepEqual([shown.status, shown.deadline], ['R', '2018-06-01']);
  });
});
