// parentis round close and parentis snapshot list|show on the demonstration: closing a round takes
// snapshot 1 under its name, closing it again is refused, and the snapshot reads back as text or JSON.
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

test('round close takes a numbered snapshot that snapshot list and show read back', async () => {
  await ok(store, ['round', 'open', '2017/18 Q4', '--plan', 'sufficiency-2016-19', '--due', '2018-04-20']);
  const closed = await ok(store, ['round', 'close', '2017/18 Q4', '--name', 'as reported to the Corporate Parenting Board on 14 May 2018']);
  assert.equal(closed, 'Closed 2017/18 Q4: snapshot 1, "as reported to the Corporate Parenting Board on 14 May 2018".\nRun "parentis snapshot show 1" to read it.\n');
  const again = await fails(store, ['round', 'close', '2017/18 Q4']);
  assert.equal(oneLine(again), 'parentis: The round for 2017/18 Q4 was closed already: it is snapshot 1, "as reported to the Corporate Parenting Board on 14 May 2018"');
  const list = await okJson<{ number: number; name: string; period: string }[]>(store, ['snapshot', 'list', '--format', 'json']);
  assert.deepEqual(list.map((s) => [s.number, s.name, s.period]), [[1, 'as reported to the Corporate Parenting Board on 14 May 2018', '2017/18 Q4']]);
  const shown = await okJson<Shown>(store, ['snapshot', 'show', '1', '--format', 'json']);
  assert.deepEqual(shown.content.actions.map((p) => p.slug), ['sufficiency-2016-19']);
  assert.ok(shown.content.actions[0]!.actions.length > 10);
  assert.ok(shown.content.measures.length > 0);
  const text = await ok(store, ['snapshot', 'show', '1']);
  assert.match(text, /^Snapshot 1: as reported to the Corporate Parenting Board on 14 May 2018\nPeriod 2017\/18 Q4 \(2018-01-01 to 2018-03-31\)/);
  assert.match(text, /\nActions\n {2}sufficiency-2016-19:/);
});

test('snapshot show with no such snapshot fails saying so', async () => {
  assert.equal(oneLine(await fails(store, ['snapshot', 'show', '99'])), 'parentis: There is no snapshot 99.');
});
