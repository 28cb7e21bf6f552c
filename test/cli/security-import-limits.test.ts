// Imports refuse files over their size caps with one line naming the file and the cap, before reading them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyOf, demoStore, disposeStores, fails, freshStore, ok, oneLine, root, tempDir, type Store } from './run.ts';

let store: Store;
before(async () => {
  store = await freshStore();
});
after(disposeStores);

function sparse(name: string, bytes: number): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, '{');
  fs.truncateSync(file, bytes);
  return file;
}

test('import plan from a 50 MB file is refused naming the file and the cap', async () => {
  const file = sparse('huge-plan.json', 50 * 1024 * 1024);
  assert.match(oneLine(await fails(store, ['import', 'plan', file])), /^parentis: .*huge-plan\.json: the file is 50 MB, more than the 20 MB this import takes: nothing was imported$/);
});

test('import measures from a 50 MB CSV is refused naming the file and the cap', async () => {
  const file = sparse('values.csv', 50 * 1024 * 1024);
  assert.match(oneLine(await fails(store, ['import', 'measures', file])), /^parentis: .*values\.csv: the file is 50 MB, more than the 10 MB this import takes: nothing was imported$/);
});

test('import dfe reads a table as a stream and stops at a broken line near the start of a 60 MB file', async () => {
  const demo = await copyOf(await demoStore());
  const table = fs.readFileSync(path.join(root, 'reference/dfe/la_cla_placement_stability.csv'), 'utf8');
  const file = path.join(tempDir(), 'la_cla_placement_stability.csv');
  const [header, first] = table.split('\n');
  fs.writeFileSync(file, `${header}\n${first}\n2025,"quoted"then more\n`);
  // The rest is padding the reader must never need: 60 MB of well-formed-looking lines.
  const pad = `${first}\n`.repeat(Math.ceil((60 * 1024 * 1024) / (first!.length + 1)));
  fs.appendFileSync(file, pad);
  assert.match(oneLine(await fails(demo, ['import', 'dfe', file, '--la', '908'])), /^parentis: la_cla_placement_stability\.csv: not a readable CSV file \(line 3\): Invalid Closing Quote/);
  const imported = await ok(demo, ['import', 'dfe', path.join(root, 'reference/dfe/la_cla_placement_stability.csv'), '--la', '908']);
  assert.match(imported, /^Imported \d+ benchmarks from 1 table \(.*\) for Cornwall \(908\): England, South West, \d+ statistical neighbours/);
});
