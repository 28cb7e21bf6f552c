// The one reader of written text: paragraphs, bullet lists and Windows line ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textBlocks } from './text-blocks.ts';

test('textBlocks splits paragraphs at blank lines and joins their lines', () => {
  assert.deepEqual(textBlocks('First line\nsame paragraph\n\nSecond'), [
    { kind: 'paragraph', text: 'First line same paragraph' },
    { kind: 'paragraph', text: 'Second' },
  ]);
});

test('textBlocks reads dash, star and bullet lines as one list after its paragraph', () => {
  assert.deepEqual(textBlocks('We did:\n- one\n* two\n• three\nThen more'), [
    { kind: 'paragraph', text: 'We did:' },
    { kind: 'list', items: ['one', 'two', 'three'] },
    { kind: 'paragraph', text: 'Then more' },
  ]);
});

test('textBlocks treats Windows line ends as blank-line paragraph breaks', () => {
  assert.deepEqual(textBlocks('One\r\n\r\nTwo'), [
    { kind: 'paragraph', text: 'One' },
    { kind: 'paragraph', text: 'Two' },
  ]);
});

test('textBlocks gives nothing for empty text', () => {
  assert.deepEqual(textBlocks('  \n\n '), []);
});
