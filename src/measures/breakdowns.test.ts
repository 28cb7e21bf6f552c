// A breakdown's categories read in the order a board expects, not the order they were stored in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCategories } from './breakdowns.ts';

test('age bands run youngest first, with "Not known" last', () => {
  const stored = ['0 to 4', '10 to 15', '16 to 17', '18 and over', '5 to 9', 'Not known'];
  assert.deepEqual([...stored].sort(compareCategories), ['0 to 4', '5 to 9', '10 to 15', '16 to 17', '18 and over', 'Not known']);
  assert.deepEqual(['1 to 4', 'Under 1', '5 to 9'].sort(compareCategories), ['Under 1', '1 to 4', '5 to 9']);
});

test('named categories run A to Z, with "Not known" last', () => {
  assert.deepEqual(['Not known', 'Male', 'Female'].sort(compareCategories), ['Female', 'Male', 'Not known']);
  assert.deepEqual(['Not UASC', 'UASC'].sort(compareCategories), ['Not UASC', 'UASC']);
});
