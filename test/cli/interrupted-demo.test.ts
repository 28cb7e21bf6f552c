// `parentis demo` killed part way (kill -9): each plan lands whole or not at all, and running the
// command again completes the load; a third run changes nothing.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND_TIMEOUT_MS, demoActionCounts, demoDocuments, demoEnv, disposeStores, freshStore, ok, okJson, startNode, type Store } from './run.ts';

interface PlanRow {
  plan: string;
  title: string;
  actions: number;
}

/** Pins "overdue" so listings taken at different moments compare equal. */
const AS_OF = '2018-06-30';

/** What a complete load holds, plan by plan, from the content the loader reads. */
const expected = demoActionCounts();

let store: Store;
let complete: PlanRow[] = [];

const listPlans = (): Promise<PlanRow[]> => okJson<PlanRow[]>(store, ['--as-of', AS_OF, 'plans', '--format', 'json']);

before(async () => {
  store = await freshStore();
});

after(disposeStores);

void test('kill demo load after its first plan leaves only whole plans', async () => {
  const p = startNode(['bin/parentis.js', 'demo'], demoEnv(store.env));
  try {
    // As long as any command may take: a new store's first start runs initdb, slow on a busy machine.
    const first = await p.waitForOutput(/^Loaded plan (.+)$/m, COMMAND_TIMEOUT_MS);
    p.child.kill('SIGKILL');
    const r = await p.exited;
    assert.equal(r.signal, 'SIGKILL', 'the load was still running when it was killed');
    assert.ok(!r.stdout.includes('Loaded the demonstration authority'), `the load had finished:\n${r.stdout}`);

    const plans = await listPlans();
    assert.ok(plans.some((x) => x.title === first[1]), `the plan reported loaded (${first[1]}) is there`);
    for (const plan of plans) {
      assert.ok(plan.actions > 0, `${plan.plan} has no actions`);
      assert.equal(plan.actions, expected[plan.plan], `${plan.plan} is half written`);
    }
  } finally {
    await p.kill();
  }
});

void test('run demo again after an interruption completes the load with every plan whole', async () => {
  const before = await listPlans();
  const out = await ok(store, ['demo']);
  assert.match(out, /^Loaded the demonstration authority Westmere County Council\.$/m);
  for (const plan of before) assert.ok(!out.includes(`Loaded plan ${plan.title}`), `${plan.plan} was loaded a second time`);

  complete = await listPlans();
  assert.deepEqual(
    complete.map((x) => x.plan),
    demoDocuments.map((d) => d.plan.slug),
  );
  assert.deepEqual(Object.fromEntries(complete.map((x) => [x.plan, x.actions])), expected);
});

void test('run demo a third time says it is already loaded and changes nothing', async () => {
  const out = await ok(store, ['demo']);
  assert.match(out, /already loaded/);
  assert.ok(!out.includes('Loaded plan'), out);
  assert.deepEqual(await listPlans(), complete);
});
