// parentis round close and parentis snapshot list|show on the demonstration: closing a round takes
// the number after the demonstration's four snapshots under its name, closing it again is refused,
// and the snapshot reads back as text or JSON.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoStore, disposeStores, fails, ok, okJson, oneLine, type Store } from './run.ts';

let store: Store;
before(async () => {
  store = await demoStore();
});
after(disposeStores);

interface Shown {
  number: number;
  name: string;
  period: string;
  content: { actions: { slug: string; actions: { key: string; status: string | null }[] }[]; risks: unknown[]; measures: { code: string; value: string }[] };
}

test('snapshot list gives the demonstration four rounds closed a week before each board, newest first', async () => {
  const list = await okJson<{ number: number; name: string; period: string }[]>(store, ['snapshot', 'list', '--format', 'json']);
  assert.deepEqual(
    list.map((s) => [s.number, s.name, s.period]),
    [
      [4, 'as reported to the Corporate Parenting Board on 9 August 2018', '2018/19 Q1'],
      [3, 'as reported to the Corporate Parenting Board on 10 May 2018', '2017/18 Q4'],
      [2, 'as reported to the Corporate Parenting Board on 8 February 2018', '2017/18 Q3'],
      [1, 'as reported to the Corporate Parenting Board on 9 November 2017', '2017/18 Q2'],
    ],
  );
});

test('round close takes a numbered snapshot that snapshot list and show read back', async () => {
  await ok(store, ['round', 'open', '2017/18 Q1', '--plan', 'sufficiency-2016-19', '--due', '2017-07-20']);
  const closed = await ok(store, ['round', 'close', '2017/18 Q1', '--name', 'as reported to the Corporate Parenting Board on 10 August 2017']);
  assert.equal(closed, 'Closed 2017/18 Q1: snapshot 5, "as reported to the Corporate Parenting Board on 10 August 2017".\nRun "parentis snapshot show 5" to read it.\n');
  const again = await fails(store, ['round', 'close', '2017/18 Q1']);
  assert.equal(oneLine(again), 'parentis: The round for 2017/18 Q1 was closed already: it is snapshot 5, "as reported to the Corporate Parenting Board on 10 August 2017"');
  const list = await okJson<{ number: number; name: string; period: string }[]>(store, ['snapshot', 'list', '--format', 'json']);
  assert.deepEqual(list.map((s) => [s.number, s.name, s.period]).slice(0, 2), [
    [5, 'as reported to the Corporate Parenting Board on 10 August 2017', '2017/18 Q1'],
    [4, 'as reported to the Corporate Parenting Board on 9 August 2018', '2018/19 Q1'],
  ]);
  const shown = await okJson<Shown>(store, ['snapshot', 'show', '5', '--format', 'json']);
  assert.deepEqual(shown.content.actions.map((p) => p.slug), ['sufficiency-2016-19']);
  assert.ok(shown.content.actions[0]!.actions.length > 10);
  assert.ok(shown.content.measures.length > 0);
  const text = await ok(store, ['snapshot', 'show', '5']);
  assert.match(text, /^Snapshot 5: as reported to the Corporate Parenting Board on 10 August 2017\nPeriod 2017\/18 Q1 \(2017-04-01 to 2017-06-30\)/);
  assert.match(text, /\nActions\n {2}sufficiency-2016-19:/);
});

test('snapshot show with no such snapshot fails saying so', async () => {
  assert.equal(oneLine(await fails(store, ['snapshot', 'show', '99'])), 'parentis: There is no snapshot 99.');
});
