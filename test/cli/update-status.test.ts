// parentis update add with --status: the update and the status it reports recorded as one change,
// and an update date outside the rule refused with nothing stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { copyOf, demoStore, disposeStores, fails, ok, okJson, oneLine, type Store } from './run.ts';

const KEY = 'sufficiency-2016-19:4';

interface Detail {
  key: string;
  status: string | null;
  version: number;
  updates: { date: string; body: string }[];
  statuses: { status: string; asAt: string; reason: string; approvedBy: string | null }[];
}

let demo: Store;
before(async () => {
  demo = await demoStore();
});
after(disposeStores);

test('add update with a status records both as one change as at the update date', async () => {
  const store = await copyOf(demo);
  const before = await okJson<Detail>(store, ['action', 'show', KEY, '--format', 'json']);
  const body = 'The Penrose hub opened on 23 April.';
  const said = await ok(store, ['update', 'add', KEY, '--text', body, '--date', '2018-05-01', '--status', 'G', '--reason', 'Hub open on time']);
  assert.match(said, new RegExp(`^Added an update to ${KEY} and recorded Green as at its date \\(now version ${before.version + 1}\\)`));
  const now = await okJson<Detail>(store, ['action', 'show', KEY, '--format', 'json']);
  assert.equal(now.version, before.version + 1);
  assert.equal(now.updates.filter((u) => u.body === body).length, 1);
  const recorded = now.statuses.find((s) => s.reason === 'Hub open on time');
  assert.deepEqual([recorded?.status, recorded?.asAt], ['G', '2018-05-01']);
});

test('add update dated 2099-12-31 fails naming the date and stores nothing', async () => {
  const store = await copyOf(demo);
  const before = await okJson<Detail>(store, ['action', 'show', KEY, '--format', 'json']);
  const r = await fails(store, ['update', 'add', KEY, '--text', 'From the future.', '--date', '2099-12-31']);
  assert.match(oneLine(r), /The date of the update must be today or in the past/);
  const now = await okJson<Detail>(store, ['action', 'show', KEY, '--format', 'json']);
  assert.equal(now.version, before.version);
  assert.equal(now.updates.length, before.updates.length);
});
