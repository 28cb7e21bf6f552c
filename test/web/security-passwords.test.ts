// New accounts get passwords nobody could guess: the add-person page and the service behind the command line refuse weak ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

test('post a new person with the password password12 shows why against the password field and adds nobody', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/users/new', { name: 'Nia Newcomer', email: 'nia.newcomer@testshire.example', role: 'owner', password: 'password12' }, admin);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#password">The password is one of the most common or leaked passwords/);
  assert.match(r.body, /<p id="password-error" class="govuk-error-message">/);
  assert.deepEqual(await web.db.counts(), before);
});

test('post a new person with a password made of their own name shows why and adds nobody', async () => {
  const admin = await web.signIn('admin');
  const before = await web.db.counts();
  const r = await web.post('/users/new', { name: 'Nia Newcomer', email: 'nia.newcomer@testshire.example', role: 'owner', password: 'NiaNewcomer2026' }, admin);
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#password">The password must not contain the person’s name or e-mail address/);
  assert.deepEqual(await web.db.counts(), before);
});

test('add user with the password 1234567890 is refused naming the password field', async () => {
  const ctx = web.db.services.accounts.contextFor(web.users.admin);
  await assert.rejects(
    web.db.services.accounts.addUser(ctx, { name: 'Nia Newcomer', email: 'nia@testshire.example', role: 'viewer', password: '1234567890' }),
    (err: unknown) => err instanceof ValidationError && err.field === 'password' && /^The password is one of the most common/.test(err.message),
  );
});

test('add user with the demonstration password is refused outside the demonstration load', async () => {
  const ctx = web.db.services.accounts.contextFor(web.users.admin);
  await assert.rejects(
    web.db.services.accounts.addUser(ctx, { name: 'Nia Newcomer', email: 'nia@testshire.example', role: 'viewer', password: 'westmere-demo' }),
    (err: unknown) => err instanceof ValidationError && err.field === 'password',
  );
});
