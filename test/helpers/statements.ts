// Counts the SQL statements sent to either database (PGlite or a PostgreSQL server) while a piece of
// work runs, by wrapping the drivers' query methods as bench/web.ts does.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Queryable = { query: (...args: unknown[]) => unknown };

/** Runs `work` and returns its result with the number of statements sent meanwhile (BEGIN and COMMIT included). */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const protos = [PGlite.prototype, pg.Client.prototype] as unknown as Queryable[];
  const originals = protos.map((p) => p.query);
  protos.forEach((proto, i) => {
    const original = originals[i]!;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  });
  try {
    return { result: await work(), statements };
  } finally {
    protos.forEach((proto, i) => (proto.query = originals[i]!));
  }
}
