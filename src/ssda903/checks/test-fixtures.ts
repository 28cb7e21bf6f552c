// Test builders for the validator rules: the rows a rule flags, as "year/file:row" a person can find.
import type { InputFile } from '../parse.ts';
import { history } from '../test-fixtures.ts';
import { runRules } from './registry.ts';

/** The rows rule `code` flags in these files, as "2025/episodes.csv:3" (the header is row 1). */
export function flagged(code: string, ...inputs: InputFile[][]): string[] {
  return runRules(history(...inputs))
    .filter((i) => i.check === code)
    .map((i) => `${i.file.replace(/^903\//, '')}:${i.line}`);
}

/** The messages rule `code` gives on these files. */
export function messages(code: string, ...inputs: InputFile[][]): string[] {
  return runRules(history(...inputs))
    .filter((i) => i.check === code)
    .map((i) => i.message);
}
