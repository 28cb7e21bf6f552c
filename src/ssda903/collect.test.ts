// The full collection indicators straight from files ask for between their phases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectGarbage } from './collect.ts';

test('collect garbage frees what has just been let go, and can be asked for again', () => {
  const holder: { rows: { child: string; line: number }[] } = { rows: Array.from({ length: 500_000 }, (_, i) => ({ child: `C${i}`, line: i })) };
  collectGarbage();
  const held = process.memoryUsage().heapUsed;
  assert.equal(holder.rows.length, 500_000);
  holder.rows = [];
  collectGarbage();
  collectGarbage();
  const freed = held - process.memoryUsage().heapUsed;
  assert.ok(freed > 20_000_000, `only ${freed} bytes freed`);
});

test('collect garbage past a heap size does nothing while the heap is smaller', () => {
  const holder: { rows: { child: string; line: number }[] } = { rows: Array.from({ length: 200_000 }, (_, i) => ({ child: `C${i}`, line: i })) };
  collectGarbage();
  const held = process.memoryUsage().heapUsed;
  holder.rows = [];
  collectGarbage(64 * 1024 ** 3);
  assert.ok(held - process.memoryUsage().heapUsed < 5_000_000, 'nothing was collected under the threshold');
  collectGarbage(1);
  assert.ok(held - process.memoryUsage().heapUsed > 5_000_000, 'collected past the threshold');
});
