// `parentis init` on a new store: sets up a real authority with its first administrator
// (password from --password or PARENTIS_PASSWORD), refuses bad input and a second set-up with one line
// and no change, and a database set up this way never takes the demonstration.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { disposeStores, fails, freshStore, ok, okJson, oneLine, type Store } from './run.ts';

let store: Store;

before(async () => {
  store = await freshStore();
});
after(disposeStores);

const withEnv = (extra: Record<string, string>): Store => ({ ...store, env: { ...store.env, ...extra } });
const init = (...extra: string[]): string[] => ['init', '--authority', 'Westmere County Council', '--la-code', '908', '--admin-email', 'Demelza.Rowse@westmere.gov.example', ...extra];

test('init with a 4-digit LA code fails with one line naming --la-code and sets nothing up', async () => {
  const r = await fails(store, ['init', '--authority', 'Westmere County Council', '--la-code', '9080', '--admin-email', 'a@westmere.gov.example', '--password', 'a long enough password']);
  assert.match(oneLine(r), /^parentis: --la-code: Enter the authority’s DfE LA code: 3 digits, like 908: nothing was changed$/);
  assert.match(oneLine(await fails(store, ['plans'])), /holds no authority yet\. Run "parentis init"/);
});

test('init with a short password fails with one line naming --password and sets nothing up', async () => {
  const r = await fails(store, [...init(), '--password', 'short']);
  assert.match(oneLine(r), /^parentis: --password: A password must be at least 10 characters long/);
  assert.match(oneLine(await fails(store, ['plans'])), /holds no authority yet/);
});

test('init without a password and nobody to type it fails with one line saying how to give one', async () => {
  assert.match(oneLine(await fails(store, init())), /^parentis: give a password with --password, set PARENTIS_PASSWORD, or run the command in a terminal to type it$/);
});

test('init sets up the authority with its administrator, who is the only account', async () => {
  const out = await ok(withEnv({ PARENTIS_PASSWORD: 'a long enough password' }), [...init(), '--admin-name', 'Demelza Rowse']);
  assert.match(out, /^Set up Westmere County Council \(LA code 908, short name Westmere\) with its administrator Demelza Rowse <demelza\.rowse@westmere\.gov\.example>\.\n/);
  const users = await okJson<{ email: string; name: string; role: string }[]>(store, ['user', 'list', '--format', 'json']);
  assert.deepEqual(users.map((u) => [u.email, u.name, u.role]), [['demelza.rowse@westmere.gov.example', 'Demelza Rowse', 'admin']]);
  const audit = await okJson<{ event: string }[]>(store, ['audit', '--format', 'json']);
  assert.deepEqual(audit.map((e) => e.event).sort(), ['organisation.created', 'user.added']);
});

test('init again on a set-up database fails with one line and changes nothing', async () => {
  const before = await ok(store, ['user', 'list', '--format', 'json']);
  const r = await fails(store, ['init', '--authority', 'Another Council', '--la-code', '999', '--admin-email', 'x@another.example', '--password', 'a long enough password']);
  assert.equal(oneLine(r), 'parentis: this database is set up already (it holds an authority): nothing was changed. Use a new DATA_DIR or database to set up another.');
  assert.equal(await ok(store, ['user', 'list', '--format', 'json']), before);
});

test('demo on a database set up by init is refused and adds no demonstration account', async () => {
  const r = await fails(withEnv({ PARENTIS_DEMO: 'on' }), ['demo']);
  assert.match(oneLine(r), /^parentis: This database is set up for a real authority: the demonstration is never loaded into it\./);
  const users = await okJson<{ email: string }[]>(store, ['user', 'list', '--format', 'json']);
  assert.deepEqual(users.map((u) => u.email), ['demelza.rowse@westmere.gov.example']);
});
