// Gathers input files for the import commands: files as named, and directories walked recursively.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ValidationError } from '../domain/errors.ts';
import { unpackedBytes } from '../domain/zip-size.ts';

/** Every file under the paths whose name ends in one of the extensions; a file named directly is taken whatever its extension. */
export function gatherFiles(paths: string[], extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (extensions.some((x) => e.name.toLowerCase().endsWith(x))) out.push(p);
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new ValidationError(`${p}: no such file or directory`, 'file');
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  if (out.length === 0) throw new ValidationError(`${paths.join(', ')}: no ${extensions.join(' or ')} files found`, 'file');
  return out;
}

/** A file's text (UTF-8, BOM kept for the reader to drop), with a clear message when it cannot be read. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ValidationError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'file');
  }
}

/** Refuses a file larger than `max` bytes before any of it is read, naming it and both sizes. */
export function checkSize(file: string, max: number): void {
  const size = fs.statSync(file).size;
  if (size > max) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
    throw new ValidationError(`${file}: ${mb(size)} is more than the ${mb(max)} a file may be here: check it is the right file`, 'file');
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new ValidationError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'file');
  }
}

/**
 * The name shown in messages and kept with the data: the path from the directory given, including
 * that directory's own name ("2018/episodes.csv" for a directory 2018), since the 903 reader takes
 * the collection year from it; a file named directly keeps its folder's name and its own.
 */
export function displayName(file: string, roots: string[]): string {
  for (const r of roots) {
    const stat = fs.statSync(r, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const rel = path.relative(path.dirname(path.resolve(r)), path.resolve(file));
      if (!rel.startsWith('..') && rel.includes(path.sep)) return rel.split(path.sep).join('/');
    }
  }
  const parent = path.basename(path.dirname(path.resolve(file)));
  return parent === '' ? path.basename(file) : `${parent}/${path.basename(file)}`;
}

const MB = 1024 * 1024;

/**
 * The largest files the imports read. Each is far above any real file of its kind (a plan exported
 * whole is under 1 MB; a year of an authority's measure values a few hundred rows; DfE's national
 * tables tens of megabytes), and keeps a mistaken or hostile file from taking gigabytes of memory.
 */
export const FILE_LIMITS = {
  planJson: 20 * MB,
  measureValues: 10 * MB,
  /** A DfE table is read as a stream, row by row, keeping only the places compared. */
  dfeTable: 200 * MB,
  /** The population estimates and neighbour groupings are read whole: the published files are well under 1 MB. */
  referenceFile: 20 * MB,
  /** What a workbook (.xlsx, .ods) may inflate to, by its own zip directory, before it is opened. */
  workbookInflated: 200 * MB,
} as const;

const inMb = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** Refuses a file larger than `maxBytes`, before reading any of it (a missing file is left for the reader to report). */
export function checkFileSize(file: string, maxBytes: number): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat !== undefined && stat.size > maxBytes) {
    throw new ValidationError(`${file}: the file is ${inMb(stat.size)}, more than the ${inMb(maxBytes)} this import takes: nothing was imported`, 'file');
  }
}

/** readText, refusing a file larger than `maxBytes` before reading it. */
export function readTextWithin(file: string, maxBytes: number): string {
  checkFileSize(file, maxBytes);
  return readText(file);
}

/** A file's bytes as a stream of chunks, refusing a file larger than `maxBytes` before reading it; a read error names the file. */
export async function* streamWithin(file: string, maxBytes: number): AsyncGenerator<Uint8Array> {
  checkFileSize(file, maxBytes);
  try {
    for await (const chunk of fs.createReadStream(file)) yield chunk as Buffer;
  } catch (err) {
    throw new ValidationError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'file');
  }
}

/** readBytes, refusing a file larger than `maxBytes` before reading it. */
export function readBytesWithin(file: string, maxBytes: number): Uint8Array {
  checkFileSize(file, maxBytes);
  return readBytes(file);
}

/**
 * readBytes, refusing a file larger than `maxBytes`, and a zip-based workbook (.xlsx, .ods) whose
 * entries would inflate to more than FILE_LIMITS.workbookInflated, read from its zip directory
 * before anything is inflated.
 */
export async function readWorkbookWithin(file: string, maxBytes: number, maxInflated: number = FILE_LIMITS.workbookInflated): Promise<Uint8Array> {
  const data = readBytesWithin(file, maxBytes);
  let zip: JSZip;
  try {
    // Reads the central directory only: entries are inflated when asked for, which this never does.
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (err) {
    throw new ValidationError(`${file}: not a readable workbook (${(err as Error).message})`, 'file');
  }
  const inflated = unpackedBytes(zip);
  if (inflated > maxInflated) {
    throw new ValidationError(
      `${file}: the workbook unpacks to ${inMb(inflated)}, more than the ${inMb(maxInflated)} this import takes: nothing was imported`,
      'file',
    );
  }
  return data;
}
