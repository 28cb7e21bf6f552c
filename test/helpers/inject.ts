// Injects another person's write into the middle of a request, to check that what the request says
// happened is what happened: between the request's steps once its progress update has committed, or
// while that transaction is still open (the other write then has to queue for the row).
import { ActionRepository } from '../../src/repositories/action.repository.ts';
import { Store, type Repositories } from '../../src/repositories/store.ts';

type Restore = () => void;

// The two methods the hooks wrap, as plain function properties of the prototypes.
const stores = Store.prototype as unknown as { transaction: (this: Store, fn: (repos: Repositories) => Promise<unknown>) => Promise<unknown> };
const actions = ActionRepository.prototype as unknown as {
  insertUpdates: (this: ActionRepository, rows: Parameters<ActionRepository['insertUpdates']>[0]) => ReturnType<ActionRepository['insertUpdates']>;
};

/**
 * Runs `write` (awaited) between the steps of a request: just before the next transaction starts
 * once the transaction that wrote a progress update has committed. A request that makes no further
 * transaction has nothing in between: `finish` then runs the write after it, so it is always made.
 */
export function writeBetweenSteps(write: () => Promise<unknown>): { finish: () => Promise<void>; restore: Restore } {
  const transaction = stores.transaction;
  const insertUpdates = actions.insertUpdates;
  let wroteUpdate = false;
  let committed = false;
  let injected = false;
  const inject = async (): Promise<void> => {
    injected = true;
    await write();
  };
  actions.insertUpdates = function (rows) {
    wroteUpdate = true;
    return insertUpdates.call(this, rows);
  };
  stores.transaction = async function (fn) {
    if (committed && !injected) await inject();
    const result = await transaction.call(this, fn);
    if (wroteUpdate) committed = true;
    return result;
  };
  const restore = (): void => {
    stores.transaction = transaction;
    actions.insertUpdates = insertUpdates;
  };
  return {
    restore,
    finish: async () => {
      restore();
      if (!committed) throw new Error('no progress update was committed, so nothing was injected');
      if (!injected) await inject();
    },
  };
}

/**
 * While the first transaction that writes a progress update is still open (its row locked, its
 * version read), starts `write` without waiting for it. Returns the promise of that write, settled
 * once it has run, and the function that takes the hook out again.
 */
export function writeDuringUpdate(write: () => Promise<unknown>): { other: () => Promise<PromiseSettledResult<unknown>>; restore: Restore } {
  const insertUpdates = actions.insertUpdates;
  let started: Promise<unknown> | undefined;
  actions.insertUpdates = function (rows) {
    started ??= write();
    // Settled by other(); a rejection here is the outcome under test, not an unhandled one.
    started.catch(() => undefined);
    return insertUpdates.call(this, rows);
  };
  return {
    other: async () => {
      if (started === undefined) throw new Error('no progress update was written, so nothing was injected');
      const [settled] = await Promise.allSettled([started]);
      return settled;
    },
    restore: () => {
      actions.insertUpdates = insertUpdates;
    },
  };
}
