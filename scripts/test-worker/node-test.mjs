// What a test file gets when it imports 'node:test' in a test worker (scripts/test-worker/worker.mjs):
// node's own functions, except that a test, suite or hook declared while a file is being loaded,
// outside any test or suite, belongs to that file's suite instead of the process's root. So each
// file's before/after/beforeEach hooks apply to its own tests only, as when it ran in a process of
// its own. Declarations inside a test or suite are left to node as they are.
import { executionAsyncResource } from 'node:async_hooks';
import * as real from 'node:test';

export { real };

/** The suite of the file being loaded, while it loads. */
let loading = null;

/** Runs load() with declarations outside any test going to `suite` (node's Suite, the resource its function runs in). */
export async function loadInto(suite, load) {
  loading = suite;
  try {
    await load();
  } finally {
    loading = null;
  }
}

function routed(declare) {
  return (...args) => {
    if (loading === null) return declare(...args);
    // node's Test class (Suite extends it): inside a test, suite or hook, node finds the parent itself.
    if (executionAsyncResource() instanceof Object.getPrototypeOf(loading.constructor)) return declare(...args);
    return loading.runInAsyncScope(() => declare(...args));
  };
}

const withVariants = (declare) => Object.assign(routed(declare), { skip: routed(declare.skip), todo: routed(declare.todo), only: routed(declare.only) });

export const test = withVariants(real.test);
export const it = withVariants(real.it);
export const describe = withVariants(real.describe);
export const suite = describe;
export const before = routed(real.before);
export const after = routed(real.after);
export const beforeEach = routed(real.beforeEach);
export const afterEach = routed(real.afterEach);
export const mock = real.mock;
export const run = real.run;
export default test;
