// Imports refuse files over their size caps with one line naming the file and the cap, before reading them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { disposeStores, fails, freshStore, oneLine, tempDir, type Store } from './run.ts';

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
