// The test databases themselves: an embedded one that a file closes is handed to the next file in the
// same worker emptied, with the template's rows and fresh sequences, as a new copy would start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { authority, openTestDatabase } from '../helpers/database.ts';

const rows = async (db: Awaited<ReturnType<typeof openTestDatabase>>, table: string) =>
  (await sql.raw(`select * from "${table}" order by 1`).execute(db.handle.db)).rows;

test('open a test database after another file closed one starts as that one started, with ids from 1', async () => {
  const first = await openTestDatabase();
  const start = await first.counts();
  const mark = await rows(first, 'measure_data_version');
  const org = await first.handle.db.insertInto('organisation').values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  assert.equal(org.id, 1);
  // A write to the measures moves this mark; emptying their tables moves it again.
  await sql`update measure_data_version set version = '1'`.execute(first.handle.db);
  await first.close();

  const next = await openTestDatabase();
  // In a test worker (the default) the same embedded database comes back; otherwise a new copy.
  if (next.kind === 'embedded' && process.env.PARENTIS_TEST_QUEUE !== undefined) assert.equal(next.handle, first.handle, 'the embedded database was used again');
  assert.deepEqual(await next.counts(), start);
  assert.deepEqual(await rows(next, 'measure_data_version'), mark);
  const again = await next.handle.db.insertInto('organisation').values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  assert.equal(again.id, 1);
  await next.close();
});

test('restore after rows were added, changed and removed puts back every row and sequence as saved', async () => {
  const db = await openTestDatabase();
  await db.reset();
  const ctx = await authority(db);
  await db.services.glossary.add(ctx, { term: 'CLA', expansion: 'children looked after', definition: '' });
  await db.services.glossary.add(ctx, { term: 'IRO', expansion: 'independent reviewing officer', definition: '' });
  const saved = await db.save();

  // A new row (its sequence moves and the audit trail grows), a removed one, and a change to the
  // authority every other row refers to.
  await db.services.glossary.add(ctx, { term: 'PEP', expansion: 'personal education plan', definition: '' });
  await sql`delete from glossary_term where term = 'IRO'`.execute(db.handle.db);
  await sql`update organisation set name = 'Renamed County Council'`.execute(db.handle.db);
  await db.restore(saved);

  const now = await db.save();
  assert.deepEqual({ ...now.rows, measure_data_version: undefined }, { ...saved.rows, measure_data_version: undefined });
  const byName = (s: typeof saved) => [...s.sequences].sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(byName(now), byName(saved));
  const next = await db.services.glossary.add(ctx, { term: 'PEP', expansion: 'personal education plan', definition: '' });
  assert.equal(next.id, 3, 'the next id is the one after the saved rows');

  // Nothing changed since: no row is written again (each row's xmin, the transaction that wrote it, stays).
  await db.restore(saved);
  const written = async () => (await sql<{ xmin: string }>`select xmin::text from organisation union all select xmin::text from glossary_term`.execute(db.handle.db)).rows;
  const before = await written();
  await db.restore(saved);
  assert.deepEqual(await written(), before);
  await db.close();
});
