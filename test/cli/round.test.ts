// parentis round open|status|remind on the demonstration: a round asks owners once, the chase list
// reads as JSON, and remind sends what is due into the outbox when no e-mail service is set up. The
// demonstration's own rounds run from 2017/18 Q2, so these open the quarter before them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoStore, disposeStores, fails, ok, okJson, oneLine, type Store } from './run.ts';

interface Row {
  owner: string;
  actionKey: string;
  state: string;
  lastReminded: string | null;
}

let store: Store;
before(async () => {
  store = await demoStore();
});
after(disposeStores);

test('round open, status and remind ask each owner once and send the requests to the outbox', async () => {
  const opened = await ok(store, ['round', 'open', '2017/18 Q1', '--plan', 'sufficiency-2016-19', '--due', '2017-07-20']);
  const m = /^Opened 2017\/18 Q1 \(April to June 2017\), updates due by 2017-07-20 \(round (\d+)\)\.\nAsked (\d+) new update\(s\) from (\d+) owner\(s\)/.exec(opened);
  assert.ok(m, opened);
  const asked = Number(m[2]);
  assert.ok(asked > 0);
  const again = await ok(store, ['round', 'open', '2017/18 q1', '--plan', 'sufficiency-2016-19']);
  assert.match(again, /^Already open: 2017\/18 Q1 .*\nAsked 0 new update\(s\) from \d+ owner\(s\); \d+ already asked\./);
  const rows = await okJson<Row[]>(store, ['round', 'status', '2017/18 Q1', '--format', 'json']);
  assert.equal(rows.length, asked);
  assert.equal(rows.every((r) => r.lastReminded === null), true);
  const sent = await ok(store, ['round', 'remind']);
  assert.match(sent, new RegExp(`^Sent ${m[3]} message\\(s\\) by outbox; 0 failed, 0 bounced, 0 to try again, 0 no longer needed\\.`));
  const after = await okJson<Row[]>(store, ['round', 'status', m[1]!, '--format', 'json']);
  assert.equal(after.every((r) => r.lastReminded !== null), true);
  assert.match(await ok(store, ['round', 'remind']), /^Sent 0 message\(s\)/);
});

test('round open with a period that is not one fails naming how to write it', async () => {
  const r = await fails(store, ['round', 'open', '2018 Q4', '--plan', 'sufficiency-2016-19']);
  assert.equal(oneLine(r), 'parentis: "2018 Q4" is not a reporting period: write the financial year and the quarter or month, like 2026/27 Q3 or 2026/27 M7');
});
