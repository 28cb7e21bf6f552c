// Absurd 903 files are refused early and cheaply: a header of a million columns, a broken row near the top of a large file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvStream, parseFiles, Ssda903FileError } from './parse.ts';
import { TABLE_COLUMNS } from './tables.ts';

test('parse refuses a header of a million columns at once, naming the file', () => {
  const header = Array.from({ length: 1_000_000 }, (_, i) => `C${i}`).join(',');
  const started = performance.now();
  assert.throws(
    () => parseFiles([{ name: 'wide/episodes.csv', text: `${header}\n` }]),
    (e: unknown) => e instanceof Ssda903FileError && /^wide\/episodes\.csv: the first line is \d+ characters long, too long for a 903 header/.test(e.message),
  );
  const quoted = `"${Array.from({ length: 300 }, (_, i) => `C${i}`).join('","')}"\n`;
  assert.throws(() => parseFiles([{ name: 'wide/q.csv', text: quoted }]), /wide\/q\.csv: the header has 300 columns, and no 903 table has more than 200/);
  assert.ok(performance.now() - started < 2000, 'refused in well under two seconds');
});

test('parse a streamed file stopping at a broken row near the top without reading the rest', async () => {
  let chunksRead = 0;
  const row = 'C1,01/06/2024,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC1\n';
  const big = row.repeat(2000);
  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
  async function* chunks(): AsyncGenerator<string> {
    yield `${TABLE_COLUMNS.Episodes.join(',')}\n${row}"unclosed,${'x'.repeat(70_000)}\n`;
    // 50 MB more would follow: the reader must stop before asking for much of it.
    for (let i = 0; i < 400; i++) {
      chunksRead += 1;
      yield big;
    }
  }
  await assert.rejects(parseCsvStream('big/episodes.csv', chunks()), (e: unknown) => e instanceof Ssda903FileError && /^big\/episodes\.csv: not a readable CSV file \(a row is longer than 65536 characters\)/.test(e.message));
  assert.ok(chunksRead < 20, `read ${chunksRead} of 400 chunks`);
});

test('parse a streamed file with a wrong header stops at the header', async () => {
  let chunksRead = 0;
  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
  async function* chunks(): AsyncGenerator<string> {
    yield 'A,B\n1,2\n';
    for (let i = 0; i < 100; i++) {
      chunksRead += 1;
      yield '1,2\n'.repeat(10_000);
    }
  }
  await assert.rejects(parseCsvStream('r/other.csv', chunks()), /r\/other\.csv: the columns \(A, B\) do not match any 903 table/);
  assert.ok(chunksRead < 20, `read ${chunksRead} of 100 chunks`);
});

test('parse a streamed CSV giving the same rows and lines as the whole text', async () => {
  const text = `${TABLE_COLUMNS.OC3.join(',')}\r\n"C1","01/06/2006","yes","F2","D1"\r\n\r\nC2,01/06/2006,NO,G5,R2\r\n`;
  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
  }
  const streamed = await parseCsvStream('oc3.csv', chunks());
  const whole = parseFiles([{ name: 'oc3.csv', text }])[0]!;
  assert.deepEqual(streamed.rows, whole.rows);
  assert.deepEqual(
    streamed.rows.map((r) => [r.line, r.fields.CHILD, r.fields.IN_TOUCH]),
    [
      [2, 'C1', 'YES'],
      [4, 'C2', 'NO'],
    ],
  );
});
