// Each OC2 rule (cohort 190/191, SDQ 186/197B/188/189) flags its rows and passes a child it does not concern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ep, files as filesOf, history, oc2, reviews } from '../test-fixtures.ts';
import { runRules } from './registry.ts';
import { flagged } from './test-fixtures.ts';

const O = '2025/oc2.csv';
/** In care since before the year: in the 12-month cohort at 31/03/2025. */
const cohort = (child: string) => ep(child, '01/01/2022', 'S', 'C2', 'U1');
/** Came into care after 1 April: not in it. */
const late = (child: string) => ep(child, '15/04/2024', 'S', 'C2', 'U1');
const blankItems = { CONVICTED: '', HEALTH_CHECK: '', IMMUNISATIONS: '', TEETH_CHECK: '', HEALTH_ASSESSMENT: '', SUBSTANCE_MISUSE: '', INTERVENTION_RECEIVED: '', INTERVENTION_OFFERED: '' };
const scored = { SDQ_SCORE: '12', SDQ_REASON: 'SDQ1' };

/** The 2025 return, with the review every looked-after child has in the year: its dates are of its own year. */
function files(year: 2025, tables: { Episodes: Record<string, string>[]; OC2: Record<string, string>[] }) {
  return filesOf(year, { ...tables, Reviews: reviews('15/10/2024', ...new Set(tables.Episodes.map((e) => e.CHILD!))) });
}

test('rule 190 flags OC2 items completed for a child outside the 12-month cohort, and passes a cohort child and a blank row', () => {
  const input = files(2025, {
    Episodes: [cohort('IN'), late('LATE'), late('BLANK')],
    OC2: [oc2('IN', '01/01/2012', scored), oc2('LATE', '01/01/2012', scored), oc2('BLANK', '01/01/2012', { ...blankItems, SDQ_REASON: '' })],
  });
  assert.deepEqual(flagged('190', input), [`${O}:3`]);
});

test('rule 191 flags a cohort child with blank OC2 items or no OC2 row, and passes a complete row', () => {
  const input = files(2025, {
    Episodes: [cohort('FULL'), cohort('GAPS'), cohort('GONE'), late('LATE')],
    OC2: [oc2('FULL', '01/01/2012', scored), oc2('GAPS', '01/01/2012', { ...scored, IMMUNISATIONS: '' })],
  });
  assert.deepEqual(flagged('191', input), [`${O}:3`, '2025/episodes.csv:4']);
  const missing = runRules(history(input)).find((i) => i.check === '191' && i.child === 'GONE');
  assert.equal(missing?.table, 'Episodes');
});

test('rule 186 flags a cohort child aged 4 to 16 without a score or reason, and passes a scored child, an under-4 and a non-cohort child', () => {
  const input = files(2025, {
    Episodes: [cohort('NONE'), cohort('DONE'), cohort('BABY'), late('LATE')],
    OC2: [oc2('NONE', '01/01/2015', { SDQ_REASON: '' }), oc2('DONE', '01/01/2015', scored), oc2('BABY', '01/01/2022', { SDQ_REASON: '' }), oc2('LATE', '01/01/2015')],
  });
  assert.deepEqual(flagged('186', input), [`${O}:2`]);
});

test('rule 186 passes a cohort child with a score and no reason, and one with a reason for no score', () => {
  const input = files(2025, {
    Episodes: [cohort('SCORE'), cohort('REASON')],
    OC2: [oc2('SCORE', '01/01/2015', { SDQ_SCORE: '12', SDQ_REASON: '' }), oc2('REASON', '01/01/2015', { SDQ_REASON: 'SDQ2' })],
  });
  assert.deepEqual(flagged('186', input), []);
});

test('rule 197B flags a cohort child turning 4 or 17 with neither score nor reason, and passes one with a reason', () => {
  const input = files(2025, {
    Episodes: [cohort('FOUR'), cohort('SEVENTEEN'), cohort('REASON')],
    OC2: [oc2('FOUR', '01/06/2020', { SDQ_REASON: '' }), oc2('SEVENTEEN', '01/06/2007', { SDQ_REASON: '' }), oc2('REASON', '01/06/2020', { SDQ_REASON: 'SDQ1' })],
  });
  assert.deepEqual(flagged('197B', input), [`${O}:2`, `${O}:3`]);
});

test('rule 188 flags an SDQ score or reason for a child under 4 on 31 March, and passes a blank one and an older child', () => {
  const input = files(2025, {
    Episodes: [cohort('A'), cohort('B'), cohort('C')],
    OC2: [oc2('A', '01/06/2021', { SDQ_REASON: 'SDQ1' }), oc2('B', '01/06/2021', { SDQ_REASON: '' }), oc2('C', '01/01/2012', scored)],
  });
  assert.deepEqual(flagged('188', input), [`${O}:2`]);
});

test('rule 189 flags an SDQ score or reason for a young person 17 or over on 1 April, and passes one turning 17 later', () => {
  const input = files(2025, {
    Episodes: [cohort('A'), cohort('B'), cohort('C')],
    OC2: [oc2('A', '01/01/2007', { SDQ_REASON: 'SDQ1' }), oc2('B', '01/01/2007', { SDQ_REASON: '' }), oc2('C', '01/06/2007', { SDQ_REASON: 'SDQ1' })],
  });
  assert.deepEqual(flagged('189', input), [`${O}:2`]);
});
