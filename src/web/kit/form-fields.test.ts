// The GOV.UK date input check: each way a date can be wrong names the box at fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { checkDate, fieldOrder } from './form-fields.ts';

const schema = (required: boolean) =>
  z.record(z.string(), z.string()).transform((v, ctx) => checkDate(v, 'due', 'the deadline', ctx, { required }));
const issue = (values: Record<string, string>, required = true) => {
  const r = schema(required).safeParse(values);
  return r.success ? { ok: r.data } : { path: String(r.error.issues[0]!.path[0]), message: r.error.issues[0]!.message };
};

test('check date with all three boxes gives the ISO date', () => {
  assert.deepEqual(issue({ 'due-day': '7', 'due-month': '3', 'due-year': '2019' }), { ok: '2019-03-07' });
});

test('check date left empty is fine only when optional', () => {
  assert.deepEqual(issue({}, false), { ok: undefined });
  assert.deepEqual(issue({}, true), { path: 'due-day', message: 'Enter the deadline' });
});

test('check date missing a month names the month box', () => {
  assert.deepEqual(issue({ 'due-day': '7', 'due-year': '2019' }), { path: 'due-month', message: 'The deadline must include a month' });
});

test('check date that does not exist names the day box', () => {
  assert.deepEqual(issue({ 'due-day': '29', 'due-month': '2', 'due-year': '2019' }), { path: 'due-day', message: 'The deadline must be a real date, for example 31 3 2019' });
});

test('check date with a two-digit year names the year box', () => {
  assert.deepEqual(issue({ 'due-day': '1', 'due-month': '2', 'due-year': '19' }), { path: 'due-year', message: 'The deadline must be a real date, for example 31 3 2019' });
});

test('field order of a refined and transformed form is its object order', () => {
  const form = z
    .object({ b: z.string(), a: z.string() })
    .superRefine(() => undefined)
    .transform((v) => v);
  assert.deepEqual(fieldOrder(form), ['b', 'a']);
});
