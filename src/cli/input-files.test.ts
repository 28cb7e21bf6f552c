// Import files over their size caps, or workbooks that would inflate past theirs, are refused before being read whole.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import JSZip from 'jszip';
import { ValidationError } from '../domain/errors.ts';
import { FILE_LIMITS, readBytesWithin, readTextWithin, readWorkbookWithin } from './input-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-input-files-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file of `bytes` bytes that takes no space on disk (a sparse file). */
function sparse(name: string, bytes: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, 'code,period,numerator,denominator\n');
  fs.truncateSync(file, bytes);
  return file;
}

const refusal = (pattern: RegExp) => (err: unknown) => err instanceof ValidationError && err.field === 'file' && pattern.test(err.message);

test('read a measures CSV larger than its cap is refused naming the file and the cap', () => {
  const file = sparse('values.csv', FILE_LIMITS.measureValues + 1);
  assert.throws(() => readBytesWithin(file, FILE_LIMITS.measureValues), refusal(/values\.csv: the file is 10 MB, more than the 10 MB this import takes: nothing was imported$/));
});

test('read a DfE table larger than its cap is refused naming the file and the cap', () => {
  const file = sparse('la_big.csv', 250 * 1024 * 1024);
  assert.throws(() => readTextWithin(file, FILE_LIMITS.dfeTable), refusal(/la_big\.csv: the file is 250 MB, more than the 200 MB/));
});

test('read a file within its cap gives its content', () => {
  const file = path.join(dir, 'small.csv');
  fs.writeFileSync(file, 'a,b\n1,2\n');
  assert.equal(readTextWithin(file, 100), 'a,b\n1,2\n');
});

test('read a workbook whose entries would inflate past the cap is refused before inflating, naming the file', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(3 * 1024 * 1024));
  const file = path.join(dir, 'bomb.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  assert.ok(fs.statSync(file).size < 100_000, 'the workbook itself is small');
  await assert.rejects(readWorkbookWithin(file, FILE_LIMITS.measureValues, 2 * 1024 * 1024), refusal(/bomb\.xlsx: the workbook unpacks to 3 MB, more than the 2 MB this import takes/));
});

test('read a workbook within its caps gives its bytes', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
  const file = path.join(dir, 'fine.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  assert.equal((await readWorkbookWithin(file, FILE_LIMITS.measureValues)).length, fs.statSync(file).size);
});
