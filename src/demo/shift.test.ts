// The demonstration's move into the present: how many years for a day, and what moves with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allActions, planDocumentSchema } from '../domain/plan-document.ts';
import { demoPlans, voiceItems } from './content/index.ts';
import { DEMO_WRITTEN_AT, demoYearShift, shiftContent, shiftDate, shiftText } from './shift.ts';

test('demoYearShift on a day the demonstration was written for moves nothing', () => {
  assert.equal(demoYearShift('2018-07-31'), 0);
  assert.equal(demoYearShift('2018-10-09'), 0);
  assert.equal(demoYearShift('2016-01-01'), 0);
});

test('demoYearShift on 3 December 2026 moves eight years, so July–September 2026 is the latest quarter reported', () => {
  assert.equal(demoYearShift('2026-12-03'), 8);
  assert.equal(shiftDate('2018-09-30', 8), '2026-09-30');
});

test('demoYearShift before 9 October keeps the last recorded event in the past', () => {
  assert.equal(demoYearShift('2027-07-15'), 8);
  assert.equal(demoYearShift('2027-10-08'), 8);
  assert.equal(demoYearShift('2027-10-09'), 9);
  assert.equal(demoYearShift('2028-01-02'), 9);
});

test('shiftDate moves dates and date-times by whole years and turns 29 February into the 28th in a common year', () => {
  assert.equal(shiftDate('2018-03-31', 8), '2026-03-31');
  assert.equal(shiftDate('2018-02-09T10:00:00Z', 8), '2026-02-09T10:00:00Z');
  assert.equal(shiftDate('2016-02-29', 9), '2025-02-28');
  assert.equal(shiftDate('2016-02-29', 8), '2024-02-29');
});

test('shiftText moves years, year ranges and slugs, and leaves laws and other numbers alone', () => {
  assert.equal(shiftText('Children and Young People’s Plan 2016–19', 8), 'Children and Young People’s Plan 2024–27');
  assert.equal(shiftText('cypp-2016-19:6.7', 8), 'cypp-2024-27:6.7');
  assert.equal(shiftText('the 11% target for 2017/18, met in March 2018', 8), 'the 11% target for 2025/26, met in March 2026');
  assert.equal(shiftText('from 2018-03-31', 8), 'from 2026-03-31');
  assert.equal(shiftText('the 2099/00 plan', 1), 'the 2099/00 plan');
  assert.equal(shiftText('year 2019–20', 81), 'year 2100–01');
  assert.equal(shiftText('the Children and Social Work Act 2017 and 52 orders', 8), 'the Children and Social Work Act 2017 and 52 orders');
});

test('shiftContent moves every plan’s dates, slugs and references alike and keeps them valid plan documents', () => {
  for (const raw of demoPlans) {
    const before = planDocumentSchema.parse(raw);
    const after = planDocumentSchema.parse(shiftContent(raw, 8));
    assert.equal(after.plan.slug, shiftText(before.plan.slug, 8));
    const a = allActions(before);
    const b = allActions(after);
    assert.deepEqual(
      b.map((x) => x.deadlines.map((d) => d.date)),
      a.map((x) => x.deadlines.map((d) => shiftDate(d.date, 8))),
      before.plan.slug,
    );
    assert.deepEqual(
      b.map((x) => x.statuses.map((s) => s.recordedAt)),
      a.map((x) => x.statuses.map((s) => shiftDate(s.recordedAt, 8))),
      before.plan.slug,
    );
  }
  const voice = shiftContent(voiceItems, 8);
  assert.equal(voice[0]!.raisedOn, shiftDate(voiceItems[0]!.raisedOn, 8));
  assert.deepEqual(voice[1]!.actions, ['cypp-2024-27:6.1', 'cypp-2024-27:6.2', 'cypp-2024-27:7.1']);
});

test('content records nothing after the day the demonstration was written for', () => {
  const events: string[] = [];
  for (const raw of demoPlans) {
    const doc = planDocumentSchema.parse(raw);
    for (const a of allActions(doc)) {
      events.push(...a.updates.map((u) => u.date), ...a.deadlines.map((d) => d.setAt.slice(0, 10)));
      events.push(...a.statuses.flatMap((s) => [s.asAt, s.recordedAt.slice(0, 10), ...(s.decidedAt ? [s.decidedAt.slice(0, 10)] : [])]));
    }
    events.push(...doc.plan.risks.flatMap((r) => r.scores.map((s) => s.recordedAt.slice(0, 10))));
  }
  events.push(...voiceItems.flatMap((v) => (v.raisedOn ? [v.raisedOn] : [])));
  assert.equal(events.sort().at(-1), DEMO_WRITTEN_AT);
});
