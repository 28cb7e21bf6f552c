// Reading 903 dates in the forms the tables write them, and postcodes as the history compares them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromIso, dayFromUk } from './days.ts';
import { normalisePostcode } from './history.ts';

test('a dd/mm/yyyy date reads as the same day as its ISO form, short day and month numbers too', () => {
  assert.equal(dayFromUk('01/04/2023'), dayFromIso('2023-04-01'));
  assert.equal(dayFromUk('1/4/2023'), dayFromIso('2023-04-01'));
  assert.equal(dayFromUk('31/12/1969'), -1);
  assert.equal(dayFromUk('01/01/1970'), 0);
  assert.equal(dayFromUk('29/02/2024'), dayFromIso('2024-02-29'));
  assert.equal(dayFromUk('01/03/2024')! - dayFromUk('28/02/2024')!, 2);
});

test('a text that is not a real dd/mm/yyyy date reads as no day', () => {
  for (const text of ['29/02/2023', '31/04/2023', '00/01/2023', '01/13/2023', '01/04/ 023', 'ab/cd/efgh', '2023-04-01', '01-04-2023', '', '1/4/23']) {
    assert.equal(dayFromUk(text), null, text);
  }
});

test('a postcode loses its spaces, and any other white space only when it has a space', () => {
  assert.equal(normalisePostcode('AB1 2CD'), 'AB12CD');
  assert.equal(normalisePostcode('AB12CD'), 'AB12CD');
  assert.equal(normalisePostcode(' AB1  2CD '), 'AB12CD');
  assert.equal(normalisePostcode('AB1 2\u00a0CD'), 'AB12CD');
  assert.equal(normalisePostcode('AB1\t2CD'), 'AB1\t2CD');
  assert.equal(normalisePostcode('AB1\t 2CD'), 'AB12CD');
  assert.equal(normalisePostcode(''), '');
});
