// The short name an authority is known by on the command line, from its full name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortNameOf } from './authority-name.ts';

test('short name of a county council drops "County Council"', () => {
  assert.equal(shortNameOf('Westmere County Council'), 'Westmere');
  assert.equal(shortNameOf('Leeds City Council'), 'Leeds');
  assert.equal(shortNameOf('Wigan Metropolitan Borough Council'), 'Wigan');
});

test('short name of a London borough drops "London Borough of"', () => {
  assert.equal(shortNameOf('London Borough of Camden'), 'Camden');
  assert.equal(shortNameOf('Royal Borough of Greenwich Council'), 'Greenwich');
});

test('short name of a name without the usual words keeps the name', () => {
  assert.equal(shortNameOf('  Isles  of Scilly '), 'Isles of Scilly');
  assert.equal(shortNameOf('Council'), 'Council');
});
