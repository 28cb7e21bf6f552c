import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeUp, nextNumber, underRenumbered } from './numbering.ts';

test('nextNumber after dotted siblings counts on their last part', () => {
  assert.equal(nextNumber(['2.1', '2.2'], '2'), '2.3');
});

test('nextNumber after plain siblings counts on', () => {
  assert.equal(nextNumber(['1', '2', '3'], ''), '4');
});

test('nextNumber after lettered siblings takes the next letter', () => {
  assert.equal(nextNumber(['a', 'b'], '3'), 'c');
});

test('nextNumber with no siblings starts under the parent number', () => {
  assert.equal(nextNumber([], '4'), '4.1');
});

test('nextNumber with no siblings and no parent number starts at 1', () => {
  assert.equal(nextNumber([], ''), '1');
});

test('nextNumber skips numbers already taken', () => {
  assert.equal(nextNumber(['2.1'], '2', new Set(['2.2', '2.3'])), '2.4');
});

test('nextNumber with siblings in mixed styles starts under the parent', () => {
  assert.equal(nextNumber(['2.1', 'x7b'], '2', new Set(['2.1'])), '2.2');
});

test('closeUp after the middle one leaves closes the gap', () => {
  assert.deepEqual(closeUp(['1', '2', '3', '4'], 1), ['1', '2', '3']);
});

test('closeUp after the first one leaves starts where the siblings started', () => {
  assert.deepEqual(closeUp(['2.1', '2.2', '2.3'], 0), ['2.1', '2.2']);
});

test('closeUp leaves numbers with gaps of their own as they are', () => {
  assert.deepEqual(closeUp(['1', '3', '7'], 1), ['1', '7']);
});

test('closeUp leaves unnumbered siblings as they are', () => {
  assert.deepEqual(closeUp(['', '', ''], 0), ['', '']);
});

test('underRenumbered rewrites numbers under the renumbered part only', () => {
  assert.equal(underRenumbered('2.3.1', '2.3', '4.1'), '4.1.1');
  assert.equal(underRenumbered('2.30', '2.3', '4.1'), '2.30');
});
