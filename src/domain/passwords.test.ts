// The rule for new passwords: common, breached and personal passwords are refused with the reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNewPassword } from './passwords.ts';

const person = { name: 'Siobhan Fairweather', email: 'siobhan.fairweather@westmere.example' };

test('check new password refuses password12 as a common password', () => {
  assert.match(checkNewPassword('password12', person) ?? '', /^The password is one of the most common or leaked passwords/);
});

test('check new password refuses 1234567890 as a common password', () => {
  assert.match(checkNewPassword('1234567890', person) ?? '', /^The password is one of the most common or leaked passwords/);
});

test('check new password refuses the demonstration password', () => {
  assert.match(checkNewPassword('westmere-demo') ?? '', /^The password (is too easy to guess|is one of the most common)/);
});

test('check new password refuses a password built on the person’s own name', () => {
  assert.match(checkNewPassword('Fairweather!2024', person) ?? '', /^The password must not contain the person’s name or e-mail address/);
});

test('check new password refuses a password built on the person’s e-mail domain', () => {
  assert.match(checkNewPassword('westmere-Kx9!pq', person) ?? '', /must not contain the person’s name or e-mail address/);
});

test('check new password refuses a keyboard run with a digit', () => {
  assert.notEqual(checkNewPassword('qwertyuiop1', person), null);
});

test('check new password refuses one shorter than ten characters', () => {
  assert.equal(checkNewPassword('Kx9!pq', person), 'The password must be at least 10 characters long');
});

test('check new password accepts unrelated words', () => {
  assert.equal(checkNewPassword('tulip-anvil-harbour-97', person), null);
});
