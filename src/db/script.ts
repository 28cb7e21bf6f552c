// Runs a migration script statement by statement: PGlite's extended protocol takes one statement per query.
import { sql, type Kysely } from 'kysely';

export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
