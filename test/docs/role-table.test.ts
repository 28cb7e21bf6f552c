// The README's "who may do what" table is the capability matrix, written out: this keeps the two the same.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { capabilityTable } from '../../src/domain/capabilities.ts';

const README = new URL('../../README.md', import.meta.url);
const START = '<!-- role-table: made from src/domain/capabilities.ts; test/docs/role-table.test.ts checks it -->';
const END = '<!-- role-table end -->';

test('readme role table matches the capability matrix', () => {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  assert.ok(start >= 0 && end > start, `README.md needs the role table between "${START}" and "${END}"`);
  const table = text.slice(start + START.length, end).trim();
  assert.equal(table, capabilityTable(), `README.md's role table is out of date; put this between the markers:\n${capabilityTable()}`);
});
