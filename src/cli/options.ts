// Parsers for command-line option values; each failure names the option.
import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { parseDateInput } from '../domain/dates.ts';

export function dateOption(value: string): string {
  try {
    return parseDateInput(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function versionOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a version is a whole number from 1, as shown by "parentis action show"');
  return n;
}

/** Text given inline, or read from a file ("-" for standard input). */
export function readText(inline: string | undefined, file: string | undefined): string | undefined {
  if (file === undefined) return inline;
  return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
}
