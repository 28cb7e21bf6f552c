// The episode columns of the stitched history: what goes in comes back, at the edges as well as in the middle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromUk } from './days.ts';
import { EpisodeColumns, TextTable } from './episode-columns.ts';
import { inContinuousCare } from './history.ts';
import { computeIndicators } from './indicators.ts';
import { ep, files, header, history, valueOf } from './test-fixtures.ts';

const day = (uk: string): number => dayFromUk(uk)!;

test('episode columns give back every field of a row as added, an open DEC as Infinity and no distance as null', () => {
  const store = new EpisodeColumns(1);
  const open = { decom: day('01/04/2023'), dec: Infinity, rne: 'S', ls: 'C2', place: 'U4', rec: '', plPost: 'EF34GH', homePost: 'AB12CD', urn: 'SC1', plDistance: null, plLocation: '', shortBreak: false, closedByStitch: true, period: 0, spell: 0, year: 2024 };
  const closed = { ...open, decom: day('31/03/2024'), dec: day('01/04/2024'), rne: 'P', ls: 'V3', rec: 'E4A', plDistance: 999.9, plLocation: 'OUT', shortBreak: true, closedByStitch: false, period: 1, spell: 2, year: 2025 };
  // Past the room asked for, so the columns grow and keep what they held.
  for (let i = 0; i < 5; i++) store.push(i % 2 === 0 ? open : closed);
  assert.equal(store.length, 5);
  assert.deepEqual(store.get(0), open);
  assert.deepEqual(store.get(1), closed);
  assert.deepEqual(store.get(4), open);
  assert.throws(() => store.get(5), /episode 5 is not among the 5 held/);
  assert.throws(() => store.get(-1), RangeError);
});

test('periods and spells of a child are runs of their episodes, read back with the start, end and ending of those episodes', () => {
  const ret = history(
    files(2024, {
      Header: [header('A', '01/01/2012')],
      Episodes: [
        // A period of two carers joined by X1, a short-break-only period, then a period still open.
        ep('A', '01/05/2023', 'S', 'C2', 'U1', '01/07/2023', 'X1'),
        ep('A', '01/07/2023', 'P', 'C2', 'U4', '01/09/2023', 'E11'),
        ep('A', '01/10/2023', 'S', 'V3', 'U1', '03/10/2023', 'E13'),
        ep('A', '01/12/2023', 'S', 'C2', 'U4'),
      ],
    }),
  );
  const child = ret.byId.get('A')!;
  assert.equal(child.periodCount, 3);
  assert.equal(child.spellCount, 4);
  assert.deepEqual(child.periods, [
    { start: day('01/05/2023'), end: day('01/09/2023'), endRec: 'E11', first: 0, last: 1, startsWithS: true, shortBreakOnly: false },
    { start: day('01/10/2023'), end: day('03/10/2023'), endRec: 'E13', first: 2, last: 2, startsWithS: true, shortBreakOnly: true },
    { start: day('01/12/2023'), end: Infinity, endRec: '', first: 3, last: 3, startsWithS: true, shortBreakOnly: false },
  ]);
  assert.deepEqual(
    child.spells.map((s) => [s.first, s.last, s.period]),
    [
      [0, 0, 0],
      [1, 1, 0],
      [2, 2, 1],
      [3, 3, 2],
    ],
  );
  assert.deepEqual(
    child.episodes.map((e) => [e.period, e.spell]),
    [
      [0, 0],
      [0, 1],
      [1, 2],
      [2, 3],
    ],
  );
});

test('a text table numbers the empty text 0 and each other text once, and finds none for a text never added', () => {
  const t = new TextTable();
  assert.equal(t.id(''), 0);
  const s = t.id('S');
  assert.equal(t.id('S'), s);
  assert.notEqual(t.id('X1'), s);
  assert.equal(t.find('E11'), -1);
  assert.equal(t.text[s], 'S');
});

test('an empty return has no episode rows and no figures of children', () => {
  const ret = history(files(2024, { Header: [header('A', '01/01/2012')] }));
  assert.equal(ret.episodes.length, 0);
  const a = ret.byId.get('A')!;
  assert.deepEqual([a.first, a.count, a.episodes, a.firstDay, a.lastDay], [0, 0, [], Infinity, -Infinity]);
  assert.equal(inContinuousCare(a, day('01/04/2023'), day('31/03/2024')), false);
  assert.equal(valueOf(computeIndicators(ret, ['2024-03-31']), 'cla', '2024-03-31').value, 0);
});

test('each child reads only their own run of episode rows, a child with none between two with some', () => {
  const ret = history(
    files(2024, {
      Header: [header('A', '01/01/2012'), header('B', '01/01/2013'), header('C', '01/01/2014')],
      Episodes: [ep('A', '01/05/2023', 'S', 'C2', 'U4', '01/06/2023', 'P1'), ep('A', '01/06/2023', 'P', 'C2', 'U5'), ep('C', '10/10/2023', 'S', 'C2', 'U1')],
    }),
  );
  const [a, b, c] = ['A', 'B', 'C'].map((id) => ret.byId.get(id)!);
  assert.deepEqual(
    a!.episodes.map((e) => [e.decom, e.place]),
    [
      [day('01/05/2023'), 'U4'],
      [day('01/06/2023'), 'U5'],
    ],
  );
  assert.equal(b!.count, 0);
  assert.deepEqual(b!.episodes, []);
  assert.deepEqual(
    c!.episodes.map((e) => e.place),
    ['U1'],
  );
  assert.equal(ret.episodes.length, 3);
  assert.equal(valueOf(computeIndicators(ret, ['2024-03-31']), 'cla', '2024-03-31').value, 2);
});

test('episodes either side of the year boundary keep their day numbers: ending on 31 March, starting on 1 April', () => {
  const ret = history(
    files(2024, { Header: [header('A', '01/01/2012')], Episodes: [ep('A', '01/04/2023', 'S', 'C2', 'U4', '31/03/2024', 'X1')] }),
    files(2025, { Episodes: [ep('A', '31/03/2024', 'P', 'C2', 'U5', '01/04/2024', 'E4A')] }),
  );
  const a = ret.byId.get('A')!;
  assert.deepEqual(
    a.episodes.map((e) => [e.decom, e.dec, e.rec, e.year]),
    [
      [day('01/04/2023'), day('31/03/2024'), 'X1', 2024],
      [day('31/03/2024'), day('01/04/2024'), 'E4A', 2025],
    ],
  );
  // Looked after from 1 April to 31 March without a gap: in the 12-month cohort.
  assert.equal(inContinuousCare(a, day('01/04/2023'), day('31/03/2024')), true);
  const values = computeIndicators(ret, ['2024-03-31', '2025-03-31']);
  assert.equal(valueOf(values, 'cla', '2024-03-31').value, 1);
  assert.equal(valueOf(values, 'ceased', '2025-03-31').value, 1);
});
