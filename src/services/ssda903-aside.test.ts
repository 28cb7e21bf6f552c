// Reading a return with two threads gives what reading it with one does: the same figures, findings, notes and errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { generate903 } from '../ssda903/generate/generate.ts';
import type { CheckedReturn, StreamedFile } from './ssda903.service.ts';
import { indicatorsFromFiles, monthEndsBetween } from './ssda903.service.ts';
import { READ_ASIDE } from '../ssda903/aside.ts';
import { HISTORY_FIELDS } from '../ssda903/history.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-aside-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A generated three-year return on disk, with `edit` applied to each file's lines (header first). */
function writeReturn(name: string, edit: (file: string, lines: string[]) => string[] = (_f, l) => l): StreamedFile[] {
  const dir = path.join(root, name);
  for (const f of generate903({ children: 300, years: 3, seed: 'two-threads', endYear: 2018 }).files) {
    const file = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${edit(f.path, f.text.trimEnd().split('\n')).join('\n')}\n`);
  }
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv')).sort();
  return files.map((f) => {
    const file = path.join(dir, f);
    return { name: `${name}/${f}`, chunks: () => fs.createReadStream(file), path: file, bytes: fs.statSync(file).size };
  });
}

/** Every finding, note and figure, read with the other thread (`aside`) or without it. */
async function readAll(files: StreamedFile[], aside: boolean): Promise<{ checked: Omit<CheckedReturn, 'ret' | 'files'>; figures: unknown }> {
  let checked: Omit<CheckedReturn, 'ret' | 'files'> | undefined;
  const figures = await indicatorsFromFiles(files, monthEndsBetween('2015-04-30', '2018-03-31'), {
    laCode: 'E10000099',
    asideFromBytes: aside ? 0 : Infinity,
    onChecked: ({ issues, summary, collectionYears, rows, notes }) => (checked = { issues, summary, collectionYears, rows, notes }),
  });
  return { checked: checked!, figures };
}

/** Blanks and bad values written into every tenth row of the tables read aside and of Episodes. */
function spoil(file: string, lines: string[]): string[] {
  return lines.map((line, i) => {
    if (i === 0 || i % 10 !== 3 || file.endsWith('postcodes.csv')) return line;
    const cells = line.split(',');
    cells[1] = i % 20 === 3 ? '31/02/2016' : 'XX';
    if (cells.length > 3) cells[3] = '';
    return cells.join(',');
  });
}

test('read a return with two threads gives the same figures, findings and notes as one', async () => {
  const files = writeReturn('clean');
  const one = await readAll(files, false);
  const two = await readAll(files, true);
  assert.ok(one.checked.rows > 1000);
  assert.deepEqual(two, one);
});

test('read a return with findings in every table with two threads gives them all, in the same order', async () => {
  const files = writeReturn('spoilt', spoil);
  const one = await readAll(files, false);
  const two = await readAll(files, true);
  assert.ok(one.checked.issues.some((i) => i.file.endsWith('header.csv')) && one.checked.issues.some((i) => i.file.endsWith('reviews.csv')), 'findings in tables read aside');
  assert.ok(one.checked.issues.some((i) => i.file.endsWith('episodes.csv')), 'findings in tables read here');
  assert.deepEqual(two, one);
});

test('read a return with two threads refuses the first broken file in the order given, whichever thread read it', async () => {
  // header.csv (read aside) comes before oc2.csv (read here) in each year's folder.
  const broken = (table: string) => (file: string, lines: string[]) => (file === `2017/${table}.csv` ? [lines[0]!.replace(/^CHILD,/, 'CHILDX,'), ...lines.slice(1)] : lines);
  const both = writeReturn('broken-both', (f, l) => broken('header')(f, broken('oc2')(f, l)));
  await assert.rejects(readAll(both, true), /broken-both\/2017\/header\.csv/);
  await assert.rejects(readAll(both, false), /broken-both\/2017\/header\.csv/);
  const here = writeReturn('broken-here', broken('oc2'));
  await assert.rejects(readAll(here, true), /broken-here\/2017\/oc2\.csv/);
});

test('send a table read aside with the fields the history reads of it, and only those tables', () => {
  assert.deepEqual(Object.keys(HISTORY_FIELDS).sort(), ['AD1', 'Header', 'Missing']);
  for (const table of Object.keys(HISTORY_FIELDS)) assert.ok(READ_ASIDE.has(table as never), table);
  for (const table of ['Episodes', 'OC2', 'OC3', 'UASC']) assert.ok(!READ_ASIDE.has(table as never), table);
});
