// Acronyms on a page: each marked as <abbr>, and its first use on the page followed by what it stands for; counts as people read them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markAbbreviations, numberText, plural } from './view.ts';

const terms = [
  { term: 'CLA', expansion: 'children looked after' },
  { term: 'IRO', expansion: 'independent reviewing officer' },
];

test('mark abbreviations expands the first use on a page and only marks the later ones', () => {
  const explained = new Set<string>();
  assert.equal(
    String(markAbbreviations('CLA reviews: every CLA has one', terms, explained)),
    '<abbr title="children looked after">CLA</abbr> (children looked after) reviews: every <abbr title="children looked after">CLA</abbr> has one',
  );
  // A later piece of text on the same page: CLA is already explained, IRO is not.
  assert.equal(
    String(markAbbreviations('CLA & IROs', terms, explained)),
    '<abbr title="children looked after">CLA</abbr> &amp; <abbr title="independent reviewing officer">IRO</abbr>s (independent reviewing officer)',
  );
});

test('mark abbreviations leaves an acronym the text already explains as it is', () => {
  assert.equal(
    String(markAbbreviations('Children looked after (CLA) reviews', terms, new Set())),
    'Children looked after (<abbr title="children looked after">CLA</abbr>) reviews',
  );
  assert.equal(String(markAbbreviations('IRO (the chair) visits', terms, new Set())), '<abbr title="independent reviewing officer">IRO</abbr> (the chair) visits');
});

test('mark abbreviations without a page only marks acronyms and escapes the text', () => {
  assert.equal(String(markAbbreviations('<b>CLA</b>', terms)), '&lt;b&gt;<abbr title="children looked after">CLA</abbr>&lt;/b&gt;');
});

test('counts are written with their thousands separated, in the plural where more than one', () => {
  assert.equal(numberText(28643), '28,643');
  assert.equal(plural(1250, 'row'), '1,250 rows');
  assert.equal(plural(1, 'row'), '1 row');
  assert.equal(numberText('12'), '12');
});
