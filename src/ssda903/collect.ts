// A full garbage collection, asked for where the engine has just let go of a large share of what it held.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * Collects garbage in full now, when Node lets it (else does nothing). Indicators straight from files let go of
 * millions of rows at a few points (the tables only the row checks read, the Header rows once the history has what
 * it needs, every row once the rules are done); left to itself V8 lets its heap grow to nearly twice what is live
 * before it collects, and at national size that growth, not the live data, took the peak over 2 GB. One collection at
 * each such point costs about as much as one of the collections it would have made anyway. With `ifHeapOver`, only
 * when V8's heap has grown past that many bytes: on a county's return the growth is a few hundred MB and the
 * collection would be time spent for nothing.
 */
export function collectGarbage(ifHeapOver = 0): void {
  if (ifHeapOver > 0 && v8.getHeapStatistics().total_heap_size <= ifHeapOver) return;
  if (gc === undefined) {
    try {
      // Node starts without the gc function; the flag set now makes it available to a new context.
      v8.setFlagsFromString('--expose-gc');
      const f: unknown = vm.runInNewContext('gc');
      gc = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
