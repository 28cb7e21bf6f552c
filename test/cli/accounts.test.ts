// `parentis user` and `parentis token` on the demonstration authority: adding accounts
// (password from the environment when nobody can type it), listing them, and API tokens shown once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoStore, disposeStores, fails, ok, oneLine, type Store } from './run.ts';

let store: Store;

before(async () => {
  store = await demoStore();
});
after(disposeStores);

const withEnv = (extra: Record<string, string>): Store => ({ ...store, env: { ...store.env, ...extra } });

test('user list shows the demonstration accounts, one per role', async () => {
  const rows = JSON.parse(await ok(store, ['user', 'list', '--format', 'json'])) as { email: string; role: string; localPassword: boolean }[];
  assert.deepEqual(rows.map((r) => r.role).sort(), ['admin', 'analyst', 'lead', 'manager', 'owner', 'viewer']);
  assert.ok(rows.every((r) => r.localPassword));
});

test('user add takes the password from PARENTIS_PASSWORD when not run in a terminal', async () => {
  const out = await ok(withEnv({ PARENTIS_PASSWORD: 'a long enough password' }), ['user', 'add', '--email', 'Siobhan.Fairweather@Westmere.example', '--name', 'Siobhan Fairweather', '--role', 'owner']);
  assert.equal(out, 'Added Siobhan Fairweather <siobhan.fairweather@westmere.example> as Action owner (owner).\n');
  assert.match(await ok(store, ['user', 'list']), /siobhan\.fairweather@westmere\.example/);
});

test('user add without any password, or with a bad role or a taken e-mail, fails with one line and adds nobody', async () => {
  const before = await ok(store, ['user', 'list', '--format', 'json']);
  assert.match(oneLine(await fails(store, ['user', 'add', '--email', 'a@westmere.example', '--name', 'A', '--role', 'viewer'])), /^parentis: give a password with --password, set PARENTIS_PASSWORD/);
  assert.match(oneLine(await fails(store, ['user', 'add', '--email', 'b@westmere.example', '--name', 'B', '--role', 'boss', '--password', 'long enough pw'])), /choose one of admin, manager, lead, owner, analyst, viewer/);
  assert.match(oneLine(await fails(store, ['user', 'add', '--email', 'ADMIN@westmere.example', '--name', 'C', '--role', 'viewer', '--password', 'long enough pw'])), /^parentis: There is already an account for admin@westmere\.example/);
  assert.match(oneLine(await fails(store, ['user', 'add', '--email', 'd@westmere.example', '--name', 'D', '--role', 'viewer', '--password', 'short'])), /^parentis: password: A password must be at least 10 characters long/);
  assert.equal(await ok(store, ['user', 'list', '--format', 'json']), before);
});

test('token create prints the token once; list never shows it; revoke marks it revoked', async () => {
  const token = (await ok(store, ['token', 'create', '--user', 'analyst@westmere.example', '--name', 'Power BI'])).trim();
  assert.match(token, /^parentis_[\w-]{43}$/);
  const listed = await ok(store, ['token', 'list', '--format', 'json']);
  assert.ok(!listed.includes(token), 'the token itself is never listed');
  const rows = JSON.parse(listed) as { id: number; user: string; name: string; revokedAt: string | null }[];
  const row = rows.find((r) => r.name === 'Power BI');
  assert.ok(row);
  assert.equal(row.user, 'analyst@westmere.example');
  assert.equal(row.revokedAt, null);
  assert.match(await ok(store, ['token', 'revoke', String(row.id)]), new RegExp(`^Token ${row.id} \\(Power BI, for analyst@westmere\\.example\\) is revoked\\.`));
  const again = JSON.parse(await ok(store, ['token', 'list', '--format', 'json'])) as { id: number; revokedAt: string | null }[];
  assert.notEqual(again.find((r) => r.id === row.id)?.revokedAt, null);
  assert.match(oneLine(await fails(store, ['token', 'create', '--user', 'nobody@westmere.example'])), /^parentis: There is no account for nobody@westmere\.example/);
});

test('user role, disable, enable and password-link change one account each, and the last administrator is kept', async () => {
  assert.equal(await ok(store, ['user', 'role', 'viewer@westmere.example', 'analyst']), 'Cllr Patricia Vosper <viewer@westmere.example> is now Performance analyst (analyst).\n');
  assert.equal(await ok(store, ['user', 'disable', 'viewer@westmere.example']), 'Cllr Patricia Vosper <viewer@westmere.example> is disabled.\n');
  assert.equal(await ok(store, ['user', 'enable', 'viewer@westmere.example']), 'Cllr Patricia Vosper <viewer@westmere.example> is enabled.\n');
  assert.match(await ok(store, ['user', 'password-link', 'viewer@westmere.example', '--base-url', 'https://parentis.westmere.example']), /^https:\/\/parentis\.westmere\.example\/set-password\/[\w-]{43}\n$/);
  assert.match(oneLine(await fails(store, ['user', 'disable', 'admin@westmere.example'])), /^parentis: You cannot disable Demelza Rowse: they are the only administrator/);
});
