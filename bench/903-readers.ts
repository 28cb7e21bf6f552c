// How fast a national-size 903 return can be read, three ways, on the same files (every CSV of the return):
//   engine    the engine's reader as `indicators --files` calls it (parseCsvStream: a row object per row)
//   strings   the same cells cut out as strings, each kept once per column, but into typed-array columns of
//             numbers instead of row objects
//   bytes     the file's bytes scanned as they lie, each cell hashed as it is scanned and looked up in a table of
//             byte strings per column: a string is made only for a value's first sight (readBytes and ByteTexts below,
//             a prototype of a reader that writes columns for an engine that computes on them)
//   npm run bench:903-readers                              500,000 children, 3 rounds, each reader in its own process
//   npm run bench:903-readers -- --children 50000 --runs 5
// Each round runs the three in turn, each in a fresh process, and prints its seconds and peak memory; the ratios to the
// engine's reader are taken round by round. A check first reads the return with the engine's reader and the byte
// reader and compares every cell, so the faster reader is known to read the same thing. Prints figures; never fails
// on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseCsvStream, type CellCache } from '../src/ssda903/parse.ts';
import { arg, fmt, median, returnFiles, returnOnDisk, spread } from './return-on-disk.ts';

/** An ASCII letter a–z as its capital; any other byte as it is. */
const fold = (b: number): number => (b >= 97 && b <= 122 ? b - 32 : b);

/** The FNV-1a hash of bytes[start, end) folded to capitals, as the reader works it out while scanning a cell. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ fold(bytes[i]!), 16777619);
  return hash;
}

/**
 * One column's distinct cells, each a number: a cell is hashed as it is scanned and looked up by its bytes (folded
 * to capitals, as the engine's reader upper-cases a cell), and its text is made on first sight only.
 */
class ByteTexts {
  private slots = new Int32Array(1 << 10).fill(-1);
  private hashes = new Int32Array(1 << 10);
  private pool = new Uint8Array(1 << 16);
  private poolLength = 0;
  private offset = new Int32Array(1 << 10);
  private length = new Int32Array(1 << 10);
  /** By number: the trimmed, upper-cased text, as the engine's reader keeps it. 0 is the empty cell. */
  readonly text: string[] = [''];

  /**
   * The number of the cell bytes[start, end), hashed (`hash`) as scanned: plain ASCII with no space at either end,
   * or the bytes of a text already trimmed and upper-cased (`text`).
   */
  id(bytes: Buffer, start: number, end: number, hash: number, text?: string): number {
    const mask = this.slots.length - 1;
    const n = end - start;
    let s = hash & mask;
    for (;;) {
      const k = this.slots[s]!;
      if (k === -1) break;
      if (this.hashes[s] === hash && this.length[k] === n) {
        const o = this.offset[k]!;
        let j = 0;
        while (j < n && this.pool[o + j] === fold(bytes[start + j]!)) j++;
        if (j === n) return k;
      }
      s = (s + 1) & mask;
    }
    const k = this.text.length;
    if (k === this.offset.length) {
      this.offset = grown(this.offset);
      this.length = grown(this.length);
    }
    if (this.poolLength + n > this.pool.length) {
      const p = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + n));
      p.set(this.pool);
      this.pool = p;
    }
    let lower = false;
    for (let j = 0; j < n; j++) {
      const b = bytes[start + j]!;
      const f = fold(b);
      if (f !== b) lower = true;
      this.pool[this.poolLength + j] = f;
    }
    this.offset[k] = this.poolLength;
    this.length[k] = n;
    this.poolLength += n;
    let kept = text;
    if (kept === undefined) {
      kept = bytes.toString('latin1', start, end);
      if (lower) kept = kept.toUpperCase();
    }
    this.text.push(kept);
    this.slots[s] = k;
    this.hashes[s] = hash;
    if (this.text.length * 2 > this.slots.length) this.rehash();
    return k;
  }

  /** The number of any other cell (bytes past ASCII, a space at an end): its text made first, then looked up as bytes. */
  idOfText(bytes: Buffer, start: number, end: number): number {
    const text = bytes.toString('utf8', start, end).trim().toUpperCase();
    if (text === '') return 0;
    const own = Buffer.from(text, 'utf8');
    return this.id(own, 0, own.length, hashOf(own, 0, own.length), text);
  }

  private rehash(): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    this.hashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < slots.length; i++) {
      const k = slots[i]!;
      if (k === -1) continue;
      let s = hashes[i]! & mask;
      while (this.slots[s] !== -1) s = (s + 1) & mask;
      this.slots[s] = k;
      this.hashes[s] = hashes[i]!;
    }
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

interface ColumnTable {
  header: string[];
  rows: number;
  /** Per column, each row's number in that column's texts. */
  columns: Int32Array[];
  texts: ByteTexts[];
  lines: Int32Array;
}

/**
 * A plain CSV file (no quotes: what case management systems write) read from its bytes into columns. A prototype
 * for measuring: it neither checks the header against the 903 tables nor reads quoted cells.
 */
function readBytes(bytes: Buffer, textsOf: (column: string) => ByteTexts): ColumnTable {
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
  let eol = bytes.indexOf(10, p);
  if (eol === -1) eol = end;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + p, eol - p).toString('utf8').replace(/\r$/, '').split(',').map((c) => c.trim().toUpperCase());
  const width = header.length;
  const texts = header.map(textsOf);
  let capacity = 1024;
  let columns = header.map(() => new Int32Array(capacity));
  let lines = new Int32Array(capacity);
  // Each column's cell in the row before (where it lies, and its number): a child's rows repeat most cells.
  const beforeAt = new Int32Array(width);
  const beforeLength = new Int32Array(width).fill(-1);
  const beforeId = new Int32Array(width);
  let rows = 0;
  let line = 1;
  p = eol + 1;
  while (p < end) {
    line += 1;
    if (bytes[p] === 10 || (bytes[p] === 13 && bytes[p + 1] === 10)) {
      p += bytes[p] === 13 ? 2 : 1;
      continue;
    }
    if (rows === capacity) {
      capacity *= 2;
      columns = columns.map(grown);
      lines = grown(lines);
    }
    let c = 0;
    for (;;) {
      const start = p;
      let hash = 0x811c9dc5 | 0;
      let high = 0;
      while (p < end) {
        const b = bytes[p]!;
        if (b === 44 || b === 10 || b === 13) break;
        high |= b;
        hash = Math.imul(hash ^ fold(b), 16777619);
        p++;
      }
      if (c < width) {
        const n = p - start;
        let id = 0;
        if (n > 0) {
          id = -1;
          if (beforeLength[c] === n) {
            const at = beforeAt[c]!;
            let j = 0;
            while (j < n && bytes[at + j] === bytes[start + j]) j++;
            if (j === n) id = beforeId[c]!;
          }
          if (id === -1) {
            const plain = (high & 0x80) === 0 && bytes[start]! > 32 && bytes[p - 1]! > 32;
            id = plain ? texts[c]!.id(bytes, start, p, hash) : texts[c]!.idOfText(bytes, start, p);
            beforeAt[c] = start;
            beforeLength[c] = n;
            beforeId[c] = id;
          }
        }
        columns[c]![rows] = id;
      }
      c++;
      if (p >= end || bytes[p] !== 44) break;
      p++;
    }
    for (; c < width; c++) columns[c]![rows] = 0;
    if (p < end && bytes[p] === 13) p++;
    if (p < end && bytes[p] === 10) p++;
    lines[rows] = line;
    rows += 1;
  }
  return { header, rows, columns, texts, lines };
}

function byteReader(): (file: string) => ColumnTable {
  const perColumn = new Map<string, ByteTexts>();
  const textsOf = (column: string): ByteTexts => {
    let t = perColumn.get(column);
    if (!t) perColumn.set(column, (t = new ByteTexts()));
    return t;
  };
  return (file) => readBytes(fs.readFileSync(file), textsOf);
}

/** Reads every file the one way asked for; the tables are given back, so that they are all held, as an engine holds them. */
async function readAll(reader: string, files: string[]): Promise<{ rows: number; held: unknown[] }> {
  let rows = 0;
  const held: unknown[] = [];
  if (reader === 'engine') {
    const cells: CellCache = new Map();
    for (const f of files) {
      const t = await parseCsvStream(f, fs.createReadStream(f), cells);
      rows += t.rows.length;
      held.push(t);
    }
  } else if (reader === 'strings') {
    const perColumn = new Map<string, Map<string, number>>();
    for (const f of files) {
      const t = readStrings(fs.readFileSync(f, 'utf8'), perColumn);
      rows += t.rows;
      held.push(t);
    }
  } else if (reader === 'bytes') {
    const read = byteReader();
    for (const f of files) {
      const t = read(f);
      rows += t.rows;
      held.push(t);
    }
  } else throw new Error(`no reader "${reader}": engine, strings or bytes`);
  return { rows, held };
}

/** The engine's way of cutting cells out of a line (compared in place with the row before), into columns of numbers. */
function readStrings(text: string, perColumn: Map<string, Map<string, number>>): { rows: number; columns: Int32Array[] } {
  let eol = text.indexOf('\n');
  const header = text.slice(0, eol).replace(/\r$/, '').split(',');
  const width = header.length;
  const maps = header.map((h) => {
    let m = perColumn.get(h);
    if (!m) perColumn.set(h, (m = new Map([['', 0]])));
    return m;
  });
  let capacity = 1024;
  let columns = header.map(() => new Int32Array(capacity));
  const beforeRaw = header.map(() => '');
  const beforeId = header.map(() => 0);
  let rows = 0;
  let p = eol + 1;
  while (p < text.length) {
    eol = text.indexOf('\n', p);
    if (eol === -1) eol = text.length;
    const stop = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    if (rows === capacity) {
      capacity *= 2;
      columns = columns.map(grown);
    }
    for (let c = 0; c < width; c++) {
      if (p > stop) {
        columns[c]![rows] = 0;
        continue;
      }
      let comma = text.indexOf(',', p);
      if (comma === -1 || comma > stop) comma = stop;
      let id = 0;
      if (comma > p) {
        const before = beforeRaw[c]!;
        if (before.length === comma - p && text.startsWith(before, p)) id = beforeId[c]!;
        else {
          const raw = text.slice(p, comma);
          const m = maps[c]!;
          id = m.get(raw) ?? -1;
          if (id === -1) m.set(raw, (id = m.size));
          beforeRaw[c] = raw;
          beforeId[c] = id;
        }
      }
      columns[c]![rows] = id;
      p = comma + 1;
    }
    rows += 1;
    p = eol + 1;
  }
  return { rows, columns };
}

/** Every cell of every file read by the engine and by the byte reader: the count of cells that differ (0 expected). */
async function compareReaders(files: string[]): Promise<{ cells: number; differ: number; first?: string }> {
  const read = byteReader();
  const cells: CellCache = new Map();
  let count = 0;
  let differ = 0;
  let first: string | undefined;
  for (const f of files) {
    const engine = await parseCsvStream(f, fs.createReadStream(f), cells);
    const bytes = read(f);
    if (engine.rows.length !== bytes.rows) {
      differ += 1;
      first ??= `${f}: ${engine.rows.length} rows against ${bytes.rows}`;
      continue;
    }
    engine.rows.forEach((row, i) => {
      if (row.line !== bytes.lines[i]) {
        differ += 1;
        first ??= `${f}: row ${i} on line ${row.line} against ${bytes.lines[i]}`;
      }
      bytes.header.forEach((column, c) => {
        count += 1;
        const mine = bytes.texts[c]!.text[bytes.columns[c]![i]!];
        if (mine !== (row.fields[column] ?? '')) {
          differ += 1;
          first ??= `${f}:${row.line} ${column}: "${row.fields[column]}" against "${mine}"`;
        }
      });
    });
  }
  return { cells: count, differ, ...(first === undefined ? {} : { first }) };
}

const children = Number(arg('--children', '500000'));
const runs = Number(arg('--runs', '3'));
const seed = arg('--seed', 'bench');
const one = arg('--reader', '');

if (one !== '') {
  // A child process: one reader, once; seconds, rows and peak memory on one line.
  const files = returnFiles(arg('--dir', ''));
  const t0 = performance.now();
  const { rows, held } = await readAll(one, files);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ seconds, rows, tables: held.length, peakMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = returnOnDisk(children, seed, 2018);
  const files = returnFiles(dir);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`903 readers on ${files.length} files (${fmt(bytes / 1_048_576, 1)} MB, ${children.toLocaleString('en-GB')} children over five years)`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => fmt(l, 2)).join(', ')} at the start; Node ${process.version}`);
  const check = await compareReaders(files);
  console.log(`check: the byte reader and the engine's read ${check.differ === 0 ? 'the same' : `${check.differ} different`} cells of ${check.cells.toLocaleString('en-GB')}${check.first ? ` (first: ${check.first})` : ''}`);
  const readers = ['engine', 'strings', 'bytes'] as const;
  const times = new Map<string, { seconds: number; peakMb: number; rows: number }[]>(readers.map((r) => [r, []]));
  for (let i = 0; i < runs; i++) {
    for (const reader of readers) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--reader', reader, '--dir', dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`the ${reader} reader failed: ${r.stderr.slice(-2000)}`);
      times.get(reader)!.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; peakMb: number; rows: number });
    }
    console.log(`  round ${i + 1}/${runs}: ${readers.map((r) => `${r} ${fmt(times.get(r)![i]!.seconds)} s`).join(', ')}`);
  }
  console.log(`load average ${os.loadavg().map((l) => fmt(l, 2)).join(', ')} at the end`);
  const engine = times.get('engine')!;
  for (const reader of readers) {
    const t = times.get(reader)!;
    const ratio = reader === 'engine' ? '' : `; the engine's reader takes ${spread(engine.map((e, i) => e.seconds / t[i]!.seconds), 1, '×')} as long`;
    console.log(`${reader.padEnd(8)} ${spread(t.map((x) => x.seconds), 2, ' s')}, ${fmt(t[0]!.rows / median(t.map((x) => x.seconds)) / 1e6, 2)} million rows/s, peak ${spread(t.map((x) => x.peakMb), 0, ' MB')}${ratio}`);
  }
}
