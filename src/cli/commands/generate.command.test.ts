// parentis generate 903 run as a person would: the folders and postcodes it writes, and a bad option named.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { disposeStores, fails, freshStore, ok, oneLine, tempDir } from '../../../test/cli/run.ts';

after(disposeStores);

test('generate 903 writes a folder per collection year and the postcodes, and says what it wrote', async () => {
  const store = await freshStore();
  const out = path.join(tempDir('parentis-903-'), 'return');
  const printed = await ok(store, ['generate', '903', '--children', '300', '--years', '2', '--seed', '5', '--out', out, '--end-year', '2020']);
  assert.deepEqual(fs.readdirSync(out).sort(), ['2019', '2020', 'postcodes.csv']);
  assert.deepEqual(fs.readdirSync(path.join(out, '2020')).sort(), [
    'ad1.csv',
    'episodes.csv',
    'header.csv',
    'missing.csv',
    'oc2.csv',
    'oc3.csv',
    'placed_for_adoption.csv',
    'previous_permanence.csv',
    'reviews.csv',
    'sw_episodes.csv',
    'uasc.csv',
  ]);
  assert.match(fs.readFileSync(path.join(out, '2020', 'episodes.csv'), 'utf8'), /^CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n/);
  assert.match(printed, /^Wrote 23 files \([\d,]+ rows, [\d.]+ MB\) to .+: 300 children/);
  assert.match(printed, /\n {2}2020\/ {2}11 files, [\d,]+ rows: [\d,]+ children, [\d,]+ episodes/);
});

test('generate 903 with a number of children that is not a whole number fails naming the option', async () => {
  const store = await freshStore();
  const r = await fails(store, ['generate', '903', '--children', 'lots', '--out', tempDir()]);
  assert.match(oneLine(r), /--children must be a whole number/);
});
