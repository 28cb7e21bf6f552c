// The one mapping from bad input to form errors: zod issues and a service's ValidationError alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.ts';
import { doneMessage, donePartly } from './done.ts';
import { errorsFromValidation, readForm } from './forms.ts';

const FIELDS = { owners: 'ownerName1', 'status.asAt': 'statusAsAt-day', title: 'title' };

test('errorsFromValidation puts a service error against the form field its name maps to', () => {
  assert.deepEqual(errorsFromValidation(new ValidationError('Give at least one owner', 'owners'), FIELDS, 'title'), [
    { field: 'ownerName1', href: '#ownerName1', text: 'Give at least one owner' },
  ]);
});

test('errorsFromValidation maps a nested name through its first part and drops the name in front of the message', () => {
  const fields = { status: 'status' };
  assert.deepEqual(errorsFromValidation(new ValidationError('status.reason: Give a reason', 'status.reason'), fields, 'title'), [
    { field: 'status', href: '#status', text: 'Give a reason' },
  ]);
});

test('errorsFromValidation puts an error for a field the form lacks against the fallback', () => {
  assert.deepEqual(errorsFromValidation(new ValidationError('Give both or neither', 'subject'), ['name', 'email'], 'name'), [
    { field: 'name', href: '#name', text: 'Give both or neither' },
  ]);
});

test('readForm gives the first problem with each field and leaves the CSRF token out of the values', () => {
  const schema = z.object({ title: z.string().min(1, 'Enter a title').max(3, 'Too long'), kind: z.enum(['a', 'b'], { message: 'Choose a kind' }) });
  const r = readForm(schema, { _csrf: 'x', title: '', kind: 'c' });
  assert.deepEqual(r, {
    ok: false,
    values: { title: '', kind: 'c' },
    errors: [
      { field: 'title', href: '#title', text: 'Enter a title' },
      { field: 'kind', href: '#kind', text: 'Choose a kind' },
    ],
  });
});

test('doneMessage gives the banner for a known key and nothing for an unknown or inherited one', () => {
  assert.equal(doneMessage({ done: 'node-added' }), 'The part of the plan has been added');
  assert.equal(doneMessage({ done: ['token-revoked', 'x'] }), 'The token has been revoked. It no longer works.');
  assert.equal(doneMessage({ done: 'toString' }), null);
  assert.equal(doneMessage(undefined), null);
});

test('donePartly marks only the messages of something done in part', () => {
  assert.equal(donePartly({ done: 'reminders-not-all-sent' }), true);
  assert.equal(donePartly({ done: ['link-not-sent', 'link-sent'] }), true);
  assert.equal(donePartly({ done: 'reminders-sent' }), false);
  assert.equal(donePartly({ done: 'toString' }), false);
  assert.equal(donePartly(undefined), false);
});
