// The one CSV writer: text a spreadsheet would run as a formula is written inert, numbers stay numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { toCsv } from './csv.ts';

const cellsOf = (csv: string): string[] => parse(csv, { bom: true })[0]!;

test('write CSV prefixes text starting with =, +, -, @, tab or carriage return with an apostrophe', () => {
  const csv = toCsv([['=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', 'plain']]);
  assert.deepEqual(cellsOf(csv), ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+2", "'-2+3", "'@SUM(A1:A9)", "'\t=1", "'\r=1", 'plain']);
});

test('write CSV keeps negative numbers as numbers', () => {
  assert.equal(toCsv([[-3, 0, 2.5]]), '-3,0,2.5\n');
});

test('write CSV for Excel adds a byte order mark and CRLF line ends and still neutralises formulas', () => {
  const csv = toCsv([['h'], ['=1+1']], { forExcel: true });
  assert.equal(csv, "\uFEFFh\r\n'=1+1\r\n");
});
