// parentis indicators --files prints the data-quality findings of the files on standard error, the figures alone on standard output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { generate903 } from '../../src/ssda903/generate/generate.ts';
import { childEnv, disposeStores, parentis, tempDir } from './run.ts';

after(async () => {
  await disposeStores();
});

/** A generated two-year return with one child added whose second episode starts before the first one ended. */
function returnWithOverlap(): { dir: string; line: number } {
  const dir = path.join(tempDir(), '903');
  for (const f of generate903({ children: 60, years: 2, seed: 'findings', endYear: 2018 }).files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.text);
  }
  const file = path.join(dir, '2018', 'episodes.csv');
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = lines[0]!.split(',');
  const template = Object.fromEntries(columns.map((c, i) => [c, lines[1]!.split(',')[i] ?? '']));
  const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? template[c]).join(',');
  lines.push(row({ CHILD: 'OVERLAP1', DECOM: '01/05/2017', RNE: 'S', DEC: '01/08/2017', REC: 'E4A', REASON_PLACE_CHANGE: '' }));
  lines.push(row({ CHILD: 'OVERLAP1', DECOM: '01/07/2017', RNE: 'S', DEC: '', REC: '', REASON_PLACE_CHANGE: '' }));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, line: lines.length };
}

test('indicators from files prints the findings summary on standard error and the figures alone on standard output', async () => {
  const { dir, line } = returnWithOverlap();
  const nowhere = path.join(tempDir(), 'no-data');
  const r = await parentis({ kind: 'embedded', dataDir: nowhere, env: childEnv({ DATA_DIR: nowhere }) }, ['indicators', '--as-at', '2018-03-31', '--files', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Array.isArray(JSON.parse(r.stdout)), 'standard output is the JSON figures alone');
  assert.match(r.stderr, /^Data quality: [1-9]\d* errors?, \d+ warnings?\./m);
  assert.match(r.stderr, /^ {2}error +501 +1$/m);
  assert.match(r.stderr, /^By file:\n {2}903\/2018\/episodes\.csv: [1-9]\d* errors?/m);
  assert.match(r.stderr, new RegExp(`error 501: 903/2018/episodes\\.csv:${line} child OVERLAP1 columns DECOM, DEC: Episode starting 01/07/2017 overlaps the previous one ending 01/08/2017`));
});
