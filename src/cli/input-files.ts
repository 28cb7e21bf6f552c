// Gathers input files for the import commands: files as named, and directories walked recursively.
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../domain/errors.ts';

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
