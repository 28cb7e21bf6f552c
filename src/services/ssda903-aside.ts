// A national return read by two threads at once: the tables no rule reads (Header, Reviews …) aside, the rest here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileReadAside, READ_ASIDE, type HistoryRows, type ReadAside } from '../ssda903/aside.ts';
import { rowFindings, skippedWithoutYear, type DataQualityIssue, type RowsChecked } from '../ssda903/checks.ts';
import { FIGURES_COLUMNAR, readStreamed, Ssda903FileError, tableOfCsv, type CellCache, type ParsedFile, type StreamedFile } from '../ssda903/parse.ts';
import { rowCount } from '../ssda903/rows.ts';
import { decideYears, type YearOptions } from '../ssda903/years.ts';

/**
 * A return this large (all its files together) is read by two threads; a smaller one is read here alone, where a
 * second thread's start (some 100 ms) would cost more than it saves.
 */
export const ASIDE_FROM_BYTES = 16 * 1024 * 1024;

export interface AsideRequest {
  files: { name: string; path: string }[];
}

export type AsideReply =
  | { kind: 'read'; files: ReadAside[] }
  | { kind: 'checked'; issues: DataQualityIssue[][]; headers: (HistoryRows | null)[] }
  | {
      kind: 'failed';
      /** The file (of those sent) that could not be read. */
      index: number;
      error: { name: string; message: string; file?: string | undefined; missingColumns?: string[] | undefined; unexpectedColumns?: string[] | undefined };
    };

export interface ReadForFigures {
  /** Every table in the order read alone would give, those read aside holding only the rows the history reads. */
  files: ParsedFile[];
  notes: string[];
  rowsChecked: RowsChecked;
  /** Rows in all the files. */
  rows: number;
}

/**
 * The thread, from the built JavaScript; from the TypeScript sources (tests, tsx) it first registers tsx's loader,
 * which a new thread does not inherit.
 */
function startThread(request: AsideRequest): Worker {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const url = new URL(`./ssda903-aside.worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { workerData: request });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: request });
}

/**
 * Reads the files and makes their row checks with the tables no validator rule reads (READ_ASIDE) read in another
 * thread, for the figures: the same tables, collection years, notes and row findings, in the same order, as reading
 * every file here. Null when the files are too few bytes for it, or not all on disk (the caller reads them here).
 */
export async function readForFigures(input: StreamedFile[], options: YearOptions = {}, fromBytes = ASIDE_FROM_BYTES): Promise<ReadForFigures | null> {
  let bytes = 0;
  for (const f of input) {
    if (f.path === undefined || f.bytes === undefined) return null;
    bytes += f.bytes;
  }
  if (bytes < fromBytes) return null;
  const aside = new Set<StreamedFile>();
  for (const f of input) {
    if (f.name.toLowerCase().endsWith('.xml')) continue;
    const table = await tableOfCsv(f);
    if (table !== null && READ_ASIDE.has(table)) aside.add(f);
  }
  if (aside.size === 0) return null;

  const sent = input.filter((f) => aside.has(f));
  const thread = new AsideThread({ files: sent.map((f) => ({ name: f.name, path: f.path! })) });
  try {
    // This thread's files, read while the other reads its own; the first file (in the order given) that cannot be
    // read is the one reported, whichever thread read it.
    const here = new Map<StreamedFile, { out: ParsedFile[]; declared: Map<ParsedFile, number> }>();
    const cells: CellCache = new Map();
    let failedHere: { at: number; error: unknown } | undefined;
    for (const [at, f] of input.entries()) {
      if (aside.has(f)) continue;
      try {
        here.set(f, await readStreamed([f], cells, FIGURES_COLUMNAR));
      } catch (error) {
        failedHere = { at, error };
        break;
      }
    }
    const read = await thread.next();
    if (read.kind === 'failed') {
      const at = input.indexOf(sent[read.index]!);
      if (!failedHere || at < failedHere.at) throw asError(read.error);
    }
    if (failedHere) throw failedHere.error;
    if (read.kind !== 'read') throw new Error('the thread reading 903 files aside answered out of turn');

    const files: ParsedFile[] = [];
    const declared = new Map<ParsedFile, number>();
    const votes = new Map<ParsedFile, Map<number, number>>();
    const rowsOf = new Map<ParsedFile, number>();
    const readAside: ParsedFile[] = [];
    for (const f of input) {
      const mine = here.get(f);
      if (mine) {
        for (const t of mine.out) files.push(t);
        for (const [t, year] of mine.declared) declared.set(t, year);
        continue;
      }
      const r = read.files[readAside.length]!;
      const t = fileReadAside(f.name, r);
      files.push(t);
      readAside.push(t);
      votes.set(t, r.votes);
      rowsOf.set(t, r.rows);
    }
    const { notes } = decideYears(files, declared, options, votes);
    thread.send(readAside.map((t) => t.collectionYear));

    // The row checks of this thread's files while the other makes those of its own.
    const issuesOf = new Map<ParsedFile, DataQualityIssue[]>();
    for (const t of files) if (!rowsOf.has(t)) issuesOf.set(t, rowFindings([t]));
    const checked = await thread.next();
    if (checked.kind !== 'checked') throw new Error('the thread reading 903 files aside answered out of turn');
    readAside.forEach((t, i) => {
      issuesOf.set(t, checked.issues[i]!);
      const headers = checked.headers[i];
      if (headers) t.rows = fileReadAside(t.name, { ...read.files[i]!, history: headers }).rows;
    });
    const issues: DataQualityIssue[] = [];
    for (const t of files) for (const i of issuesOf.get(t)!) issues.push(i);

    const count = (t: ParsedFile): number => rowsOf.get(t) ?? rowCount(t);
    return { files, notes, rowsChecked: { issues, skipped: skippedWithoutYear(files, count) }, rows: files.reduce((n, t) => n + count(t), 0) };
  } finally {
    await thread.end();
  }
}

function asError(e: Extract<AsideReply, { kind: 'failed' }>['error']): Error {
  if (e.name === 'Ssda903FileError') return new Ssda903FileError(e.message, e.file ?? '', e.missingColumns ?? [], e.unexpectedColumns ?? []);
  return new Error(e.message);
}

/** The other thread, answering in turn: what it read, then its row checks. */
class AsideThread {
  private readonly worker: Worker;
  private readonly replies: AsideReply[] = [];
  private waiting: { resolve: (r: AsideReply) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(request: AsideRequest) {
    this.worker = startThread(request);
    this.worker.on('message', (reply: AsideReply) => {
      if (this.waiting) {
        this.waiting.resolve(reply);
        this.waiting = undefined;
      } else this.replies.push(reply);
    });
    const fail = (e: Error): void => {
      this.failure ??= e;
      this.waiting?.reject(this.failure);
      this.waiting = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the thread reading 903 files aside stopped (exit code ${code}) before it answered`)));
  }

  next(): Promise<AsideReply> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  send(years: number[]): void {
    this.worker.postMessage(years);
  }

  async end(): Promise<void> {
    await this.worker.terminate();
  }
}
