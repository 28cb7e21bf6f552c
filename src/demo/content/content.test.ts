// The demonstration authority's plans, young people's priorities and glossary are valid plan documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allActions,
  glossaryTermSchema,
  planDocumentSchema,
  voiceItemSchema,
  type PlanDocument,
  type PlanDocumentInput,
} from '../../domain/plan-document.ts';
import { BRAG } from '../../domain/brag.ts';
import { cyppPlan, demoPlans, glossary, people, sufficiencyPlan, taskGroupPlan, voiceItems } from './index.ts';

/** Real people named in the source papers; none may appear in the demonstration content. */
const SEED_NAMES = [
  'Louise Palmer', 'Philippa Granthier', 'Lise Bird', 'Emma Good', 'Julie Skorupka', 'Becky Hopkins',
  'Frances Nicholson', 'Jill Shortland', 'Fiona Phur', 'Scott Wooldridge', 'David Fothergill', 'Julian Wooster',
  'Claire Winter', 'Jenny Thompson', 'Angela Reece', 'Maria Davis', 'Tony Johnson', 'Sandra Corry',
  'Lesley Corrin', 'Michelle Hawkes', 'Fiona Abbey', 'Kerry Allan', 'Sally Karimian', 'Dee Henderson',
  'Faye Dodd', 'Julia McFaul', 'Nancy Southcott', 'Jo Manning', 'Paul Shallcross', 'Jason Pincott', 'Ian Clift',
  'Helen Wood', 'Trish Lyons', 'Clive Mallon', 'Ben Eve', 'Vikki Hearn', 'Julie Young', 'Claire Merchant Jones',
  'Carrie-Anne Hiscock', 'Carrie-Ann Hiscock', 'Rachel Austin', 'Zoe Heywood', 'Alice Rees', 'Jane Seaman',
  'Ann Adams', 'Neal Chislett', 'Julia Ridge', 'Suzanne Lyus', 'Mark Riddell', 'Mark Rydell', 'Lewis Diffy',
  'Helen Rolls', 'Cassie Jones', 'Caroline Mellor', 'Liz Pearson', 'Penny Quigley', 'Louise Wallace',
  'Tom Whitworth', 'Sue White', 'Alison Bell', 'Deborah Howard', 'Dave Farrow', 'Sally Halls', 'Chris Squire',
];

const surname = (name: string): string => name.trim().split(/\s+/).at(-1)!.toLowerCase();

function parsePlan(plan: PlanDocumentInput): PlanDocument {
  return planDocumentSchema.parse(plan);
}


function duplicateNumbers(plan: PlanDocument): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const action of allActions(plan)) {
    if (seen.has(action.number)) dupes.push(action.number);
    seen.add(action.number);
  }
  return dupes;
}

void test('parsing sufficiencyPlan matches planDocumentSchema', () => {
  assert.doesNotThrow(() => parsePlan(sufficiencyPlan));
});

void test('parsing taskGroupPlan matches planDocumentSchema', () => {
  assert.doesNotThrow(() => parsePlan(taskGroupPlan));
});

void test('parsing cyppPlan matches planDocumentSchema', () => {
  assert.doesNotThrow(() => parsePlan(cyppPlan));
});

void test('parsing voiceItems accepts every item', () => {
  const failures = voiceItems.flatMap((item, i) => {
    const result = voiceItemSchema.safeParse(item);
    return result.success ? [] : [`voiceItems[${i}] (${item.priority}): ${result.error.message}`];
  });
  assert.deepEqual(failures, []);
});

void test('parsing glossary accepts every term', () => {
  const failures = glossary.flatMap((term) => {
    const result = glossaryTermSchema.safeParse(term);
    return result.success ? [] : [`${term.term}: ${result.error.message}`];
  });
  assert.deepEqual(failures, []);
});

void test('counting glossary terms finds at least 40, none repeated', () => {
  const terms = glossary.map((t) => t.term.toLowerCase());
  assert.ok(terms.length >= 40, `only ${terms.length} terms`);
  assert.deepEqual(terms.filter((t, i) => terms.indexOf(t) !== i), []);
});

void test('numbering sufficiencyPlan actions gives unique numbers', () => {
  assert.deepEqual(duplicateNumbers(parsePlan(sufficiencyPlan)), []);
});

void test('numbering taskGroupPlan actions gives unique numbers', () => {
  assert.deepEqual(duplicateNumbers(parsePlan(taskGroupPlan)), []);
});

void test('numbering cyppPlan actions gives unique numbers', () => {
  assert.deepEqual(duplicateNumbers(parsePlan(cyppPlan)), []);
});

void test('numbering sufficiencyPlan actions runs 1 to 15', () => {
  const numbers = allActions(parsePlan(sufficiencyPlan)).map((a) => a.number);
  assert.deepEqual(numbers, Array.from({ length: 15 }, (_, i) => String(i + 1)));
});

void test('counting taskGroupPlan actions with sub-actions gives between 50 and 70', () => {
  const count = allActions(parsePlan(taskGroupPlan)).length;
  assert.ok(count >= 50 && count <= 70, `found ${count} actions`);
});

void test('reading taskGroupPlan latest statuses shows every BRAG colour', () => {
  const latest = new Set(allActions(parsePlan(taskGroupPlan)).map((a) => a.statuses.at(-1)?.status));
  assert.deepEqual(BRAG.filter((colour) => !latest.has(colour)), []);
});

void test('ordering status histories in demoPlans puts the oldest first', () => {
  const offenders = demoPlans.flatMap((input) => {
    const plan = parsePlan(input);
    return allActions(plan)
      .filter((a) => a.statuses.some((s, i) => i > 0 && s.asAt < a.statuses[i - 1]!.asAt))
      .map((a) => `${plan.plan.slug}:${a.number}`);
  });
  assert.deepEqual(offenders, []);
});

void test('ordering deadlines in demoPlans starts with the original deadline', () => {
  const offenders = demoPlans.flatMap((input) => {
    const plan = parsePlan(input);
    return allActions(plan)
      .filter((a) => a.deadlines.length > 0 && (a.deadlines[0]!.reason !== 'Original deadline' || a.deadlines.slice(1).some((d) => d.reason === '' || d.reason === 'Original deadline')))
      .map((a) => `${plan.plan.slug}:${a.number}`);
  });
  assert.deepEqual(offenders, []);
});

void test('filtering cyppPlan actions by inspection recommendation 11 finds at least 3', () => {
  const matching = allActions(parsePlan(cyppPlan)).filter((a) => a.refs.some((r) => r.kind === 'inspection' && r.value === '11'));
  assert.ok(matching.length >= 3, `found ${matching.map((a) => a.number).join(', ') || 'none'}`);
});

void test('listing cyppPlan programmes gives seven programmes numbered 1 to 7 with a status', () => {
  const programmes = parsePlan(cyppPlan).plan.nodes.filter((n) => n.kind === 'programme');
  assert.deepEqual(programmes.map((p) => p.number), ['1', '2', '3', '4', '5', '6', '7']);
  assert.deepEqual(programmes.filter((p) => !p.status || !p.deliveryGroup || !p.chair).map((p) => p.number), []);
});

void test('resolving voiceItems action keys finds every action in demoPlans', () => {
  const keys = new Set(
    demoPlans.flatMap((input) => {
      const plan = parsePlan(input);
      return allActions(plan).map((a) => `${plan.plan.slug}:${a.number}`);
    }),
  );
  const missing = voiceItems.flatMap((item) => (item.actions ?? []).filter((key) => !keys.has(key)));
  assert.deepEqual(missing, []);
});

void test('resolving risk actions finds every action in its own plan', () => {
  const missing = demoPlans.flatMap((input) => {
    const plan = parsePlan(input);
    const numbers = new Set(allActions(plan).map((a) => a.number));
    return plan.plan.risks.flatMap((risk) => risk.actions.filter((n) => !numbers.has(n)).map((n) => `${plan.plan.slug} ${risk.reference}: ${n}`));
  });
  assert.deepEqual(missing, []);
});

void test('searching demo content for seed names finds none', () => {
  const text = JSON.stringify({ demoPlans, voiceItems, glossary, people }).toLowerCase();
  const found = SEED_NAMES.filter((name) => new RegExp(`\\b${name.toLowerCase()}\\b`).test(text));
  assert.deepEqual(found, []);
});

void test('comparing people surnames with seed names finds no overlap', () => {
  const seedSurnames = new Set(SEED_NAMES.map(surname));
  assert.deepEqual(people.map((p) => p.name).filter((name) => seedSurnames.has(surname(name))), []);
});
